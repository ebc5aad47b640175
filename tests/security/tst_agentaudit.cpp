// SPDX-License-Identifier: GPL-3.0-or-later
// The agents' own audit trail and live configuration, against the real
// binaries: the simulator writes every 401 — on /api/*, /sim/* and
// /n/NODE/api/* — to its audit log like the agent; the rotation size and count
// come from the command line; the agent re-reads --web-config when it (or a
// certificate it names) changes, and a broken new file keeps the old settings
// with a clear error on stderr.

#include "core/net/tlsclient.h"
#include "tests/security/testpki.h"
#include "tests/support/processharness.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>

#include <crypt.h>

using namespace Meridian;
using Meridian::Test::ServerProcess;
using Meridian::Test::TestPki;
using Meridian::Test::TokenFile;

namespace {

const QByteArray Token = QByteArrayLiteral("audit-test-token-0123456789");
const QByteArray WrongToken = QByteArrayLiteral("not-the-token-9876543210");

QByteArray bcryptHash(const QByteArray& password)
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    crypt_gensalt_rn("$2b$", 4, nullptr, 0, salt, sizeof salt);
    crypt_data data {};
    return QByteArray(crypt_r(password.constData(), salt, &data));
}

// HTTP status of one request (0: no answer, e.g. a TLS failure).
int status(const QUrl& url, const QByteArray& authorization, const QByteArray& verb = "GET",
    const std::shared_ptr<const QSslConfiguration>& tls = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (tls)
        request.setSslConfiguration(*tls);
    request.setTransferTimeout(10000);
    QNetworkReply* reply = nam.sendCustomRequest(request, verb, verb == "POST" ? QByteArray("{}") : QByteArray());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(20000))
        return -1;
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return code;
}

QByteArray basic(const QByteArray& user, const QByteArray& password)
{
    return "Basic " + QByteArray(user + ':' + password).toBase64();
}

QList<QJsonObject> auditLines(const QString& path, bool* wellFormed)
{
    QList<QJsonObject> lines;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject())
            *wellFormed = false;
        lines << doc.object();
    }
    return lines;
}

QStringList agentArgs(const QString& audit)
{
    return { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--interval"),
        QStringLiteral("1"), QStringLiteral("--node-id"), QStringLiteral("audit-node"), QStringLiteral("--npu-smi"),
        QStringLiteral("none"), QStringLiteral("--nvidia-smi"), QStringLiteral("none"), QStringLiteral("--audit-log"),
        audit };
}

} // namespace

class TestAgentAudit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void simulatorAuditsRefusals();
    void rotationFromTheCommandLine_data();
    void rotationFromTheCommandLine();
    void badRotationOptionRefusesToStart();
    void webConfigReloadsBasicAuth();
    void webConfigReloadsCertificate();

private:
    TestPki m_pki;
    TokenFile m_token { Token };
};

void TestAgentAudit::initTestCase()
{
    QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
}

void TestAgentAudit::simulatorAuditsRefusals()
{
    const QString audit = m_pki.path(QStringLiteral("sim.audit"));
    ServerProcess sim(QStringLiteral(MERIDIAN_FLEETSIM_BIN),
        { QStringLiteral("--nodes"), QStringLiteral("2"), QStringLiteral("--token-file"), m_token.path(),
            QStringLiteral("--audit-log"), audit });
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    const QUrl base = sim.url();
    // A node id, to refuse a per-node request.
    const Test::HttpResult fleet = Test::httpGet(base.resolved(QUrl(QStringLiteral("api/v1/nodes"))), Token);
    const QJsonArray nodes = QJsonDocument::fromJson(fleet.body).object().value(QStringLiteral("nodes")).toArray();
    QVERIFY(!nodes.isEmpty());
    const QString node = nodes.first().toObject().value(QStringLiteral("id")).toString();

    const struct
    {
        QByteArray verb;
        QString path;
        QByteArray auth;
    } refused[] = {
        { "GET", QStringLiteral("sim/truth"), {} },
        { "POST", QStringLiteral("sim/control"), "Bearer " + WrongToken },
        { "GET", QStringLiteral("n/%1/api/v1/node").arg(node), "Bearer " + WrongToken },
        { "GET", QStringLiteral("api/v1/fleet"), {} },
    };
    for (const auto& r : refused)
        QCOMPARE(status(base.resolved(QUrl(r.path)), r.auth, r.verb), 401);
    // Allowed requests leave no authentication line.
    QCOMPARE(status(base.resolved(QUrl(QStringLiteral("sim/truth"))), "Bearer " + Token), 200);

    bool wellFormed = true;
    const QList<QJsonObject> lines = auditLines(audit, &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(lines.size(), qsizetype(std::size(refused)));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QJsonObject& line = lines.at(i);
        QCOMPARE(line.value(QStringLiteral("action")).toString(), QStringLiteral("authenticate"));
        QCOMPARE(line.value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
        QCOMPARE(line.value(QStringLiteral("status")).toInt(), 401);
        QCOMPARE(line.value(QStringLiteral("target")).toString(),
            QString::fromLatin1(refused[i].verb) + QStringLiteral(" /") + refused[i].path);
        QCOMPARE(line.value(QStringLiteral("detail")).toString(),
            refused[i].auth.isEmpty() ? QStringLiteral("missing bearer token") : QStringLiteral("wrong bearer token"));
    }
    QFile raw(audit);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray text = raw.readAll();
    QVERIFY(!text.contains(WrongToken));
    QVERIFY(!text.contains(Token));
}

void TestAgentAudit::rotationFromTheCommandLine_data()
{
    QTest::addColumn<bool>("simulator");
    QTest::addRow("agent") << false;
    QTest::addRow("simulator") << true;
}

void TestAgentAudit::rotationFromTheCommandLine()
{
    QFETCH(bool, simulator);
    const QString audit = m_pki.path(simulator ? QStringLiteral("rot-sim.audit") : QStringLiteral("rot-agent.audit"));
    QStringList args = simulator ? QStringList { QStringLiteral("--nodes"), QStringLiteral("1"),
        QStringLiteral("--token-file"), m_token.path(), QStringLiteral("--audit-log"), audit }
                                 : agentArgs(audit) + QStringList { QStringLiteral("--token-file"), m_token.path() };
    args << QStringLiteral("--audit-log-max-bytes") << QStringLiteral("4096") << QStringLiteral("--audit-log-keep")
         << QStringLiteral("2");
    ServerProcess server(simulator ? QStringLiteral(MERIDIAN_FLEETSIM_BIN) : QStringLiteral(MERIDIAN_AGENT_BIN), args);
    QVERIFY2(server.start(), qPrintable(server.error()));
    // ~200 bytes a line: 80 refusals are 16 KB, four files' worth at 4 KiB.
    constexpr int Refusals = 80;
    for (int i = 0; i < Refusals; ++i)
        QCOMPARE(status(server.url().resolved(QUrl(QStringLiteral("api/v1/node?n=%1").arg(i))), {}), 401);
    QVERIFY(QFile::exists(audit));
    QVERIFY(QFile::exists(audit + QStringLiteral(".1")));
    QVERIFY(QFile::exists(audit + QStringLiteral(".2")));
    QVERIFY2(!QFile::exists(audit + QStringLiteral(".3")), "kept more rotated files than --audit-log-keep");
    qsizetype total = 0;
    for (const QString& f : QStringList { audit, audit + QStringLiteral(".1"), audit + QStringLiteral(".2") }) {
        bool wellFormed = true;
        total += auditLines(f, &wellFormed).size();
        QVERIFY2(wellFormed, qPrintable(f)); // rotation never splits a line
        QVERIFY(QFileInfo(f).size() < 4096 + 1024);
    }
    QVERIFY(total > 0 && total < Refusals); // the oldest went with the file beyond the count
}

void TestAgentAudit::badRotationOptionRefusesToStart()
{
    QProcess agent;
    agent.start(QStringLiteral(MERIDIAN_AGENT_BIN),
        agentArgs(m_pki.path(QStringLiteral("bad.audit")))
            << QStringLiteral("--audit-log-keep") << QStringLiteral("0"));
    QVERIFY(agent.waitForFinished(20000));
    QVERIFY(agent.exitCode() != 0);
    QVERIFY2(agent.readAllStandardError().contains("audit-log-keep"), "the error names the option");
}

void TestAgentAudit::webConfigReloadsBasicAuth()
{
    const QString config = m_pki.write(
        QStringLiteral("reload-basic.yml"), "basic_auth_users:\n  alice: " + bcryptHash("first-password") + '\n');
    ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
        agentArgs(m_pki.path(QStringLiteral("reload-basic.audit"))) << QStringLiteral("--web-config") << config);
    QVERIFY2(agent.start(), qPrintable(agent.error()));
    const QUrl metrics = agent.url().resolved(QUrl(QStringLiteral("metrics")));
    QCOMPARE(status(metrics, basic("alice", "first-password")), 200);
    QCOMPARE(status(metrics, basic("alice", "second-password")), 401);

    m_pki.write(
        QStringLiteral("reload-basic.yml"), "basic_auth_users:\n  alice: " + bcryptHash("second-password") + '\n');
    QTRY_COMPARE_WITH_TIMEOUT(status(metrics, basic("alice", "second-password")), 200, 20000);
    QCOMPARE(status(metrics, basic("alice", "first-password")), 401);

    // Broken: the running configuration stays, and stderr says why.
    m_pki.write(QStringLiteral("reload-basic.yml"), "basic_auth_users:\n  alice: not-a-bcrypt-hash\n  - [\n");
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += agent.process().readAllStandardError()).contains("not applied"), 20000);
    QVERIFY2(err.contains("reload-basic.yml"), err.constData());
    QCOMPARE(status(metrics, basic("alice", "second-password")), 200);
    QVERIFY(agent.isRunning());
}

void TestAgentAudit::webConfigReloadsCertificate()
{
    const QStringList local { QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost") };
    QVERIFY2(m_pki.makeCa(QStringLiteral("ca1"), QStringLiteral("Old CA")), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCa(QStringLiteral("ca2"), QStringLiteral("New CA")), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("srv1"), QStringLiteral("ca1"), QStringLiteral("node-a"), local, false),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("srv2"), QStringLiteral("ca2"), QStringLiteral("node-a"), local, false),
        qPrintable(m_pki.error()));
    auto tlsConfig = [&](const QString& name) {
        return QByteArray(
            "tls_server_config:\n  cert_file: " + name.toUtf8() + ".crt\n  key_file: " + name.toUtf8() + ".key\n");
    };
    const QString config = m_pki.write(QStringLiteral("reload-tls.yml"), tlsConfig(QStringLiteral("srv1")));
    ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
        agentArgs(m_pki.path(QStringLiteral("reload-tls.audit"))) << QStringLiteral("--web-config") << config);
    QVERIFY2(agent.start(), qPrintable(agent.error()));
    const QUrl metrics = agent.url().resolved(QUrl(QStringLiteral("metrics")));
    QCOMPARE(metrics.scheme(), QStringLiteral("https"));
    QString error;
    const auto trustOld = makeTlsConfiguration({ m_pki.path(QStringLiteral("ca1.crt")), {}, {} }, &error);
    const auto trustNew = makeTlsConfiguration({ m_pki.path(QStringLiteral("ca2.crt")), {}, {} }, &error);
    QVERIFY2(trustOld && trustNew, qPrintable(error));
    QCOMPARE(status(metrics, {}, "GET", trustOld), 200);
    QVERIFY(status(metrics, {}, "GET", trustNew) != 200);

    // Rotated to a certificate from the new CA: new connections get it, no restart.
    m_pki.write(QStringLiteral("reload-tls.yml"), tlsConfig(QStringLiteral("srv2")));
    QTRY_COMPARE_WITH_TIMEOUT(status(metrics, {}, "GET", trustNew), 200, 20000);
    QVERIFY(status(metrics, {}, "GET", trustOld) != 200);

    // A web-config naming a certificate that does not exist keeps the one in force.
    m_pki.write(QStringLiteral("reload-tls.yml"), tlsConfig(QStringLiteral("missing")));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += agent.process().readAllStandardError()).contains("not applied"), 20000);
    QCOMPARE(status(metrics, {}, "GET", trustNew), 200);
    QVERIFY(agent.isRunning());
}

QTEST_GUILESS_MAIN(TestAgentAudit)
#include "tst_agentaudit.moc"
