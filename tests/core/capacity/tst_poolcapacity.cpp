// SPDX-License-Identifier: GPL-3.0-or-later
// Per-pool and per-model capacity from known nodes; incremental updates equal
// a rebuild from scratch.

#include "core/capacity/loadedcapacity.h"
#include "core/capacity/poolcapacity.h"
#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"
#include "tests/ui/fleetfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace Meridian;
using namespace Meridian::TestFleet;
using Protocol::NodeState;

namespace {

QString line(const QString& scope, const ModelCapacity& m)
{
    return QStringLiteral("%1 %2 %3/%4/%5/%6/%7")
        .arg(scope, m.model)
        .arg(m.total)
        .arg(m.allocated)
        .arg(m.free)
        .arg(m.faulty)
        .arg(m.unknown);
}

QStringList poolLines(const FleetAggregate& fleet, const QString& region = {})
{
    QStringList out;
    for (const PoolCapacity& p : poolCapacities(fleet, region)) {
        for (const ModelCapacity& m : p.models)
            out << line(p.region + u'/' + p.pool + u'(' + QString::number(p.nodes) + u')', m);
    }
    return out;
}

QStringList modelLines(const FleetAggregate& fleet, const QString& region, const QString& pool)
{
    QStringList out;
    for (const ModelCapacity& m : capacityByModel(fleet, region, pool))
        out << line(QStringLiteral("*"), m);
    return out;
}

// Apply one update and wait for the store's change set.
void apply(FleetStore& store, const SourceUpdate& u, QList<FleetChangeSet>* sets)
{
    QSignalSpy spy(&store, &FleetStore::changed);
    store.applyUpdate(u);
    QVERIFY(spy.wait(5000));
    for (const QList<QVariant>& args : spy)
        sets->append(args.at(0).value<FleetChangeSet>());
}

// The same figures counted from scratch over the store's nodes.
FleetAggregate rebuild(const FleetStore& store)
{
    FleetAggregate fleet;
    for (auto it = store.nodes().cbegin(); it != store.nodes().cend(); ++it)
        fleet.put(it.key(), &*it);
    return fleet;
}

} // namespace

class TestPoolCapacity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void pools_data();
    void pools();
    void incrementalEqualsRebuild();
    void loadedCapacityLeavesPartialMinutesOut();
};

// Issue 18: the Overview's capacity chart on a fresh cache fell towards zero, with a smaller total
// than the cards, while the history was still loading. A minute is drawn only when every node that
// reports now is in it; a node down now (no samples) counts faulty, with the cards' total.
void TestPoolCapacity::loadedCapacityLeavesPartialMinutesOut()
{
    using Test::FleetBuilder;
    FleetStore store;
    SourceUpdate u;
    u.source = QStringLiteral("front");
    const QString model = QStringLiteral("Ascend 910B");
    for (const char* id : { "a", "b", "c" }) {
        auto n = FleetBuilder::node(QLatin1String(id))
                     .region(QStringLiteral("east"))
                     .pool(QStringLiteral("p1"))
                     .accelerators(4, model)
                     .at(1'000'000);
        if (*id == 'b')
            n.state(NodeState::Down).status(AgentStatus::Unreachable);
        u.nodes.append(n);
    }
    store.applyUpdate(u);
    int cardsTotal = 0;
    for (const ModelCapacity& m : store.summary().models)
        cardsTotal += m.total;
    QCOMPARE(cardsTotal, 12);

    CapacitySeries s;
    // Minute 0: a and c reported (b is down); minute 1: only a so far (c's history still loading);
    // minute 2: a and c again.
    s.points = { { 0, 8, 2, 6, 0, 2 }, { 60'000, 4, 1, 3, 0, 1 }, { 120'000, 8, 2, 5, 1, 2 } };
    const LoadedCapacity loaded = loadedCapacity(s, store);
    QCOMPARE(loaded.partialMinutes, 1);
    QCOMPARE(loaded.newestPartialMs, 60'000);
    QCOMPARE(loaded.series.points.size(), 2);
    for (const CapacityPoint& p : loaded.series.points) {
        QCOMPARE(p.total, cardsTotal);
        QVERIFY(p.faulty >= 4); // b's chips
    }
    QCOMPARE(loaded.series.points[1].faulty, 5);
    // Per model and region the same rule; a region without nodes has nothing expected.
    QCOMPARE(loadedCapacity(s, store, QStringLiteral("east"), model).series.points.size(), 2);

    // c goes silent (unreachable, not down): its chips are no longer expected, so minute 1 (a's four reported,
    // b's four down) is complete. The expected chips follow the update, not a rescan.
    NodeUpdate silent;
    silent.nodeId = QStringLiteral("c");
    silent.status = AgentStatus::Unreachable;
    SourceUpdate v;
    v.source = QStringLiteral("front");
    v.nodes.append(silent);
    store.applyUpdate(v);
    const LoadedCapacity later = loadedCapacity(s, store);
    QCOMPARE(later.partialMinutes, 0);
    QCOMPARE(later.series.points.size(), 3);
    QCOMPARE(later.series.points[1].total, 8);
    QCOMPARE(later.series.points[1].faulty, 4);
}

void TestPoolCapacity::pools_data()
{
    QTest::addColumn<SourceUpdate>("update");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("pool");
    QTest::addColumn<QStringList>("expectedPools");
    QTest::addColumn<QStringList>("expectedModels");

    const qint64 now = 1'700'000'000'000;
    const QString b910 = QStringLiteral("Ascend 910B"), h20 = QStringLiteral("H20");
    QTest::addRow("fixture, whole fleet")
        << update(now) << QString() << QString()
        << QStringList { QStringLiteral("East China/wuhu-infer(1) H20 4/0/0/4/0"),
               QStringLiteral("East China/wuhu-train(1) Ascend 910B 8/5/2/1/0"),
               QStringLiteral("North China/beijing-train(2) Ascend 910B 16/8/0/0/8"),
               QStringLiteral("South China/guangzhou-infer(1) Ascend 910B 8/0/0/0/8") }
        << QStringList { QStringLiteral("* Ascend 910B 32/13/2/1/16"), QStringLiteral("* H20 4/0/0/4/0") };
    QTest::addRow("fixture, one region") << update(now) << QStringLiteral("East China") << QString()
                                         << QStringList { QStringLiteral("East China/wuhu-infer(1) H20 4/0/0/4/0"),
                                                QStringLiteral("East China/wuhu-train(1) Ascend 910B 8/5/2/1/0") }
                                         << QStringList { QStringLiteral("* Ascend 910B 8/5/2/1/0"),
                                                QStringLiteral("* H20 4/0/0/4/0") };
    QTest::addRow("fixture, one pool") << update(now) << QStringLiteral("North China")
                                       << QStringLiteral("beijing-train")
                                       << QStringList { QStringLiteral(
                                              "North China/beijing-train(2) Ascend 910B 16/8/0/0/8") }
                                       << QStringList { QStringLiteral("* Ascend 910B 16/8/0/0/8") };

    // Two models in one pool, a faulty chip that also has a job (faulty wins), a degraded node.
    SourceUpdate mixed;
    mixed.source = QStringLiteral("test");
    const QString r = QStringLiteral("West"), p = QStringLiteral("mix");
    const QString j = QStringLiteral("job-9");
    mixed.nodes.append(node(inventory(QStringLiteral("a"), r, p, b910, QStringLiteral("huawei"), 8),
        NodeState::Degraded, { j, j, QString(), j }, { 1, 2 }, 1, now));
    mixed.nodes.append(node(inventory(QStringLiteral("b"), r, p, h20, QStringLiteral("nvidia"), 4), NodeState::Up,
        { j, j, j, j }, {}, 0, now));
    mixed.nodes.append(
        node(inventory(QStringLiteral("c"), r, QStringLiteral("other"), h20, QStringLiteral("nvidia"), 2),
            NodeState::Up, {}, {}, 0, now));
    QTest::addRow("two models, faulty with job")
        << mixed << r << p
        << QStringList { QStringLiteral("West/mix(2) Ascend 910B 8/2/4/2/0"),
               QStringLiteral("West/mix(2) H20 4/4/0/0/0"), QStringLiteral("West/other(1) H20 2/0/2/0/0") }
        << QStringList { QStringLiteral("* Ascend 910B 8/2/4/2/0"), QStringLiteral("* H20 4/4/0/0/0") };
}

void TestPoolCapacity::pools()
{
    QFETCH(SourceUpdate, update);
    QFETCH(QString, region);
    QFETCH(QString, pool);
    QFETCH(QStringList, expectedPools);
    QFETCH(QStringList, expectedModels);

    FleetStore store;
    store.setCoalescingInterval(0);
    QList<FleetChangeSet> sets;
    apply(store, update, &sets);

    const FleetAggregate rebuilt = rebuild(store);
    QCOMPARE(poolLines(rebuilt, region), expectedPools);
    QCOMPARE(modelLines(rebuilt, region, pool), expectedModels);

    // The store's own aggregate, kept incrementally as the update was applied.
    QCOMPARE(poolLines(store.aggregate(), region), expectedPools);
    QCOMPARE(modelLines(store.aggregate(), region, pool), expectedModels);

    // The store's own per-region figures agree with the sum over its pools.
    if (pool.isEmpty()) {
        QStringList fromStore;
        for (const ModelCapacity& m : store.summary(region).models)
            fromStore << line(QStringLiteral("*"), m);
        QCOMPARE(modelLines(rebuilt, region, {}), fromStore);
    }
}

// Nodes change class, move pool, go down and disappear; after every change set
// the store's incrementally kept aggregate equals one counted from scratch.
void TestPoolCapacity::incrementalEqualsRebuild()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    const FleetAggregate& index = store.aggregate();

    const qint64 now = 1'700'000'000'000;
    QList<FleetChangeSet> ignored;
    apply(store, update(now), &ignored);

    const QString j = QStringLiteral("job-x");
    SourceUpdate steps[4];
    // e1: every chip now allocated.
    steps[0].nodes.append(
        node(inventory(QStringLiteral("e1"), QStringLiteral("East China"), QStringLiteral("wuhu-train"),
                 QStringLiteral("Ascend 910B"), QStringLiteral("huawei"), 8),
            NodeState::Up, { j, j, j, j, j, j, j, j }, {}, 0, now + 5000));
    // e1 moves to another pool of another region.
    steps[1].nodes.append(
        node(inventory(QStringLiteral("e1"), QStringLiteral("North China"), QStringLiteral("beijing-train"),
                 QStringLiteral("Ascend 910B"), QStringLiteral("huawei"), 8),
            NodeState::Up, {}, {}, 0, now + 10000));
    // n1 goes down.
    steps[2].nodes.append(
        node(inventory(QStringLiteral("n1"), QStringLiteral("North China"), QStringLiteral("beijing-train"),
                 QStringLiteral("Ascend 910B"), QStringLiteral("huawei"), 8),
            NodeState::Down, {}, {}, 1, now + 15000));
    // e2 is removed.
    steps[3].removedNodes << QStringLiteral("e2");
    for (SourceUpdate& s : steps) {
        s.source = QStringLiteral("test");
        apply(store, s, &ignored);
        const FleetAggregate rebuilt = rebuild(store);
        QCOMPARE(poolLines(index), poolLines(rebuilt));
        QCOMPARE(index.nodeCount(), int(store.nodes().size()));
    }
    QVERIFY(!poolLines(index).join(u'\n').contains(QLatin1String("wuhu-infer")));
    QVERIFY(poolLines(index).contains(QStringLiteral("North China/beijing-train(3) Ascend 910B 24/0/8/8/8")));
}

QTEST_GUILESS_MAIN(TestPoolCapacity)
#include "tst_poolcapacity.moc"
