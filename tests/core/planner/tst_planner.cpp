// SPDX-License-Identifier: GPL-3.0-or-later
// The planner's factors and ranking on hand-made fleets (docs/planner.md): each figure is worked out by hand in
// the comments, so a change of definition shows up here as a changed number.
#include "core/planner/planner.h"

#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Planner;

namespace {

constexpr qint64 Now = 1767225600000; // 2026-01-01 00:00 UTC
constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 MinuteMs = 60 * 1000;
const QString Region = QStringLiteral("Southwest");
const QString Ascend = QStringLiteral("Ascend 910B");

// A node of `chips` chips; `jobs[i]` is the job on chip i (empty: free); `faulty` chips are faulty.
FleetNode node(const QString& id, const QString& pool, int chips, const QStringList& jobs = {},
    const QList<int>& faulty = {}, const QString& model = Ascend, qint64 memoryGiB = 64, const QString& region = Region)
{
    FleetNode n;
    n.status = AgentStatus::Up;
    n.inventory.nodeId = id;
    n.inventory.region = region;
    n.inventory.pool = pool;
    n.inventory.rack = QStringLiteral("r1");
    n.snapshot.sample.seq = 1;
    n.snapshot.sample.timestampMs = Now;
    for (int i = 0; i < chips; ++i) {
        n.inventory.accelerators.append(
            { i, QStringLiteral("huawei"), model, id + QString::number(i), memoryGiB << 30 });
        Protocol::AcceleratorSample s;
        s.index = i;
        s.health = faulty.contains(i) ? AcceleratorHealth::Faulty : AcceleratorHealth::Healthy;
        s.jobId = jobs.value(i);
        n.snapshot.sample.accelerators.append(s);
    }
    return n;
}

Protocol::JobRecord job(
    const QString& id, const QString& pool, const QString& state, qint64 expectedEndMs = 0, int requested = 0)
{
    Protocol::JobRecord j;
    j.jobId = id;
    j.state = state;
    j.region = Region;
    j.pool = pool;
    j.kind = QStringLiteral("training");
    j.acceleratorsRequested = requested;
    j.expectedEndMs = expectedEndMs;
    j.startMs = state == QLatin1String("queued") ? 0 : Now - HourMs;
    return j;
}

QStringList chipsOf(const QString& jobId, int count)
{
    return QStringList(count, jobId);
}

// Pool guian-trn1: a free node, one half used by job-1 (ends in 2 h), one full with job-2 (ends in 6 h), one
// full with job-3 (no known end). 32 chips: 12 free, 1 whole free node.
PlannerInputs trn1()
{
    PlannerInputs in;
    const QString pool = QStringLiteral("guian-trn1");
    for (const FleetNode& n :
        { node(QStringLiteral("a"), pool, 8), node(QStringLiteral("b"), pool, 8, chipsOf(QStringLiteral("job-1"), 4)),
            node(QStringLiteral("c"), pool, 8, chipsOf(QStringLiteral("job-2"), 8)),
            node(QStringLiteral("d"), pool, 8, chipsOf(QStringLiteral("job-3"), 8)) })
        in.nodes.insert(n.inventory.nodeId, n);
    for (const Protocol::JobRecord& j :
        { job(QStringLiteral("job-1"), pool, QStringLiteral("running"), Now + 2 * HourMs),
            job(QStringLiteral("job-2"), pool, QStringLiteral("running"), Now + 6 * HourMs),
            job(QStringLiteral("job-3"), pool, QStringLiteral("running")) })
        in.jobs.insert(j.jobId, j);
    in.nowMs = Now;
    in.latency = LatencyMatrix::build(in.nodes);
    return in;
}

// trn1() and, in the same site (guian), guian-trn2: two free 8-chip nodes (16 chips, 2 whole nodes); and wuhu-trn1
// in another site with as many free.
PlannerInputs guianSite()
{
    PlannerInputs in = trn1();
    for (const QString& id : { QStringLiteral("t1"), QStringLiteral("t2") })
        in.nodes.insert(id, node(id, QStringLiteral("guian-trn2"), 8));
    for (const QString& id : { QStringLiteral("w1"), QStringLiteral("w2") })
        in.nodes.insert(id, node(id, QStringLiteral("wuhu-trn1"), 8));
    in.latency = LatencyMatrix::build(in.nodes);
    return in;
}

QList<Candidate> spanning(const PlanAnswer& a)
{
    QList<Candidate> out;
    for (const Candidate& c : a.candidates)
        if (c.spanning())
            out.append(c);
    return out;
}

PlacementRequest request(int count, bool whole = false)
{
    PlacementRequest r;
    r.model = Ascend;
    r.count = count;
    r.wholeNodes = whole;
    r.durationMs = 7 * 24 * HourMs;
    return r;
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsNowWithFragmentationNamed()
    {
        const PlanAnswer a = plan(trn1(), request(12));
        QCOMPARE(a.candidates.size(), 1);
        const Candidate& c = a.candidates.first();
        QCOMPARE(c.fit.chips, 32);
        QCOMPARE(c.fit.freeChips, 12); // a: 8, b: 4
        QCOMPARE(c.fit.freeWholeNodes, 1); // a
        QCOMPARE(c.fit.chipsPerNode, 8);
        QCOMPARE(c.fit.nodesNeeded, 2);
        QVERIFY(c.fit.fitsNow);
        QVERIFY(c.fit.fragmented); // 12 free chips, but only 1 whole node where 2 are needed
        QCOMPARE(c.wait.state, FitState::Now);
        QCOMPARE(c.wait.waitMs, qint64(0));
        QCOMPARE(a.best(), FitState::Now);
        QCOMPARE(c.freeNodes, QStringList({ QStringLiteral("a"), QStringLiteral("b") })); // whole-free first
    }

    void waitFromExpectedEnds()
    {
        // 16 chips: 12 free + job-1's 4 at +2 h.
        const Candidate c = plan(trn1(), request(16)).candidates.value(0);
        QCOMPARE(c.wait.state, FitState::Later);
        QCOMPARE(c.wait.atMs, Now + 2 * HourMs);
        QCOMPARE(c.wait.waitMs, 2 * HourMs);
        QCOMPARE(c.wait.jobsEnding, 1);
        QCOMPARE(c.wait.unknownEnds, 1); // job-3
        // Whole nodes: 2 needed, a is free, b frees at +2 h.
        const Candidate w = plan(trn1(), request(16, true)).candidates.value(0);
        QVERIFY(!w.fit.fitsNow);
        QCOMPARE(w.wait.state, FitState::Later);
        QCOMPARE(w.wait.atMs, Now + 2 * HourMs);
        // Three whole nodes: c frees at +6 h.
        QCOMPARE(plan(trn1(), request(24, true)).candidates.value(0).wait.atMs, Now + 6 * HourMs);
    }

    void queueAheadComesFirst()
    {
        PlannerInputs in = trn1();
        const Protocol::JobRecord queued
            = job(QStringLiteral("job-q"), QStringLiteral("guian-trn1"), QStringLiteral("queued"), 0, 4);
        in.jobs.insert(queued.jobId, queued);
        // 16 + 4 queued ahead = 20: 12 + 4 (job-1, +2 h) = 16, + 8 (job-2, +6 h) = 24.
        const Candidate c = plan(in, request(16)).candidates.value(0);
        QCOMPARE(c.wait.queuedAhead, 1);
        QCOMPARE(c.wait.queuedAheadChips, 4);
        QCOMPARE(c.wait.state, FitState::Later);
        QCOMPARE(c.wait.atMs, Now + 6 * HourMs);
        QCOMPARE(c.wait.jobsEnding, 2);
    }

    void unknownEndsStayUnknownAndTooSmallSaysWhy()
    {
        // 32: needs job-3's chips, whose end nobody knows.
        const PlanAnswer unknown = plan(trn1(), request(32));
        QCOMPARE(unknown.candidates.value(0).wait.state, FitState::Unknown);
        QCOMPARE(unknown.candidates.value(0).wait.waitMs, qint64(-1));
        QCOMPARE(unknown.best(), FitState::Unknown);
        // 40: more than the pool has: no candidate, and the answer says why.
        const PlanAnswer never = plan(trn1(), request(40));
        QVERIFY(never.candidates.isEmpty());
        QCOMPARE(never.best(), FitState::Never);
        QCOMPARE(never.problems.size(), 1);
        QCOMPARE(never.problems.first().kind, PlanProblem::Kind::TooSmall);
        QCOMPARE(never.problems.first().largest, 32);
        // A faulty chip is never free, never released.
        PlannerInputs in = trn1();
        in.nodes[QStringLiteral("a")] = node(QStringLiteral("a"), QStringLiteral("guian-trn1"), 8, {}, { 0 });
        const Candidate c = plan(in, request(12)).candidates.value(0);
        QCOMPARE(c.fit.freeChips, 11);
        QCOMPARE(c.fit.freeWholeNodes, 0);
    }

    void modelFamilyAndMemoryAndRegions()
    {
        PlannerInputs in = trn1();
        const FleetNode c910
            = node(QStringLiteral("x"), QStringLiteral("guian-trn2"), 8, {}, {}, QStringLiteral("Ascend 910C"), 128);
        in.nodes.insert(c910.inventory.nodeId, c910);
        in.families = { { QStringLiteral("Ascend 910-class"), { Ascend, QStringLiteral("Ascend 910C") } } };
        PlacementRequest r = request(8);
        r.model.clear();
        r.family = QStringLiteral("Ascend 910-class");
        QCOMPARE(plan(in, r).candidates.size(), 2);
        r.minMemoryGiB = 96; // only the 910C's 128 GiB qualify
        const PlanAnswer big = plan(in, r);
        QCOMPARE(big.candidates.size(), 1);
        QCOMPARE(big.candidates.first().pool, QStringLiteral("guian-trn2"));
        r.denyRegions = { Region };
        const PlanAnswer denied = plan(in, r);
        QVERIFY(denied.candidates.isEmpty());
        QCOMPARE(denied.poolsExcluded, 1);
        QCOMPARE(denied.problems.value(0).kind, PlanProblem::Kind::AllExcluded);
        r.family = QStringLiteral("No such family");
        QCOMPARE(plan(in, r).problems.value(0).kind, PlanProblem::Kind::UnknownFamily);
    }

    void latencyAgainstTheBoundViolatorsLast()
    {
        PlannerInputs in = trn1();
        // Shanghai's pool, and probes: guian → shanghai p50 20 / p99 30 ms; shanghai → shanghai p50 0.2 / p99 0.5.
        FleetNode s1 = node(QStringLiteral("s1"), QStringLiteral("shanghai-inf1"), 8);
        FleetNode s2 = node(QStringLiteral("s2"), QStringLiteral("shanghai-inf1"), 8);
        auto probe = [](const QString& peer, double p50, double p99) {
            Protocol::ProbeResult p;
            p.peer = peer;
            p.windowEndMs = Now;
            p.p50Ms = p50;
            p.p99Ms = p99;
            p.loss = 0;
            p.count = 10;
            return p;
        };
        s1.snapshot.probes = { probe(QStringLiteral("s2"), 0.2, 0.5) };
        in.nodes[QStringLiteral("a")].snapshot.probes = { probe(QStringLiteral("s1"), 20, 30) };
        in.nodes.insert(QStringLiteral("s1"), s1);
        in.nodes.insert(QStringLiteral("s2"), s2);
        in.latency = LatencyMatrix::build(in.nodes);
        PlacementRequest r = request(8);
        r.anchorSite = QStringLiteral("shanghai");
        r.maxP99Ms = 10;
        const PlanAnswer a = plan(in, r);
        QCOMPARE(a.candidates.size(), 2);
        const Candidate& first = a.candidates[0];
        const Candidate& last = a.candidates[1];
        QCOMPARE(first.pool, QStringLiteral("shanghai-inf1"));
        QCOMPARE(first.latency.p99Ms, 0.5);
        QVERIFY(!first.latency.violates);
        QCOMPARE(last.pool, QStringLiteral("guian-trn1"));
        QCOMPARE(last.latency.site, QStringLiteral("guian"));
        QCOMPARE(last.latency.p50Ms, 20.0);
        QCOMPARE(last.latency.p99Ms, 30.0);
        QCOMPARE(last.latency.loss, 0.0);
        QVERIFY(last.latency.violates);
        QCOMPARE(last.rank, 2);
        QCOMPARE(last.scores.latency, 0.0);
        // Even with all the weight elsewhere, the violator stays last.
        PlanAnswer reranked = a;
        rerank(&reranked, { 1, 0, 0, 0 });
        QCOMPARE(reranked.candidates.last().pool, QStringLiteral("guian-trn1"));
        // An anchor nobody probes: latency unknown, never a number.
        r.anchorSite = QStringLiteral("lhasa");
        const Candidate u = plan(in, r).candidates.value(0);
        QVERIFY(!u.latency.known);
        QVERIFY(std::isnan(u.latency.p99Ms));
        QVERIFY(!u.latency.violates);
    }

    void riskFromFaultRateAndRecoveries()
    {
        // 4 faults over 400 up node-hours: MTBF 100 h, 0.01 faults per node-hour. Two nodes for a week:
        // 0.01 × 2 × 168 = 3.36 interruptions; checkpoint interval 2 × 1 % ÷ (0.01 × 2) = 1 h.
        const PoolRisk history { 4, 100.0, 7 * 24 * HourMs, 400.0 };
        const RiskFactor k = riskOf(&history, 2, 7 * 24 * HourMs, { 5 * MinuteMs, 20 * MinuteMs, 15 * MinuteMs }, 0.01);
        QCOMPARE(k.history, RiskHistory::Enough);
        QCOMPARE(k.observedFaults, 4);
        QCOMPARE(k.observedNodeHours, 400.0);
        QCOMPARE(k.faultsPerNodeHour, 0.01);
        QVERIFY(qFuzzyCompare(k.expectedInterruptions, 3.36));
        // The 90 % interval of 4 faults: [1.3663, 9.1535] faults, over 400 node-hours, × 336 job node-hours.
        QVERIFY(qAbs(k.faultsPerNodeHourLow * 400 - 1.36623) < 1e-4);
        QVERIFY(qAbs(k.faultsPerNodeHourHigh * 400 - 9.15352) < 1e-4);
        QVERIFY(qFuzzyCompare(k.expectedInterruptionsLow, k.faultsPerNodeHourLow * 336));
        QVERIFY(qFuzzyCompare(k.expectedInterruptionsHigh, k.faultsPerNodeHourHigh * 336));
        QVERIFY(qFuzzyCompare(k.checkpointIntervalHours, 1.0));
        QCOMPARE(k.medianRecoveryMs, double(15 * MinuteMs)); // nearest rank of 5, 15, 20
        QCOMPARE(k.recoveries, 3);
        QVERIFY(k.recoveryOverTarget);
        // No fault over more node-hours than the job runs: a measured zero (interval up to 3 faults' worth), and
        // any checkpoint interval keeps the share.
        const PoolRisk quiet { 0, Protocol::Missing, 7 * 24 * HourMs, 500.0 };
        const RiskFactor q = riskOf(&quiet, 2, 7 * 24 * HourMs, {}, 0.01);
        QCOMPARE(q.history, RiskHistory::Enough);
        QCOMPARE(q.expectedInterruptions, 0.0);
        QCOMPARE(q.expectedInterruptionsLow, 0.0);
        QVERIFY(qAbs(q.expectedInterruptionsHigh - 2.99573 * 336 / 500) < 1e-4);
        QVERIFY(std::isinf(q.checkpointIntervalHours));
        QVERIFY(std::isnan(q.medianRecoveryMs));
        // No history at all: unknown, never 0.
        const RiskFactor none = riskOf(nullptr, 2, 7 * 24 * HourMs, {}, 0.01);
        QCOMPARE(none.history, RiskHistory::None);
        QVERIFY(std::isnan(none.faultsPerNodeHour));
        QVERIFY(std::isnan(none.expectedInterruptions));
        QVERIFY(std::isnan(none.checkpointIntervalHours));
        QVERIFY(std::isnan(none.observedNodeHours));
    }

    void riskNeedsEnoughHistory_data()
    {
        QTest::addColumn<int>("faults");
        QTest::addColumn<double>("nodeHours");
        QTest::addColumn<bool>("enough");
        // The job: 2 nodes for a week, 336 node-hours.
        QTest::newRow("2 faults, fewer node-hours than the job") << 2 << 335.9 << false;
        QTest::newRow("2 faults, as many node-hours as the job") << 2 << 336.0 << true;
        QTest::newRow("0 faults, a few minutes") << 0 << 0.5 << false;
        QTest::newRow("0 faults, as many node-hours as the job") << 0 << 336.0 << true;
        QTest::newRow("4 faults in 2 node-hours (a burst in the first minutes)") << 4 << 2.0 << false;
        QTest::newRow("3 faults, just under a node-day") << 3 << 23.9 << false;
        QTest::newRow("3 faults in a node-day") << 3 << 24.0 << true;
        QTest::newRow("1 fault in one node-hour (the demo's 336)") << 1 << 1.0 << false;
    }

    void riskNeedsEnoughHistory()
    {
        QFETCH(int, faults);
        QFETCH(double, nodeHours);
        QFETCH(bool, enough);
        const PoolRisk h { faults, faults > 0 ? nodeHours / faults : Protocol::Missing, 7 * 24 * HourMs, nodeHours };
        const RiskFactor k = riskOf(&h, 2, 7 * 24 * HourMs, {}, 0.01);
        // The observation is stated either way.
        QCOMPARE(k.observedFaults, faults);
        QCOMPARE(k.observedNodeHours, nodeHours);
        QCOMPARE(k.history, enough ? RiskHistory::Enough : RiskHistory::TooShort);
        if (enough) {
            QVERIFY(qFuzzyCompare(1 + k.faultsPerNodeHour, 1 + faults / nodeHours));
            QVERIFY(k.expectedInterruptionsLow <= k.expectedInterruptions);
            QVERIFY(k.expectedInterruptions < k.expectedInterruptionsHigh);
        } else {
            // Unknown, not a number: no rate, no interval, no interruptions, no interval to checkpoint.
            QVERIFY(std::isnan(k.faultsPerNodeHour));
            QVERIFY(std::isnan(k.faultsPerNodeHourHigh));
            QVERIFY(std::isnan(k.expectedInterruptions));
            QVERIFY(std::isnan(k.expectedInterruptionsHigh));
            QVERIFY(std::isnan(k.checkpointIntervalHours));
        }
    }

    void poissonIntervalIsGarwoods_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        // Exact 90 % limits (χ² quantiles ÷ 2).
        QTest::newRow("0") << 0 << 0.0 << 2.995732;
        QTest::newRow("1") << 1 << 0.051293 << 4.743865;
        QTest::newRow("3") << 3 << 0.817691 << 7.753657;
        QTest::newRow("10") << 10 << 5.425406 << 16.962219;
        QTest::newRow("200 (last exact)") << 200 << 177.320487 << 224.874351;
        QTest::newRow("500 (Wilson-Hilferty)") << 500 << 463.797182 << 538.376495;
    }

    void poissonIntervalIsGarwoods()
    {
        QFETCH(int, count);
        QFETCH(double, low);
        QFETCH(double, high);
        const auto [l, h] = poissonInterval(count, 0.90);
        QVERIFY2(qAbs(l - low) <= 1e-3 * std::max(1.0, low), qPrintable(QString::number(l)));
        QVERIFY2(qAbs(h - high) <= 1e-3 * high, qPrintable(QString::number(h)));
    }

    void unknownRiskRanksBetweenKnownOnes()
    {
        // Unknown risk scores as one expected interruption: below a pool with fewer, above one with more.
        Candidate unknown, safe, risky;
        safe.risk.expectedInterruptions = 0.2;
        risky.risk.expectedInterruptions = 5;
        const PlannerWeights riskOnly { 0, 0, 0, 1 };
        QCOMPARE(score(unknown, riskOnly).risk, UnknownRiskScore);
        QVERIFY(score(safe, riskOnly).total > score(unknown, riskOnly).total);
        QVERIFY(score(unknown, riskOnly).total > score(risky, riskOnly).total);
    }

    void recoveriesComeFromTheJobFigures()
    {
        PlannerInputs in = trn1();
        in.risk.insert(poolKey(Region, QStringLiteral("guian-trn1")), { 2, 100.0, 7 * 24 * HourMs, 200.0 });
        Protocol::JobRecord j = job(QStringLiteral("job-r"), QStringLiteral("guian-trn1"), QStringLiteral("completed"));
        j.segments = { { Now - 5 * HourMs, Now - 4 * HourMs, QStringLiteral("interrupted"), 0 },
            { Now - 4 * HourMs + 3 * MinuteMs, Now - HourMs, QStringLiteral("completed"), 0 } };
        j.interruptionLog = { { Now - 4 * HourMs, QStringLiteral("chip-fault"), 1, QStringLiteral("b"), 0,
            Now - 4 * HourMs + 3 * MinuteMs } };
        in.jobs.insert(j.jobId, j);
        const Candidate c = plan(in, request(8)).candidates.value(0);
        QCOMPARE(c.risk.recoveries, 1);
        QCOMPARE(c.risk.medianRecoveryMs, double(3 * MinuteMs));
        QVERIFY(!c.risk.recoveryOverTarget);
        // 8 chips: one node. 0.01 × 1 × 168 h (2 faults, but 200 node-hours cover the job's 168).
        QVERIFY(qFuzzyCompare(c.risk.expectedInterruptions, 1.68));
    }

    void scoresAndWeights()
    {
        Candidate c;
        c.fit.fitsNow = false;
        c.wait.state = FitState::Later;
        c.wait.waitMs = 24 * HourMs; // a day: 1 / (1 + 1) = 0.5
        c.latency.asked = true;
        c.latency.known = true;
        c.latency.p99Ms = 5;
        c.latency.boundP99Ms = 10; // 1 − 0.5 × 5/10 = 0.75
        c.risk.expectedInterruptions = 1; // 1 / 2 = 0.5
        const FactorScores s = score(c, { 0.4, 0.2, 0.2, 0.2 });
        QCOMPARE(s.fit, 0.0);
        QCOMPARE(s.wait, 0.5);
        QCOMPARE(s.latency, 0.75);
        QCOMPARE(s.risk, 0.5);
        QVERIFY(qFuzzyCompare(s.total, 0.4 * 0 + 0.2 * 0.5 + 0.2 * 0.75 + 0.2 * 0.5));
        c.risk.recoveryOverTarget = true; // median recovery over 10 min halves the risk score
        QCOMPARE(score(c, {}).risk, 0.25);
        QCOMPARE(score(c, { 0, 0, 0, 0 }).total, 0.0);
    }

    void rankingFollowsTheWeights()
    {
        // Two pools: trn1 fits 12 now with a high fault rate; wuhu-trn1 fits only later (+1 h) and never faults.
        PlannerInputs in = trn1();
        const QString wuhu = QStringLiteral("wuhu-trn1");
        const FleetNode w = node(QStringLiteral("w1"), wuhu, 8, chipsOf(QStringLiteral("job-w"), 8));
        const FleetNode w2 = node(QStringLiteral("w2"), wuhu, 8, chipsOf(QStringLiteral("job-w"), 8));
        in.nodes.insert(QStringLiteral("w1"), w);
        in.nodes.insert(QStringLiteral("w2"), w2);
        in.jobs.insert(
            QStringLiteral("job-w"), job(QStringLiteral("job-w"), wuhu, QStringLiteral("running"), Now + HourMs));
        in.risk.insert(poolKey(Region, QStringLiteral("guian-trn1")), { 50, 2.0, 7 * 24 * HourMs, 100.0 });
        in.risk.insert(poolKey(Region, wuhu), { 0, Protocol::Missing, 7 * 24 * HourMs, 1000.0 });
        in.latency = LatencyMatrix::build(in.nodes);
        const PlanAnswer fitFirst = plan(in, request(12), { 1, 0, 0, 0 });
        QCOMPARE(fitFirst.candidates.first().pool, QStringLiteral("guian-trn1"));
        QCOMPARE(fitFirst.candidates.first().rank, 1);
        const PlanAnswer riskFirst = plan(in, request(12), { 0, 0, 0, 1 });
        QCOMPARE(riskFirst.candidates.first().pool, wuhu);
        QCOMPARE(riskFirst.candidates.first().wait.state, FitState::Later);
        PlanAnswer reranked = riskFirst;
        rerank(&reranked, { 1, 0, 0, 0 });
        QCOMPARE(reranked.candidates.first().pool, QStringLiteral("guian-trn1"));
    }

    void spanningFitsNowWhereNoPoolDoes()
    {
        // 26 chips: guian-trn1 alone has 12 free (+4 in 2 h, +8 in 6 h, the rest held by a job of unknown end):
        // unknown; guian-trn2 has 16: never; wuhu-trn1 16: never. guian together: 28 free, now.
        PlannerInputs in = guianSite();
        in.risk.insert(poolKey(Region, QStringLiteral("guian-trn1")), { 4, 100.0, 7 * 24 * HourMs, 400.0 });
        in.risk.insert(
            poolKey(Region, QStringLiteral("guian-trn2")), { 0, Protocol::Missing, 7 * 24 * HourMs, 1000.0 });
        const PlanAnswer a = plan(in, request(26));
        const QList<Candidate> spans = spanning(a);
        QCOMPARE(spans.size(), 1);
        const Candidate& c = spans.first();
        // Filled most-offering first: trn2 gives its 16, trn1 the other 10.
        QCOMPARE(c.spans, QStringList({ QStringLiteral("guian-trn2"), QStringLiteral("guian-trn1") }));
        QCOMPARE(c.spanShares, QList<int>({ 16, 10 }));
        QCOMPARE(c.pool, QStringLiteral("guian-trn2 + guian-trn1"));
        QCOMPARE(c.models, QStringList { Ascend });
        // Free = the sum; nodes actually used: trn2 ⌈16/8⌉ = 2, trn1 ⌈10/8⌉ = 2.
        QCOMPARE(c.fit.chips, 48);
        QCOMPARE(c.fit.freeChips, 28);
        QCOMPARE(c.fit.freeWholeNodes, 3);
        QCOMPARE(c.fit.nodesNeeded, 4);
        QVERIFY(c.fit.fitsNow);
        QCOMPARE(c.wait.state, FitState::Now);
        // Risk over those nodes: trn2 2 nodes × 168 h of a measured 0 (1,000 node-hours cover its 336); trn1 2 nodes
        // × 168 h × 0.01 = 3.36. Observation: 4 faults in 1,400 node-hours.
        QCOMPARE(c.risk.history, RiskHistory::Enough);
        QVERIFY(qFuzzyCompare(c.risk.expectedInterruptions, 3.36));
        QCOMPARE(c.risk.observedFaults, 4);
        QCOMPARE(c.risk.observedNodeHours, 1400.0);
        QVERIFY(qFuzzyCompare(c.risk.faultsPerNodeHour, 3.36 / (4 * 168)));
        QVERIFY(qFuzzyCompare(c.risk.checkpointIntervalHours, 2 * 0.01 / (0.01 * 2)));
        QVERIFY(c.risk.expectedInterruptionsLow < 3.36 && 3.36 < c.risk.expectedInterruptionsHigh);
        // Free nodes of both members for the Pools page; the other site takes no part.
        QCOMPARE(c.freeNodes.size(), 4); // t1, t2, a (whole), b (half)
        for (const Candidate& x : a.candidates)
            QVERIFY(!x.pool.contains(QStringLiteral("wuhu")) || !x.spanning());
        // A member's history too short for its share makes the whole risk unknown.
        in.risk.insert(poolKey(Region, QStringLiteral("guian-trn2")), { 0, Protocol::Missing, 7 * 24 * HourMs, 100.0 });
        const Candidate s = spanning(plan(in, request(26))).value(0);
        QCOMPARE(s.risk.history, RiskHistory::TooShort);
        QVERIFY(std::isnan(s.risk.expectedInterruptions));
        QCOMPARE(s.risk.observedFaults, 4);
        QCOMPARE(s.risk.observedNodeHours, 500.0);
    }

    void spanningHonoursWholeNodesPerPool()
    {
        // 24 chips in whole nodes, 3 nodes: trn1 has 1 whole free node (b frees at 2 h, c at 6 h: later, 6 h),
        // trn2 2 (never alone). Together 3 whole nodes now: trn2 gives 2, trn1 1.
        const PlanAnswer a = plan(guianSite(), request(24, true));
        const Candidate c = spanning(a).value(0);
        QCOMPARE(c.spans, QStringList({ QStringLiteral("guian-trn2"), QStringLiteral("guian-trn1") }));
        QCOMPARE(c.spanShares, QList<int>({ 2, 1 }));
        QCOMPARE(c.fit.nodesNeeded, 3);
        QCOMPARE(c.wait.state, FitState::Now);
        // 32 chips, 4 nodes: 3 free whole now; b's job ends in 2 h: later, sooner than trn1 alone (unknown).
        const Candidate later = spanning(plan(guianSite(), request(32, true))).value(0);
        QCOMPARE(later.wait.state, FitState::Later);
        QCOMPARE(later.wait.waitMs, 2 * HourMs);
        QCOMPARE(later.wait.jobsEnding, 1);
        QVERIFY(!later.fit.fitsNow);
        QCOMPARE(later.spanShares, QList<int>({ 2, 2 })); // at 2 h trn1 offers a and b
        // Nodes of another size do not join a whole-node set (their units would not add).
        PlannerInputs mixed = guianSite();
        mixed.nodes.remove(QStringLiteral("t1"));
        mixed.nodes.remove(QStringLiteral("t2"));
        mixed.nodes.insert(QStringLiteral("t3"), node(QStringLiteral("t3"), QStringLiteral("guian-trn2"), 16));
        QVERIFY(spanning(plan(mixed, request(24, true))).isEmpty());
    }

    void noSpanningWhenOnePoolFits()
    {
        // 8 chips: trn1 fits alone now, so no set is offered; nor when a member alone fits as soon.
        QVERIFY(spanning(plan(guianSite(), request(8))).isEmpty());
        QVERIFY(spanning(plan(guianSite(), request(16))).isEmpty()); // trn2 has 16 free
    }

    void spanningLatencyIsTheWorstMember()
    {
        // Members share their site, so the site's figure; the anchor is the same for both.
        PlannerInputs in = guianSite();
        Protocol::ProbeResult p;
        p.peer = QStringLiteral("w1");
        p.windowEndMs = Now;
        p.p50Ms = 20;
        p.p99Ms = 30;
        p.count = 10;
        in.nodes[QStringLiteral("t1")].snapshot.probes.append(p);
        in.latency = LatencyMatrix::build(in.nodes);
        PlacementRequest r = request(26);
        r.anchorSite = QStringLiteral("wuhu");
        r.maxP99Ms = 10;
        const Candidate c = spanning(plan(in, r)).value(0);
        QVERIFY(c.spanning());
        QVERIFY(c.latency.known);
        QCOMPARE(c.latency.p99Ms, 30.0);
        QVERIFY(c.latency.violates);
    }

    void invalidRequestIsRefused()
    {
        PlacementRequest r = request(0);
        const PlanAnswer a = plan(trn1(), r);
        QVERIFY(a.candidates.isEmpty());
        QCOMPARE(a.problems.value(0).kind, PlanProblem::Kind::Invalid);
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"
