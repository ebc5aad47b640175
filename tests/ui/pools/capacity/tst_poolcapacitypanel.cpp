// SPDX-License-Identifier: GPL-3.0-or-later
// PoolCapacityPanel offscreen: the numbers shown equal the store's, every model
// passes QAbstractItemModelTester, the idle list follows the snapshots and
// activating a row names the node; the plot shows the cache's pool rollups.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/capacity/idletracker.h"
#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "tests/ui/fleetfixture.h"
#include "ui/charts/customplot.h"
#include "ui/charts/stackedcapacitychart.h"
#include "ui/common/displayformat.h"
#include "ui/pools/capacity/capacitytablemodel.h"
#include "ui/pools/capacity/idletablemodel.h"
#include "ui/pools/capacity/poolcapacitypanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::TestFleet;
using Protocol::NodeState;

namespace {

constexpr qint64 T0 = 1'700'000'040'000;

QString cell(const QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

// e1's five allocated chips: chip 0 idles (1 %), the others are busy (50 %).
SourceUpdate tick(qint64 ts, qint64 seq)
{
    SourceUpdate u = update(ts);
    for (NodeUpdate& n : u.nodes) {
        n.snapshot.sample.seq = seq;
        if (n.nodeId == QLatin1String("e1"))
            n.snapshot.sample.accelerators[0].utilization = 1;
    }
    return u;
}

} // namespace

class TestCapacityView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numbersEqualTheStore();
    void idleListAndActivation();
    void historyFromThePoolRollups();

private:
    QTemporaryDir m_dir;
};

void TestCapacityView::initTestCase()
{
    registerCoreMetaTypes();
    QCoreApplication::setOrganizationName(QStringLiteral("MeridianTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_poolcapacitypanel"));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestCapacityView::numbersEqualTheStore()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    IdleTracker idle; // the session's, in a console
    idle.attach(&store);
    PoolCapacityPanel view(&store, nullptr, &idle);
    QAbstractItemModelTester t1(view.poolModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(view.freeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(view.idleModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(view.poolProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t5(view.idleProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.resize(1200, 900);
    view.show();

    QSignalSpy refreshed(&view, &PoolCapacityPanel::nowRefreshed);
    store.applyUpdate(update(T0));
    QVERIFY(refreshed.wait(5000));
    QCOMPARE(view.poolModel()->rowCount(), 4);

    // Whole fleet: "free right now" equals the store's fleet summary, model by model.
    const RegionSummary fleet = store.summary();
    const QAbstractItemModel* free = view.freeModel();
    QCOMPARE(free->rowCount(), int(fleet.models.size()));
    for (int row = 0; row < free->rowCount(); ++row) {
        const ModelCapacity& m = fleet.models.at(row);
        QCOMPARE(cell(free, row, CapacityTableModel::Model), m.model);
        QCOMPARE(cell(free, row, CapacityTableModel::Total), Format::count(m.total));
        QCOMPARE(cell(free, row, CapacityTableModel::Allocated), Format::count(m.allocated));
        QCOMPARE(cell(free, row, CapacityTableModel::Free), Format::count(m.free));
        QCOMPARE(cell(free, row, CapacityTableModel::Faulty), Format::count(m.faulty));
    }

    // A region: the pools' rows add up to the store's region summary.
    view.setScope(QStringLiteral("East China"), {});
    const RegionSummary east = store.summary(QStringLiteral("East China"));
    QCOMPARE(view.freeModel()->rowCount(), int(east.models.size()));
    QCOMPARE(view.poolModel()->rowCount(), 2);
    for (int row = 0; row < view.freeModel()->rowCount(); ++row)
        QCOMPARE(cell(view.freeModel(), row, CapacityTableModel::Free), Format::count(east.models.at(row).free));

    // A pool: e1 alone, 8 × 910B: 5 allocated, 2 free, 1 faulty; thousands separators come from Format.
    view.setScope(QStringLiteral("East China"), QStringLiteral("wuhu-train"));
    QCOMPARE(view.poolModel()->rowCount(), 1);
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Pool), QStringLiteral("wuhu-train"));
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Allocated), Format::count(5));
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Free), Format::count(2));
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Faulty), Format::count(1));

    // A pool nobody reported: the classes are missing ("—"), not zero; the total is known from inventory.
    view.setScope(QStringLiteral("South China"), QStringLiteral("guangzhou-infer"));
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Total), Format::count(8));
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Free), Format::missing());
    QCOMPARE(cell(view.poolModel(), 0, CapacityTableModel::Allocated), Format::missing());

    // Sorting the proxy by free puts the largest first.
    view.setScope({}, {});
    view.poolProxy()->sort(CapacityTableModel::Total, Qt::DescendingOrder);
    QCOMPARE(cell(view.poolProxy(), 0, CapacityTableModel::Pool), QStringLiteral("beijing-train"));
}

void TestCapacityView::idleListAndActivation()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    IdleTracker tracker;
    tracker.attach(&store);
    PoolCapacityPanel view(&store, nullptr, &tracker);
    QAbstractItemModelTester tester(view.idleProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    view.setIdleThresholds(5, 15);
    view.show();

    // 20 minutes of snapshots every 5 s: e1's chip 0 idles the whole time.
    QSignalSpy changed(&store, &FleetStore::changed);
    for (int i = 0; i <= 20 * 12; ++i) {
        store.applyUpdate(tick(T0 + qint64(i) * 5000, 100 + i));
        QVERIFY(changed.wait(5000));
        if (i == 15 * 12)
            QVERIFY(view.idleTracker()->idle().isEmpty()); // exactly 15 min: not yet "longer than"
        if (i == 15 * 12 + 1)
            QCOMPARE(view.idleTracker()->idle().size(), 1);
    }
    QTRY_COMPARE(view.idleModel()->rowCount(), 1);
    const QAbstractItemModel* idle = view.idleProxy();
    QCOMPARE(cell(idle, 0, IdleTableModel::Node), QStringLiteral("e1"));
    QCOMPARE(cell(idle, 0, IdleTableModel::Job), QStringLiteral("job-1"));
    QCOMPARE(cell(idle, 0, IdleTableModel::Model), QStringLiteral("Ascend 910B"));
    QCOMPARE(idle->index(0, IdleTableModel::IdleSince).data(IdleTableModel::SortRole).toLongLong(), T0);
    QCOMPARE(cell(idle, 0, IdleTableModel::IdleFor), Format::duration(20 * 60 * 1000));

    // Another scope hides it; the pool shows it again.
    view.setScope(QStringLiteral("North China"), {});
    QCOMPARE(view.idleModel()->rowCount(), 0);
    view.setScope(QStringLiteral("East China"), QStringLiteral("wuhu-train"));
    QCOMPARE(view.idleModel()->rowCount(), 1);

    QSignalSpy activated(&view, &PoolCapacityPanel::nodeActivated);
    Q_EMIT view.idleView()->activated(view.idleView()->model()->index(0, IdleTableModel::Job));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("e1"));

    // A longer duration than the run hides it.
    view.setIdleThresholds(5, 30);
    QTRY_COMPARE(view.idleModel()->rowCount(), 0);
}

void TestCapacityView::historyFromThePoolRollups()
{
    // Three minutes of e1 samples in a cache: its pool's rollups feed the plot.
    {
        CacheWriter writer(m_dir.path());
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        QVERIFY(opened.wait(10000));
        for (int i = 0; i < 36; ++i) {
            SourceUpdate u = tick(T0 + qint64(i) * 5000, 100 + i);
            u.nodes.removeIf([](const NodeUpdate& n) { return n.nodeId != QLatin1String("e1"); });
            u.samples.append({ QStringLiteral("e1"), u.nodes.first().snapshot.sample });
            writer.write(u);
        }
        writer.flush();
    }
    FleetStore store;
    store.setCoalescingInterval(0);
    QSignalSpy changed(&store, &FleetStore::changed);
    store.applyUpdate(tick(T0 + 35 * 5000, 135));
    QVERIFY(changed.wait(5000));
    CacheReader reader(m_dir.path());
    FleetHistory past(&reader);
    IdleTracker idle;
    idle.attach(&store, &reader);
    PoolCapacityPanel view(&store, &past, &idle);
    QSignalSpy history(&view, &PoolCapacityPanel::historyRefreshed);
    view.setScope(QStringLiteral("East China"), QStringLiteral("wuhu-train"));
    QVERIFY(history.wait(10000));
    QVERIFY(!view.chart()->isEmpty());
    const auto data = view.chart()->freeGraph()->data();
    QCOMPARE(data->size(), 3); // three minutes
    for (auto it = data->constBegin(); it != data->constEnd(); ++it) {
        QCOMPARE(it->value, 8.0); // the band's top edge: faulty + allocated + free = total
    }
    QCOMPARE(view.chart()->faultyGraph()->data()->constBegin()->value, 1.0);
    QCOMPARE(view.chart()->allocatedGraph()->data()->constBegin()->value, 6.0);

    // Another pool with no rollups: the plot says so instead of drawing zero.
    view.setScope(QStringLiteral("North China"), QStringLiteral("beijing-train"));
    QVERIFY(history.wait(10000));
    QVERIFY(view.chart()->isEmpty());
}

QTEST_MAIN(TestCapacityView)
#include "tst_poolcapacitypanel.moc"
