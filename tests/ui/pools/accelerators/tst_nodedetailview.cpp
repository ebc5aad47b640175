// SPDX-License-Identifier: GPL-3.0-or-later
// The node detail view on a known fleet: inventory, the accelerators table
// (checked by QAbstractItemModelTester), jobs, events from the cache, "back".

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/session/fleethistory.h"
#include "core/store/fleetstore.h"
#include "tests/ui/fleetfixture.h"
#include "ui/pools/accelerators/acceleratortablemodel.h"
#include "ui/pools/accelerators/historychart.h"
#include "ui/pools/accelerators/nodedetailview.h"
#include "ui/pools/accelerators/nodeinventorypanel.h"
#include "ui/pools/accelerators/nodelistmodels.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

class TestNodeDetailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void acceleratorModel();
    void inventoryOfKnownNode_data();
    void inventoryOfKnownNode();
    void eventsAndBack();
    void staleAnswersDropped();
};

void TestNodeDetailView::acceleratorModel()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    const qint64 now = 1'700'000'000'000;
    SourceUpdate update = TestFleet::update(now);
    update.nodes[0].snapshot.sample.accelerators[2].temperatureC = 71;
    update.nodes[0].snapshot.sample.accelerators[2].memoryUsedBytes = double(16LL << 30);
    store.applyUpdate(update);
    AcceleratorTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNode(store.node(QStringLiteral("e1")));
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.columnCount(), int(AcceleratorTableModel::ColumnCount));
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(5, AcceleratorTableModel::Health), QStringLiteral("faulty"));
    QCOMPARE(cell(0, AcceleratorTableModel::Job), QStringLiteral("job-1"));
    QCOMPARE(cell(7, AcceleratorTableModel::Job), QStringLiteral("free"));
    QCOMPARE(cell(2, AcceleratorTableModel::Temperature), QStringLiteral("71 \u00b0C"));
    QVERIFY(cell(2, AcceleratorTableModel::Memory).contains(QStringLiteral("25 %")));
    QCOMPARE(cell(0, AcceleratorTableModel::Temperature), QStringLiteral("\u2014")); // missing, not 0
    QCOMPARE(cell(3, AcceleratorTableModel::Uuid), QStringLiteral("e1-3"));
    QVERIFY(std::isnan(model.index(0, AcceleratorTableModel::Power).data(AcceleratorTableModel::SortRole).toDouble()));
    QCOMPARE(model.rowOfAccelerator(6), 6);
    QCOMPARE(model.rowOfAccelerator(9), -1);
    // Same node again: values only; another node: a reset; a down node says so.
    model.setNode(store.node(QStringLiteral("e1")));
    model.setNode(store.node(QStringLiteral("e2")));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(cell(0, AcceleratorTableModel::Health), QStringLiteral("node down"));
    model.setNode(store.node(QStringLiteral("n2"))); // never answered
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(cell(0, AcceleratorTableModel::Utilization), QStringLiteral("\u2014"));
    model.setNode(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestNodeDetailView::inventoryOfKnownNode_data()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("pool");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("jobs");
    QTest::addRow("e1 degraded") << QStringLiteral("e1") << QStringLiteral("wuhu-train") << QStringLiteral("up")
                                 << QStringLiteral("\u2014") << 1;
    QTest::addRow("n2 unreachable") << QStringLiteral("n2") << QStringLiteral("beijing-train")
                                    << QStringLiteral("unreachable") << QStringLiteral("connection refused") << 0;
}

void TestNodeDetailView::inventoryOfKnownNode()
{
    QFETCH(QString, node);
    QFETCH(QString, pool);
    QFETCH(QString, status);
    QFETCH(QString, error);
    QFETCH(int, jobs);
    const qint64 now = 1'700'000'000'000;
    SourceUpdate update = TestFleet::update(now);
    Protocol::JobPlacement placement;
    placement.jobId = QStringLiteral("job-1");
    placement.name = QStringLiteral("llm-pretrain");
    placement.state = QStringLiteral("running");
    placement.accelerators = { 0, 1, 2, 3, 4 };
    update.nodes[0].snapshot.jobs.append(placement);
    update.nodes[0].inventory.labels.insert(QStringLiteral("zone"), QStringLiteral("a"));
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(update);
    QTemporaryDir dir;
    CacheReader cache(dir.path());
    FleetHistory past(&cache);
    NodeDetailView view(&store, &past);
    view.resize(1200, 800);
    view.showNode(node);
    NodeInventoryPanel* inv = view.inventoryPanel();
    QCOMPARE(inv->value(NodeInventoryPanel::Host), node);
    QCOMPARE(inv->value(NodeInventoryPanel::Pool), pool);
    QCOMPARE(inv->value(NodeInventoryPanel::Rack), pool + QStringLiteral("-r1"));
    QCOMPARE(inv->value(NodeInventoryPanel::Cpus), QStringLiteral("192"));
    QCOMPARE(inv->value(NodeInventoryPanel::Memory), QLocale().toString(1024.0, 'f', 0) + QStringLiteral(" GiB"));
    QCOMPARE(inv->value(NodeInventoryPanel::AgentVersion), QStringLiteral("test"));
    QCOMPARE(inv->value(NodeInventoryPanel::Status), status);
    QCOMPARE(inv->value(NodeInventoryPanel::LastError), error);
    if (node == QLatin1String("e1"))
        QCOMPARE(inv->value(NodeInventoryPanel::Labels), QStringLiteral("zone=a"));
    QCOMPARE(view.acceleratorModel()->rowCount(), 8);
    QCOMPARE(view.jobsModel()->rowCount(), jobs);
    if (jobs)
        QCOMPARE(
            view.jobsModel()->index(0, NodeJobsModel::Accelerators).data().toString(), QStringLiteral("0, 1, 2, 3, 4"));
    // An empty cache: the history says so instead of plotting zeros.
    QSignalSpy loaded(&view, &NodeDetailView::historyLoaded);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000); // may arrive at once when the reader is quick
    QVERIFY(view.historyChart()->plottedPoints().isEmpty());
}

void TestNodeDetailView::eventsAndBack()
{
    QTemporaryDir dir;
    const qint64 now = 1'700'000'000'000;
    {
        CacheWriter writer(dir.path());
        writer.start();
        SourceUpdate update = TestFleet::update(now);
        for (int i = 0; i < 3; ++i) {
            Protocol::Event e;
            e.id = i + 1;
            e.timestampMs = now - 1000 * (3 - i);
            e.kind = QStringLiteral("hbm-ecc");
            e.severity = Protocol::Severity::Warning;
            e.nodeId = i == 2 ? QStringLiteral("n1") : QStringLiteral("e1");
            e.accelerator = i;
            e.message = QStringLiteral("event %1").arg(i);
            update.events.append(e);
        }
        writer.write(update);
        writer.flush();
    }
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(TestFleet::update(now));
    CacheReader cache(dir.path());
    FleetHistory past(&cache);
    NodeDetailView view(&store, &past);
    QSignalSpy events(&view, &NodeDetailView::eventsLoaded);
    view.showNode(QStringLiteral("e1"));
    QTRY_VERIFY_WITH_TIMEOUT(!events.isEmpty(), 10000);
    QCOMPARE(view.eventsModel()->rowCount(), 2); // only e1's, newest first
    QCOMPARE(view.eventsModel()->events().first().message, QStringLiteral("event 1"));
    QSignalSpy closed(&view, &NodeDetailView::closed);
    auto* back = view.findChild<QPushButton*>(QStringLiteral("backButton"));
    QVERIFY(back);
    back->click();
    QCOMPARE(closed.size(), 1);
}

void TestNodeDetailView::staleAnswersDropped()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(TestFleet::update(1'700'000'000'000));
    QTemporaryDir dir;
    CacheReader cache(dir.path());
    // Hold the reader's first job until all three queries are asked, so that the
    // earlier answers really arrive after the view moved on.
    QSemaphore gate;
    cache.setJobObserver([&gate] {
        gate.acquire();
        gate.release();
    });
    FleetHistory past(&cache);
    NodeDetailView view(&store, &past);
    QSignalSpy loaded(&view, &NodeDetailView::historyLoaded);
    // Three queries in a row: only the last one's answer is applied.
    view.showAccelerator(QStringLiteral("e1"), 1);
    view.showAccelerator(QStringLiteral("n1"), 2);
    view.setHistoryRange(24 * 3600 * 1000LL);
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 10000); // may arrive at once when the reader is quick
    // The reader answers in order, so the earlier (dropped) answers were delivered before this one.
    QCOMPARE(view.historyGeneration(), 3);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(view.nodeId(), QStringLiteral("n1"));
    QCOMPARE(view.selectedAccelerator(), 2);
}

QTEST_MAIN(TestNodeDetailView)
#include "tst_nodedetailview.moc"
