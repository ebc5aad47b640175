// SPDX-License-Identifier: GPL-3.0-or-later
// Drain and resume a node against the REAL processes. The simulator: a viewer
// is refused (403) and audited; an operator's drain is previewed (the node's
// jobs with their accelerators, the capacity removed per pool and model),
// performed (the node is "draining" in its snapshot and in /sim/truth, and the
// scheduler places no new job there while the simulated clock runs hours
// ahead), audited, and resumed. The agent: a configured drain command runs
// without a shell (%n, %r as single arguments); no resume command → 501; a
// viewer → 403; another node's id → 404; every attempt in its audit log.
#include "tests/support/simfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian::Test;

namespace {
const QByteArray ViewerToken = QByteArrayLiteral("viewer-token-0123456789");
const QByteArray OperatorToken = QByteArrayLiteral("operator-token-0123456789");

void writeFile(const QString& path, const QByteArray& content, bool executable = false)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    if (executable)
        f.setPermissions(f.permissions() | QFileDevice::ExeOwner);
}

QList<QJsonObject> readAudit(const QString& path)
{
    QList<QJsonObject> out;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray& line : f.readAll().split('\n'))
            if (!line.isEmpty())
                out.append(QJsonDocument::fromJson(line).object());
    return out;
}

QJsonObject json(const HttpResult& r)
{
    return QJsonDocument::fromJson(r.body).object();
}
} // namespace

class TestNodeDrain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void simViewerRefused();
    void simOperatorDrainAndResume();
    void simBadRequests_data();
    void simBadRequests();
    void agentDrainCommand();
    void agentRefusals_data();
    void agentRefusals();

private:
    QUrl sim(const QString& path) const { return m_sim.url(path); }
    QUrl agent(const QString& path) const { return m_agent->url().resolved(QUrl(path)); }
    QSet<QString> jobsOn(const QString& nodeId, QString* state = nullptr);
    QJsonArray drainedTruth();

    QTemporaryDir m_dir;
    SimulatorFixture m_sim;
    std::unique_ptr<ServerProcess> m_agent;
    QString m_nodeId; ///< a simulated node running jobs
};

void TestNodeDrain::initTestCase()
{
    QVERIFY(m_dir.isValid());
    writeSecretFile(
        m_dir.filePath(QStringLiteral("tokens")), "viewer " + ViewerToken + "\noperator " + OperatorToken + "\n");
    QVERIFY2(
        m_sim.start({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--history"), QStringLiteral("10m"),
            QStringLiteral("--paused"), QStringLiteral("--tokens-file"), m_dir.filePath(QStringLiteral("tokens")),
            QStringLiteral("--audit-log"), m_dir.filePath(QStringLiteral("sim-audit.jsonl")) }),
        qPrintable(m_sim.error()));

    // The "scheduler" on the real node: records its arguments, one per line.
    const QString scontrol = m_dir.filePath(QStringLiteral("scontrol"));
    writeFile(scontrol,
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + m_dir.filePath(QStringLiteral("ran")).toUtf8() + "'\necho drained\n",
        true);
    m_agent = std::make_unique<ServerProcess>(QStringLiteral(MERIDIAN_AGENT_BIN),
        QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"),
            m_sim.tokenFile(), QStringLiteral("--tokens-file"), m_dir.filePath(QStringLiteral("tokens")),
            QStringLiteral("--audit-log"), m_dir.filePath(QStringLiteral("agent-audit.jsonl")),
            QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--npu-smi"), QStringLiteral("none"),
            QStringLiteral("--nvidia-smi"), QStringLiteral("none"), QStringLiteral("--node-id"),
            QStringLiteral("gpu-07"), QStringLiteral("--drain-command"),
            scontrol + QStringLiteral(" update nodename=%n state=drain reason=%r") });
    QVERIFY2(m_agent->start(), qPrintable(m_agent->error()));
}

QSet<QString> TestNodeDrain::jobsOn(const QString& nodeId, QString* state)
{
    const QJsonObject s = json(httpGet(sim(QStringLiteral("n/%1/api/v1/snapshot").arg(nodeId)), m_sim.token()));
    QSet<QString> out;
    for (const QJsonValue& j : s.value(QStringLiteral("jobs")).toArray())
        out.insert(j.toObject().value(QStringLiteral("id")).toString());
    if (state)
        *state = s.value(QStringLiteral("sample")).toObject().value(QStringLiteral("state")).toString();
    return out;
}

QJsonArray TestNodeDrain::drainedTruth()
{
    return json(httpGet(sim(QStringLiteral("sim/truth")), m_sim.token())).value(QStringLiteral("drained")).toArray();
}

void TestNodeDrain::simViewerRefused()
{
    const QJsonObject nodes = json(httpGet(sim(QStringLiteral("api/v1/nodes")), m_sim.token()));
    for (const QJsonValue& v : nodes.value(QStringLiteral("nodes")).toArray()) {
        const QString id = v.toObject().value(QStringLiteral("id")).toString();
        QString state;
        if (!jobsOn(id, &state).isEmpty() && state == QLatin1String("up")) {
            m_nodeId = id;
            break;
        }
    }
    QVERIFY(!m_nodeId.isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("sim-audit.jsonl"));
    const qsizetype before = readAudit(path).size();
    const HttpResult r = httpPost(sim(QStringLiteral("api/v1/nodes/%1/drain").arg(m_nodeId)), {}, ViewerToken);
    QCOMPARE(r.status, 403);
    QVERIFY(drainedTruth().isEmpty());
    const QList<QJsonObject> log = readAudit(path);
    QCOMPARE(log.size(), before + 1);
    QCOMPARE(log.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(log.last().value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
    QCOMPARE(log.last().value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
    QCOMPARE(log.last().value(QStringLiteral("target")).toString(), m_nodeId);
}

void TestNodeDrain::simOperatorDrainAndResume()
{
    QVERIFY(!m_nodeId.isEmpty());
    const QString auditPath = m_dir.filePath(QStringLiteral("sim-audit.jsonl"));
    const QUrl drain = sim(QStringLiteral("api/v1/nodes/%1/drain").arg(m_nodeId));
    const QSet<QString> before = jobsOn(m_nodeId);

    // Preview: the jobs with their accelerators, the capacity per pool and model; nothing changes.
    const HttpResult preview = httpPost(drain,
        { { QStringLiteral("dryRun"), true }, { QStringLiteral("reason"), QStringLiteral("HBM replacement") } },
        OperatorToken);
    QCOMPARE(preview.status, 200);
    const QJsonObject p = json(preview);
    QSet<QString> previewed;
    int held = 0;
    for (const QJsonValue& j : p.value(QStringLiteral("jobs")).toArray()) {
        previewed.insert(j.toObject().value(QStringLiteral("id")).toString());
        held += int(j.toObject().value(QStringLiteral("accelerators")).toArray().size());
    }
    QCOMPARE(previewed, before);
    const QJsonArray capacity = p.value(QStringLiteral("capacity")).toArray();
    QCOMPARE(capacity.size(), 1);
    const QJsonObject c = capacity.first().toObject();
    QVERIFY(!c.value(QStringLiteral("pool")).toString().isEmpty());
    QVERIFY(!c.value(QStringLiteral("model")).toString().isEmpty());
    QCOMPARE(c.value(QStringLiteral("allocated")).toInt(), held);
    QVERIFY(c.value(QStringLiteral("accelerators")).toInt() >= held);
    QVERIFY(drainedTruth().isEmpty());
    QCOMPARE(readAudit(auditPath).last().value(QStringLiteral("outcome")).toString(), QStringLiteral("previewed"));

    // Drain: the node stays up as "draining", the truth lists it, the audit says performed.
    const HttpResult done
        = httpPost(drain, { { QStringLiteral("reason"), QStringLiteral("HBM replacement") } }, OperatorToken);
    QCOMPARE(done.status, 200);
    QCOMPARE(json(done).value(QStringLiteral("drainedAfter")).toBool(), true);
    QString state;
    QCOMPARE(jobsOn(m_nodeId, &state), before); // running jobs finish where they are
    QCOMPARE(state, QStringLiteral("draining"));
    QJsonArray drained = drainedTruth();
    QCOMPARE(drained.size(), 1);
    QCOMPARE(drained.first().toObject().value(QStringLiteral("node")).toString(), m_nodeId);
    QCOMPARE(drained.first().toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("HBM replacement"));
    const QJsonObject performed = readAudit(auditPath).last();
    QCOMPARE(performed.value(QStringLiteral("outcome")).toString(), QStringLiteral("performed"));
    QCOMPARE(performed.value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(httpPost(drain, {}, OperatorToken).status, 409); // already drained

    // Hours of simulated scheduling: jobs end and arrive, none is placed on the drained node.
    QSet<QString> last = before;
    for (int i = 0; i < 12; ++i) {
        QCOMPARE(
            httpPost(sim(QStringLiteral("sim/control")), { { QStringLiteral("step"), 1800 } }, m_sim.token()).status,
            200);
        last = jobsOn(m_nodeId, &state);
        QVERIFY2(QSet<QString>(last).subtract(before).isEmpty(), "a new job was placed on a drained node");
        QCOMPARE(state, QStringLiteral("draining"));
    }

    QVERIFY2(last.size() < before.size(), "no job ended: the test would not see a wrong placement");

    // Resume: schedulable again, gone from the truth's drained list.
    const QUrl resume = sim(QStringLiteral("api/v1/nodes/%1/resume").arg(m_nodeId));
    const HttpResult resumed = httpPost(resume, {}, OperatorToken);
    QCOMPARE(resumed.status, 200);
    QCOMPARE(json(resumed).value(QStringLiteral("drainedAfter")).toBool(), false);
    QVERIFY(drainedTruth().isEmpty());
    jobsOn(m_nodeId, &state);
    QVERIFY(state != QLatin1String("draining"));
    QCOMPARE(httpPost(resume, {}, OperatorToken).status, 409); // not drained
    QCOMPARE(readAudit(auditPath).last().value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
}

void TestNodeDrain::simBadRequests_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addRow("unknown node") << QStringLiteral("api/v1/nodes/no-such-node/drain") << QJsonObject() << 404;
    QTest::addRow("unknown key") << QStringLiteral("api/v1/nodes/%1/drain")
                                 << QJsonObject { { QStringLiteral("force"), true } } << 400;
    QTest::addRow("reason not text") << QStringLiteral("api/v1/nodes/%1/drain")
                                     << QJsonObject { { QStringLiteral("reason"), 7 } } << 400;
    QTest::addRow("reason too long") << QStringLiteral("api/v1/nodes/%1/drain")
                                     << QJsonObject { { QStringLiteral("reason"), QString(300, u'x') } } << 400;
}

void TestNodeDrain::simBadRequests()
{
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    const QString p = path.contains(QLatin1String("%1")) ? path.arg(m_nodeId) : path;
    QCOMPARE(httpPost(sim(p), body, OperatorToken).status, status);
    QVERIFY(drainedTruth().isEmpty());
}

void TestNodeDrain::agentDrainCommand()
{
    const QUrl url = agent(QStringLiteral("api/v1/nodes/gpu-07/drain"));
    const QJsonObject body { { QStringLiteral("reason"), QStringLiteral("fan swap; %n stays") } };
    QJsonObject dry = body;
    dry.insert(QStringLiteral("dryRun"), true);
    const HttpResult preview = httpPost(url, dry, OperatorToken);
    QCOMPARE(preview.status, 200);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ran"))));
    QCOMPARE(json(preview).value(QStringLiteral("command")).toArray().last().toString(),
        QStringLiteral("reason=fan swap; %n stays"));

    const HttpResult done = httpPost(url, body, OperatorToken);
    QVERIFY2(done.status == 200, done.body.constData());
    QFile ran(m_dir.filePath(QStringLiteral("ran")));
    QVERIFY(ran.open(QIODevice::ReadOnly));
    // Arguments, not a shell line: the reason is one argument, its ';' and '%n' untouched.
    QCOMPARE(ran.readAll(), QByteArray("update\nnodename=gpu-07\nstate=drain\nreason=fan swap; %n stays\n"));
    const QList<QJsonObject> log = readAudit(m_dir.filePath(QStringLiteral("agent-audit.jsonl")));
    QVERIFY(log.size() >= 2);
    QCOMPARE(log[log.size() - 2].value(QStringLiteral("outcome")).toString(), QStringLiteral("previewed"));
    QCOMPARE(log.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("performed"));
    QCOMPARE(log.last().value(QStringLiteral("action")).toString(), QStringLiteral("drain"));
}

void TestNodeDrain::agentRefusals_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::addRow("no resume command") << QStringLiteral("api/v1/nodes/gpu-07/resume") << OperatorToken << 501;
    QTest::addRow("viewer") << QStringLiteral("api/v1/nodes/gpu-07/drain") << ViewerToken << 403;
    QTest::addRow("another node") << QStringLiteral("api/v1/nodes/gpu-08/drain") << OperatorToken << 404;
}

void TestNodeDrain::agentRefusals()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    QFile::remove(m_dir.filePath(QStringLiteral("ran")));
    const QString auditPath = m_dir.filePath(QStringLiteral("agent-audit.jsonl"));
    const qsizetype before = readAudit(auditPath).size();
    QCOMPARE(httpPost(agent(path), {}, token).status, status);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("ran"))));
    const QList<QJsonObject> log = readAudit(auditPath);
    QCOMPARE(log.size(), before + 1);
    QCOMPARE(log.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
}

QTEST_GUILESS_MAIN(TestNodeDrain)
#include "tst_nodedrain.moc"
