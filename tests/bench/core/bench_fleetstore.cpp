// SPDX-License-Identifier: GPL-3.0-or-later
// FleetStore at fleet scale: 25,000 nodes × 8 accelerators (200,000), 5,000 jobs.
// Prints BENCH lines: applyUpdate of the whole fleet, of a 1 % churn batch,
// summary() per region and fleet-wide — beside a naive full scan measured in
// the same process as the baseline.
#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Meridian;

namespace {

constexpr int Nodes = 25000;
constexpr int Chips = 8;
const QStringList Regions { QStringLiteral("North China"), QStringLiteral("East China"), QStringLiteral("South China"),
    QStringLiteral("Southwest China"), QStringLiteral("Inner Mongolia"), QStringLiteral("Central China") };
const QStringList Models { QStringLiteral("Ascend 910B"), QStringLiteral("Ascend 910C"), QStringLiteral("H20"),
    QStringLiteral("MLU590"), QStringLiteral("K100") };

NodeUpdate node(int i, qint64 seq)
{
    Test::NodeBuilder b = Test::FleetBuilder::node(QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0')));
    const QString region = Regions[i % Regions.size()];
    b.region(region)
        .pool(region + QStringLiteral("-pool-%1").arg(i % 7))
        .accelerators(Chips, Models[(i / 100) % Models.size()], QStringLiteral("vendor"), 0)
        .instance(QStringLiteral("i"))
        .seq(seq)
        .sampledAt(1700000000000LL + seq * 5000)
        .state((i + seq) % 97 == 0 ? Protocol::NodeState::Down : Protocol::NodeState::Up)
        .eachAccelerator([i, seq](Protocol::AcceleratorSample& s) {
            const int c = s.index;
            s.health = (i * Chips + c + seq) % 211 == 0 ? Protocol::AcceleratorHealth::Faulty
                                                        : Protocol::AcceleratorHealth::Healthy;
            s.utilization = 50;
            if ((i + c) % 3 != 0)
                s.jobId = QStringLiteral("job-%1").arg(i % 5000);
        });
    if (seq != 1)
        b.withoutInventory(); // the store keeps the inventory it was first given
    return b;
}

// What summary() would cost without the incremental aggregates: one pass over every chip.
int naiveScan(const FleetStore& store, const QString& region)
{
    QHash<QString, ModelCapacity> models;
    for (const FleetNode& n : store.nodes()) {
        if (!region.isEmpty() && n.inventory.region != region)
            continue;
        for (qsizetype c = 0; c < n.inventory.accelerators.size(); ++c) {
            ModelCapacity& m = models[n.inventory.accelerators[c].model];
            ++m.total;
            const auto& samples = n.snapshot.sample.accelerators;
            if (c >= samples.size())
                continue;
            switch (classify(samples.at(c), n.snapshot.sample.state)) {
            case CapacityClass::Free:
                ++m.free;
                break;
            case CapacityClass::Allocated:
                ++m.allocated;
                break;
            case CapacityClass::Faulty:
                ++m.faulty;
                break;
            }
        }
    }
    int total = 0;
    for (const ModelCapacity& m : models)
        total += m.total;
    return total;
}

template <typename F> double medianMs(int runs, F&& f)
{
    QList<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        f();
        times.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    FleetStore store;

    SourceUpdate full;
    full.source = QStringLiteral("front");
    for (int i = 0; i < Nodes; ++i)
        full.nodes.append(node(i, 1));
    full.hasJobs = true;
    full.jobsComplete = true;
    for (int j = 0; j < 5000; ++j) {
        Protocol::JobRecord job;
        job.jobId = QStringLiteral("job-%1").arg(j);
        job.state = j % 10 == 0 ? QStringLiteral("queued") : QStringLiteral("running");
        job.region = Regions[j % Regions.size()];
        full.jobs.append(job);
    }
    QElapsedTimer t;
    t.start();
    store.applyUpdate(full);
    bench("fleetstore.apply_full_fleet_25k", t.nsecsElapsed() / 1e6, "ms");

    // Every node reports a new snapshot (one poll round of the batched /nodes answer).
    qint64 seq = 2;
    SourceUpdate round;
    round.source = full.source;
    for (int i = 0; i < Nodes; ++i)
        round.nodes.append(node(i, seq));
    bench("fleetstore.apply_poll_round_25k", medianMs(5, [&] { store.applyUpdate(round); }), "ms");

    // 1 % churn: 250 nodes change.
    QList<SourceUpdate> churn;
    for (int r = 0; r < 21; ++r) {
        SourceUpdate u;
        u.source = full.source;
        for (int i = 0; i < Nodes / 100; ++i)
            u.nodes.append(node((r * 977 + i * 101) % Nodes, 10 + r));
        churn.append(u);
    }
    int next = 0;
    bench("fleetstore.apply_churn_250", medianMs(21, [&] { store.applyUpdate(churn[next++ % churn.size()]); }), "ms");

    volatile int sink = 0;
    const double summaryFleet = medianMs(101, [&] { sink = sink + store.summary().nodesTotal; });
    const double summaryRegion = medianMs(101, [&] { sink = sink + store.summary(Regions[1]).nodesTotal; });
    const double naiveFleet = medianMs(11, [&] { sink = sink + naiveScan(store, {}); });
    const double allRegions = medianMs(21, [&] {
        for (const QString& r : store.regions())
            sink = sink + store.summary(r).nodesTotal;
    });
    // Right after a change the data ages are recomputed once (one pass over the nodes, no chips).
    next = 0;
    const double afterChange = medianMs(21, [&] {
        store.applyUpdate(churn[next++ % churn.size()]);
        sink = sink + store.summary().nodesTotal;
    });
    bench("fleetstore.summary_fleet_25k", summaryFleet * 1000, "us");
    bench("fleetstore.apply_churn_250_then_summary", afterChange, "ms");
    bench("fleetstore.summary_region_25k", summaryRegion * 1000, "us");
    bench("fleetstore.summary_all_regions_25k", allRegions * 1000, "us");
    bench("fleetstore.summary_fleet_naive_scan_25k", naiveFleet * 1000, "us");
    bench("fleetstore.summary_fleet_25k.ratio", naiveFleet / std::max(summaryFleet, 1e-6), "x");
    bench("fleetstore.agent_status_counts_25k",
        medianMs(101, [&] { sink = sink + store.agentStatusCounts().up; }) * 1000, "us");

    const RegionSummary s = store.summary();
    int total = 0;
    for (const ModelCapacity& m : s.models)
        total += m.total;
    if (total != Nodes * Chips || total != naiveScan(store, {})) {
        std::fprintf(stderr, "wrong totals: %d\n", total);
        return 1;
    }
    return 0;
}
