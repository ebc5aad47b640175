// SPDX-License-Identifier: GPL-3.0-or-later
// Authentication that cannot be switched off by accident, against the real
// simulator and agent: with any token option (--token-file, --tokens-file or
// both) every route but the exposition text needs a valid bearer token;
// changing the simulation needs the admin role, and a viewer refused is
// audited with its role; listening beyond loopback needs a token.

#include "tests/support/processharness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian::Test;

namespace {

const QByteArray AdminToken = QByteArrayLiteral("sim-admin-token-0123456789");
const QByteArray ViewerToken = QByteArrayLiteral("sim-viewer-token-0123456789");
const QByteArray OperatorToken = QByteArrayLiteral("sim-operator-token-0123456789");

int status(const QUrl& url, const QByteArray& token, const QByteArray& verb = "GET", const QByteArray& body = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(10000);
    QNetworkReply* reply = nam.sendCustomRequest(request, verb, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(20000))
        return -1;
    const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return code;
}

struct Route
{
    QByteArray verb;
    QString path; ///< %1: a node id
    QByteArray body;
    bool open; ///< served without a token (the exposition text)
};

const Route Routes[] = {
    { "GET", QStringLiteral("sim/truth"), {}, false },
    { "POST", QStringLiteral("sim/faults"), "{}", false },
    { "POST", QStringLiteral("sim/faults/clear"), "{}", false },
    { "DELETE", QStringLiteral("sim/faults/99"), {}, false },
    { "POST", QStringLiteral("sim/control"), "{}", false },
    { "GET", QStringLiteral("n/%1/api/v1/node"), {}, false },
    { "GET", QStringLiteral("n/%1/api/v1/snapshot"), {}, false },
    { "GET", QStringLiteral("n/%1/api/v1/samples"), {}, false },
    { "GET", QStringLiteral("n/%1/api/v1/events"), {}, false },
    { "GET", QStringLiteral("api/v1/fleet"), {}, false },
    { "GET", QStringLiteral("api/v1/nodes"), {}, false },
    { "GET", QStringLiteral("api/v1/jobs"), {}, false },
    { "POST", QStringLiteral("api/v1/jobs/none/cancel"), "{\"dryRun\":true}", false },
    { "POST", QStringLiteral("api/v1/nodes/%1/drain"), "{\"dryRun\":true}", false },
    { "GET", QStringLiteral("no/such/route"), {}, false },
    { "GET", QStringLiteral("n/%1/metrics"), {}, true },
};

} // namespace

class TestSimAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyRouteUnderEveryTokenOption_data();
    void everyRouteUnderEveryTokenOption();
    void listeningBeyondLoopbackNeedsAToken_data();
    void listeningBeyondLoopbackNeedsAToken();
    void agentWithOnlyATokensFileAuthenticates();

private:
    QTemporaryDir m_dir;
    TokenFile m_admin { AdminToken };
    QString m_tokens;
};

void TestSimAuth::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tokens = m_dir.filePath(QStringLiteral("tokens"));
    QFile f(m_tokens);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("viewer " + ViewerToken + "\noperator " + OperatorToken + "\n");
    // Read as ssh reads its keys: the owner's only.
    QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestSimAuth::everyRouteUnderEveryTokenOption_data()
{
    QTest::addColumn<bool>("tokenFile");
    QTest::addColumn<bool>("tokensFile");
    QTest::newRow("no token") << false << false;
    QTest::newRow("--token-file") << true << false;
    QTest::newRow("--tokens-file") << false << true;
    QTest::newRow("--token-file and --tokens-file") << true << true;
}

void TestSimAuth::everyRouteUnderEveryTokenOption()
{
    QFETCH(bool, tokenFile);
    QFETCH(bool, tokensFile);
    const QString audit = m_dir.filePath(QStringLiteral("audit-%1%2").arg(tokenFile).arg(tokensFile));
    QStringList args { QStringLiteral("--nodes"), QStringLiteral("2"), QStringLiteral("--audit-log"), audit };
    if (tokenFile)
        args << QStringLiteral("--token-file") << m_admin.path();
    if (tokensFile)
        args << QStringLiteral("--tokens-file") << m_tokens;
    ServerProcess sim(QStringLiteral(MERIDIAN_FLEETSIM_BIN), args);
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    const QByteArray anyToken = tokenFile ? AdminToken : tokensFile ? ViewerToken : QByteArray();
    const HttpResult nodes = httpGet(sim.url().resolved(QUrl(QStringLiteral("api/v1/nodes"))), anyToken);
    QCOMPARE(nodes.status, 200);
    const QString node = QJsonDocument::fromJson(nodes.body)
                             .object()
                             .value(QStringLiteral("nodes"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("id"))
                             .toString();
    QVERIFY(!node.isEmpty());
    const bool authOn = tokenFile || tokensFile;
    for (const Route& r : Routes) {
        const QUrl url = sim.url().resolved(QUrl(r.path.contains(u'%') ? r.path.arg(node) : r.path));
        const int anonymous = status(url, {}, r.verb, r.body);
        const int wrong = status(url, "wrong-token-0123456789abc", r.verb, r.body);
        const QString where = QString::fromLatin1(r.verb) + u' ' + url.path();
        if (authOn && !r.open) {
            QVERIFY2(anonymous == 401, qPrintable(where + QStringLiteral(" answered %1").arg(anonymous)));
            QVERIFY2(wrong == 401, qPrintable(where + QStringLiteral(" answered %1").arg(wrong)));
        } else {
            QVERIFY2(
                anonymous != 401 && anonymous > 0, qPrintable(where + QStringLiteral(" answered %1").arg(anonymous)));
        }
        if (authOn)
            QVERIFY2(status(url, anyToken, r.verb, r.body) != 401, qPrintable(where));
    }
    if (tokensFile) {
        // A viewer reads ground truth but may not change the simulation; the refusal names its role.
        QCOMPARE(status(sim.url().resolved(QUrl(QStringLiteral("sim/truth"))), ViewerToken), 200);
        QCOMPARE(
            status(sim.url().resolved(QUrl(QStringLiteral("sim/control"))), ViewerToken, "POST", "{\"paused\":true}"),
            403);
        QFile f(audit);
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool found = false;
        for (const QByteArray& line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("status")).toInt() == 403
                && o.value(QStringLiteral("target")).toString() == QLatin1String("POST /sim/control"))
                found = o.value(QStringLiteral("role")).toString() == QLatin1String("viewer")
                    && o.value(QStringLiteral("principal")).toString().startsWith(QLatin1String("viewer#"));
        }
        QVERIFY2(found, "the viewer's refusal is not in the audit log with its role");
    }
    if (tokenFile)
        QCOMPARE(
            status(sim.url().resolved(QUrl(QStringLiteral("sim/control"))), AdminToken, "POST", "{\"paused\":true}"),
            200);
}

void TestSimAuth::listeningBeyondLoopbackNeedsAToken_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("simulator") << QStringLiteral(MERIDIAN_FLEETSIM_BIN);
    QTest::newRow("agent") << QStringLiteral(MERIDIAN_AGENT_BIN);
}

void TestSimAuth::listeningBeyondLoopbackNeedsAToken()
{
    QFETCH(QString, program);
    const bool sim = program == QLatin1String(MERIDIAN_FLEETSIM_BIN);
    const QStringList base = sim ? QStringList { QStringLiteral("--nodes"), QStringLiteral("1") }
                                 : QStringList { QStringLiteral("--npu-smi"), QStringLiteral("none"),
                                       QStringLiteral("--nvidia-smi"), QStringLiteral("none") };
    QProcess refused;
    refused.start(program, base + QStringList { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0") });
    QVERIFY(refused.waitForFinished(60000));
    QVERIFY(refused.exitCode() != 0);
    QVERIFY(refused.readAllStandardError().contains("without a token"));
    // A tokens file alone is a token: it listens, and asks for it.
    ServerProcess withTokens(program,
        base
            + QStringList {
                QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--tokens-file"), m_tokens });
    QVERIFY2(withTokens.start(), qPrintable(withTokens.error()));
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v1/fleet").arg(withTokens.port()));
    const QUrl node(QStringLiteral("http://127.0.0.1:%1/api/v1/node").arg(withTokens.port()));
    QCOMPARE(status(sim ? url : node, {}), 401);
    QCOMPARE(status(sim ? url : node, ViewerToken), 200);
}

void TestSimAuth::agentWithOnlyATokensFileAuthenticates()
{
    ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--npu-smi"),
            QStringLiteral("none"), QStringLiteral("--nvidia-smi"), QStringLiteral("none"),
            QStringLiteral("--tokens-file"), m_tokens });
    QVERIFY2(agent.start(), qPrintable(agent.error()));
    for (const char* path : { "api/v1/node", "api/v1/snapshot", "api/v1/samples", "api/v1/events", "no/such/route" })
        QCOMPARE(status(agent.url().resolved(QUrl(QString::fromLatin1(path))), {}), 401);
    QCOMPARE(status(agent.url().resolved(QUrl(QStringLiteral("api/v1/node"))), ViewerToken), 200);
    QCOMPARE(status(agent.url().resolved(QUrl(QStringLiteral("metrics"))), {}), 200);
}

QTEST_GUILESS_MAIN(TestSimAuth)
#include "tst_simauth.moc"
