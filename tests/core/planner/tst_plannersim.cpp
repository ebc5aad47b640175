// SPDX-License-Identifier: GPL-3.0-or-later
// The planner against the real meridian-fleetsim, paused: for every pool and model of a seeded fleet, the answer's
// free chips and whole nodes equal /sim/truth, its wait equals a brute-force walk over the simulator's job list
// (expected ends and the queue), its latency equals the truth's site links, and its risk equals the fault log's
// faults over the up node-hours and the scheduler's own recovery times. Written apart from core/planner.

#include "core/planner/planner.h"
#include "core/planner/plannerinputs.h"
#include "core/planner/plannerservice.h"
#include "core/protocol/protocoljson.h"
#include "core/reports/reportrunner.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <optional>

using namespace Meridian;
using namespace Meridian::Planner;
using namespace Meridian::Test;

namespace {

constexpr qint64 HourMs = 3600 * 1000;

struct TruthPool
{
    QString region, pool, model;
    int total = 0, free = 0, wholeFree = 0, nodes = 0;
};

bool closeTo(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestPlannerSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void fitEqualsTruth();
    void waitEqualsJobList();
    void latencyEqualsTruthLinks();
    void riskEqualsFaultLog();
    void noPoolCanMeetSaysWhy();

private:
    PlanAnswer ask(const PlacementRequest& r);
    // By value: callers pass a temporary answer.
    std::optional<Candidate> candidate(const PlanAnswer& a, const TruthPool& p) const;

    SimulatorFixture m_sim;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<PlannerService> m_planner;
    QJsonObject m_truth;
    QList<Protocol::JobRecord> m_jobs; ///< the simulator's job list, as served
    QHash<QString, QString> m_poolOfNode; ///< node → "region|pool", from /api/v1/fleet
    QList<TruthPool> m_pools;
};

void TestPlannerSim::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_cacheDir.isValid());
    QVERIFY2(
        m_sim.start({ QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--nodes"), QStringLiteral("240"),
            QStringLiteral("--history"), QStringLiteral("2h"), QStringLiteral("--paused") }),
        qPrintable(m_sim.error()));
    m_session = std::make_unique<FleetSession>();
    QString error;
    QVERIFY2(m_sim.openSession(*m_session, m_cacheDir.path(), &error), qPrintable(error));

    m_truth = m_sim.truth();
    QVERIFY(!m_truth.isEmpty());
    for (const QJsonValue& pv : m_truth.value(QStringLiteral("pools")).toArray()) {
        const QJsonObject p = pv.toObject();
        for (const QJsonValue& mv : p.value(QStringLiteral("models")).toArray()) {
            const QJsonObject m = mv.toObject();
            m_pools.append({ p.value(QStringLiteral("region")).toString(), p.value(QStringLiteral("pool")).toString(),
                m.value(QStringLiteral("model")).toString(), m.value(QStringLiteral("total")).toInt(),
                m.value(QStringLiteral("free")).toInt(), p.value(QStringLiteral("wholeFreeNodes")).toInt(),
                p.value(QStringLiteral("nodesUp")).toInt() + p.value(QStringLiteral("nodesDown")).toInt() });
        }
    }
    QVERIFY(m_pools.size() >= 10);

    const HttpResult jobs = m_sim.get(QStringLiteral("api/v1/jobs"));
    QCOMPARE(jobs.status, 200);
    Protocol::JobsPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = 256 << 20;
    const auto decoded = Protocol::Json::decodeBody(jobs.body, &page, limits);
    QVERIFY2(decoded, qPrintable(decoded.error));
    QVERIFY(!page.more);
    m_jobs = page.jobs;
    const HttpResult fleet = m_sim.get(QStringLiteral("api/v1/fleet"));
    QCOMPARE(fleet.status, 200);
    for (const QJsonValue& n : QJsonDocument::fromJson(fleet.body).object().value(QStringLiteral("nodes")).toArray())
        m_poolOfNode.insert(n[QStringLiteral("id")].toString(),
            poolKey(n[QStringLiteral("region")].toString(), n[QStringLiteral("pool")].toString()));

    // Paused: once the store holds every node, the job list and the probes, it holds exactly what was served.
    const FleetStore* store = m_session->store();
    QTRY_VERIFY_WITH_TIMEOUT(
        store->nodes().size() >= 240 && store->hasJobList() && store->jobs().size() >= m_jobs.size(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int free = 0;
            for (const FleetNode& n : store->nodes())
                for (const ModelCapacity& m : capacityByModel(n))
                    free += m.free;
            int truthFree = 0;
            for (const TruthPool& p : std::as_const(m_pools))
                truthFree += p.free;
            return free == truthFree;
        }(),
        60000);
    // The cache has the pre-generated history once the source has read it (the report's faults need it).
    m_planner = std::make_unique<PlannerService>(m_session->store(), m_session->cache());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSignalSpy ready(m_planner.get(), &PlannerService::riskReady);
            m_planner->refreshRisk();
            if (!ready.wait(60000))
                return false;
            // Retry until the report sees the history: every pool of the truth has a row.
            PlanAnswer a = ask([&] {
                PlacementRequest r;
                r.model = m_pools.first().model;
                r.count = 1;
                r.durationMs = HourMs;
                return r;
            }());
            return !a.candidates.isEmpty() && a.candidates.first().risk.history != RiskHistory::None;
        }(),
        120000);
}

void TestPlannerSim::cleanupTestCase()
{
    m_planner.reset();
    m_session.reset();
    m_sim.stop();
}

PlanAnswer TestPlannerSim::ask(const PlacementRequest& r)
{
    QSignalSpy answered(m_planner.get(), &PlannerService::answered);
    m_planner->ask(r);
    if (!answered.wait(60000))
        return {};
    return answered.first().first().value<PlanAnswer>();
}

std::optional<Candidate> TestPlannerSim::candidate(const PlanAnswer& a, const TruthPool& p) const
{
    for (const Candidate& c : a.candidates)
        if (c.region == p.region && c.pool == p.pool)
            return c;
    return std::nullopt;
}

void TestPlannerSim::fitEqualsTruth()
{
    int fragmented = 0, fits = 0;
    for (const TruthPool& p : std::as_const(m_pools)) {
        PlacementRequest r;
        r.model = p.model;
        r.count = std::max(1, p.free);
        r.durationMs = 7 * 24 * HourMs;
        const PlanAnswer a = ask(r);
        const std::optional<Candidate> c = candidate(a, p);
        QVERIFY2(c, qPrintable(p.pool));
        QCOMPARE(c->fit.chips, p.total);
        QCOMPARE(c->fit.freeChips, p.free);
        QCOMPARE(c->fit.freeWholeNodes, p.wholeFree);
        QCOMPARE(c->fit.fitsNow, p.free >= r.count);
        fits += c->fit.fitsNow ? 1 : 0;
        fragmented += c->fit.fragmented ? 1 : 0;
        // Whole nodes: fits when the truth's whole free nodes hold the request.
        r.wholeNodes = true;
        const std::optional<Candidate> w = candidate(ask(r), p);
        QVERIFY(w);
        QCOMPARE(w->fit.fitsNow, p.wholeFree >= w->fit.nodesNeeded);
    }
    QVERIFY(fits > 0);
    qInfo() << fits << "pools fit their own free chips," << fragmented << "of them fragmented";
}

void TestPlannerSim::waitEqualsJobList()
{
    const qint64 now = sourcesNowMs(m_session->store()->nodes());
    int later = 0;
    for (const TruthPool& p : std::as_const(m_pools)) {
        // Brute force: chips released by each running job of the pool at its expected end, after the queue.
        QList<std::pair<qint64, int>> ends;
        int queuedChips = 0, queued = 0, unknown = 0;
        for (const Protocol::JobRecord& j : std::as_const(m_jobs)) {
            if (j.pool != p.pool || j.region != p.region || j.model != p.model)
                continue;
            if (j.state == QLatin1String("queued")) {
                ++queued;
                queuedChips += j.acceleratorsRequested;
            } else if (j.state == QLatin1String("running") || j.state == QLatin1String("checkpointing")) {
                if (j.expectedEndMs > 0)
                    ends.append({ std::max(j.expectedEndMs, now), j.acceleratorsAllocated });
                else
                    ++unknown;
            }
        }
        std::sort(ends.begin(), ends.end());
        PlacementRequest r;
        r.model = p.model;
        r.count = p.free + 1; // one more than is free: it must wait
        r.durationMs = 24 * HourMs;
        const int need = r.count + queuedChips;
        int have = p.free;
        qint64 at = -1;
        for (const auto& [end, chips] : std::as_const(ends)) {
            have += chips;
            if (have >= need) {
                at = end;
                break;
            }
        }
        const PlanAnswer a = ask(r);
        const std::optional<Candidate> c = candidate(a, p);
        if (p.total < r.count) {
            QVERIFY2(!c, qPrintable(p.pool)); // can never fit: not a candidate
            continue;
        }
        QVERIFY2(c, qPrintable(p.pool));
        QCOMPARE(c->wait.queuedAhead, queued);
        QCOMPARE(c->wait.queuedAheadChips, queuedChips);
        QCOMPARE(c->wait.unknownEnds, unknown);
        if (at < 0) {
            QCOMPARE(c->wait.state, FitState::Unknown);
            continue;
        }
        QCOMPARE(c->wait.state, FitState::Later);
        QCOMPARE(c->wait.atMs, at);
        QCOMPARE(c->wait.waitMs, at - now);
        int ending = 0;
        for (const auto& e : std::as_const(ends))
            ending += e.first <= at ? 1 : 0;
        QCOMPARE(c->wait.jobsEnding, ending);
        ++later;
    }
    QVERIFY(later > 0);
}

void TestPlannerSim::latencyEqualsTruthLinks()
{
    int compared = 0, violating = 0;
    const QJsonArray links = m_truth.value(QStringLiteral("links")).toArray();
    QVERIFY(!links.isEmpty());
    const TruthPool& p = m_pools.first();
    for (const QJsonValue& lv : links) {
        const QJsonObject l = lv.toObject();
        if (l.value(QStringLiteral("from")).toString() != p.pool.section(u'-', 0, 0))
            continue;
        PlacementRequest r;
        r.model = p.model;
        r.count = 1;
        r.durationMs = HourMs;
        r.anchorSite = l.value(QStringLiteral("to")).toString();
        r.maxP99Ms = 10;
        const PlanAnswer a = ask(r);
        const std::optional<Candidate> c = candidate(a, p);
        QVERIFY(c);
        QVERIFY2(c->latency.known, qPrintable(r.anchorSite));
        QVERIFY(closeTo(c->latency.p50Ms, l.value(QStringLiteral("p50Ms")).toDouble()));
        QVERIFY(closeTo(c->latency.p99Ms, l.value(QStringLiteral("p99Ms")).toDouble()));
        QVERIFY(closeTo(c->latency.loss, l.value(QStringLiteral("loss")).toDouble()));
        QCOMPARE(c->latency.violates, l.value(QStringLiteral("p99Ms")).toDouble() > 10);
        violating += c->latency.violates ? 1 : 0;
        // Violators come after every candidate within the bound.
        bool seenViolator = false;
        for (const Candidate& x : a.candidates) {
            QVERIFY(!seenViolator || x.latency.violates);
            seenViolator = seenViolator || x.latency.violates;
        }
        ++compared;
    }
    QVERIFY(compared > 0);
    qInfo() << compared << "links compared," << violating << "over 10 ms";
}

void TestPlannerSim::riskEqualsFaultLog()
{
    // The report's range and coverage (what the cache holds), then faults and node-down time from the truth.
    Reports::ReportRunner runner(m_session->cache());
    QSignalSpy finished(&runner, &Reports::ReportRunner::finished);
    Reports::ReportParameters params;
    params.type = QStringLiteral("availability");
    QVERIFY(Reports::parseRange(QStringLiteral("7d"), &params));
    QVERIFY(runner.start(params));
    QVERIFY(finished.wait(60000));
    const Reports::ReportData data = finished.first().first().value<Reports::ReportData>();
    qint64 coveredMs = data.coveredToMs - data.coveredFromMs;
    for (const Reports::ReportGap& g : data.gaps) // the gaps inside the covered stretch
        coveredMs -= std::max<qint64>(0, std::min(g.toMs, data.coveredToMs) - std::max(g.fromMs, data.coveredFromMs));
    qInfo() << "report range" << data.parameters.fromMs << data.parameters.toMs << "covered" << data.coveredFromMs
            << data.coveredToMs << "gaps" << data.gaps.size() << "coveredMs" << coveredMs;
    QVERIFY(coveredMs > 0);
    QHash<QString, int> faults;
    QHash<QString, double> downMs;
    for (const QJsonValue& fv : m_truth.value(QStringLiteral("faultHistory")).toArray()) {
        const QJsonObject f = fv.toObject();
        const QString pool = m_poolOfNode.value(f.value(QStringLiteral("node")).toString());
        const qint64 from = f.value(QStringLiteral("detectedMs")).toInteger();
        if (f.value(QStringLiteral("id")).toInteger() == 0
            || f.value(QStringLiteral("severity")) == QLatin1String("info"))
            continue; // a counter change (no fault event), or no fault the report counts
        if (from >= data.parameters.fromMs && from < data.parameters.toMs)
            ++faults[pool];
        if (f.value(QStringLiteral("kind")).toString() == QLatin1String("node-down")) {
            const qint64 to = f.value(QStringLiteral("clearedMs")).isNull()
                ? data.coveredToMs
                : f.value(QStringLiteral("clearedMs")).toInteger();
            downMs[pool]
                += double(std::max<qint64>(0, std::min(to, data.coveredToMs) - std::max(from, data.coveredFromMs)));
        }
    }
    // Recoveries: the scheduler's own, per pool.
    QHash<QString, QString> poolOfJob;
    for (const Protocol::JobRecord& j : std::as_const(m_jobs))
        poolOfJob.insert(j.jobId, poolKey(j.region, j.pool));
    QHash<QString, QList<qint64>> recoveries;
    for (const QJsonValue& jv : m_truth.value(QStringLiteral("jobHistory")).toArray())
        for (const QJsonValue& r : jv[QStringLiteral("recoveriesMs")].toArray())
            recoveries[poolOfJob.value(jv[QStringLiteral("id")].toString())].append(r.toInteger());

    // Two jobs per pool: a week on 16 chips (more node-hours than two hours of history hold) and an hour on one
    // chip (fewer): the first shows whether the history is long enough, the second gives the rate.
    int withFaults = 0, withRate = 0;
    for (const TruthPool& p : std::as_const(m_pools)) {
        for (const auto& [count, durationMs] : { std::pair(16, 7 * 24 * HourMs), std::pair(1, HourMs) }) {
            PlacementRequest r;
            r.model = p.model;
            r.count = count;
            r.durationMs = durationMs;
            const std::optional<Candidate> c = candidate(ask(r), p);
            if (!c)
                continue;
            const QString key = poolKey(p.region, p.pool);
            const double upHours = (double(p.nodes) * double(coveredMs) - downMs.value(key)) / HourMs;
            // The observation is stated for every pool; the rate only where the history is long enough for the job.
            QCOMPARE(c->risk.observedFaults, faults.value(key));
            QVERIFY2(closeTo(c->risk.observedNodeHours, upHours),
                qPrintable(QStringLiteral("%1: %2 vs %3").arg(p.pool).arg(c->risk.observedNodeHours).arg(upHours)));
            const double jobNodeHours = c->fit.nodesNeeded * double(durationMs) / HourMs;
            const bool enough
                = upHours >= MinObservedNodeHours && (faults.value(key) >= MinFaultsForRate || upHours >= jobNodeHours);
            QCOMPARE(c->risk.history, enough ? RiskHistory::Enough : RiskHistory::TooShort);
            if (enough) {
                const double rate = faults.value(key) / upHours;
                QVERIFY2(closeTo(c->risk.faultsPerNodeHour, rate),
                    qPrintable(QStringLiteral("%1: %2 vs %3").arg(p.pool).arg(c->risk.faultsPerNodeHour).arg(rate)));
                QVERIFY(closeTo(c->risk.expectedInterruptions, rate * jobNodeHours));
                withRate += faults.value(key) > 0 ? 1 : 0;
            } else {
                QVERIFY(std::isnan(c->risk.expectedInterruptions));
            }
            withFaults += faults.value(key) > 0 ? 1 : 0;
            QList<qint64> rec = recoveries.value(key);
            std::sort(rec.begin(), rec.end());
            QCOMPARE(c->risk.recoveries, int(rec.size()));
            if (!rec.isEmpty())
                QCOMPARE(c->risk.medianRecoveryMs, double(rec[(rec.size() + 1) / 2 - 1]));
            else
                QVERIFY(std::isnan(c->risk.medianRecoveryMs));
        }
    }
    qInfo() << withRate << "measured non-zero rates compared," << withFaults << "answers for pools with faults";
    QVERIFY(withFaults > 0);
    QVERIFY(withRate > 0);
}

void TestPlannerSim::noPoolCanMeetSaysWhy()
{
    int largest = 0;
    for (const TruthPool& p : std::as_const(m_pools))
        if (p.model == m_pools.first().model)
            largest = std::max(largest, p.total);
    PlacementRequest r;
    r.model = m_pools.first().model;
    r.count = largest + 1;
    r.durationMs = HourMs;
    const PlanAnswer a = ask(r);
    QVERIFY(a.candidates.isEmpty());
    QCOMPARE(a.best(), FitState::Never);
    QCOMPARE(a.problems.size(), 1);
    QCOMPARE(a.problems.first().kind, PlanProblem::Kind::TooSmall);
    QCOMPARE(a.problems.first().largest, largest);
    r.model = QStringLiteral("TPU v9");
    QCOMPARE(ask(r).problems.value(0).kind, PlanProblem::Kind::NoQualifyingChips);
}

QTEST_GUILESS_MAIN(TestPlannerSim)
#include "tst_plannersim.moc"
