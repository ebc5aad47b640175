// SPDX-License-Identifier: GPL-3.0-or-later
// Fleet-wide jobs from 25,000 node reports (no scheduler front): one assembly
// per poll. Reported as ms per poll and as the share of one core at a 5 s poll
// interval, beside a baseline pass that only walks the same placements.
#include "core/jobs/jobassembler.h"

#include <QElapsedTimer>

#include <cstdio>

using namespace Meridian;

int main()
{
    constexpr int Nodes = 25000;
    constexpr int PerNode = 8;
    QHash<QString, FleetNode> nodes;
    nodes.reserve(Nodes);
    for (int n = 0; n < Nodes; ++n) {
        FleetNode node;
        node.inventory.nodeId = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
        node.inventory.region = QStringLiteral("region-%1").arg(n % 7);
        node.inventory.pool = QStringLiteral("pool-%1").arg(n / 500);
        for (int a = 0; a < PerNode; ++a)
            node.inventory.accelerators.append({ a, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"), {}, 0 });
        node.snapshot.sample.seq = 1;
        // Training jobs on runs of 16 whole nodes; every 5th node packs four inference replicas.
        if (n % 5 == 4) {
            for (int r = 0; r < 4; ++r) {
                Protocol::JobPlacement p;
                p.jobId = QStringLiteral("svc-%1").arg((n / 5 + r) % 900);
                p.kind = QStringLiteral("inference");
                p.state = QStringLiteral("running");
                p.accelerators = { 2 * r, 2 * r + 1 };
                node.snapshot.jobs.append(p);
            }
        } else {
            Protocol::JobPlacement p;
            p.jobId = QStringLiteral("train-%1").arg(n / 16);
            p.name = QStringLiteral("llm-pretrain-70b");
            p.kind = QStringLiteral("training");
            p.state = n % 97 == 0 ? QStringLiteral("checkpointing") : QStringLiteral("running");
            p.accelerators = { 0, 1, 2, 3, 4, 5, 6, 7 };
            p.startedMs = 1767225600000LL - n;
            node.snapshot.jobs.append(p);
        }
        nodes.insert(node.inventory.nodeId, node);
    }

    QElapsedTimer t;
    constexpr int Rounds = 10;
    qint64 best = std::numeric_limits<qint64>::max();
    int jobs = 0;
    for (int i = 0; i < Rounds; ++i) {
        t.start();
        jobs = int(Jobs::JobAssembler::assemble(nodes).size());
        best = std::min(best, t.nsecsElapsed());
    }
    qint64 baseline = std::numeric_limits<qint64>::max();
    qint64 touched = 0;
    for (int i = 0; i < Rounds; ++i) {
        t.start();
        for (const FleetNode& n : std::as_const(nodes))
            for (const Protocol::JobPlacement& p : n.snapshot.jobs)
                touched += p.jobId.size() + p.accelerators.size();
        baseline = std::min(baseline, t.nsecsElapsed());
    }
    const double ms = double(best) / 1e6;
    std::printf("BENCH jobs.assembly.jobs %d count\n", jobs);
    std::printf("BENCH jobs.assembly.25k_nodes %.2f ms\n", ms);
    std::printf("BENCH jobs.assembly.core_share_5s %.2f %%\n", ms / 5000.0 * 100.0);
    std::printf("BENCH jobs.assembly.walk_only %.2f ms\n", double(baseline) / 1e6);
    std::printf("BENCH jobs.assembly.ratio %.2f x\n", ms / std::max(1e-3, double(baseline) / 1e6));
    return touched > 0 ? 0 : 1;
}
