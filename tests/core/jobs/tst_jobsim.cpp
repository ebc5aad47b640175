// SPDX-License-Identifier: GPL-3.0-or-later
// Against the real meridian-fleetsim (paused, seeded, faults injected): each
// job's state, segments, goodput, longest run and recovery times derived by
// core/jobs from /api/v1/jobs equal the scheduler's own account in /sim/truth;
// interruptions link the injected fault events; actions check roles, preview,
// act and are audited.
#include "core/jobs/jobfigures.h"
#include "core/protocol/protocoljson.h"
#include "core/sources/jobdetailclient.h"
#include "tests/support/simfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

namespace {
const QByteArray ViewerToken = QByteArrayLiteral("viewer-token-0123456789");
const QByteArray OperatorToken = QByteArrayLiteral("operator-token-0123456789");
} // namespace

class TestJobSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void figuresEqualTruth();
    void detailHasCheckpoints();
    void detailClientEqualsTruth();
    void detailClientReportsFailures();
    void viewerCancelRefusedAndAudited();
    void operatorCancelPreviewedPerformedAudited();
    void operatorRequeue();

private:
    Protocol::JobsPage jobs();
    QJsonObject truth();
    QList<QJsonObject> audit() const;
    QString runningJob(const Protocol::JobsPage& page, const QString& kind) const;

    QTemporaryDir m_dir;
    SimulatorFixture m_sim;
    QList<qint64> m_injected;
};

void TestJobSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile tokens(m_dir.filePath(QStringLiteral("tokens")));
    QVERIFY(tokens.open(QIODevice::WriteOnly));
    QVERIFY(tokens.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    tokens.write("# roles\nviewer " + ViewerToken + "\noperator " + OperatorToken + "\n");
    tokens.close();
    QVERIFY2(m_sim.start({ QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--nodes"),
                 QStringLiteral("240"), QStringLiteral("--paused"), QStringLiteral("--tokens-file"), tokens.fileName(),
                 QStringLiteral("--audit-log"), m_dir.filePath(QStringLiteral("audit.jsonl")) }),
        qPrintable(m_sim.error()));

    // Inject chip faults under three running training jobs, then let the scheduler recover them.
    const Protocol::JobsPage page = jobs();
    int injected = 0;
    for (const Protocol::JobRecord& j : page.jobs) {
        if (injected == 3)
            break;
        if (j.state != QLatin1String("running") || j.kind != QLatin1String("training") || j.nodes.isEmpty())
            continue;
        const Test::HttpResult r = m_sim.post(QStringLiteral("sim/faults"),
            { { QStringLiteral("node"), j.nodes.first() }, { QStringLiteral("kind"), QStringLiteral("chip-fault") },
                { QStringLiteral("accelerator"), 0 } });
        QCOMPARE(r.status, 200);
        m_injected.append(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).toInteger());
        ++injected;
    }
    QCOMPARE(injected, 3);
    const Test::HttpResult step = m_sim.post(QStringLiteral("sim/control"), { { QStringLiteral("step"), 3 * 3600 } });
    QCOMPARE(step.status, 200);
}

void TestJobSim::cleanupTestCase()
{
    m_sim.stop();
}

Protocol::JobsPage TestJobSim::jobs()
{
    Protocol::JobsPage page;
    const Test::HttpResult r = m_sim.get(QStringLiteral("api/v1/jobs"));
    if (r.status != 200)
        qWarning() << "jobs:" << r.status << r.error;
    const Protocol::DecodeResult d = Protocol::Json::decodeBody(r.body, &page);
    if (!d.ok)
        qWarning() << d.error;
    return page;
}

QJsonObject TestJobSim::truth()
{
    const Test::HttpResult r = m_sim.get(QStringLiteral("sim/truth"));
    return QJsonDocument::fromJson(r.body).object();
}

QList<QJsonObject> TestJobSim::audit() const
{
    QList<QJsonObject> out;
    QFile f(m_dir.filePath(QStringLiteral("audit.jsonl")));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

QString TestJobSim::runningJob(const Protocol::JobsPage& page, const QString& kind) const
{
    for (const Protocol::JobRecord& j : page.jobs)
        if (Jobs::isRunning(j.state) && j.kind == kind)
            return j.jobId;
    return {};
}

void TestJobSim::figuresEqualTruth()
{
    // Paused: both answers come from the same published state.
    const Protocol::JobsPage page = jobs();
    const QJsonObject t = truth();
    QCOMPARE(t.value(QStringLiteral("ts")).toInteger(), page.timestampMs);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue& v : t.value(QStringLiteral("jobHistory")).toArray())
        byId.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    QCOMPARE(byId.size(), page.jobs.size());

    int interrupted = 0, lossy = 0, recoveries = 0;
    for (const Protocol::JobRecord& j : page.jobs) {
        const QJsonObject e = byId.value(j.jobId);
        QVERIFY2(!e.isEmpty(), qPrintable(j.jobId));
        const Jobs::JobFigures f = Jobs::figures(j, page.timestampMs);
        const QString what = j.jobId + u' ' + j.state;
        QCOMPARE(e.value(QStringLiteral("state")).toString(), j.state);
        QCOMPARE(e.value(QStringLiteral("segments")).toInt(), j.segments.size());
        QCOMPARE(e.value(QStringLiteral("interruptions")).toInt(), j.interruptionLog.size());
        QCOMPARE(j.interruptions, j.interruptionLog.size());
        QCOMPARE(e.value(QStringLiteral("wallMs")).toInteger(), f.wallMs);
        QCOMPARE(e.value(QStringLiteral("longestRunMs")).toInteger(), f.longestRunMs);
        QVERIFY2(e.value(QStringLiteral("lostWorkMs")).toInteger() == f.lostWorkMs, qPrintable(what));
        QCOMPARE(e.value(QStringLiteral("productiveMs")).toInteger(), f.productiveMs);
        if (e.value(QStringLiteral("goodput")).isNull())
            QVERIFY2(std::isnan(f.goodput), qPrintable(what));
        else
            QVERIFY2(qAbs(e.value(QStringLiteral("goodput")).toDouble() - f.goodput) < 1e-9, qPrintable(what));
        QList<qint64> closed;
        for (const Jobs::Recovery& r : f.recoveries)
            if (!r.open)
                closed.append(r.durationMs);
        QList<qint64> expected;
        for (const QJsonValue& v : e.value(QStringLiteral("recoveriesMs")).toArray())
            expected.append(v.toInteger());
        QCOMPARE(closed, expected);
        interrupted += j.interruptionLog.isEmpty() ? 0 : 1;
        lossy += f.lostWorkMs > 0 ? 1 : 0;
        recoveries += int(closed.size());
    }
    // Not trivially equal: jobs were interrupted, lost work and recovered.
    QVERIFY(interrupted >= 3);
    QVERIFY(lossy >= 1);
    QVERIFY(recoveries >= 3);

    // Each injected fault is linked from the interruption it caused.
    QSet<qint64> linked;
    for (const Protocol::JobRecord& j : page.jobs)
        for (const Protocol::JobInterruption& in : j.interruptionLog)
            if (in.faultEventId > 0)
                linked.insert(in.faultEventId);
    for (qint64 id : std::as_const(m_injected))
        QVERIFY2(linked.contains(id), qPrintable(QString::number(id)));
}

void TestJobSim::detailHasCheckpoints()
{
    const Protocol::JobsPage page = jobs();
    const QString id = runningJob(page, QStringLiteral("training"));
    QVERIFY(!id.isEmpty());
    const Test::HttpResult r = m_sim.get(QStringLiteral("api/v1/jobs/") + id);
    QCOMPARE(r.status, 200);
    Protocol::JobDetail detail;
    const Protocol::DecodeResult d = Protocol::Json::decodeBody(r.body, &detail);
    QVERIFY2(d.ok, qPrintable(d.error));
    QCOMPARE(detail.job.jobId, id);
    QVERIFY(!detail.job.segments.isEmpty());
    QVERIFY(std::is_sorted(detail.job.checkpoints.begin(), detail.job.checkpoints.end()));
    for (qint64 c : std::as_const(detail.job.checkpoints))
        QVERIFY(c >= detail.job.startMs && c <= detail.timestampMs);
    // The newest checkpoint of the running segment is the one the list reports.
    if (!detail.job.checkpoints.isEmpty() && detail.job.checkpoints.last() >= detail.job.segments.last().startMs)
        QCOMPARE(detail.job.lastCheckpointMs, detail.job.checkpoints.last());
    QCOMPARE(m_sim.get(QStringLiteral("api/v1/jobs/job-999999")).status, 404);
}

// The console's detail fetch (worker thread, strict decoding) brings every segment and
// checkpoint of an interrupted job; the simulator's truth lists the segments' spans and
// the checkpoint interval, from which the checkpoints are derived here independently.
void TestJobSim::detailClientEqualsTruth()
{
    const Protocol::JobsPage page = jobs();
    const QJsonObject t = truth();
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue& v : t.value(QStringLiteral("jobHistory")).toArray())
        byId.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    // A training job interrupted by one of the injected faults, with at least three checkpoints.
    QString id;
    QList<qint64> expectedCheckpoints;
    QJsonArray spans;
    for (const Protocol::JobRecord& j : page.jobs) {
        bool injected = false;
        for (const Protocol::JobInterruption& in : j.interruptionLog)
            injected = injected || m_injected.contains(in.faultEventId);
        const QJsonObject e = byId.value(j.jobId);
        const qint64 interval = e.value(QStringLiteral("checkpointIntervalMs")).toInteger();
        if (!injected || interval <= 0)
            continue;
        QList<qint64> derived;
        for (const QJsonValue& v : e.value(QStringLiteral("spans")).toArray()) {
            const QJsonObject span = v.toObject();
            const qint64 start = span.value(QStringLiteral("start")).toInteger();
            qint64 end = span.value(QStringLiteral("end")).toInteger();
            if (end == 0)
                end = j.endMs > 0 ? j.endMs : page.timestampMs;
            for (qint64 c = start + interval; c <= end; c += interval)
                derived.append(c);
        }
        if (derived.size() >= 3) {
            id = j.jobId;
            expectedCheckpoints = derived;
            spans = e.value(QStringLiteral("spans")).toArray();
            break;
        }
    }
    QVERIFY2(!id.isEmpty(), "no interrupted training job with three checkpoints");

    JobDetailClient client;
    QSignalSpy spy(&client, &JobDetailClient::finished);
    HttpRequestOptions options;
    options.token = m_sim.token();
    const quint64 request = client.fetch(m_sim.url(), options, id);
    QVERIFY(spy.wait(30000));
    QCOMPARE(spy.first().at(0).toULongLong(), request);
    QCOMPARE(spy.first().at(1).toString(), id);
    QCOMPARE(spy.first().at(3).toString(), QString());
    const auto job = spy.first().at(2).value<Protocol::JobRecord>();
    QCOMPARE(job.jobId, id);
    QCOMPARE(job.checkpoints, expectedCheckpoints);
    QCOMPARE(job.segments.size(), spans.size());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const QJsonObject span = spans.at(i).toObject();
        QCOMPARE(job.segments[i].startMs, span.value(QStringLiteral("start")).toInteger());
        QCOMPARE(job.segments[i].endMs, span.value(QStringLiteral("end")).toInteger());
        QCOMPARE(job.segments[i].endReason, span.value(QStringLiteral("reason")).toString());
    }
    // Every interruption with its cause; the injected fault is linked.
    QVERIFY(!job.interruptionLog.isEmpty());
    bool linked = false;
    for (const Protocol::JobInterruption& in : job.interruptionLog) {
        QVERIFY(!in.cause.isEmpty());
        linked = linked || m_injected.contains(in.faultEventId);
    }
    QVERIFY(linked);
}

void TestJobSim::detailClientReportsFailures()
{
    JobDetailClient client;
    QSignalSpy spy(&client, &JobDetailClient::finished);
    HttpRequestOptions options;
    options.token = m_sim.token();
    client.fetch(m_sim.url(), options, QStringLiteral("job-999999"));
    QVERIFY(spy.wait(30000));
    QVERIFY2(spy.last().at(3).toString().contains(QStringLiteral("404")), qPrintable(spy.last().at(3).toString()));
    options.token = QByteArrayLiteral("wrong-token-0123456789");
    client.fetch(m_sim.url(), options, runningJob(jobs(), QStringLiteral("training")));
    QVERIFY(spy.wait(30000));
    QVERIFY2(spy.last().at(3).toString().contains(QStringLiteral("401")), qPrintable(spy.last().at(3).toString()));
    // A body over the cap is refused, not decoded.
    options.token = m_sim.token();
    options.maxBodyBytes = 64;
    client.fetch(m_sim.url(), options, runningJob(jobs(), QStringLiteral("training")));
    QVERIFY(spy.wait(30000));
    QVERIFY(!spy.last().at(3).toString().isEmpty());
}

void TestJobSim::viewerCancelRefusedAndAudited()
{
    const QString id = runningJob(jobs(), QStringLiteral("training"));
    QVERIFY(!id.isEmpty());
    const qsizetype before = audit().size();
    // A viewer reads…
    QCOMPARE(httpGet(m_sim.url(QStringLiteral("api/v1/jobs")), ViewerToken).status, 200);
    // …but may not act.
    const Test::HttpResult r = httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/cancel").arg(id)), {}, ViewerToken);
    QCOMPARE(r.status, 403);
    QVERIFY2(r.body.contains("operator"), r.body.constData());
    const QList<QJsonObject> log = audit();
    QCOMPARE(log.size(), before + 1);
    QCOMPARE(log.last().value(QStringLiteral("outcome")).toString(), QStringLiteral("refused"));
    QCOMPARE(log.last().value(QStringLiteral("role")).toString(), QStringLiteral("viewer"));
    QCOMPARE(log.last().value(QStringLiteral("target")).toString(), id);
    QCOMPARE(log.last().value(QStringLiteral("status")).toInt(), 403);
    QVERIFY(!log.last().value(QStringLiteral("principal")).toString().contains(QLatin1String(ViewerToken)));
    for (const Protocol::JobRecord& j : jobs().jobs)
        if (j.jobId == id)
            QVERIFY(Jobs::isRunning(j.state));
    // No token at all: 401, and audited as well? It never reaches the route (the /api/* check answers).
    QCOMPARE(
        httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/cancel").arg(id)), {}, "wrong-token-0123456789").status, 401);
}

void TestJobSim::operatorCancelPreviewedPerformedAudited()
{
    const QString id = runningJob(jobs(), QStringLiteral("training"));
    QVERIFY(!id.isEmpty());
    const qsizetype before = audit().size();
    const Test::HttpResult preview = httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/cancel").arg(id)),
        { { QStringLiteral("dryRun"), true } }, OperatorToken);
    QCOMPARE(preview.status, 200);
    const QJsonObject p = QJsonDocument::fromJson(preview.body).object();
    QVERIFY(p.value(QStringLiteral("dryRun")).toBool());
    QVERIFY(!p.value(QStringLiteral("nodes")).toArray().isEmpty());
    QVERIFY(p.value(QStringLiteral("accelerators")).toInt() > 0);
    QVERIFY(!p.value(QStringLiteral("effect")).toString().isEmpty());
    for (const Protocol::JobRecord& j : jobs().jobs)
        if (j.jobId == id)
            QVERIFY2(Jobs::isRunning(j.state), "a preview must not act");

    const Test::HttpResult done
        = httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/cancel").arg(id)), {}, OperatorToken);
    QCOMPARE(done.status, 200);
    QCOMPARE(QJsonDocument::fromJson(done.body).object().value(QStringLiteral("stateAfter")).toString(),
        QStringLiteral("cancelled"));
    bool seen = false;
    for (const Protocol::JobRecord& j : jobs().jobs) {
        if (j.jobId != id)
            continue;
        seen = true;
        QCOMPARE(j.state, QStringLiteral("cancelled"));
        QVERIFY(j.endMs > 0);
        QCOMPARE(j.segments.last().endReason, QStringLiteral("cancelled"));
        QCOMPARE(j.acceleratorsAllocated, 0);
    }
    QVERIFY(seen);
    // Cancelling again is a conflict, not a success.
    QCOMPARE(httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/cancel").arg(id)), {}, OperatorToken).status, 409);

    const QList<QJsonObject> log = audit();
    QCOMPARE(log.size(), before + 3);
    QCOMPARE(log[before].value(QStringLiteral("outcome")).toString(), QStringLiteral("previewed"));
    QCOMPARE(log[before + 1].value(QStringLiteral("outcome")).toString(), QStringLiteral("performed"));
    QCOMPARE(log[before + 1].value(QStringLiteral("role")).toString(), QStringLiteral("operator"));
    QCOMPARE(log[before + 1].value(QStringLiteral("action")).toString(), QStringLiteral("cancel"));
    QCOMPARE(log[before + 2].value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(log[before + 2].value(QStringLiteral("status")).toInt(), 409);
}

void TestJobSim::operatorRequeue()
{
    const QString id = runningJob(jobs(), QStringLiteral("training"));
    QVERIFY(!id.isEmpty());
    const Test::HttpResult r = httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/requeue").arg(id)), {}, OperatorToken);
    QCOMPARE(r.status, 200);
    for (const Protocol::JobRecord& j : jobs().jobs) {
        if (j.jobId != id)
            continue;
        QCOMPARE(j.state, QStringLiteral("recovering"));
        QCOMPARE(j.segments.last().endReason, QStringLiteral("requeued"));
        QCOMPARE(j.interruptionLog.last().faultEventId, 0);
        QCOMPARE(j.interruptionLog.last().recoveredMs, 0);
    }
    // Bad bodies are refused before anything happens.
    QCOMPARE(httpPost(m_sim.url(QStringLiteral("api/v1/jobs/%1/requeue").arg(id)),
                 { { QStringLiteral("force"), true } }, OperatorToken)
                 .status,
        400);
}

QTEST_GUILESS_MAIN(TestJobSim)
#include "tst_jobsim.moc"
