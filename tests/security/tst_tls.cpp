// SPDX-License-Identifier: GPL-3.0-or-later
// TLS between the console's core and a real meridian-agent, with certificates
// made now by the openssl CLI: success, unknown CA, expired certificate, wrong
// host name, client certificates (mTLS) required / missing / not allowed, plain
// HTTP to a TLS port, basic auth from the web-config, and check-agent --ca.

#include "core/net/httpclient.h"
#include "core/net/tlsclient.h"
#include "core/sources/actionclient.h"
#include "core/sources/agentcheck.h"
#include "core/sources/sourceendpoint.h"
#include "tests/security/testpki.h"
#include "tests/support/processharness.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

#include <crypt.h>
#include <map>
#include <memory>
#include <vector>

using namespace Meridian;
using Meridian::Test::ServerProcess;
using Meridian::Test::TestPki;
using Meridian::Test::TokenFile;

namespace {

const QByteArray Token = QByteArrayLiteral("tls-test-token-0123456789");

QByteArray bcryptHash(const QByteArray& password)
{
    // Cost 4 (the minimum): the test is about the check, not the cost.
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    crypt_gensalt_rn("$2b$", 4, nullptr, 0, salt, sizeof salt);
    crypt_data data {};
    return QByteArray(crypt_r(password.constData(), salt, &data));
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void connect_data();
    void connect();
    void plainHttpIsNotAnswered();
    void basicAuth_data();
    void basicAuth();
    void authFailuresAreAudited();
    void checkAgentReportsCertificate();
    void badWebConfigRefusesToStart();
    void actionsUseTheSourceTls_data();
    void actionsUseTheSourceTls();

private:
    ServerProcess* agent(const QString& name);
    QUrl foreignServer(const QString& name); ///< `openssl s_server` with NAME.crt/.key, on loopback
    QString webConfig(const QString& name, const QByteArray& tlsBody);
    HttpResult get(const QUrl& url, const TlsClientFiles& files);

    TestPki m_pki;
    TokenFile m_token { Token };
    std::map<QString, std::unique_ptr<ServerProcess>> m_agents;
    std::vector<std::unique_ptr<QProcess>> m_foreign;
};

QUrl TestTls::foreignServer(const QString& name)
{
    auto process = std::make_unique<QProcess>();
    process->setWorkingDirectory(m_pki.dir());
    process->start(QStringLiteral("openssl"),
        { QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:0"), QStringLiteral("-cert"),
            name + QStringLiteral(".crt"), QStringLiteral("-key"), name + QStringLiteral(".key"),
            QStringLiteral("-www") });
    QByteArray out;
    QUrl url;
    // It says "ACCEPT 127.0.0.1:PORT" once it listens.
    while (!url.isValid() && process->waitForReadyRead(20000)) {
        out += process->readAllStandardOutput();
        const qsizetype at = out.indexOf("ACCEPT 127.0.0.1:");
        const qsizetype eol = at < 0 ? -1 : out.indexOf('\n', at);
        if (eol > at)
            url = QUrl(
                QStringLiteral("https://") + QString::fromLatin1(out.mid(at + 7, eol - at - 7).trimmed()) + u'/');
    }
    m_foreign.push_back(std::move(process));
    return url;
}

QString TestTls::webConfig(const QString& name, const QByteArray& tlsBody)
{
    return m_pki.write(name + QStringLiteral(".yml"), "tls_server_config:\n" + tlsBody);
}

ServerProcess* TestTls::agent(const QString& name)
{
    auto it = m_agents.find(name);
    if (it != m_agents.end())
        return it->second.get();
    const QString config = m_pki.path(name + QStringLiteral(".yml"));
    auto process = std::make_unique<ServerProcess>(QStringLiteral(MERIDIAN_AGENT_BIN),
        QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"),
            m_token.path(), QStringLiteral("--web-config"), config, QStringLiteral("--interval"), QStringLiteral("1"),
            QStringLiteral("--node-id"), QStringLiteral("tls-node"), QStringLiteral("--npu-smi"),
            QStringLiteral("none"), QStringLiteral("--nvidia-smi"), QStringLiteral("none"),
            QStringLiteral("--audit-log"), m_pki.path(name + QStringLiteral(".audit")) });
    if (!process->start())
        qWarning("%s", qPrintable(process->error()));
    return m_agents.emplace(name, std::move(process)).first->second.get();
}

HttpResult TestTls::get(const QUrl& url, const TlsClientFiles& files)
{
    HttpClient client;
    HttpRequestOptions options;
    options.token = Token;
    QString error;
    options.tls = makeTlsConfiguration(files, &error);
    if (!options.tls)
        qWarning("%s", qPrintable(error));
    std::optional<HttpResult> result;
    client.get(url, options, [&](HttpResult r) { result = std::move(r); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
    return result.value_or(HttpResult {});
}

void TestTls::initTestCase()
{
    QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
    QString why;
    QVERIFY2(tlsAvailable(&why), qPrintable(why));
    const QStringList local { QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost") };
    QVERIFY2(m_pki.makeCa(QStringLiteral("ca"), QStringLiteral("Meridian Site CA")), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCa(QStringLiteral("otherca"), QStringLiteral("Someone Else CA")), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("node-01"), local, false),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("expired"), QStringLiteral("ca"), QStringLiteral("node-old"), local, false,
                 QStringLiteral("20200101000000Z"), QStringLiteral("20200201000000Z")),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("wronghost"), QStringLiteral("ca"), QStringLiteral("node-99"),
                 { QStringLiteral("DNS:node-99.example") }, false),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("console"), QStringLiteral("ca"), QStringLiteral("console-01"),
                 { QStringLiteral("DNS:console-01.example") }, true),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("intruder"), QStringLiteral("ca"), QStringLiteral("laptop"),
                 { QStringLiteral("DNS:laptop.example") }, true),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("stranger"), QStringLiteral("otherca"), QStringLiteral("console-01"),
                 { QStringLiteral("DNS:console-01.example") }, true),
        qPrintable(m_pki.error()));

    // Relative paths resolve from the web-config's directory, as in exporter-toolkit.
    webConfig(QStringLiteral("plain"), "  cert_file: server.crt\n  key_file: server.key\n  min_version: TLS12\n");
    webConfig(QStringLiteral("wronghost"), "  cert_file: wronghost.crt\n  key_file: wronghost.key\n");
    webConfig(QStringLiteral("mtls"),
        "  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: RequireAndVerifyClientCert\n"
        "  client_ca_file: ca.crt\n  client_allowed_sans: [\"console-01.example\"]\n");
}

void TestTls::connect_data()
{
    QTest::addColumn<QString>("agent");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("clientCert");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("reasonContains");

    const QString none;
    QTest::addRow("trusted") << "plain"
                             << "ca" << none << true << QStringList {};
    QTest::addRow("unknown CA") << "plain"
                                << "otherca" << none << false
                                << QStringList { QStringLiteral("configured CA"), QStringLiteral("Meridian Site CA") };
    QTest::addRow("expired") << "expired"
                             << "ca" << none << false
                             << QStringList { QStringLiteral("expired on 2020-02-01"), QStringLiteral("node-old") };
    QTest::addRow("wrong host") << "wronghost"
                                << "ca" << none << false
                                << QStringList { QStringLiteral("expected a certificate for host 127.0.0.1"),
                                       QStringLiteral("node-99.example") };
    QTest::addRow("mTLS with client certificate") << "mtls"
                                                  << "ca"
                                                  << "console" << true << QStringList {};
    QTest::addRow("mTLS missing client certificate") << "mtls"
                                                     << "ca" << none << false << QStringList { QStringLiteral("TLS") };
    QTest::addRow("mTLS certificate from another CA") << "mtls"
                                                      << "ca"
                                                      << "stranger" << false << QStringList { QStringLiteral("TLS") };
    QTest::addRow("mTLS SAN not allowed") << "mtls"
                                          << "ca"
                                          << "intruder" << false << QStringList { QStringLiteral("TLS") };
}

void TestTls::connect()
{
    QFETCH(QString, agent);
    QFETCH(QString, ca);
    QFETCH(QString, clientCert);
    QFETCH(bool, ok);
    QFETCH(QStringList, reasonContains);

    // The agent refuses to start with an expired certificate (tst_tlspolicy); another exporter may not, so the
    // console's description of one is checked against `openssl s_server`.
    const QUrl url = agent == QLatin1String("expired") ? foreignServer(agent) : this->agent(agent)->url();
    QVERIFY2(url.isValid(), "the TLS server did not start");
    QCOMPARE(url.scheme(), QStringLiteral("https"));
    TlsClientFiles files { m_pki.path(ca + QStringLiteral(".crt")) };
    if (!clientCert.isEmpty()) {
        files.certFile = m_pki.path(clientCert + QStringLiteral(".crt"));
        files.keyFile = m_pki.path(clientCert + QStringLiteral(".key"));
    }
    const HttpResult r = get(endpointUrl(url, QStringLiteral("api/v1/node")), files);
    for (const std::unique_ptr<QProcess>& p : m_foreign) {
        p->kill();
        p->waitForFinished();
    }
    m_foreign.clear();
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QVERIFY(r.body.contains("tls-node"));
        return;
    }
    QVERIFY2(r.outcome == HttpResult::Outcome::TlsFailed, qPrintable(r.error));
    QCOMPARE(toString(r.status()), toString(AgentStatus::Unreachable));
    for (const QString& part : reasonContains)
        QVERIFY2(r.error.contains(part), qPrintable(r.error));
    QVERIFY2(!r.error.contains(QString::fromLatin1(Token)), "the token leaked into the reason");
}

void TestTls::plainHttpIsNotAnswered()
{
    ServerProcess* server = agent(QStringLiteral("plain"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    QUrl url = server->url();
    url.setScheme(QStringLiteral("http"));
    const HttpResult r = get(endpointUrl(url, QStringLiteral("metrics")), {});
    QVERIFY2(!r.ok(), qPrintable(r.error));
    QCOMPARE(r.httpStatus, 0);
}

void TestTls::basicAuth_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    const QByteArray good = "Basic " + QByteArray("prometheus:s3cret-scrape").toBase64();
    const QByteArray wrong = "Basic " + QByteArray("prometheus:guess").toBase64();
    const QByteArray unknown = "Basic " + QByteArray("mallory:s3cret-scrape").toBase64();
    QTest::addRow("metrics without credentials") << "metrics" << QByteArray() << 401;
    QTest::addRow("metrics with the right password") << "metrics" << good << 200;
    QTest::addRow("metrics twice (cached)") << "metrics" << good << 200;
    QTest::addRow("metrics with a wrong password") << "metrics" << wrong << 401;
    QTest::addRow("metrics with an unknown user") << "metrics" << unknown << 401;
    QTest::addRow("api with the bearer token") << "api/v1/node" << ("Bearer " + Token) << 200;
    QTest::addRow("api with basic auth only") << "api/v1/node" << good << 401;
}

void TestTls::basicAuth()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    if (m_agents.find(QStringLiteral("basic")) == m_agents.end())
        m_pki.write(QStringLiteral("basic.yml"),
            "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\nbasic_auth_users:\n  prometheus: "
                + bcryptHash("s3cret-scrape") + "\n  other: " + bcryptHash("another-one") + "\n");
    ServerProcess* server = agent(QStringLiteral("basic"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));

    QNetworkAccessManager manager;
    QNetworkRequest request(endpointUrl(server->url(), path));
    QString error;
    request.setSslConfiguration(*makeTlsConfiguration({ m_pki.path(QStringLiteral("ca.crt")) }, &error));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply* reply = manager.get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    if (status == 401)
        QVERIFY(reply->hasRawHeader("WWW-Authenticate"));
    delete reply;
}

void TestTls::authFailuresAreAudited()
{
    // basicAuth() ran before: three refused /metrics requests, one refused /api request.
    QFile log(m_pki.path(QStringLiteral("basic.audit")));
    QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.errorString()));
    const QByteArray text = log.readAll();
    QCOMPARE(text.count("\"outcome\":\"refused\""), 4);
    QCOMPARE(text.count("\"action\":\"authenticate\""), 4);
    QVERIFY2(text.contains("wrong basic auth for user"), text.constData());
    QVERIFY(text.contains("unauthenticated@127.0.0.1"));
    // What was offered is never written: neither the wrong password nor a token.
    QVERIFY(!text.contains("guess"));
    QVERIFY(!text.contains("s3cret-scrape"));
    QVERIFY(!text.contains(Token));
}

void TestTls::checkAgentReportsCertificate()
{
    ServerProcess* server = agent(QStringLiteral("wronghost"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    AgentCheck check;
    check.setTimeoutMs(10000);
    check.setTls({ m_pki.path(QStringLiteral("ca.crt")) });
    bool done = false;
    QObject::connect(&check, &AgentCheck::finished, &check, [&] { done = true; });
    check.start(server->url(), m_token.path());
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(!check.report().healthy());
    QString all;
    for (const AgentCheckFinding& f : check.report().findings)
        all += f.what + u' ' + f.detail + u'\n';
    QVERIFY2(all.contains(QStringLiteral("node-99.example")), qPrintable(all));

    AgentCheck good;
    good.setTls({ m_pki.path(QStringLiteral("ca.crt")) });
    done = false;
    QObject::connect(&good, &AgentCheck::finished, &good, [&] { done = true; });
    good.start(agent(QStringLiteral("plain"))->url(), m_token.path());
    QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
    QVERIFY(good.report().hasInventory);
}

void TestTls::badWebConfigRefusesToStart()
{
    const QString config
        = webConfig(QStringLiteral("missingkey"), "  cert_file: server.crt\n  key_file: does-not-exist.key\n");
    ServerProcess server(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--web-config"), config,
            QStringLiteral("--npu-smi"), QStringLiteral("none"), QStringLiteral("--nvidia-smi"),
            QStringLiteral("none") });
    QVERIFY(!server.start(20000));
    QVERIFY2(server.error().contains(QStringLiteral("does-not-exist.key")), qPrintable(server.error()));
}

// Operator actions (job and node) reach the agent with the source's own TLS
// settings: its CA is trusted, another CA is refused with a readable reason.
// The agent has no action command configured, so reaching it means 501.
void TestTls::actionsUseTheSourceTls_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorContains");
    QTest::addRow("job action, source CA") << "job"
                                           << "ca" << 501 << "";
    QTest::addRow("job action, other CA") << "job"
                                          << "otherca" << 0 << "configured CA";
    QTest::addRow("node action, source CA") << "node"
                                            << "ca" << 501 << "";
    QTest::addRow("node action, other CA") << "node"
                                           << "otherca" << 0 << "configured CA";
}

void TestTls::actionsUseTheSourceTls()
{
    QFETCH(QString, kind);
    QFETCH(QString, ca);
    QFETCH(int, status);
    QFETCH(QString, errorContains);

    ServerProcess* server = agent(QStringLiteral("plain"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    SourceConfig config;
    config.name = QStringLiteral("tls-agent");
    config.url = server->url();
    config.tokenFile = m_token.path();
    config.tls.caFile = m_pki.path(ca + QStringLiteral(".crt"));
    SourceEndpoint to;
    QString why;
    QVERIFY2(SourceEndpoints::resolve(config, &to, &why), qPrintable(why));
    QVERIFY(to.tls);

    // Job and node actions go through the one action client, with the source's TLS settings.
    ProtocolActionClient client;
    QSignalSpy done(&client, &ActionClient::finished);
    const ActionRequest request = kind == QLatin1String("job")
        ? ActionRequest { ActionKind::CancelJob, QStringLiteral("job-1"), {}, true }
        : ActionRequest { ActionKind::DrainNode, QStringLiteral("tls-node"), {}, true };
    QVERIFY(client.send(to, request));
    QVERIFY(done.wait(20000));
    const auto reply = done.first().first().value<ActionReply>();
    const int gotStatus = reply.status;
    const QString gotError = reply.error;
    QVERIFY2(gotStatus == status, qPrintable(QString::number(gotStatus) + u' ' + gotError));
    QVERIFY2(gotError.contains(errorContains), qPrintable(gotError));
    QVERIFY(!gotError.contains(QString::fromLatin1(Token)));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
