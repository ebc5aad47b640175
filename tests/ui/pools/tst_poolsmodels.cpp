// SPDX-License-Identifier: GPL-3.0-or-later
// The Pools page's models on a synthetic fleet: model invariants
// (QAbstractItemModelTester) through sort, filter and live updates; sort
// order with missing values last; filter and facets; a bounded number of
// signals per change set; the tree's counts; quick jump.

#include "core/store/fleetstore.h"
#include "tests/ui/pools/syntheticfleet.h"
#include "ui/pools/accelerators/nodedetailview.h"
#include "ui/pools/fleetacceleratormodel.h"
#include "ui/pools/fleettreemodel.h"
#include "ui/pools/nodetablemodel.h"
#include "ui/pools/poolspage.h"
#include "ui/shell/quickjump.h"
#include "ui/shell/quickjumpindex.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace Meridian;

namespace {

std::unique_ptr<FleetStore> makeStore(int nodes)
{
    auto store = std::make_unique<FleetStore>();
    store->setCoalescingInterval(0);
    QSignalSpy spy(store.get(), &FleetStore::changed);
    store->applyUpdate(TestFleet::syntheticFleet(nodes));
    if (!spy.wait(5000))
        qFatal("the store did not publish the synthetic fleet");
    return store;
}

// Applies an update and waits for its change set.
// Applies an update and waits for all the change sets it makes (a large one
// comes in per-frame slices); returns how many there were.
int apply(FleetStore& store, const SourceUpdate& update)
{
    QSignalSpy spy(&store, &FleetStore::changed);
    store.applyUpdate(update);
    if (!spy.wait(5000))
        return 0;
    while (store.hasPendingChanges()) {
        if (!spy.wait(5000))
            return 0;
    }
    return int(spy.size());
}

// Sorted by column in order, missing values (invalid SortRole) after all others.
QString checkSorted(const QAbstractItemModel& model, int column, Qt::SortOrder order)
{
    bool missingSeen = false;
    QVariant previous;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QVariant key = model.index(row, column).data(PermutedTableModel::SortRole);
        if (!key.isValid()) {
            missingSeen = true;
            continue;
        }
        if (missingSeen)
            return QStringLiteral("row %1 has a value after a missing one").arg(row);
        if (previous.isValid()) {
            const int c = key.typeId() == QMetaType::Double ? (previous.toDouble() < key.toDouble() ? -1
                                  : previous.toDouble() > key.toDouble()                            ? 1
                                                                                                    : 0)
                                                            : QString::compare(previous.toString(), key.toString());
            if ((order == Qt::AscendingOrder && c > 0) || (order == Qt::DescendingOrder && c < 0))
                return QStringLiteral("row %1 out of order: %2 then %3")
                    .arg(row)
                    .arg(previous.toString(), key.toString());
        }
        previous = key;
    }
    return {};
}

} // namespace

class TestPoolsModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        registerCoreMetaTypes();
        qRegisterMetaType<QList<int>>();
    }

    void sortNodeColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int c = 0; c < NodeTableModel::ColumnCount; ++c) {
            QTest::addRow("column %d ascending", c) << c << Qt::AscendingOrder;
            QTest::addRow("column %d descending", c) << c << Qt::DescendingOrder;
        }
    }
    void sortNodeColumn()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        auto store = makeStore(600);
        NodeTableModel model(store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(column, order);
        QCOMPARE(model.rowCount(), 600);
        const QString error = checkSorted(model, column, order);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // Columns the never-answered nodes cannot fill show "—" and sort last.
        if (column == NodeTableModel::Utilization || column == NodeTableModel::Free) {
            const QModelIndex last = model.index(model.rowCount() - 1, column);
            QVERIFY(last.data(PermutedTableModel::MissingRole).toBool());
            QCOMPARE(last.data().toString(), QStringLiteral("—"));
        }
    }

    void sortAcceleratorColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        for (int c = 0; c < FleetAcceleratorModel::ColumnCount; ++c) {
            QTest::addRow("column %d ascending", c) << c << Qt::AscendingOrder;
            QTest::addRow("column %d descending", c) << c << Qt::DescendingOrder;
        }
    }
    void sortAcceleratorColumn()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        auto store = makeStore(300);
        FleetAcceleratorModel model(store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(column, order);
        QCOMPARE(model.rowCount(), 300 * 8);
        const QString error = checkSorted(model, column, order);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // A live update re-sorts only the rows whose key moved and merges them back:
    // the result must be exactly the order a full sort gives, row for row.
    void liveResortEqualsFullSort_data() { sortAcceleratorColumn_data(); }
    void liveResortEqualsFullSort()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        auto store = makeStore(300);
        FleetAcceleratorModel live(store.get());
        QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        live.sort(column, order);
        for (int tick = 1; tick <= 3; ++tick) {
            // Part of the fleet moves each tick, the rest stays: a merge, not a full sort.
            SourceUpdate update;
            update.source = QStringLiteral("synthetic");
            for (int i = tick; i < 300; i += 3)
                update.nodes.append(TestFleet::syntheticNode(i, tick));
            QVERIFY(apply(*store, update) >= 1);
        }
        FleetAcceleratorModel fresh(store.get());
        fresh.sort(column, order);
        QCOMPARE(live.rowCount(), fresh.rowCount());
        for (int row = 0; row < live.rowCount(); ++row) {
            const QModelIndex a = live.index(row, 0);
            const QModelIndex b = fresh.index(row, 0);
            QCOMPARE(
                a.data(PermutedTableModel::NodeIdRole).toString(), b.data(PermutedTableModel::NodeIdRole).toString());
            QCOMPARE(a.data(PermutedTableModel::AcceleratorIndexRole).toInt(),
                b.data(PermutedTableModel::AcceleratorIndexRole).toInt());
        }
        const QString error = checkSorted(live, column, order);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void missingIsNotZero()
    {
        auto store = makeStore(100);
        NodeTableModel model(store.get());
        // node-00002 reports no utilization (every 17th from 2), node-00005 never answered.
        const int silent = model.rowOfNode(QStringLiteral("node-00002"));
        const int never = model.rowOfNode(QStringLiteral("node-00005"));
        QVERIFY(silent >= 0 && never >= 0);
        QVERIFY(!model.index(silent, NodeTableModel::Utilization).data(PermutedTableModel::RawRole).isValid());
        QCOMPARE(model.index(silent, NodeTableModel::Utilization).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(never, NodeTableModel::Allocated).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(never, NodeTableModel::Total).data(PermutedTableModel::RawRole).toInt(), 8);
        QCOMPARE(model.index(never, NodeTableModel::State).data(PermutedTableModel::RawRole).toString(),
            QStringLiteral("unreachable"));
    }

    void filterAndFacets()
    {
        auto store = makeStore(1500);
        NodeTableModel model(store.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(NodeTableModel::Utilization, Qt::DescendingOrder);
        model.setFilterText(QStringLiteral("POOL-01"));
        QCOMPARE(model.rowCount(), 500);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, NodeTableModel::Pool).data().toString(), QStringLiteral("pool-01"));
        QVERIFY(checkSorted(model, NodeTableModel::Utilization, Qt::DescendingOrder).isEmpty());
        // Labels are searched too.
        model.setFilterText(QStringLiteral("tier=gold"));
        QCOMPARE(model.rowCount(), 500);
        model.setFilterText({});
        QCOMPARE(model.rowCount(), 1500);

        // Facet counts add up; choosing a facet keeps exactly that many rows.
        const QHash<QString, int> states = model.facetCounts(PermutedTableModel::Facet::State);
        int sum = 0;
        for (int n : states)
            sum += n;
        QCOMPARE(sum, 1500);
        QVERIFY(states.value(QStringLiteral("down")) > 0);
        model.setFacet(PermutedTableModel::Facet::State, { QStringLiteral("down") });
        QCOMPARE(model.rowCount(), states.value(QStringLiteral("down")));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, NodeTableModel::State).data(PermutedTableModel::RawRole).toString(),
                QStringLiteral("down"));
        model.setFacet(PermutedTableModel::Facet::Vendor, { QStringLiteral("nvidia") });
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, NodeTableModel::Model).data().toString(), QStringLiteral("H800"));
        model.setFacet(PermutedTableModel::Facet::State, {});
        model.setFacet(PermutedTableModel::Facet::Vendor, {});
        model.setFacet(PermutedTableModel::Facet::Region, { QStringLiteral("North China") });
        QCOMPARE(model.rowCount(), 500);
        model.setFacet(PermutedTableModel::Facet::Region, {});
        model.setScope(QStringLiteral("East China"), QStringLiteral("pool-00"), QStringLiteral("pool-00-r03"));
        QCOMPARE(model.rowCount(), 25);
        model.setScope({}, {}, {});
        QCOMPARE(model.rowCount(), 1500);
    }

    void liveUpdateBounded()
    {
        auto store = makeStore(2000);
        NodeTableModel nodes(store.get());
        FleetAcceleratorModel accelerators(store.get());
        QAbstractItemModelTester t1(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&accelerators, QAbstractItemModelTester::FailureReportingMode::QtTest);
        nodes.sort(NodeTableModel::Host);
        accelerators.sort(FleetAcceleratorModel::Node);
        accelerators.setFilterText(QStringLiteral("pool-02"));
        QSignalSpy changed(&nodes, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&nodes, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&nodes, &QAbstractItemModel::modelReset);
        QSignalSpy accelChanged(&accelerators, &QAbstractItemModel::dataChanged);

        // Every row changes; the sorted column does not: no re-sort, a few dataChanged per change set.
        const int sets = apply(*store, TestFleet::syntheticFleet(2000, 1));
        QCOMPARE(sets, (2000 + FleetStore::MaxUpdatedNodesPerChangeSet - 1) / FleetStore::MaxUpdatedNodesPerChangeSet);
        QVERIFY(changed.size() >= 1);
        QVERIFY2(changed.size() <= 33 * sets, qPrintable(QString::number(changed.size())));
        QVERIFY(accelChanged.size() >= 1 && accelChanged.size() <= 32 * sets);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(reset.size(), 0);
        for (const QList<QVariant>& signal : std::as_const(changed))
            QVERIFY(!signal.at(2).value<QList<int>>().isEmpty()); // explicit roles

        // Sorted by a column that moves: exactly one re-sort per change set.
        nodes.sort(NodeTableModel::Utilization, Qt::DescendingOrder);
        changed.clear();
        layout.clear();
        const int sortedSets = apply(*store, TestFleet::syntheticFleet(2000, 2));
        QVERIFY(sortedSets >= 1);
        QCOMPARE(layout.size(), sortedSets);
        QVERIFY(changed.size() <= 33 * sortedSets);
        QVERIFY(checkSorted(nodes, NodeTableModel::Utilization, Qt::DescendingOrder).isEmpty());
        // The rows show the store's values after the update.
        for (int row = 0; row < nodes.rowCount(); row += 37) {
            const QString id = nodes.index(row, 0).data(PermutedTableModel::NodeIdRole).toString();
            const NodeTableModel::Row expected = NodeTableModel::makeRow(*store->node(id));
            const QVariant shown = nodes.index(row, NodeTableModel::Utilization).data(PermutedTableModel::RawRole);
            QCOMPARE(shown.isValid(), !qIsNaN(expected.utilization));
            if (shown.isValid())
                QCOMPARE(shown.toDouble(), expected.utilization);
        }
        for (int row = 0; row < accelerators.rowCount(); ++row)
            QCOMPARE(accelerators.index(row, FleetAcceleratorModel::Pool).data().toString(), QStringLiteral("pool-02"));
    }

    void insertAndRemove()
    {
        auto store = makeStore(400);
        NodeTableModel nodes(store.get());
        FleetAcceleratorModel accelerators(store.get());
        FleetTreeModel tree(store.get());
        QAbstractItemModelTester t1(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&accelerators, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        nodes.sort(NodeTableModel::Temperature);
        accelerators.sort(FleetAcceleratorModel::Utilization, Qt::DescendingOrder);
        SourceUpdate update;
        update.source = QStringLiteral("synthetic");
        update.removedNodes = { QStringLiteral("node-00010"), QStringLiteral("node-00200") };
        update.nodes = { TestFleet::syntheticNode(600), TestFleet::syntheticNode(1200) }; // a new pool too
        apply(*store, update);
        QCOMPARE(nodes.rowCount(), int(store->nodes().size()));
        QCOMPARE(nodes.rowCount(), 400);
        QCOMPARE(accelerators.rowCount(), 400 * 8);
        QCOMPARE(nodes.rowOfNode(QStringLiteral("node-00010")), -1);
        QVERIFY(nodes.rowOfNode(QStringLiteral("node-01200")) >= 0);
        QVERIFY(accelerators.rowOf(QStringLiteral("node-00600"), 7) >= 0);
        QVERIFY(checkSorted(nodes, NodeTableModel::Temperature, Qt::AscendingOrder).isEmpty());
        QVERIFY(checkSorted(accelerators, FleetAcceleratorModel::Utilization, Qt::DescendingOrder).isEmpty());
        for (int row = 0; row < nodes.rowCount(); ++row) {
            const QString id = nodes.index(row, 0).data(PermutedTableModel::NodeIdRole).toString();
            QVERIFY(store->node(id));
            QCOMPARE(nodes.index(row, NodeTableModel::Host).data().toString(), store->node(id)->inventory.hostname);
        }
        // A node's accelerators change shape: its rows are replaced.
        apply(*store, { QStringLiteral("synthetic"), { TestFleet::syntheticNode(7, 3, 4) } });
        QCOMPARE(accelerators.rowCount(), 399 * 8 + 4);
        QCOMPARE(accelerators.rowOf(QStringLiteral("node-00007"), 5), -1);
        QVERIFY(tree.indexOf(QStringLiteral("South China"), QStringLiteral("pool-02")).isValid()); // node 1200
    }

    // Not live (the Accelerators tab not opened yet), the model holds no row and follows no change; made live, it
    // holds exactly what a model live from the start holds, in the same order.
    void acceleratorsLoadWhenMadeLive()
    {
        auto store = makeStore(300);
        FleetAcceleratorModel always(store.get());
        FleetAcceleratorModel deferred(store.get());
        QAbstractItemModelTester tester(&deferred, QAbstractItemModelTester::FailureReportingMode::QtTest);
        deferred.setLive(false);
        QCOMPARE(deferred.rowCount(), 0);
        always.sort(FleetAcceleratorModel::Utilization, Qt::DescendingOrder);
        deferred.sort(FleetAcceleratorModel::Utilization, Qt::DescendingOrder);
        SourceUpdate update;
        update.source = QStringLiteral("synthetic");
        update.removedNodes = { QStringLiteral("node-00010") };
        update.nodes = { TestFleet::syntheticNode(600), TestFleet::syntheticNode(7, 3, 4) };
        apply(*store, update);
        QCOMPARE(deferred.rowCount(), 0);
        deferred.setLive(true);
        QCOMPARE(deferred.rowCount(), always.rowCount());
        QCOMPARE(deferred.rowCount(), 299 * 8 + 4);
        // The same rows with the same values (ties in the sorted column fall in source order, which differs).
        const auto rowsOf = [](const FleetAcceleratorModel& model) {
            QStringList rows;
            for (int row = 0; row < model.rowCount(); ++row) {
                QStringList cells;
                for (int column = 0; column < model.columnCount(); ++column)
                    cells.append(model.index(row, column).data().toString());
                rows.append(cells.join(u'|'));
            }
            rows.sort();
            return rows;
        };
        QCOMPARE(rowsOf(deferred), rowsOf(always));
        QVERIFY(checkSorted(deferred, FleetAcceleratorModel::Utilization, Qt::DescendingOrder).isEmpty());
        apply(*store, { QStringLiteral("synthetic"), { TestFleet::syntheticNode(601) } });
        QCOMPARE(deferred.rowCount(), always.rowCount()); // live from now on
    }

    void treeCounts()
    {
        auto store = makeStore(1600);
        FleetTreeModel tree(store.get());
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(tree.rowCount(), 3);
        const QModelIndex east = tree.indexOf(QStringLiteral("East China"));
        QVERIFY(east.isValid());
        QCOMPARE(tree.rowCount(east), 2); // pool-00, pool-03
        const QModelIndex pool = tree.indexOf(QStringLiteral("East China"), QStringLiteral("pool-03"));
        QCOMPARE(pool.parent(), east);
        QCOMPARE(tree.rowCount(pool), 4); // nodes 1500..1599: racks r00..r03
        QCOMPARE(pool.siblingAtColumn(FleetTreeModel::Nodes).data(FleetTreeModel::RawRole).toInt(), 100);
        QCOMPARE(pool.siblingAtColumn(FleetTreeModel::Accelerators).data(FleetTreeModel::RawRole).toInt(), 800);
        auto freeIn = [&store](const QString& pool) {
            int free = 0;
            for (const FleetNode& node : store->nodes()) {
                if ((!pool.isEmpty() && node.inventory.pool != pool) || node.snapshot.sample.seq == 0)
                    continue;
                for (const auto& a : node.snapshot.sample.accelerators)
                    free += classify(a, node.snapshot.sample.state) == CapacityClass::Free;
            }
            return free;
        };
        QCOMPARE(pool.siblingAtColumn(FleetTreeModel::Free).data(FleetTreeModel::RawRole).toInt(),
            freeIn(QStringLiteral("pool-03")));
        QSignalSpy reset(&tree, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&tree, &QAbstractItemModel::dataChanged);
        const int sets = apply(*store, TestFleet::syntheticFleet(1600, 1));
        QCOMPARE(reset.size(), 0);
        // Top level + regions + pools, per change set.
        QVERIFY(changed.size() >= 1 && changed.size() <= (1 + 3 + 4) * sets);
        // Counts moved by each node's difference still equal a recount of the store.
        QCOMPARE(pool.siblingAtColumn(FleetTreeModel::Free).data(FleetTreeModel::RawRole).toInt(),
            freeIn(QStringLiteral("pool-03")));
        int fleetFree = 0;
        for (int r = 0; r < tree.rowCount(); ++r)
            fleetFree += tree.index(r, FleetTreeModel::Free).data(FleetTreeModel::RawRole).toInt();
        QCOMPARE(fleetFree, freeIn({}));
    }

    void quickJump_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("pool");
        QTest::addColumn<QString>("nodeId");
        QTest::addColumn<int>("accelerator");
        QTest::addRow("region") << "north" << int(JumpTarget::Region) << ""
                                << "" << -1;
        QTest::addRow("pool") << "Pool-01" << int(JumpTarget::Pool) << "pool-01"
                              << "" << -1;
        QTest::addRow("rack") << "pool-01-r03" << int(JumpTarget::Rack) << "pool-01"
                              << "" << -1;
        QTest::addRow("node by host") << "h00742" << int(JumpTarget::Node) << "pool-01"
                                      << "node-00742" << -1;
        QTest::addRow("node by id") << "NODE-00742" << int(JumpTarget::Node) << "pool-01"
                                    << "node-00742" << -1;
        QTest::addRow("accelerator") << "h00742#3" << int(JumpTarget::Accelerator) << "pool-01"
                                     << "node-00742" << 3;
        QTest::addRow("accelerator by id") << "node-00742#7" << int(JumpTarget::Accelerator) << "pool-01"
                                           << "node-00742" << 7;
        QTest::addRow("accelerator by uuid") << "UUID-742-5" << int(JumpTarget::Accelerator) << "pool-01"
                                             << "node-00742" << 5;
    }
    void quickJump()
    {
        QFETCH(QString, query);
        QFETCH(int, kind);
        QFETCH(QString, pool);
        QFETCH(QString, nodeId);
        QFETCH(int, accelerator);
        auto store = makeStore(1000);
        const QList<JumpTarget> found = searchJumpTargets(*store, query);
        QVERIFY(!found.isEmpty());
        QCOMPARE(int(found.first().kind), kind);
        QCOMPARE(found.first().pool, pool);
        QCOMPARE(found.first().nodeId, nodeId);
        QCOMPARE(found.first().accelerator, accelerator);
        QVERIFY(searchJumpTargets(*store, QStringLiteral("no-such-thing")).isEmpty());
    }

    // Keyboard only: type into the box, Down, Enter; the page narrows and opens the target.
    void quickJumpKeyboard()
    {
        auto store = makeStore(1000);
        PoolsPage page(PageContext { store.get() });
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QuickJump box(store.get(), &page);
        QuickJump* jump = &box;
        connect(jump, &QuickJump::targetChosen, &page, &PoolsPage::jumpTo);
        jump->popup(&page);
        QTRY_VERIFY(jump->isVisible());
        QTest::keyClicks(jump->lineEdit(), QStringLiteral("pool-01-r0"));
        QTRY_VERIFY(jump->matches().size() >= 2);
        QTest::keyClick(jump->lineEdit(), Qt::Key_Down);
        const JumpTarget second = jump->matches().at(1);
        QCOMPARE(int(second.kind), int(JumpTarget::Rack));
        QTest::keyClick(jump->lineEdit(), Qt::Key_Return);
        QVERIFY(!jump->isVisible());
        QCOMPARE(page.nodeModel()->rowCount(), 25);
        for (int row = 0; row < 25; ++row)
            QCOMPARE(page.nodeModel()->index(row, NodeTableModel::Rack).data().toString(), second.rack);

        jump->popup(&page);
        QTest::keyClicks(jump->lineEdit(), QStringLiteral("h00742#3"));
        QTest::keyClick(jump->lineEdit(), Qt::Key_Return);
        QVERIFY(page.isShowingDetail());
        QCOMPARE(page.detailView()->nodeId(), QStringLiteral("node-00742"));
        QCOMPARE(page.detailView()->selectedAccelerator(), 3);
        QCOMPARE(page.tabs()->currentIndex(), int(PoolsPage::AcceleratorsTab));
        QCOMPARE(page.acceleratorModel()->rowCount(), 500 * 8); // narrowed to the node's pool
        page.showTables();
        QVERIFY(!page.isShowingDetail());
    }
};

QTEST_MAIN(TestPoolsModels)
#include "tst_poolsmodels.moc"
