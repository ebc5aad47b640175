// SPDX-License-Identifier: GPL-3.0-or-later
// Capacity answers at 25,000 nodes / 200,000 accelerators: per-pool index
// rebuilt vs kept incrementally, the queries, and the idle tracker's cost per
// fleet-wide tick. Prints BENCH lines.

#include "core/capacity/idletracker.h"
#include "core/capacity/poolcapacity.h"
#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>

#include <cstdio>

using namespace Meridian;

namespace {

constexpr int Nodes = 25000;
constexpr int PerNode = 8;
constexpr qint64 T0 = 1'700'000'000'000;

NodeUpdate makeNode(int i, qint64 ts, qint64 seq)
{
    return Test::FleetBuilder::node(QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0')))
        .region(QStringLiteral("region-%1").arg(i % 11))
        .pool(QStringLiteral("pool-%1").arg(i % 120))
        .accelerators(PerNode, QStringLiteral("model-%1").arg(i % 8), QStringLiteral("vendor"), 0)
        .instance(QStringLiteral("i"))
        .seq(seq)
        .at(ts)
        .eachAccelerator([i, seq](Protocol::AcceleratorSample& s) {
            const int a = s.index;
            s.health
                = (i * 7 + a) % 97 == 0 ? Protocol::AcceleratorHealth::Faulty : Protocol::AcceleratorHealth::Healthy;
            const bool allocated = (i + a + seq) % 4 != 0;
            s.jobId = allocated ? QStringLiteral("job-%1").arg(i / 4) : QString();
            s.utilization = allocated && i % 25 == 0 ? 1.0 : 70.0;
        });
}

SourceUpdate makeUpdate(qint64 ts, qint64 seq, int every)
{
    SourceUpdate u;
    u.source = QStringLiteral("bench");
    for (int i = 0; i < Nodes; i += every)
        u.nodes.append(makeNode(i, ts, seq));
    return u;
}

void applyAll(FleetStore& store, qint64 ts, qint64 seq, int every, QList<FleetChangeSet>* sets)
{
    QSignalSpy spy(&store, &FleetStore::changed);
    store.applyUpdate(makeUpdate(ts, seq, every));
    spy.wait(30000);
    for (const auto& args : spy)
        sets->append(args.at(0).value<FleetChangeSet>());
}

double ms(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e6;
}

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    registerCoreMetaTypes();
    FleetStore store;
    store.setCoalescingInterval(0);
    QList<FleetChangeSet> sets;
    applyAll(store, T0, 1, 1, &sets);

    // The store keeps the aggregate while it applies updates; the baseline counts it from scratch.
    FleetAggregate rebuilt;
    QElapsedTimer t;
    t.start();
    for (auto it = store.nodes().cbegin(); it != store.nodes().cend(); ++it)
        rebuilt.put(it.key(), &*it);
    const double rebuild = ms(t);
    bench("capacity.aggregate.rebuild_25k_nodes", rebuild, "ms");

    // Every node changes (one fleet-wide poll round): applying it keeps the aggregate up to date.
    const SourceUpdate round = makeUpdate(T0 + 5000, 2, 1);
    t.restart();
    store.applyUpdate(round);
    const double all = ms(t);
    bench("capacity.store.apply_all_changed_with_aggregate", all, "ms");
    bench("capacity.store.apply_all_changed_with_aggregate.ratio", all / rebuild, "x");

    t.restart();
    const QList<PoolCapacity> pools = poolCapacities(store.aggregate());
    bench("capacity.pools_query", ms(t), "ms");
    t.restart();
    const QList<ModelCapacity> models = capacityByModel(store.aggregate(), QStringLiteral("region-3"));
    bench("capacity.by_model_query", ms(t), "ms");
    t.restart();
    const RegionSummary summary = store.summary(QStringLiteral("region-3"));
    bench("capacity.store.summary_region_baseline", ms(t), "ms");
    if (pools.size() < 120 || models.isEmpty() || summary.models.isEmpty())
        return 1;

    // One fleet-wide tick at a time through the store, as the view sees them.
    IdleTracker tracker;
    tracker.setMinimumDuration(0);
    double worst = 0;
    for (qint64 seq = 10; seq < 15; ++seq) {
        sets.clear();
        applyAll(store, T0 + seq * 5000, 4 * seq, 1, &sets); // same allocation pattern every tick
        t.restart();
        for (const auto& [id, node] : store.nodes().asKeyValueRange())
            tracker.observe(id, node.snapshot, &node.inventory);
        worst = std::max(worst, ms(t));
    }
    bench("capacity.idle.observe_fleet_tick_worst", worst, "ms");
    t.restart();
    const QList<IdleAccelerator> idle = tracker.idle();
    bench("capacity.idle.list", ms(t), "ms");
    std::printf(
        "# %lld idle of %d tracked allocated accelerators\n", qlonglong(idle.size()), tracker.trackedAccelerators());
    return idle.isEmpty() ? 1 : 0;
}
