// SPDX-License-Identifier: GPL-3.0-or-later
// Against the real meridian-fleetsim: a seeded 30-day history (no random
// faults, so that every fault is in /sim/truth's faultLog), chip faults under
// running training jobs, a node down, a link down, an ECC error and a thermal
// warning injected, some cleared, jobs interrupted and recovered. The console
// caches it all; then every figure of the jobs report equals the scheduler's
// own account (jobHistory) and every figure of the faults report equals the
// injected faults (faultLog).

#include "core/cache/cachereader.h"
#include "core/protocol/protocoljson.h"
#include "core/reports/report.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/core/reports/reportlookup.h"
#include "tests/support/simfixture.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::ReportLookup;
using namespace Meridian::Test;

namespace {

constexpr int Nodes = 120;
constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Target = 10 * 60 * 1000;

// Sums and means compared at the precision the arithmetic order allows.
bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestReportJobsFaultsSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jobsEqualTruth();
    void jobsPerJobEqualTruth();
    void jobsLast30Days();
    void faultsEqualTruth();

private:
    QJsonObject get(const QString& path) const;
    qint64 inject(const QString& node, const QString& kind, int accelerator);
    void step(int seconds);
    ReportData run(const QString& type, qint64 fromMs, qint64 toMs, qint64 span = 0) const;

    QTemporaryDir m_dir;
    SimulatorFixture m_sim;
    QJsonObject m_truth;
    Protocol::JobsPage m_jobs;
    QHash<QString, std::pair<QString, QString>> m_poolOf; ///< node → region, pool
    std::unique_ptr<CacheReader> m_reader;
    qint64 m_endMs = 0; ///< end of the newest cached minute
    int m_chipFaults = 0;
};

QJsonObject TestReportJobsFaultsSim::get(const QString& path) const
{
    const HttpResult r = m_sim.get(path);
    if (r.status != 200)
        qWarning() << path << r.status << r.error;
    return QJsonDocument::fromJson(r.body).object();
}

qint64 TestReportJobsFaultsSim::inject(const QString& node, const QString& kind, int accelerator)
{
    QJsonObject body { { QStringLiteral("node"), node }, { QStringLiteral("kind"), kind } };
    if (accelerator >= 0)
        body.insert(QStringLiteral("accelerator"), accelerator);
    if (kind == QLatin1String("hbm-ecc"))
        body.insert(QStringLiteral("bits"), 2);
    const HttpResult r = m_sim.post(QStringLiteral("sim/faults"), body);
    if (r.status != 200)
        qWarning() << "inject" << node << kind << r.status << r.body;
    return r.status == 200 ? QJsonDocument::fromJson(r.body).object().value(QStringLiteral("id")).toInteger() : 0;
}

void TestReportJobsFaultsSim::step(int seconds)
{
    const HttpResult r = m_sim.post(QStringLiteral("sim/control"), { { QStringLiteral("step"), seconds } });
    QCOMPARE(r.status, 200);
}

void TestReportJobsFaultsSim::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
    // The default scenario without random faults: seed 7 draws none in 30 days either. One
    // sample an hour: the simulator serves its whole history at the interval, and the reports
    // read the rollups only for coverage.
    QFile in(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/scenarios/default.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject scenario = QJsonDocument::fromJson(in.readAll()).object();
    scenario.insert(QStringLiteral("faults"),
        QJsonObject { { QStringLiteral("interruptionsPerHourPer16k"), 0 },
            { QStringLiteral("minInterruptionsPerHour"), 0 }, { QStringLiteral("warningsPerInterruption"), 0 } });
    QFile out(m_dir.filePath(QStringLiteral("scenario.json")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(scenario).toJson());
    out.close();
    // Today's midnight (UTC): the same time of day every run, and recent enough for the cache's
    // 30-day retention (which counts by the console's clock).
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch() / (24 * Hour) * (24 * Hour);
    QVERIFY2(m_sim.start({ QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--nodes"),
                 QString::number(Nodes), QStringLiteral("--history"), QStringLiteral("30d"),
                 QStringLiteral("--interval"), QStringLiteral("3600"), QStringLiteral("--start-time"),
                 QString::number(startMs), QStringLiteral("--paused"), QStringLiteral("--scenario"), out.fileName() }),
        qPrintable(m_sim.error()));

    // Faults under running jobs (three chip faults under training jobs, a node down, a link
    // down) and on any node (an uncorrectable ECC error, a thermal warning).
    Protocol::JobsPage page;
    QVERIFY(Protocol::Json::decodeBody(m_sim.get(QStringLiteral("api/v1/jobs")).body, &page).ok);
    // One job per node, so that every fault hits exactly one job.
    QList<const Protocol::JobRecord*> training, other;
    QSet<QString> used;
    for (const Protocol::JobRecord& j : page.jobs) {
        if (j.state != QLatin1String("running") || j.nodes.isEmpty() || used.contains(j.nodes.first()))
            continue;
        used.insert(j.nodes.first());
        (j.kind == QLatin1String("training") ? training : other).append(&j);
    }
    QVERIFY(training.size() >= 4 && other.size() >= 1);
    QList<qint64> chip;
    for (int i = 0; i < 3; ++i)
        chip.append(inject(training[i]->nodes.first(), QStringLiteral("chip-fault"), 0));
    m_chipFaults = 3;
    const qint64 down = inject(training[3]->nodes.first(), QStringLiteral("node-down"), -1);
    QVERIFY(inject(other[0]->nodes.first(), QStringLiteral("link-down"), 1) > 0);
    const QJsonArray fleet = get(QStringLiteral("api/v1/fleet")).value(QStringLiteral("nodes")).toArray();
    QList<QString> idle; // nodes without an injected fault yet
    for (const QJsonValue& v : fleet) {
        const QJsonObject n = v.toObject();
        m_poolOf.insert(n.value(QStringLiteral("id")).toString(),
            { n.value(QStringLiteral("region")).toString(), n.value(QStringLiteral("pool")).toString() });
        if (!used.contains(n.value(QStringLiteral("id")).toString()))
            idle.append(n.value(QStringLiteral("id")).toString()); // may run a job: truth says which
    }
    QVERIFY(idle.size() >= 2);
    QVERIFY(inject(idle[0], QStringLiteral("hbm-ecc"), 2) > 0);
    QVERIFY(inject(idle[1], QStringLiteral("thermal"), 3) > 0);
    QVERIFY(chip.count(0) == 0 && down > 0);
    step(15 * 60);
    for (qint64 id : { chip[0], down })
        QCOMPARE(m_sim.post(QStringLiteral("sim/faults/clear"), { { QStringLiteral("id"), id } }).status, 200);
    step(10 * 60);

    {
        FleetSession session;
        QString error;
        QVERIFY2(m_sim.openSession(session, m_dir.filePath(QStringLiteral("cache")), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->nodes().size() >= Nodes, 60000);
        qint64 lastTick = 0;
        for (const FleetNode& n : session.store()->nodes())
            lastTick = std::max(lastTick, n.snapshot.sample.timestampMs);
        const qint64 newestEvent
            = get(QStringLiteral("api/v1/events?limit=1")).value(QStringLiteral("newestId")).toInteger();
        Protocol::JobsPage jobs;
        QVERIFY(Protocol::Json::decodeBody(m_sim.get(QStringLiteral("api/v1/jobs")).body, &jobs).ok);
        // In: the newest minute's rollup (the reports' coverage and range end), the newest event
        // and every job's history.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto c = session.cache()->capacityHistory(lastTick - Hour, lastTick + 60000);
                c.waitForFinished();
                if (c.result().points.isEmpty() || c.result().points.last().timestampMs != lastTick / 60000 * 60000)
                    return false;
                EventFilter f;
                f.limit = 1;
                auto e = session.cache()->events(f);
                e.waitForFinished();
                if (e.result().isEmpty() || e.result().first().id != newestEvent)
                    return false;
                auto s = session.cache()->lastState();
                s.waitForFinished();
                qsizetype withHistory = 0;
                for (const Protocol::JobRecord& j : s.result().jobs)
                    withHistory += j.segments.isEmpty() && j.startMs > 0 ? 0 : 1;
                return s.result().jobs.size() == jobs.jobs.size() && withHistory == jobs.jobs.size();
            }(),
            600000); // generous: sanitizer builds on a loaded machine run 3-5x slower
        m_endMs = lastTick / 60000 * 60000 + 60000;
        session.setSources({});
    } // the session's writer commits everything as it closes
    m_truth = get(QStringLiteral("sim/truth"));
    QVERIFY(Protocol::Json::decodeBody(m_sim.get(QStringLiteral("api/v1/jobs")).body, &m_jobs).ok);
    QCOMPARE(m_truth.value(QStringLiteral("ts")).toInteger(), m_jobs.timestampMs);
    m_reader = std::make_unique<CacheReader>(m_dir.filePath(QStringLiteral("cache")));
}

ReportData TestReportJobsFaultsSim::run(const QString& type, qint64 fromMs, qint64 toMs, qint64 span) const
{
    ReportParameters p;
    p.type = type;
    p.fromMs = fromMs;
    p.toMs = toMs;
    p.relativeSpanMs = span;
    const auto d = generate(p, ReportContext(m_reader.get()));
    return d.value_or(ReportData());
}

void TestReportJobsFaultsSim::jobsEqualTruth()
{
    // From long before the history (jobs submitted before the simulation began) to the end:
    // every job and every interruption of the scheduler's account is in the range.
    const ReportData d = run(QStringLiteral("jobs"), m_endMs - 120 * 24 * Hour, m_endMs);
    QVERIFY(!d.isEmpty());
    QHash<QString, const Protocol::JobRecord*> record;
    for (const Protocol::JobRecord& j : m_jobs.jobs)
        record.insert(j.jobId, &j);
    QMap<QString, qint64> states;
    double productive = 0, wall = 0, lostAcc = 0;
    qint64 interruptions = 0, lost = 0, longest = -1, recoveries = 0, recoverySum = 0, within = 0;
    const QJsonArray history = m_truth.value(QStringLiteral("jobHistory")).toArray();
    for (const QJsonValue& v : history) {
        const QJsonObject t = v.toObject();
        const Protocol::JobRecord* j = record.value(t.value(QStringLiteral("id")).toString());
        QVERIFY(j);
        const double w = std::max(1, j->acceleratorsRequested);
        if (t.value(QStringLiteral("wallMs")).toInteger() > 0 && t.value(QStringLiteral("segments")).toInt() > 0) {
            productive += w * double(t.value(QStringLiteral("productiveMs")).toInteger());
            wall += w * double(t.value(QStringLiteral("wallMs")).toInteger());
        }
        interruptions += t.value(QStringLiteral("interruptions")).toInt();
        lost += t.value(QStringLiteral("lostWorkMs")).toInteger();
        lostAcc += w * double(t.value(QStringLiteral("lostWorkMs")).toInteger());
        longest = std::max(longest, t.value(QStringLiteral("longestRunMs")).toInteger());
        for (const QJsonValue& r : t.value(QStringLiteral("recoveriesMs")).toArray()) {
            ++recoveries;
            recoverySum += r.toInteger();
            within += r.toInteger() <= Target ? 1 : 0;
        }
    }
    // Jobs by state: the scheduler's list (queued jobs have no history yet).
    for (const Protocol::JobRecord& j : m_jobs.jobs)
        ++states[j.state == QLatin1String("checkpointing") ? QStringLiteral("running") : j.state];
    QCOMPARE(figure(d, QStringLiteral("jobs")).toLongLong(), qint64(m_jobs.jobs.size()));
    const QJsonObject fleetJobs
        = m_truth.value(QStringLiteral("fleet")).toObject().value(QStringLiteral("jobs")).toObject();
    for (const char* s : { "queued", "running", "recovering", "completed", "failed", "cancelled" }) {
        const QString key = QLatin1String(s);
        QCOMPARE(figure(d, key).toLongLong(), states.value(key));
        QCOMPARE(figure(d, key).toLongLong(), fleetJobs.value(key).toInteger());
    }
    QVERIFY2(near(figure(d, QStringLiteral("goodput")).toDouble(), productive / wall * 100),
        qPrintable(QString::number(figure(d, QStringLiteral("goodput")).toDouble() - productive / wall * 100)));
    QCOMPARE(figure(d, QStringLiteral("interruptions")).toLongLong(), interruptions);
    QVERIFY(near(figure(d, QStringLiteral("work_lost")).toDouble(), double(lost) / Hour));
    QVERIFY(near(figure(d, QStringLiteral("work_lost_accelerator_hours")).toDouble(), lostAcc / Hour));
    QVERIFY(near(figure(d, QStringLiteral("mean_recovery")).toDouble(), double(recoverySum) / recoveries / 60000));
    QVERIFY(near(figure(d, QStringLiteral("recovered_within_target")).toDouble(), 100.0 * within / interruptions));
    QVERIFY(near(figure(d, QStringLiteral("longest_run")).toDouble(), double(longest) / Hour));
    // Not trivially equal: the injected faults interrupted jobs, work was lost and recovered.
    QVERIFY(interruptions >= 4);
    QVERIFY(lost > 0);
    QVERIFY(recoveries >= 3);

    // The chip faults' interruptions name their fault event's kind and class.
    const ReportTable* causes = table(d, QStringLiteral("interruption_causes"));
    QVERIFY(causes);
    qint64 chip = 0, down = 0, all = 0;
    for (const QVariantList& r : causes->rows) {
        all += r[2].toLongLong();
        if (r[0].toString() == QLatin1String("chip-fault")) {
            QCOMPARE(r[1].toString(), QStringLiteral("accelerator"));
            chip += r[2].toLongLong();
        }
        if (r[0].toString() == QLatin1String("node-down")) {
            QCOMPARE(r[1].toString(), QStringLiteral("node"));
            down += r[2].toLongLong();
        }
    }
    QCOMPARE(all, interruptions);
    qint64 chipTruth = 0, downTruth = 0;
    for (const QJsonValue& v : m_truth.value(QStringLiteral("faultLog")).toArray()) {
        const QJsonObject f = v.toObject();
        const qint64 hits = f.value(QStringLiteral("jobs")).toArray().size();
        chipTruth += f.value(QStringLiteral("kind")).toString() == QLatin1String("chip-fault") ? hits : 0;
        downTruth += f.value(QStringLiteral("kind")).toString() == QLatin1String("node-down") ? hits : 0;
    }
    QCOMPARE(chip, chipTruth);
    QCOMPARE(down, downTruth);
    QVERIFY(chip >= m_chipFaults);
}

void TestReportJobsFaultsSim::jobsPerJobEqualTruth()
{
    const ReportData d = run(QStringLiteral("jobs"), m_endMs - 120 * 24 * Hour, m_endMs);
    const ReportTable* jobs = table(d, QStringLiteral("jobs"));
    QVERIFY(jobs);
    QHash<QString, QJsonObject> truth;
    qsizetype started = 0;
    for (const QJsonValue& v : m_truth.value(QStringLiteral("jobHistory")).toArray()) {
        truth.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        started += v.toObject().value(QStringLiteral("wallMs")).toInteger() >= 0 ? 1 : 0;
    }
    QCOMPARE(jobs->rows.size(), started);
    for (const QVariantList& r : jobs->rows) {
        const QJsonObject t = truth.value(r[0].toString());
        QVERIFY2(!t.isEmpty(), qPrintable(r[0].toString()));
        QCOMPARE(r[4].toString(), t.value(QStringLiteral("state")).toString());
        QCOMPARE(qint64(std::llround(r[10].toDouble() * Hour)), t.value(QStringLiteral("wallMs")).toInteger());
        if (t.value(QStringLiteral("goodput")).isNull())
            QVERIFY(std::isnan(r[11].toDouble()));
        else
            QVERIFY2(near(r[11].toDouble(), t.value(QStringLiteral("goodput")).toDouble() * 100),
                qPrintable(r[0].toString()));
        QCOMPARE(r[12].toLongLong(), t.value(QStringLiteral("interruptions")).toInteger());
        if (t.value(QStringLiteral("segments")).toInt() > 0) {
            QCOMPARE(qint64(std::llround(r[13].toDouble() * Hour)), t.value(QStringLiteral("lostWorkMs")).toInteger());
            QCOMPARE(
                qint64(std::llround(r[14].toDouble() * Hour)), t.value(QStringLiteral("longestRunMs")).toInteger());
        }
    }
}

void TestReportJobsFaultsSim::jobsLast30Days()
{
    // "30d": the jobs alive in the 30 days ending with the data, by their own submit/end times.
    const ReportData d = run(QStringLiteral("jobs"), 0, 0, 30 * 24 * Hour);
    QVERIFY(!d.isEmpty());
    QCOMPARE(d.parameters.toMs, m_endMs);
    const qint64 from = m_endMs - 30 * 24 * Hour;
    qint64 alive = 0;
    for (const Protocol::JobRecord& j : m_jobs.jobs)
        alive += (j.submitMs > 0 ? j.submitMs : j.startMs) < m_endMs && (j.endMs == 0 || j.endMs >= from) ? 1 : 0;
    QCOMPARE(figure(d, QStringLiteral("jobs")).toLongLong(), alive);
    QVERIFY(alive > 100);
    // Hourly samples: the minutes between them are reported as gaps, not hidden.
    QVERIFY(!d.gaps.isEmpty());
    QCOMPARE(d.gaps.first().fromMs, from);
}

void TestReportJobsFaultsSim::faultsEqualTruth()
{
    const ReportData d = run(QStringLiteral("faults"), 0, 0, 30 * 24 * Hour);
    QVERIFY(!d.isEmpty());
    const qint64 now = m_truth.value(QStringLiteral("ts")).toInteger();
    struct T
    {
        qint64 faults = 0, open = 0, openMs = 0, cleared = 0, clearMs = 0;
        void add(const QJsonObject& f, qint64 now)
        {
            const bool closed = !f.value(QStringLiteral("clearedMs")).isNull();
            const qint64 end = closed ? f.value(QStringLiteral("clearedMs")).toInteger() : now;
            ++faults;
            open += closed ? 0 : 1;
            openMs += end - f.value(QStringLiteral("detectedMs")).toInteger();
            cleared += closed ? 1 : 0;
            clearMs += closed ? end - f.value(QStringLiteral("detectedMs")).toInteger() : 0;
        }
    };
    T all;
    QMap<QString, T> byKind, byNode, byPool;
    for (const QJsonValue& v : m_truth.value(QStringLiteral("faultLog")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString node = f.value(QStringLiteral("node")).toString();
        all.add(f, now);
        byKind[f.value(QStringLiteral("kind")).toString()].add(f, now);
        byNode[node].add(f, now);
        byPool[m_poolOf.value(node).first + QLatin1Char('/') + m_poolOf.value(node).second].add(f, now);
    }
    QCOMPARE(all.faults, 7);
    QCOMPARE(all.cleared, 2);
    QCOMPARE(figure(d, QStringLiteral("nodes")).toLongLong(), Nodes);
    QCOMPARE(figure(d, QStringLiteral("faults")).toLongLong(), all.faults);
    QCOMPARE(figure(d, QStringLiteral("cleared")).toLongLong(), all.cleared);
    QCOMPARE(figure(d, QStringLiteral("open_at_end")).toLongLong(), all.open);
    QVERIFY(near(figure(d, QStringLiteral("time_open")).toDouble(), double(all.openMs) / Hour));
    QVERIFY(
        near(figure(d, QStringLiteral("mean_time_to_clear")).toDouble(), double(all.clearMs) / all.cleared / 60000));
    QCOMPARE(figure(d, QStringLiteral("nodes_with_faults")).toLongLong(), qint64(byNode.size()));

    const ReportTable* kinds = table(d, QStringLiteral("faults_by_kind"));
    QVERIFY(kinds);
    QCOMPARE(kinds->rows.size(), byKind.size());
    for (const QVariantList& r : kinds->rows) {
        const T t = byKind.value(r[0].toString());
        QCOMPARE(r[2].toLongLong(), t.faults);
        QCOMPARE(r[3].toLongLong(), t.open);
        QVERIFY(near(r[4].toDouble(), double(t.openMs) / Hour));
    }
    const ReportTable* pools = table(d, QStringLiteral("faults_by_pool"));
    QVERIFY(pools);
    qint64 poolFaults = 0;
    for (const QVariantList& r : pools->rows) {
        const T t = byPool.value(r[0].toString() + QLatin1Char('/') + r[1].toString());
        QCOMPARE(r[3].toLongLong(), t.faults);
        QCOMPARE(r[4].toLongLong(), t.open);
        poolFaults += r[3].toLongLong();
    }
    QCOMPARE(poolFaults, all.faults);
    const ReportTable* top = table(d, QStringLiteral("top_nodes"));
    QVERIFY(top);
    QCOMPARE(top->rows.size(), byNode.size()); // 7 faults on fewer than 10 nodes: all listed
    for (const QVariantList& r : top->rows) {
        const T t = byNode.value(r[0].toString());
        QCOMPARE(r[4].toLongLong(), t.faults);
        QVERIFY(near(r[6].toDouble(), double(t.openMs) / Hour));
    }
    const ReportTable* links = table(d, QStringLiteral("top_links"));
    QVERIFY(links);
    QCOMPARE(links->rows.size(), 1);
    QCOMPARE(links->rows[0][2].toString(), QStringLiteral("link-down"));
    QCOMPARE(links->rows[0][1].toLongLong(), 1);
}

QTEST_GUILESS_MAIN(TestReportJobsFaultsSim)
#include "tst_reportjobsfaultssim.moc"
