// SPDX-License-Identifier: GPL-3.0-or-later
// The placement planner at 25,000 nodes / 200,000 accelerators (docs/planner.md, docs/performance.md):
// - planner_answer: what the worker does for one question (site-level latency matrix + plan()), median of runs;
// - planner_latency_matrix_nodes_cpu, planner_answer_nodes_matrix_cpu: the node-level matrix (the Latency page's),
//   which the worker built before, alone and with plan(): the same answer the old way, in the same process;
// - planner_rerank: new weights on an open answer (UI thread, no fleet pass);
// - planner_snapshot: the UI thread's part of asking (implicitly shared copies of the store's hashes + the
//   sources' clock), what a fleet tick costs the UI when the open answer is refreshed;
// - the .ratio against a per-pool rescan baseline (every pool scanning the whole fleet), in this process.

#include "core/capacity/poolcapacity.h"
#include "core/planner/planner.h"
#include "core/planner/plannerinputs.h"
#include "tests/bench/planner/benchline.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Meridian;
using namespace Meridian::Planner;

namespace {

constexpr int Nodes = 25000;
constexpr int PerNode = 8;
constexpr int Pools = 120;
constexpr int Sites = 30;
constexpr qint64 Now = 1'767'225'600'000;

QString poolName(int p)
{
    return QStringLiteral("site%1-pool%2").arg(p % Sites).arg(p);
}

PlannerInputs makeInputs()
{
    PlannerInputs in;
    in.nowMs = Now;
    in.nodes.reserve(Nodes);
    for (int i = 0; i < Nodes; ++i) {
        FleetNode n;
        const int pool = i % Pools;
        n.status = AgentStatus::Up;
        n.inventory.nodeId = QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
        n.inventory.region = QStringLiteral("region-%1").arg(pool % 11);
        n.inventory.pool = poolName(pool);
        n.inventory.rack = QStringLiteral("r%1").arg(i / 8 % 40);
        n.snapshot.sample.seq = 1;
        n.snapshot.sample.timestampMs = Now;
        const QString model = QStringLiteral("model-%1").arg(pool % 8);
        for (int a = 0; a < PerNode; ++a) {
            n.inventory.accelerators.append({ a, QStringLiteral("vendor"), model, QString(), qint64(64) << 30 });
            Protocol::AcceleratorSample s;
            s.index = a;
            s.health = (i * 7 + a) % 97 == 0 ? AcceleratorHealth::Faulty : AcceleratorHealth::Healthy;
            if ((i + a) % 4 != 0 || i % 5 < 3)
                s.jobId = QStringLiteral("job-%1").arg(i / 4);
            n.snapshot.sample.accelerators.append(s);
        }
        // Gateways (the first nodes of each pool) probe one node of every other site, as the fleets do.
        if (i < Pools) {
            for (int s = 0; s < Sites; ++s) {
                Protocol::ProbeResult p;
                p.peer = QStringLiteral("node-%1").arg(s, 5, 10, QLatin1Char('0'));
                p.windowEndMs = Now;
                p.p50Ms = 5 + s;
                p.p99Ms = 9 + 2 * s;
                p.loss = 0;
                p.count = 10;
                n.snapshot.probes.append(p);
            }
        }
        in.nodes.insert(n.inventory.nodeId, n);
    }
    for (int j = 0; j < Nodes / 4; ++j) {
        Protocol::JobRecord r;
        r.jobId = QStringLiteral("job-%1").arg(j);
        r.state = QStringLiteral("running");
        r.region = QStringLiteral("region-%1").arg((j * 4) % Pools % 11);
        r.pool = poolName((j * 4) % Pools);
        r.expectedEndMs = j % 10 == 0 ? 0 : Now + qint64(j % 97) * 3600 * 1000;
        in.jobs.insert(r.jobId, r);
    }
    for (int p = 0; p < Pools; ++p)
        in.risk.insert(poolKey(QStringLiteral("region-%1").arg(p % 11), poolName(p)), { p % 5, 400.0 + p, 0 });
    return in;
}

// CPU time of this thread, ms: the work itself, whatever else the machine runs (wall time is printed too).
double cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

using PlannerBench::bench;
using PlannerBench::median;

// The baseline: every pool rescans the whole fleet for its chips (what a per-pool query costs without the
// planner's one pass).
int rescanPerPool(const PlannerInputs& in, const QString& model)
{
    int free = 0;
    for (int p = 0; p < Pools; ++p) {
        const QString pool = poolName(p);
        for (const FleetNode& n : in.nodes) {
            if (n.inventory.pool != pool)
                continue;
            for (const ModelCapacity& m : capacityByModel(n))
                if (m.model == model)
                    free += m.free;
        }
    }
    return free;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    PlannerInputs in = makeInputs();
    PlacementRequest r;
    r.model = QStringLiteral("model-3");
    r.count = 256;
    r.wholeNodes = true;
    r.durationMs = 7LL * 24 * 3600 * 1000;
    r.anchorSite = QStringLiteral("site7");
    r.maxP99Ms = 30;

    QList<double> answer, answerCpu, matrixCpu, fullMatrixCpu, answerBeforeCpu, noAnchorCpu, rerankMs, snapshot,
        baseline, baselineCpu;
    PlacementRequest noAnchor = r;
    noAnchor.anchorSite.clear();
    noAnchor.maxP99Ms = Protocol::Missing;
    PlanAnswer a;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer t;
        t.start();
        double cpu = cpuMs();
        PlannerInputs copy = in; // what the worker receives: implicitly shared
        copy.latency = LatencyMatrix::buildSites(copy.nodes); // what the worker builds: site pairs only
        matrixCpu.append(cpuMs() - cpu);
        a = plan(copy, r);
        answer.append(t.nsecsElapsed() / 1e6);
        answerCpu.append(cpuMs() - cpu);

        cpu = cpuMs();
        PlannerInputs before = in; // the worker before: the node-level matrix, then plan()
        before.latency = LatencyMatrix::build(before.nodes);
        fullMatrixCpu.append(cpuMs() - cpu);
        volatile qsizetype same = plan(before, r).candidates.size();
        (void)same;
        answerBeforeCpu.append(cpuMs() - cpu);

        cpu = cpuMs();
        PlannerInputs plain = in; // no anchor: the service builds no latency matrix
        volatile qsizetype candidates = plan(plain, noAnchor).candidates.size();
        (void)candidates;
        noAnchorCpu.append(cpuMs() - cpu);

        t.restart();
        rerank(&a, { 0.1, 0.3, 0.3, 0.3 });
        rerankMs.append(t.nsecsElapsed() / 1e6);

        t.restart();
        PlannerInputs ui;
        ui.nodes = in.nodes;
        ui.jobs = in.jobs;
        ui.nowMs = sourcesNowMs(ui.nodes);
        snapshot.append(t.nsecsElapsed() / 1e6);

        t.restart();
        cpu = cpuMs();
        volatile int sink = rescanPerPool(in, r.model);
        (void)sink;
        baseline.append(t.nsecsElapsed() / 1e6);
        baselineCpu.append(cpuMs() - cpu);
    }
    std::printf("# %d nodes, %d accelerators, %d pools, %d jobs; %lld candidates for %d whole-node chips\n", Nodes,
        Nodes * PerNode, Pools, int(in.jobs.size()), qlonglong(a.candidates.size()), r.count);
    bench("planner_answer", median(answer), "ms");
    bench("planner_answer_cpu", median(answerCpu), "ms");
    bench("planner_latency_matrix_cpu", median(matrixCpu), "ms");
    bench("planner_latency_matrix_nodes_cpu", median(fullMatrixCpu), "ms");
    bench("planner_answer_nodes_matrix_cpu", median(answerBeforeCpu), "ms");
    bench("planner_answer_no_anchor_cpu", median(noAnchorCpu), "ms");
    bench("planner_rerank", median(rerankMs), "ms");
    bench("planner_snapshot", median(snapshot), "ms");
    bench("planner_rescan_baseline", median(baseline), "ms");
    bench("planner_rescan_baseline_cpu", median(baselineCpu), "ms");
    bench("planner_answer.ratio", median(baselineCpu) / median(answerCpu), "x");
    return a.candidates.isEmpty() ? 1 : 0;
}
