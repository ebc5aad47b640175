// SPDX-License-Identifier: GPL-3.0-or-later
// The Faults page offscreen: models under QAbstractItemModelTester, facets,
// a fault → its blast radius and recovery stopwatch → the node drill-down and
// the Pools page's node detail; rows that stay put while new incidents
// arrive; acknowledgement kept in the audit; the support bundle export.
#include "core/cache/auditstore.h"
#include "core/faults/faultacks.h"
#include "core/faults/faultmaptexts.h"
#include "core/faults/faulttracker.h"
#include "core/session/actionservice.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/core/faults/faultcompare.h"
#include "tests/core/faults/faultfixture.h"
#include "tests/support/simfixture.h"
#include "ui/charts/customplot.h"
#include "ui/common/navigator.h"
#include "ui/common/translations.h"
#include "ui/faults/blastradiuspanel.h"
#include "ui/faults/drainpreviewdialog.h"
#include "ui/faults/faultspage.h"
#include "ui/faults/incidentfiltermodel.h"
#include "ui/faults/incidenttablemodel.h"
#include "ui/faults/nodeactioncontroller.h"
#include "ui/faults/nodefaultpanel.h"
#include "ui/faults/recoverypanel.h"
#include "ui/faults/reliabilitychart.h"
#include "ui/pools/accelerators/nodedetailview.h"
#include "ui/pools/poolspage.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
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
    void drainPreviewConfirmAndAudit();
    void reliabilityChartHasGaps();
    void titlesInTheUsersLanguage();
    void headersAreShownWhole_data();
    void headersAreShownWhole();

private:
    void addFleet(int nodes);
    void failChip(int node, int accelerator, qint64 eventId, qint64 ts, const QString& job = {});

    // The pages' services, as a console has them: one session (its cache opened by the tests that need it).
    std::unique_ptr<FleetSession> m_session;
    FleetStore* m_store = nullptr;
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
    m_session = std::make_unique<FleetSession>();
    m_store = m_session->store();
    m_store->setCoalescingInterval(0);
    m_stack = new QStackedWidget;
    // Wired as the main window wires it: the page asks, the owner of the pages opens the node.
    auto* navigator = new Navigator(m_session.get());
    const PageContext context = PageContext::of(m_session.get(), navigator);
    m_pools = new PoolsPage(context);
    m_page = new FaultsPage(context);
    m_stack->addWidget(m_pools);
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(m_page);
    connect(navigator, &Navigator::nodeRequested, m_stack, [this](const QString& nodeId) {
        m_stack->setCurrentWidget(m_pools);
        m_pools->showNode(nodeId);
    });
    m_stack->resize(1400, 800);
    m_stack->show();
    m_nodes.clear();
}

void TestFaultsPage::cleanup()
{
    delete m_stack;
    m_stack = nullptr;
    m_session.reset();
    m_store = nullptr;
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
    // The session's cache holds the audit table; acknowledgements go there.
    QSignalSpy restored(m_session.get(), &FleetSession::restored);
    QString error;
    QVERIFY2(m_session->open(dir.path(), &error), qPrintable(error));
    QTRY_VERIFY(restored.count() > 0);
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

    // A later console session (new tracker and page, same cache) shows the acknowledgement again.
    FaultTracker tracker(m_store);
    AcknowledgementLog acknowledgements(&tracker);
    AuditStore audit(dir.path());
    acknowledgements.setAuditStore(&audit);
    PageContext later { m_store };
    later.faults = &tracker;
    later.acknowledgements = &acknowledgements;
    auto* again = new FaultsPage(later);
    m_stack->addWidget(again);
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

void TestFaultsPage::drainPreviewConfirmAndAudit()
{
    // A real fleetsim as the scheduler; the page acts on one of its nodes with an operator's token.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray viewer = QByteArrayLiteral("viewer-token-0123456789");
    const QByteArray operatorToken = QByteArrayLiteral("operator-token-0123456789");
    QFile tokens(dir.filePath(QStringLiteral("tokens")));
    QVERIFY(tokens.open(QIODevice::WriteOnly));
    QVERIFY(tokens.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    tokens.write("viewer " + viewer + "\noperator " + operatorToken + "\n");
    tokens.close();
    Test::SimulatorFixture sim;
    QVERIFY2(
        sim.start({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--history"), QStringLiteral("10m"),
            QStringLiteral("--paused"), QStringLiteral("--tokens-file"), tokens.fileName() }),
        qPrintable(sim.error()));
    QString simNode;
    const QJsonObject nodes = QJsonDocument::fromJson(sim.get(QStringLiteral("api/v1/nodes")).body).object();
    for (const QJsonValue& v : nodes.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject snap = v.toObject().value(QStringLiteral("snapshot")).toObject();
        if (!snap.value(QStringLiteral("jobs")).toArray().isEmpty()) {
            simNode = v.toObject().value(QStringLiteral("id")).toString();
            break;
        }
    }
    QVERIFY(!simNode.isEmpty());

    QSignalSpy restored(m_session.get(), &FleetSession::restored);
    QString error;
    QVERIFY2(m_session->open(dir.path(), &error), qPrintable(error));
    QTRY_VERIFY(restored.count() > 0);
    ActionService* service = m_session->actions();
    NodeActionController* actions = m_page->nodeActions();

    // The node as the console knows it, with a fault, selected; its drill-down offers Drain.
    m_nodes.insert(
        0, FaultFixture::node(simNode, QStringLiteral("East China"), QStringLiteral("pool-0"), QStringLiteral("r0")));
    m_store->applyUpdate(SourceUpdate { QStringLiteral("sim"), { m_nodes[0] } });
    failChip(0, 1, 900, T0);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    m_page->selectIncident(1);
    m_page->tabs()->setCurrentWidget(m_page->nodePanel());
    QVERIFY(m_page->nodePanel()->drainButton()->isEnabled());
    QVERIFY(!m_page->nodePanel()->resumeButton()->isEnabled());

    // A viewer is refused: nothing opens, the page says so, the console's audit keeps it.
    service->setFixedTarget({ QStringLiteral("sim"), sim.url(), viewer, {} });
    QSignalSpy finished(actions, &NodeActionController::finished);
    QTest::mouseClick(m_page->nodePanel()->drainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
    QCOMPARE(finished.last().at(0).value<ActionReply>().status, 403);
    QTRY_VERIFY(m_page->nodePanel()->actionStatus()->text().contains(QStringLiteral("Refused")));
    QVERIFY(!actions->dialog());

    // The operator: preview (jobs with accelerators, capacity per pool and model), confirm with a reason.
    service->setFixedTarget({ QStringLiteral("sim"), sim.url(), operatorToken, {} });
    QSignalSpy shown(actions, &NodeActionController::previewShown);
    QTest::mouseClick(m_page->nodePanel()->drainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 15000);
    DrainPreviewDialog* dialog = actions->dialog();
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->jobs()->rowCount() > 0);
    QVERIFY(dialog->jobs()->item(0, 3)->text().contains(QLatin1Char(':')));
    QCOMPARE(dialog->capacity()->rowCount(), 1);
    QVERIFY(!dialog->capacity()->item(0, 2)->text().isEmpty()); // the model
    QVERIFY(QJsonDocument::fromJson(sim.get(QStringLiteral("sim/truth")).body)
                .object()
                .value(QStringLiteral("drained"))
                .toArray()
                .isEmpty()); // a preview changes nothing
    dialog->findChild<QLineEdit*>(QStringLiteral("drainReason"))->setText(QStringLiteral("fan swap"));
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 15000);
    const ActionReply done = finished.last().at(0).value<ActionReply>();
    QVERIFY(done.ok() && !done.request.dryRun);
    const QJsonArray drained = QJsonDocument::fromJson(sim.get(QStringLiteral("sim/truth")).body)
                                   .object()
                                   .value(QStringLiteral("drained"))
                                   .toArray();
    QCOMPARE(drained.size(), 1);
    QCOMPARE(drained.first().toObject().value(QStringLiteral("node")).toString(), simNode);
    QCOMPARE(drained.first().toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("fan swap"));

    // The console's audit table: refused, previewed, performed, with the node as target.
    AuditStore audit(dir.path());
    QList<AuditEntry> entries;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            // AuditStore answers from its own thread: waiting here does not need this thread's event loop.
            QFuture<QList<AuditEntry>> f = audit.entries(100);
            f.waitForFinished();
            entries = f.resultCount() > 0 ? f.result() : QList<AuditEntry>();
            return entries.size() >= 3;
        }(),
        15000);
    QStringList actionsSeen;
    for (const AuditEntry& e : std::as_const(entries))
        if (e.jobId == simNode)
            actionsSeen.append(e.action + QLatin1Char(':') + QString::number(e.status));
    QVERIFY2(actionsSeen.contains(QStringLiteral("drain-node (preview):403")), qPrintable(actionsSeen.join(u' ')));
    QVERIFY(actionsSeen.contains(QStringLiteral("drain-node (preview):200")));
    QVERIFY(actionsSeen.contains(QStringLiteral("drain-node:200")));
    for (const AuditEntry& e : entries)
        if (e.action == QLatin1String("drain-node"))
            QVERIFY(e.preview.contains(QStringLiteral("fan swap")));
}

void TestFaultsPage::reliabilityChartHasGaps()
{
    addFleet(10);
    constexpr qint64 Day = 24LL * 3600 * 1000;
    // The page feeds the chart from its incidents when the Recovery tab is shown.
    failChip(1, 0, 301, T0);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    ReliabilityChart* chart = m_page->recoveryPanel()->chart();
    QSignalSpy updated(chart, &ReliabilityChart::updated);
    m_page->tabs()->setCurrentWidget(m_page->recoveryPanel());
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() > 0, 10000);
    QCOMPARE(chart->shown().size(), 1);
    QCOMPARE(chart->shown().first().pool, QStringLiteral("pool-0"));

    // Two incidents four days apart, the first resolved after 30 min: the days between are gaps.
    const QList<IncidentSpan> spans { { T0 - 4 * Day, T0 - 4 * Day + 30 * 60 * 1000, { QStringLiteral("pool-0") } },
        { T0, 0, { QStringLiteral("pool-0") } } };
    const int before = int(updated.count());
    chart->setIncidents(spans, T0 + 1000);
    QTRY_VERIFY_WITH_TIMEOUT(updated.count() > before, 10000);
    QCOMPARE(chart->shown().size(), 1);
    const PoolBuckets& b = chart->shown().first();
    QCOMPARE(b.total, 2);
    int withMttr = 0, gaps = 0;
    for (int i = 0; i < b.startMs.size(); ++i) {
        withMttr += std::isnan(b.mttrMs[i]) ? 0 : 1;
        gaps += std::isnan(b.betweenIncidentsMs[i]) ? 1 : 0;
    }
    QCOMPARE(withMttr, 1); // only the first incident is resolved
    QVERIFY(gaps >= 3);
    QVERIFY(!chart->isEmpty());
    QCOMPARE(chart->plot()->graphCount(), 1);
    bool nanOnPlot = false;
    for (auto it = chart->plot()->graph(0)->data()->constBegin(); it != chart->plot()->graph(0)->data()->constEnd();
         ++it)
        nanOnPlot = nanOnPlot || std::isnan(it->value);
    QVERIFY(nanOnPlot); // a gap, not a zero
    chart->setMetric(ReliabilityChart::Metric::BetweenIncidents);
    QCOMPARE(chart->plot()->yAxis->label(), ReliabilityChart::tr("Between incidents (hours)"));
}

namespace {
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char* context, const char* source, const char*, int) const override
    {
        return qstrcmp(context, "FaultMap") == 0 ? QStringLiteral("«") + QString::fromUtf8(source) + QStringLiteral("»")
                                                 : QString();
    }
};
} // namespace

void TestFaultsPage::titlesInTheUsersLanguage()
{
    addFleet(5);
    failChip(2, 3, 401, T0);
    QTRY_COMPARE(m_page->model()->rowCount(), 1);
    const QModelIndex title = m_page->model()->index(0, IncidentTableModel::Title);
    const QString english = title.data().toString();
    QVERIFY(!english.isEmpty());
    MarkingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const QString shown = title.data().toString();
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(shown, QStringLiteral("«") + english + QStringLiteral("»"));
    QVERIFY(title.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Agent:"))); // the raw message
}

void TestFaultsPage::headersAreShownWhole_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("en") << QStringLiteral("en_US");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

// Every column of the incident table and of the empty blast radius starts at least as wide as its label needs,
// and the column sorted by ("First seen") also has room for the arrow: no label is cut off in either language.
void TestFaultsPage::headersAreShownWhole()
{
    QFETCH(QString, locale);
    QVERIFY(installTranslations(QLocale(locale)));
    auto restoreEnglish = qScopeGuard([] { installTranslations(QLocale(QLocale::English)); });
    FaultsPage page(PageContext::of(m_session.get()));
    page.resize(1400, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto* table = page.findChild<QTableView*>(QStringLiteral("incidentTable"));
    QVERIFY(table);
    QHeaderView* header = table->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(IncidentTableModel::FirstSeen));
    QVERIFY2(
        header->sectionSize(IncidentTableModel::FirstSeen) >= header->sectionSizeHint(IncidentTableModel::FirstSeen),
        "the sort arrow does not fit");
    header->setSortIndicatorShown(false);
    int arrow = header->sectionSizeHint(IncidentTableModel::FirstSeen);
    header->setSortIndicatorShown(true);
    arrow = header->sectionSizeHint(IncidentTableModel::FirstSeen) - arrow;
    QVERIFY(arrow > 0); // else the check above proves nothing about the arrow
    for (int column = 0; column < header->count(); ++column) {
        if (column == IncidentTableModel::Title)
            continue; // it takes the room the others leave
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column) - arrow,
            qPrintable(table->model()->headerData(column, Qt::Horizontal).toString()));
    }
    QCOMPARE(header->sectionResizeMode(IncidentTableModel::Title), QHeaderView::Stretch);
    QVERIFY(!table->horizontalScrollBar()->isVisible()); // everything fits at 1,400 pixels

    const auto* tree = page.findChild<QTreeWidget*>(QStringLiteral("blastRadiusTree"));
    QVERIFY(tree);
    for (int column = 0; column < tree->columnCount() - 1; ++column)
        QVERIFY2(tree->header()->sectionSize(column) >= tree->header()->sectionSizeHint(column),
            qPrintable(tree->headerItem()->text(column)));
}

QTEST_MAIN(TestFaultsPage)
#include "tst_faultspage.moc"
