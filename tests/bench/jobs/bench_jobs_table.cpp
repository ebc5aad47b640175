// SPDX-License-Identifier: GPL-3.0-or-later
// Jobs page at 100,000 jobs of history + 5,000 running: sort, filter, facets,
// time range and opening a job's detail (figures, timeline painted), beside a
// QSortFilterProxyModel sorting the same rows.
#include "core/store/fleetstore.h"
#include "tests/ui/jobs/syntheticjobs.h"
#include "ui/jobs/jobdetailview.h"
#include "ui/jobs/jobspage.h"
#include "ui/jobs/jobtablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <cstdio>

using namespace Meridian;

namespace {

double ms(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

void bench(const char* name, double value, const char* unit = "ms")
{
    std::printf("BENCH %s %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QList<Protocol::JobRecord> jobs = TestJobs::jobs(100000, 5000);

    FleetStore store;
    store.setCoalescingInterval(0);
    SourceUpdate update;
    update.source = QStringLiteral("bench");
    update.hasJobs = true;
    update.jobsComplete = true;
    update.jobs = jobs;
    store.applyUpdate(update);
    QCoreApplication::processEvents();

    JobsPage page(PageContext { &store });
    page.resize(1500, 900);
    page.show();
    QCoreApplication::processEvents();
    JobTableModel* model = page.model();

    QElapsedTimer t;
    t.start();
    model->setJobs(jobs, TestJobs::NowMs);
    bench("jobs.table.load_105k", ms(t));

    double worstSort = 0;
    for (int column : { JobTableModel::Goodput, JobTableModel::Started, JobTableModel::Name, JobTableModel::Tenant,
             JobTableModel::RunningFor }) {
        t.restart();
        page.table()->sortByColumn(column, Qt::AscendingOrder);
        QCoreApplication::processEvents();
        worstSort = std::max(worstSort, ms(t));
        std::printf("BENCH jobs.table.sort_column_%d %.2f ms\n", column, ms(t));
    }
    bench("jobs.table.sort_worst", worstSort);

    t.restart();
    page.table()->sortByColumn(JobTableModel::Goodput, Qt::DescendingOrder);
    QCoreApplication::processEvents();
    const double oursGoodput = ms(t);

    t.restart();
    model->setFilterText(QStringLiteral("zenith"));
    QCoreApplication::processEvents();
    bench("jobs.table.filter_text", ms(t));
    t.restart();
    model->setFilterText(QStringLiteral("llm-pretrain-42b"));
    QCoreApplication::processEvents();
    bench("jobs.table.filter_text_narrow", ms(t));
    model->setFilterText({});
    t.restart();
    model->setFacet(PermutedTableModel::Facet::State, { QStringLiteral("recovering"), QStringLiteral("failed") });
    QCoreApplication::processEvents();
    bench("jobs.table.facet_state", ms(t));
    model->setFacet(PermutedTableModel::Facet::State, {});
    t.restart();
    model->setTimeRange(JobTableModel::TimeRange::Week);
    QCoreApplication::processEvents();
    bench("jobs.table.time_range", ms(t));
    model->setTimeRange(JobTableModel::TimeRange::All);

    // A poll: 5,000 running records arrive, a few hundred changed.
    QList<Protocol::JobRecord> live = jobs.mid(100000);
    for (int i = 0; i < live.size(); i += 17)
        live[i].lastCheckpointMs += 60000;
    t.restart();
    model->updateJobs(live, TestJobs::NowMs + 5000);
    QCoreApplication::processEvents();
    bench("jobs.table.live_update_5k", ms(t));

    // Opening a job: the most interrupted running one, with a long checkpoint list.
    Protocol::JobRecord heavy = TestJobs::job(100002, true);
    for (qint64 c = heavy.startMs; c < TestJobs::NowMs; c += 10 * 60000)
        heavy.checkpoints.append(c);
    SourceUpdate one;
    one.source = QStringLiteral("bench");
    one.hasJobs = true;
    one.jobs = { heavy };
    store.applyUpdate(one);
    QCoreApplication::processEvents();
    page.showTable();
    QCoreApplication::processEvents();
    t.restart();
    page.showJob(heavy.jobId);
    QCoreApplication::processEvents();
    page.detailView()->grab(); // painted, timeline included
    bench("jobs.detail.open", ms(t));

    // The fetched full detail arrives (decoded on the worker thread): the UI thread only
    // re-fills the view and repaints the timeline, here with a checkpoint a minute.
    Protocol::JobRecord full = heavy;
    full.checkpoints.clear();
    for (qint64 c = heavy.startMs + 60000; c < TestJobs::NowMs; c += 60000)
        full.checkpoints.append(c);
    t.restart();
    page.detailView()->setJob(full, TestJobs::NowMs);
    QCoreApplication::processEvents();
    page.detailView()->grab();
    bench("jobs.detail.apply_fetched", ms(t));
    std::printf("BENCH jobs.detail.apply_fetched.checkpoints %lld count\n", qlonglong(full.checkpoints.size()));

    // Baseline: a stock proxy sorting the same 105,000 rows.
    JobTableModel plain;
    plain.setJobs(jobs, TestJobs::NowMs);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&plain);
    proxy.setSortRole(PermutedTableModel::SortRole);
    t.restart();
    proxy.sort(JobTableModel::Goodput, Qt::DescendingOrder);
    const double proxyGoodput = ms(t);
    bench("jobs.table.sort_goodput", oursGoodput);
    bench("jobs.table.sort_goodput.proxy", proxyGoodput);
    bench("jobs.table.sort_goodput.ratio", proxyGoodput / std::max(0.01, oursGoodput), "x");
    return 0;
}
