// SPDX-License-Identifier: GPL-3.0-or-later
// The agents' TLS policy (agent/common/tlspolicy.h): the server certificate and key are checked before the
// agent serves (expired, not yet valid, a key of another certificate, a key others can read), with
// certificates made now by the openssl CLI, both on the function and on the real meridian-agent's start;
// and the TLS 1.2 suites are AEAD with forward secrecy only.

#include "agent/common/tlspolicy.h"
#include "tests/security/testpki.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <openssl/ssl.h>

using namespace Meridian;
using Meridian::Test::TestPki;

class TestTlsPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void credentials_data();
    void credentials();
    void agentRefusesAtStart_data();
    void agentRefusesAtStart();
    void tls12SuitesAreAeadWithForwardSecrecy();

private:
    TestPki m_pki;
};

void TestTlsPolicy::initTestCase()
{
    QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
    const QStringList local { QStringLiteral("IP:127.0.0.1") };
    QVERIFY2(m_pki.makeCa(QStringLiteral("ca"), QStringLiteral("Policy CA")), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("good"), QStringLiteral("ca"), QStringLiteral("node-01"), local, false),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("other"), QStringLiteral("ca"), QStringLiteral("node-02"), local, false),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("expired"), QStringLiteral("ca"), QStringLiteral("node-old"), local, false,
                 QStringLiteral("20200101000000Z"), QStringLiteral("20200201000000Z")),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("future"), QStringLiteral("ca"), QStringLiteral("node-new"), local, false,
                 QStringLiteral("20990101000000Z"), QStringLiteral("20990201000000Z")),
        qPrintable(m_pki.error()));
    // The good key, readable by everyone.
    QFile::copy(m_pki.path(QStringLiteral("good.key")), m_pki.path(QStringLiteral("shared.key")));
    QFile::setPermissions(m_pki.path(QStringLiteral("shared.key")),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

void TestTlsPolicy::credentials_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("reason");
    QTest::addRow("valid") << "good.crt"
                           << "good.key" << QString();
    QTest::addRow("expired") << "expired.crt"
                             << "expired.key" << QStringLiteral("expired on Feb  1 00:00:00 2020 GMT");
    QTest::addRow("not yet valid") << "future.crt"
                                   << "future.key"
                                   << QStringLiteral("is not valid yet: valid from Jan  1 00:00:00 2099");
    QTest::addRow("key of another certificate") << "good.crt"
                                                << "other.key" << QStringLiteral("does not belong to certificate");
    QTest::addRow("key readable by others") << "good.crt"
                                            << "shared.key" << QStringLiteral("run: chmod 600 ");
    QTest::addRow("key is not a key") << "good.crt"
                                      << "good.cnf" << QStringLiteral("no unencrypted PEM private key");
    QTest::addRow("certificate is a key") << "good.key"
                                          << "good.key" << QStringLiteral("holds no PEM certificate");
}

void TestTlsPolicy::credentials()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, reason);
    if (key == QLatin1String("good.cnf"))
        QFile::setPermissions(m_pki.path(key), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString error;
    const bool ok = Agent::checkServerCredentials(m_pki.path(cert), m_pki.path(key), &error);
    QCOMPARE(ok, reason.isEmpty());
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestTlsPolicy::agentRefusesAtStart_data()
{
    credentials_data();
}

// The agent used to start with an expired certificate and fail every handshake; now it says why and ends.
void TestTlsPolicy::agentRefusesAtStart()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, reason);
    if (reason.isEmpty())
        QSKIP("the valid pair is served by tst_tls");
    const QString config = m_pki.write(
        QStringLiteral("agent-%1.yml").arg(QString::fromUtf8(QTest::currentDataTag())).replace(u' ', u'-'),
        "tls_server_config:\n  cert_file: " + cert.toUtf8() + "\n  key_file: " + key.toUtf8() + "\n");
    QProcess agent;
    agent.start(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--web-config"), config,
            QStringLiteral("--audit-log"), m_pki.path(QStringLiteral("agent.audit")) });
    QVERIFY(agent.waitForFinished(20000));
    QCOMPARE(agent.exitCode(), 2);
    const QByteArray err = agent.readAllStandardError();
    QVERIFY2(err.contains(reason.toUtf8()), err.constData());
    QVERIFY2(err.contains(config.toUtf8()), err.constData());
}

void TestTlsPolicy::tls12SuitesAreAeadWithForwardSecrecy()
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    QVERIFY(ctx);
    QString error;
    QVERIFY2(Agent::applyCipherPolicy(ctx, &error), qPrintable(error));
    SSL* ssl = SSL_new(ctx);
    STACK_OF(SSL_CIPHER)* suites = SSL_get1_supported_ciphers(ssl);
    QVERIFY(suites);
    int tls12 = 0;
    for (int i = 0; i < sk_SSL_CIPHER_num(suites); ++i) {
        const SSL_CIPHER* c = sk_SSL_CIPHER_value(suites, i);
        const QByteArray name = SSL_CIPHER_get_name(c);
        QVERIFY2(SSL_CIPHER_is_aead(c) == 1, name.constData());
        if (SSL_CIPHER_get_kx_nid(c) == NID_kx_any)
            continue; // a TLS 1.3 suite: always ephemeral, always AEAD
        ++tls12;
        QVERIFY2(SSL_CIPHER_get_kx_nid(c) == NID_kx_ecdhe, name.constData());
        QVERIFY2(!name.contains("CBC") && !name.contains("SHA1") && !name.endsWith("-SHA"), name.constData());
    }
    QCOMPARE(tls12, 6);
    sk_SSL_CIPHER_free(suites);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
}

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "tst_tlspolicy.moc"
