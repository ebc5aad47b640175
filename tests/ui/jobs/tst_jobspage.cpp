// SPDX-License-Identifier: GPL-3.0-or-later
// The jobs page offscreen: the table model under QAbstractItemModelTester
// (sort, filter, facets, time range, live updates), and from the table to a
// job's timeline with its interruptions and causes.
#include "core/jobs/jobfigures.h"
#include "core/store/fleetstore.h"
#include "tests/ui/jobs/syntheticjobs.h"
#include "ui/jobs/jobdetailview.h"
#include "ui/jobs/jobspage.h"
#include "ui/jobs/jobtablemodel.h"
#include "ui/jobs/jobtimeline.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Meridian;

class TestJobsPage : public QObject
{
    Q_OBJECT
private slots:
    void modelUnderTester();
    void sortAndFilter();
    void facetsAndTimeRange();
    void liveUpdateKeepsHistory();
    void tableToTimeline();
};

void TestJobsPage::modelUnderTester()
{
    JobTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs(TestJobs::jobs(300, 60), TestJobs::NowMs);
    QCOMPARE(model.rowCount(), 360);
    model.sort(JobTableModel::Goodput, Qt::AscendingOrder);
    model.setFilterText(QStringLiteral("zenith"));
    model.setFacet(PermutedTableModel::Facet::State, { QStringLiteral("completed") });
    model.setTimeRange(JobTableModel::TimeRange::Week);
    model.setTimeRange(JobTableModel::TimeRange::All);
    model.setFacet(PermutedTableModel::Facet::State, {});
    model.setFilterText({});
    QList<Protocol::JobRecord> changed = TestJobs::jobs(0, 60);
    for (Protocol::JobRecord& j : changed)
        j.jobId = QStringLiteral("job-%1").arg(300 + int(&j - changed.data()), 6, 10, QLatin1Char('0'));
    changed[0].state = QStringLiteral("completed");
    changed[0].endMs = TestJobs::NowMs;
    changed.append(TestJobs::job(9999, true));
    model.updateJobs(changed, TestJobs::NowMs + 1000);
    QCOMPARE(model.rowCount(), 361);
}

void TestJobsPage::sortAndFilter()
{
    JobTableModel model;
    model.setJobs(TestJobs::jobs(500, 50), TestJobs::NowMs);
    model.sort(JobTableModel::Goodput, Qt::AscendingOrder);
    double previous = -1;
    bool sawMissing = false;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QVariant v = model.index(r, JobTableModel::Goodput).data(PermutedTableModel::SortRole);
        if (!v.isValid()) {
            sawMissing = true; // missing values sort last
            continue;
        }
        QVERIFY(!sawMissing);
        QVERIFY(v.toDouble() >= previous);
        previous = v.toDouble();
    }
    QVERIFY(previous < 1.0 + 1e-12 && previous > 0);
    // Goodput below 1 exists: interrupted jobs lost work.
    QVERIFY(model.index(0, JobTableModel::Goodput).data(PermutedTableModel::SortRole).toDouble() < 0.99);
    model.sort(JobTableModel::Interruptions, Qt::DescendingOrder);
    QCOMPARE(model.index(0, JobTableModel::Interruptions).data(PermutedTableModel::RawRole).toInt(), 4);

    model.setFilterText(QStringLiteral("LUMEN"));
    QVERIFY(model.rowCount() > 0);
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.index(r, JobTableModel::Tenant).data().toString(), QStringLiteral("lumen"));
    model.setFilterText(QStringLiteral("job-000042"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.jobIdAt(0), QStringLiteral("job-000042"));
}

void TestJobsPage::facetsAndTimeRange()
{
    JobTableModel model;
    const QList<Protocol::JobRecord> jobs = TestJobs::jobs(400, 40);
    model.setJobs(jobs, TestJobs::NowMs);
    model.setFacet(JobTableModel::KindFacet, { QStringLiteral("inference") });
    QCOMPARE(model.rowCount(), int(std::count_if(jobs.begin(), jobs.end(), [](const auto& j) {
        return j.kind == QLatin1String("inference");
    })));
    model.setFacet(JobTableModel::KindFacet, {});
    model.setTimeRange(JobTableModel::TimeRange::Live);
    QCOMPARE(model.rowCount(), 40);
    model.setTimeRange(JobTableModel::TimeRange::Week);
    int expected = 0;
    for (const Protocol::JobRecord& j : jobs)
        expected += Jobs::isActive(j.state) || TestJobs::NowMs - j.endMs <= 7 * Jobs::DayMs ? 1 : 0;
    QCOMPARE(model.rowCount(), expected);
    QVERIFY(expected > 40 && expected < 440);
    const QHash<QString, int> tenants = model.facetCounts(JobTableModel::TenantFacet);
    int sum = 0;
    for (int n : tenants)
        sum += n;
    QCOMPARE(sum, expected);
}

void TestJobsPage::liveUpdateKeepsHistory()
{
    JobTableModel model;
    model.setJobs(TestJobs::jobs(10, 5), TestJobs::NowMs);
    // A later list without the finished jobs (a scheduler forgets): the history stays.
    QList<Protocol::JobRecord> later = TestJobs::jobs(10, 5).mid(10);
    later[0].state = QStringLiteral("recovering");
    model.updateJobs(later, TestJobs::NowMs + 60000);
    QCOMPARE(model.rowCount(), 15);
    const int row = model.rowOfJob(later[0].jobId);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, JobTableModel::State).data(PermutedTableModel::RawRole).toString(),
        QStringLiteral("recovering"));
}

void TestJobsPage::tableToTimeline()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    JobsPage page(PageContext { &store });
    page.resize(1400, 900);
    page.show();
    SourceUpdate update;
    update.source = QStringLiteral("sim");
    update.hasJobs = true;
    update.jobsComplete = true;
    update.jobs = TestJobs::jobs(200, 30);
    store.applyUpdate(update);
    QTRY_COMPARE(page.model()->rowCount(), 230);

    // An interrupted training job: job-000003 (i % 3 == 0) was interrupted 1 + 3 times.
    const Protocol::JobRecord expected = TestJobs::job(3, false);
    QCOMPARE(expected.interruptionLog.size(), 4);
    auto* filter = page.findChild<QLineEdit*>(QStringLiteral("jobFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("job-000003"));
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QTableView* table = page.table();
    const QRect cell = table->visualRect(page.model()->index(0, JobTableModel::Id));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    if (!page.isShowingDetail()) // the platform may map activation to a single click or Enter
        QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(page.isShowingDetail());

    JobDetailView* detail = page.detailView();
    QCOMPARE(detail->jobId(), expected.jobId);
    QCOMPARE(detail->timeline()->segmentCount(), expected.segments.size());
    QCOMPARE(detail->timeline()->interruptionCount(), 4);
    QCOMPARE(detail->interruptionTable()->topLevelItemCount(), 4);
    QCOMPARE(detail->interruptionTable()->topLevelItem(0)->text(1), expected.interruptionLog[0].cause);
    QCOMPARE(detail->interruptionTable()->topLevelItem(0)->text(2),
        QString::number(expected.interruptionLog[0].faultEventId));
    // The marker's tooltip names the cause and the fault event.
    JobTimeline* timeline = detail->timeline();
    const QRect area(8, 8 + timeline->fontMetrics().height() + 6, timeline->width() - 16, 22);
    const double f
        = double(expected.interruptionLog[0].atMs - expected.startMs) / double(expected.endMs - expected.startMs);
    const QString tip = timeline->toolTipAt(QPoint(area.left() + int(f * area.width()), area.center().y()));
    QVERIFY2(tip.contains(expected.interruptionLog[0].cause), qPrintable(tip));
    QVERIFY2(tip.contains(QString::number(expected.interruptionLog[0].faultEventId)), qPrintable(tip));
    // Finished job: nothing to cancel; no session: no action target either.
    QVERIFY(!detail->cancelButton()->isEnabled());

    // Back keeps the filter.
    page.showTable();
    QVERIFY(!page.isShowingDetail());
    QCOMPARE(page.model()->rowCount(), 1);
}

QTEST_MAIN(TestJobsPage)
#include "tst_jobspage.moc"
