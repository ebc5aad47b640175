// SPDX-License-Identifier: GPL-3.0-or-later
// The web-config reader: node_exporter's examples parse; every malformed or
// unsupported input is an error naming the line, never a silent default.

#include "agent/common/webconfig.h"

#include <QTest>

#include <crypt.h>

using namespace Meridian::Agent;

class TestWebConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid();
    void invalid_data();
    void invalid();
    void bcrypt();
    void basicAuthHeader_data();
    void basicAuthHeader();
};

void TestWebConfig::valid()
{
    const QByteArray text = "---\n# exporter-toolkit example\n"
                            "tls_server_config:\n"
                            "  cert_file: tls.crt   # relative\n"
                            "  key_file: \"/etc/meridian-agent/tls.key\"\n"
                            "  client_auth_type: RequireAndVerifyClientCert\n"
                            "  client_ca_file: 'console-ca.crt'\n"
                            "  client_allowed_sans:\n"
                            "    - console-01.example\n"
                            "    - \"10.0.0.7\"\n"
                            "  min_version: TLS13\n"
                            "  cipher_suites:\n"
                            "    - TLS_AES_128_GCM_SHA256\n"
                            "basic_auth_users:\n"
                            "  admin: $2y$10$mDwo.lAisC94iLAyP81MCesa29IzH37oigHC/42V2pdJlUprsJPze\n";
    WebConfig c;
    QString error;
    QVERIFY2(WebConfig::parse(text, QStringLiteral("/srv/conf"), &c, &error), qPrintable(error));
    QVERIFY(c.tlsEnabled);
    QCOMPARE(c.certFile, QStringLiteral("/srv/conf/tls.crt"));
    QCOMPARE(c.keyFile, QStringLiteral("/etc/meridian-agent/tls.key"));
    QCOMPARE(c.clientCaFile, QStringLiteral("/srv/conf/console-ca.crt"));
    QCOMPARE(c.clientAuth, WebConfig::ClientAuth::RequireAndVerifyClientCert);
    QCOMPARE(c.clientAllowedSans, (QStringList { QStringLiteral("console-01.example"), QStringLiteral("10.0.0.7") }));
    QCOMPARE(c.minVersion, WebConfig::TlsVersion::Tls13);
    QCOMPARE(c.basicAuthUsers.size(), 1);
    QVERIFY(c.basicAuthUsers.value(QStringLiteral("admin")).startsWith("$2y$10$"));

    WebConfig onlyAuth;
    QVERIFY2(WebConfig::parse("basic_auth_users:\n  a: $2b$04$abcdefghijklmnopqrstuuJ1bL2kW3nbpU7yF0Y5ZyR4Ww5h0m3.e\n",
                 {}, &onlyAuth, &error),
        qPrintable(error));
    QVERIFY(!onlyAuth.tlsEnabled);
    WebConfig empty;
    QVERIFY2(WebConfig::parse("# nothing\n\n", {}, &empty, &error), qPrintable(error));
    QVERIFY(!empty.tlsEnabled && empty.basicAuthUsers.isEmpty());
}

void TestWebConfig::invalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("errorContains");
    const QByteArray tls = "tls_server_config:\n  cert_file: a\n  key_file: b\n";
    QTest::addRow("unknown top-level key") << QByteArray("tls_config:\n  cert_file: a\n") << "line 1";
    QTest::addRow("typo in a TLS key") << QByteArray(tls + "  client_auth: RequireAndVerifyClientCert\n")
                                       << "client_auth";
    QTest::addRow("missing key file") << QByteArray("tls_server_config:\n  cert_file: a\n") << "key_file";
    QTest::addRow("unknown client auth") << QByteArray(tls + "  client_auth_type: Yes\n") << "client_auth_type";
    QTest::addRow("verify without CA") << QByteArray(tls + "  client_auth_type: RequireAndVerifyClientCert\n")
                                       << "client_ca_file";
    QTest::addRow("TLS 1.0") << QByteArray(tls + "  min_version: TLS10\n") << "TLS12";
    QTest::addRow("max below min") << QByteArray(tls + "  min_version: TLS13\n  max_version: TLS12\n") << "max_version";
    QTest::addRow("plain password") << QByteArray("basic_auth_users:\n  admin: hunter2\n") << "bcrypt";
    QTest::addRow("tab indentation") << QByteArray("tls_server_config:\n\tcert_file: a\n") << "tabs";
    QTest::addRow("inline PEM") << QByteArray("tls_server_config:\n  cert: |\n    -----BEGIN\n") << "line";
    QTest::addRow("bad indentation") << QByteArray("tls_server_config:\n  cert_file: a\n    key_file: b\n")
                                     << "indentation";
    QTest::addRow("sans without verification") << QByteArray(tls + "  client_allowed_sans: [a]\n") << "verified";
    QTest::addRow("unterminated list") << QByteArray(tls
        + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: c\n"
          "  client_allowed_sans: [a, b\n")
                                       << "unterminated";
    QTest::addRow("anchor") << QByteArray("tls_server_config:\n  cert_file: &x a\n") << "anchors";
    QTest::addRow("NUL byte") << QByteArray("tls_server_config:\n  cert_file: a\0b\n", 35) << "NUL";
    QTest::addRow("huge") << QByteArray(WebConfig::MaxFileBytes + 1, '#') << "larger";
    QTest::addRow("scalar at top level") << QByteArray("tls_server_config: yes\n") << "mapping";
    QTest::addRow("duplicate user") << QByteArray(
        "basic_auth_users:\n  a: $2b$04$abcdefghijklmnopqrstuuJ1bL2kW3nbpU7yF0Y5ZyR4Ww5h0m3.e\n"
        "  a: $2b$04$abcdefghijklmnopqrstuuJ1bL2kW3nbpU7yF0Y5ZyR4Ww5h0m3.e\n")
                                    << "twice";
}

void TestWebConfig::invalid()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, errorContains);
    WebConfig c;
    QString error;
    QVERIFY(!WebConfig::parse(text, QStringLiteral("/x"), &c, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestWebConfig::bcrypt()
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    QVERIFY(crypt_gensalt_rn("$2b$", 4, nullptr, 0, salt, sizeof salt));
    crypt_data data {};
    const QByteArray hash(crypt_r("correct horse", salt, &data));
    QCOMPARE(hash.size(), 60);
    QVERIFY(bcryptMatches("correct horse", hash));
    QVERIFY(!bcryptMatches("correct horsf", hash));
    QVERIFY(!bcryptMatches({}, hash));
    QVERIFY(!bcryptMatches("correct horse", hash.left(59)));
    // $2y$ (PHP/htpasswd) hashes verify the same way.
    QByteArray y = hash;
    y[2] = 'y';
    QVERIFY(bcryptMatches("correct horse", y));
}

void TestWebConfig::basicAuthHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("ok");
    QTest::addRow("right") << "Basic " + QByteArray("u:pw-1").toBase64() << true;
    QTest::addRow("wrong password") << "Basic " + QByteArray("u:pw-2").toBase64() << false;
    QTest::addRow("unknown user") << "Basic " + QByteArray("v:pw-1").toBase64() << false;
    QTest::addRow("no colon") << "Basic " + QByteArray("upw-1").toBase64() << false;
    QTest::addRow("not base64") << QByteArray("Basic !!!!") << false;
    QTest::addRow("bearer") << QByteArray("Bearer abc") << false;
    QTest::addRow("empty") << QByteArray() << false;
    QTest::addRow("huge") << "Basic " + QByteArray(4096, 'A') << false;
}

void TestWebConfig::basicAuthHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, ok);
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    QVERIFY(crypt_gensalt_rn("$2b$", 4, nullptr, 0, salt, sizeof salt));
    crypt_data data {};
    BasicAuth auth({ { QStringLiteral("u"), QByteArray(crypt_r("pw-1", salt, &data)) } });
    QString user;
    QCOMPARE(auth.check(header, &user), ok);
    QCOMPARE(auth.check(header, &user), ok); // the cached path agrees
}

QTEST_GUILESS_MAIN(TestWebConfig)
#include "tst_webconfig.moc"
