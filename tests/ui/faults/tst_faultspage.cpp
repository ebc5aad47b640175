// SPDX-License-Identifier: GPL-3.0-or-later
// The Faults page offscreen: models under QAbstractItemModelTester, facets,
// a fault → its blast radius and recovery stopwatch → the node drill-down and
// the Pools page's node detail; rows that stay put while new incidents
// arrive; acknowledgement kept in the audit; the support bundle export.
#include "blastradiuspanel.h"
#include "faultcompare.h"
#include "faultfixture.h"
#include "faultspage.h"
#include "faulttracker.h"
#include "fleetsession.h"
#include "fleetstore.h"
#include "incidentfiltermodel.h"
#include "incidenttablemodel.h"
#include "nodedetailview.h"
#include "nodefaultpanel.h"
#include "poolspage.h"
#include "recoverypanel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Meridian;
using namespace Meridian::Faults;
using namespace Meridian::FaultFixture;

class TestFaultsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void modelsPassTheTester();
    void faultToBlastRadiusToNodeDetail();
    void facetsAndText();
    void newRowsDoNotMoveTheSelection();
    void acknowledgeIsAudited();
    void exportsABundle();

private:
    void addFleet(int nodes);
    void failChip(int node, int accelerator, qint64 eventId, qint64 ts, const QString& job = {});

    std::unique_ptr<FleetStore> m_store;
    QStackedWidget* m_stack = nullptr;
    PoolsPage* m_pools = nullptr;
    FaultsPage* m_page = nullptr;
    QHash<int, NodeUpdate> m_nodes;
};

void TestFaultsPage::initTestCase()
{
    registerCoreMetaTypes();
}

void TestFaultsPage::init()
{
    m_store = std::make_unique<FleetStore>();
    m_store->setCoalescingInterval(0);
    m_stack = new QStackedWidget;
    m_pools = new PoolsPage(m_store.get(), nullptr);
    m_page = new FaultsPage(m_store.get(), nullptr, nullptr);
    m_stack->addWidget(m_pools);
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(m_page);
    m_stack->resize(1400, 800);
    m_stack->show();
    m_nodes.clear();
}

void TestFaultsPage::cleanup()
{
    delete m_stack;
    m_stack = nullptr;
    m_store.reset();
}

void TestFaultsPage::addFleet(int nodes)
{
    SourceUpdate u;
    u.source = QStringLiteral("sim");
    for (int i = 0; i < nodes; ++i) {
        NodeUpdate n = node(QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0')), QStringLiteral("East China"),
            QStringLiteral("pool-%1").arg(i / 100), QStringLiteral("r%1").arg(i / 10));
        m_nodes.insert(i, n);
        u.nodes.append(n);
    }
    m_store->applyUpdate(u);
    QTRY_COMPARE(int(m_store->nodes().size()), nodes);
}

void TestFaultsPage::failChip(int index, int accelerator, qint64 eventId, qint64 ts, const QString& job)
{
    NodeUpdate& n = m_nodes[index];
    n.snapshot.sample.seq += 1;
    n.snapshot.sample.timestampMs = std::max(n.snapshot.sample.timestampMs, ts);
    n.snapshot.faults.append(
        fault(eventId, n.nodeId, QStringLiteral("chip-fault"), accelerator, ts, QStringLiteral("80CB8002")));
    if (!job.isEmpty())
        n.snapshot.jobs.append(placement(job, { accelerator, accelerator + 1 }));
    n.hasInventory = false;
    SourceUpdate u;
    u.source = QStringLiteral("sim");
    u.nodes = { n };
    m_store->applyUpdate(u);
}

void TestFaultsPage::modelsPassTheTester()
{
    QAbstractItemModelTester tester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(m_page->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    addFleet(30);
    for (int i = 0; i < 10; ++i)
        failChip(i * 3, i % 8, 100 + i, T0 + i * 1000);
    QTRY_COMPARE(m_page->model()->rowCount(), 10);
    // Clearing changes rows in place.
    m_nodes[0].snapshot.faults.clear();
    m_nodes[0].snapshot.sample.seq += 1;
    m_nodes[0].snapshot.sample.timestampMs += 5000;
    m_store->applyUpdate(SourceUpdate { QStringLiteral("sim"), { m_nodes[0] } });
    // Change sets name nodes in no particular order: find node 0's incident.
    int first = 0;
    for (const Incident& inc : m_page->tracker()->grouper().incidents())
        first = inc.nodeId == QLatin1String("n0000") ? inc.id : first;
    QVERIFY(first > 0);
    QTRY_COMPARE(m_page->tracker()->grouper().incident(first)->state, IncidentState::Resolved);
    QCOMPARE(m_page->model()->rowCount(), 10);
    m_page->filter()->setText(QStringLiteral("n0003"));
    QCOMPARE(m_page->filter()->rowCount(), 1);
}

void TestFaultsPage::faultToBlastRadiusToNodeDetail()
{
    addFleet(20);
    failChip(7, 2, 501, T0, QStringLiteral("job-train-1"));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    m_page->selectIncident(1);
    QCOMPARE(m_page->selectedIncident(), 1);

    // Blast radius: the job with the accelerator it loses, the capacity of its pool and model.
    QTreeWidget* tree = m_page->blastPanel()->tree();
    QTreeWidgetItem* jobs = tree->topLevelItem(0);
    QCOMPARE(jobs->childCount(), 1);
    QVERIFY(jobs->child(0)->text(0).startsWith(QStringLiteral("job-train-1")));
    QCOMPARE(jobs->child(0)->text(1), QStringLiteral("1"));
    QTreeWidgetItem* capacity = tree->topLevelItem(1);
    QCOMPARE(capacity->childCount(), 1);
    QVERIFY(capacity->child(0)->text(0).contains(QStringLiteral("pool-0")));
    QVERIFY(capacity->child(0)->text(0).contains(QStringLiteral("Ascend 910B")));

    // Recovery stopwatch: detected, the job not stopped yet.
    QTableWidget* steps = m_page->recoveryPanel()->steps();
    QVERIFY(!steps->item(0, 1)->text().isEmpty());
    QVERIFY(!m_page->recoveryPanel()->total()->text().isEmpty());

    // Node drill-down: the chip's fault history, then the Pools page's node detail.
    m_page->tabs()->setCurrentWidget(m_page->nodePanel());
    QCOMPARE(m_page->nodePanel()->nodeId(), QStringLiteral("n0007"));
    QCOMPARE(m_page->nodePanel()->history()->rowCount(), 1);
    QCOMPARE(m_page->nodePanel()->history()->item(0, 3)->text(), QStringLiteral("80CB8002"));
    auto* open = m_page->nodePanel()->findChild<QPushButton*>(QStringLiteral("openInPools"));
    QVERIFY(open && open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(m_stack->currentWidget(), m_pools);
    QCOMPARE(m_pools->detailView()->nodeId(), QStringLiteral("n0007"));
}

void TestFaultsPage::facetsAndText()
{
    addFleet(20);
    failChip(1, 0, 11, T0);
    NodeUpdate& n = m_nodes[5];
    n.snapshot.sample.seq += 1;
    n.snapshot.faults.append(
        fault(12, n.nodeId, QStringLiteral("thermal"), 3, T0 + 10, {}, Protocol::Severity::Warning));
    n.hasInventory = false;
    m_store->applyUpdate(SourceUpdate { QStringLiteral("sim"), { n } });
    QTRY_COMPARE(m_page->model()->rowCount(), 2);
    m_page->filter()->setFacet(IncidentFilterModel::Facet::Severity, { QStringLiteral("warning") });
    QCOMPARE(m_page->filter()->rowCount(), 1);
    QCOMPARE(m_page->filter()->index(0, IncidentTableModel::Where).data().toString(),
        QStringLiteral("n0005 · accelerator 3"));
    m_page->filter()->setFacet(IncidentFilterModel::Facet::Severity, {});
    m_page->filter()->setFacet(IncidentFilterModel::Facet::Component, { QStringLiteral("accelerator") });
    QCOMPARE(m_page->filter()->rowCount(), 2);
    m_page->filter()->setFacet(IncidentFilterModel::Facet::State, { QStringLiteral("resolved") });
    QCOMPARE(m_page->filter()->rowCount(), 0);
}

void TestFaultsPage::newRowsDoNotMoveTheSelection()
{
    addFleet(300);
    for (int i = 0; i < 200; ++i)
        failChip(i, 1, 1000 + i, T0 + i * 1000);
    QTRY_COMPARE(m_page->model()->rowCount(), 200);
    QTableView* table = m_page->table();
    QApplication::processEvents();
    // Newest first: scroll into the middle and select a row there.
    table->scrollTo(m_page->filter()->index(100, 0), QAbstractItemView::PositionAtTop);
    QApplication::processEvents();
    const QModelIndex chosen = table->indexAt(QPoint(5, table->viewport()->height() / 2));
    QVERIFY(chosen.isValid());
    table->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const int selectedId = m_page->selectedIncident();
    const QRect before = table->visualRect(chosen);
    // Ten newer incidents sort above it.
    for (int i = 200; i < 210; ++i)
        failChip(i, 1, 1000 + i, T0 + i * 1000);
    QTRY_COMPARE(m_page->model()->rowCount(), 210);
    QApplication::processEvents();
    const QModelIndex now = table->selectionModel()->selectedRows().value(0);
    QCOMPARE(now.data(IncidentTableModel::IncidentIdRole).toInt(), selectedId);
    QCOMPARE(now.row(), chosen.row() + 10); // it moved down in the model…
    QCOMPARE(table->visualRect(now).top(), before.top()); // …but not on screen
    auto* newAbove = m_page->findChild<QPushButton*>(QStringLiteral("newIncidentsAbove"));
    QVERIFY(newAbove->isVisible());
    QVERIFY(newAbove->text().contains(QStringLiteral("10")));
}

void TestFaultsPage::acknowledgeIsAudited()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FleetSession session; // creates state.db (with its audit table) and restores from it once done
    QSignalSpy restored(&session, &FleetSession::restored);
    QString error;
    QVERIFY2(session.open(dir.path(), &error), qPrintable(error));
    QTRY_VERIFY(restored.count() > 0);
    m_page->setAuditDirectory(dir.path());
    addFleet(10);
    failChip(3, 4, 77, T0);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    m_page->selectIncident(1);
    QSignalSpy spy(m_page, &FaultsPage::acknowledged);
    m_page->acknowledgeSelected(QStringLiteral("  RMA opened with vendor  "));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 15000);
    QCOMPARE(spy.first().at(1).toBool(), true);
    QCOMPARE(m_page->tracker()->grouper().incident(1)->state, IncidentState::Acknowledged);
    QCOMPARE(m_page->model()->index(0, IncidentTableModel::State).data().toString(),
        displayName(IncidentState::Acknowledged));

    // A later console session (new page, same cache) shows the acknowledgement again.
    auto* again = new FaultsPage(m_store.get(), nullptr, nullptr);
    m_stack->addWidget(again);
    again->setAuditDirectory(dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(again->tracker()->grouper().incident(1)->state, IncidentState::Acknowledged, 15000);
    QCOMPARE(again->tracker()->grouper().incident(1)->note, QStringLiteral("RMA opened with vendor"));
}

void TestFaultsPage::exportsABundle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    addFleet(10);
    failChip(2, 1, 88, T0, QStringLiteral("job-x"));
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    QSignalSpy spy(m_page, &FaultsPage::bundleWritten);
    const QString path = dir.filePath(QStringLiteral("bundle.tar"));
    m_page->exportBundle(1, path);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(1).toBool(), true);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray tar = f.readAll();
    QVERIFY(tar.contains("incident-1/blast-radius.json"));
    QVERIFY(tar.contains("incident-1/inventories/n0002.json"));
    QVERIFY(tar.contains("job-x"));
    spy.clear();
    m_page->exportBundle(99, path);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().at(1).toBool(), false);
}

QTEST_MAIN(TestFaultsPage)
#include "tst_faultspage.moc"
