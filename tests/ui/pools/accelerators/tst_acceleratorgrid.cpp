// SPDX-License-Identifier: GPL-3.0-or-later
// The accelerator grid: cell layout and aggregation at any size, missing
// never coloured like zero, hit-testing and keyboard → signals, live updates.

#include "core/store/fleetstore.h"
#include "tests/ui/pools/accelerators/gridfleet.h"
#include "ui/pools/accelerators/acceleratorgrid.h"
#include "ui/pools/accelerators/gridcolors.h"

#include <QSignalSpy>
#include <QTest>

using namespace Meridian;

class TestAcceleratorGrid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void layout_data();
    void layout();
    void aggregation();
    void missingIsNotZero_data();
    void missingIsNotZero();
    void scopeFilters();
    void clicksEmitSignals();
    void keyboardActivates();
    void liveUpdateRecolours();
    void hiddenGridCatchesUpWhenShown();
    void paletteChangeRepaints();
};

void TestAcceleratorGrid::layout_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("perNode");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("level");
    QTest::addRow("one rack") << 16 << 8 << QSize(600, 300) << int(GridLevel::Accelerator);
    QTest::addRow("one node") << 1 << 8 << QSize(200, 100) << int(GridLevel::Accelerator);
    QTest::addRow("mixed widths, 4 per node") << 40 << 4 << QSize(400, 300) << int(GridLevel::Accelerator);
    QTest::addRow("hub at 1600x900") << 1250 << 8 << QSize(1600, 900) << int(GridLevel::Accelerator);
    QTest::addRow("hub in a small pane") << 1250 << 8 << QSize(300, 200) << int(GridLevel::Node);
    QTest::addRow("national fleet in a small pane") << 25000 << 8 << QSize(300, 200) << int(GridLevel::Rack);
}

void TestAcceleratorGrid::layout()
{
    QFETCH(int, nodes);
    QFETCH(int, perNode);
    QFETCH(QSize, size);
    QFETCH(int, level);
    const GridModel model = GridModel::build(TestGrid::toNodes(TestGrid::makeFleet(nodes, perNode, 16)), {}, {}, {});
    QCOMPARE(model.accelerators.size(), qsizetype(nodes) * perNode);
    QCOMPARE(model.nodes.size(), qsizetype(nodes));
    const GridLayoutResult result = layoutGrid(model, size);
    QCOMPARE(int(result.level), level);
    QVERIFY(result.cellSize >= 1);
    const QRect area(QPoint(0, 0), size);
    int covered = 0;
    QRect previous;
    for (int c = 0; c < result.cells.size(); ++c) {
        const GridCell& cell = result.cells.at(c);
        QVERIFY2(area.contains(cell.rect), qPrintable(QString::number(c)));
        QCOMPARE(cell.first, covered); // cells cover the accelerators in order, none twice
        covered += cell.count;
        QVERIFY(!cell.rect.intersects(previous));
        previous = cell.rect;
        // Hit-testing finds every cell at its centre.
        QCOMPARE(hitTest(model, result, cell.rect.center()), c);
    }
    QCOMPARE(covered, int(model.accelerators.size()));
    switch (GridLevel(level)) {
    case GridLevel::Accelerator:
        QCOMPARE(result.cells.size(), model.accelerators.size());
        // A node's accelerators are adjacent: its cells lie inside one block no wider than the block shape.
        for (const GridNode& node : model.nodes) {
            QRect block;
            for (int i = node.first; i < node.first + node.count; ++i)
                block |= result.cells.at(i).rect;
            QCOMPARE(block.width(), result.blockColumns * result.cellSize);
            QVERIFY(block.height() * block.width()
                <= (node.count + result.blockColumns) * result.cellSize * result.cellSize);
        }
        QVERIFY(result.cellSize >= 3);
        break;
    case GridLevel::Node:
        QCOMPARE(result.cells.size(), model.nodes.size());
        for (const GridCell& cell : result.cells)
            QCOMPARE(cell.count, perNode);
        break;
    case GridLevel::Rack:
        QCOMPARE(result.cells.size(), model.racks.size());
        QCOMPARE(result.cells.first().count, 16 * perNode);
        break;
    }
    // Between cells there is nothing to hit.
    QCOMPARE(hitTest(model, result, QPoint(size.width() + 5, 0)), -1);
}

void TestAcceleratorGrid::aggregation()
{
    SourceUpdate fleet = TestGrid::makeFleet(1, 4, 16);
    auto& samples = fleet.nodes[0].snapshot.sample.accelerators;
    samples[0].utilization = 10;
    samples[1].utilization = 20;
    samples[2].utilization = Protocol::Missing;
    samples[3].utilization = 90;
    samples[0].temperatureC = 50;
    samples[1].temperatureC = 85;
    samples[2].temperatureC = 60;
    samples[3].temperatureC = Protocol::Missing;
    samples[1].health = Protocol::AcceleratorHealth::Warning;
    const GridModel model = GridModel::build(TestGrid::toNodes(fleet), {}, {}, {});
    const GridCell node { {}, 0, 4, 0, 0 };
    const CellAggregate util = aggregateCell(model, node, GridMetric::Utilization);
    QCOMPARE(util.count, 4);
    QCOMPARE(util.missing, 1);
    QCOMPARE(util.mean, 40.0f);
    QCOMPARE(util.worst, 10.0f); // idle is the worst utilization
    QCOMPARE(util.worstAccelerator, 0);
    const CellAggregate temp = aggregateCell(model, node, GridMetric::Temperature);
    QCOMPARE(temp.worst, 85.0f);
    QCOMPARE(temp.worstAccelerator, 1);
    QCOMPARE(temp.mean, 65.0f);
    QCOMPARE(aggregateCell(model, node, GridMetric::Health).worst, 1.0f);

    // A down node: every accelerator counts as faulty, its stale values as missing.
    fleet.nodes[0].snapshot.sample.state = Protocol::NodeState::Down;
    const GridModel down = GridModel::build(TestGrid::toNodes(fleet), {}, {}, {});
    QCOMPARE(aggregateCell(down, node, GridMetric::Health).worst, 2.0f);
    QCOMPARE(aggregateCell(down, node, GridMetric::Utilization).missing, 4);
}

void TestAcceleratorGrid::missingIsNotZero_data()
{
    QTest::addColumn<int>("metric");
    QTest::addRow("utilization") << int(GridMetric::Utilization);
    QTest::addRow("memory") << int(GridMetric::Memory);
    QTest::addRow("temperature") << int(GridMetric::Temperature);
}

void TestAcceleratorGrid::missingIsNotZero()
{
    QFETCH(int, metric);
    SourceUpdate fleet = TestGrid::makeFleet(1, 2, 16);
    auto& samples = fleet.nodes[0].snapshot.sample.accelerators;
    samples[0].utilization = 0;
    samples[0].memoryUsedBytes = 0;
    samples[0].temperatureC = 0; // below the scale: the scale's low end
    samples[1].utilization = Protocol::Missing;
    samples[1].memoryUsedBytes = Protocol::Missing;
    samples[1].temperatureC = Protocol::Missing;
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(fleet);
    AcceleratorGrid grid;
    grid.resize(400, 200);
    grid.setStore(&store);
    grid.setMetric(GridMetric(metric));
    grid.rebuildNow();
    QCOMPARE(grid.cellLayout().cells.size(), 2);
    const QColor zero = grid.cellColor(0);
    const QColor missing = grid.cellColor(1);
    QVERIFY(zero.isValid() && missing.isValid());
    QVERIFY2(zero != missing, qPrintable(zero.name() + QLatin1Char(' ') + missing.name()));
    QCOMPARE(zero, GridColors::color(GridMetric(metric), 0, grid.palette()));
    QCOMPARE(missing.rgb(), GridColors::missing(grid.palette()).rgb());
    QVERIFY(grid.legendText().contains(QStringLiteral("1 accelerator")));
}

void TestAcceleratorGrid::scopeFilters()
{
    SourceUpdate fleet = TestGrid::makeFleet(64, 8, 16); // racks r0000 … r0003
    fleet.nodes[0].inventory.pool = QStringLiteral("other");
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(fleet);
    AcceleratorGrid grid;
    grid.resize(800, 400);
    grid.setStore(&store);
    QCOMPARE(grid.gridModel().accelerators.size(), 64 * 8);
    grid.setScope(QStringLiteral("East China"), QStringLiteral("p"), QStringLiteral("r0000"));
    QCOMPARE(grid.gridModel().nodes.size(), 15);
    grid.setScope(QStringLiteral("East China"), QStringLiteral("p"), {});
    QCOMPARE(grid.gridModel().nodes.size(), 63);
    grid.setScope(QStringLiteral("North China"), {}, {});
    QCOMPARE(grid.gridModel().nodes.size(), 0);
    QVERIFY(grid.cellLayout().cells.isEmpty());
    // Nodes in rack order.
    grid.setScope({}, {}, {});
    const auto& nodes = grid.gridModel().nodes;
    for (int i = 1; i < nodes.size(); ++i)
        QVERIFY(nodes.at(i - 1).rack <= nodes.at(i).rack);
}

void TestAcceleratorGrid::clicksEmitSignals()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(TestGrid::makeFleet(10, 8, 16));
    AcceleratorGrid grid;
    grid.resize(800, 400);
    grid.setStore(&store);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QSignalSpy accel(&grid, &AcceleratorGrid::acceleratorActivated);
    QSignalSpy node(&grid, &AcceleratorGrid::nodeActivated);
    const int target = 3 * 8 + 5; // node 3, accelerator 5
    const QRect cell = grid.cellLayout().cells.at(target).rect;
    const QPoint pos = cell.center() + QPoint(4, 4); // the grid's margin
    QCOMPARE(grid.cellAt(pos), target);
    QTest::mouseClick(&grid, Qt::LeftButton, {}, pos);
    QCOMPARE(accel.size(), 1);
    QCOMPARE(accel.first().at(0).toString(), QStringLiteral("node-00003"));
    QCOMPARE(accel.first().at(1).toInt(), 5);
    QTest::mouseDClick(&grid, Qt::LeftButton, {}, pos);
    QCOMPARE(node.size(), 1);
    QCOMPARE(node.first().at(0).toString(), QStringLiteral("node-00003"));
    // Outside every cell: nothing.
    accel.clear();
    QTest::mouseClick(&grid, Qt::LeftButton, {}, QPoint(790, 10));
    QCOMPARE(accel.size(), 0);

    // Aggregated: a click on a node's cell opens the node.
    grid.resize(60, 70);
    QCOMPARE(grid.cellLayout().level, GridLevel::Node);
    QVERIFY(grid.legendText().contains(QStringLiteral("1 node")));
    node.clear();
    const QPoint nodePos = grid.cellLayout().cells.at(2).rect.center() + QPoint(4, 4);
    QTest::mouseDClick(&grid, Qt::LeftButton, {}, nodePos);
    QCOMPARE(node.size(), 1);
    QCOMPARE(node.first().at(0).toString(), QStringLiteral("node-00002"));
}

void TestAcceleratorGrid::keyboardActivates()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(TestGrid::makeFleet(4, 8, 16));
    AcceleratorGrid grid;
    grid.resize(600, 300);
    grid.setStore(&store);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    grid.setFocus();
    QVERIFY(grid.hasFocus() || grid.focusPolicy() == Qt::StrongFocus);
    QSignalSpy accel(&grid, &AcceleratorGrid::acceleratorActivated);
    QSignalSpy node(&grid, &AcceleratorGrid::nodeActivated);
    QTest::keyClick(&grid, Qt::Key_Right);
    QTest::keyClick(&grid, Qt::Key_Right);
    QTest::keyClick(&grid, Qt::Key_Return);
    QCOMPARE(accel.size(), 1);
    QCOMPARE(accel.first().at(1).toInt(), 2);
    QTest::keyClick(&grid, Qt::Key_Down); // the block's second row: accelerator 6
    QTest::keyClick(&grid, Qt::Key_Return);
    QCOMPARE(accel.size(), 2);
    QCOMPARE(accel.at(1).at(1).toInt(), 6);
    QTest::keyClick(&grid, Qt::Key_Space);
    QCOMPARE(node.size(), 1);
    QCOMPARE(node.first().at(0).toString(), QStringLiteral("node-00000"));
}

namespace {
// The next sample of node `node`, whose accelerator `accelerator` reports no utilization.
SourceUpdate utilizationLost(const SourceUpdate& fleet, int node, int accelerator)
{
    SourceUpdate change;
    change.source = fleet.source;
    NodeUpdate u = fleet.nodes[node];
    u.hasInventory = false;
    u.snapshot.sample.seq = 2;
    u.snapshot.sample.accelerators[accelerator].utilization = Protocol::Missing;
    change.nodes.append(u);
    return change;
}
} // namespace

void TestAcceleratorGrid::liveUpdateRecolours()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    SourceUpdate fleet = TestGrid::makeFleet(4, 8, 16);
    fleet.nodes[1].snapshot.sample.accelerators[3].utilization = 0;
    store.applyUpdate(fleet);
    AcceleratorGrid grid;
    grid.resize(600, 300);
    grid.setStore(&store);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    const int cell = 8 + 3;
    const QColor before = grid.cellColor(cell);
    QCOMPARE(before, GridColors::color(GridMetric::Utilization, 0, grid.palette()));
    const QColor untouched = grid.cellColor(0);

    store.applyUpdate(utilizationLost(fleet, 1, 3));
    QTRY_COMPARE(grid.cellColor(cell).rgb(), GridColors::missing(grid.palette()).rgb());
    QCOMPARE(grid.cellColor(0), untouched);
}

// A hidden grid (another tab) does not rebuild on every change set; shown, it draws what the store holds now.
void TestAcceleratorGrid::hiddenGridCatchesUpWhenShown()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    SourceUpdate fleet = TestGrid::makeFleet(4, 8, 16);
    store.applyUpdate(fleet);
    AcceleratorGrid grid;
    grid.resize(600, 300);
    grid.setStore(&store);
    const int cell = 8 + 3;
    const QColor before = grid.cellColor(cell);

    store.applyUpdate(utilizationLost(fleet, 1, 3));
    QTest::qWait(200); // the store's change set, and the grid's rebuild interval, twice over
    QCOMPARE(grid.cellColor(cell), before);

    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    QCOMPARE(grid.cellColor(cell).rgb(), GridColors::missing(grid.palette()).rgb());
}

void TestAcceleratorGrid::paletteChangeRepaints()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    SourceUpdate fleet = TestGrid::makeFleet(1, 2, 16);
    fleet.nodes[0].snapshot.sample.accelerators[1].utilization = Protocol::Missing;
    store.applyUpdate(fleet);
    AcceleratorGrid grid;
    grid.resize(300, 200);
    grid.setStore(&store);
    QPalette dark = grid.palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Midlight, QColor(0x50, 0x50, 0x50));
    grid.setPalette(dark);
    QCOMPARE(grid.cellColor(1).rgb(), QColor(0x50, 0x50, 0x50).rgb());
}

QTEST_MAIN(TestAcceleratorGrid)
#include "tst_acceleratorgrid.moc"
