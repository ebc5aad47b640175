// SPDX-License-Identifier: GPL-3.0-or-later
// The Pools page's accelerator table at 25,000 nodes / 200,000 accelerators
// (synthetic store): sort by every column and filter, each beside a stock
// QSortFilterProxyModel over the same data (.ratio); then a live update of
// every row, delivered in pages as the fleet source delivers them, with a
// 5 ms lateness probe on the UI thread. Environment: MERIDIAN_BENCH_NODES.

#include "core/store/fleetstore.h"
#include "tests/ui/pools/syntheticfleet.h"
#include "ui/pools/fleetacceleratormodel.h"
#include "ui/pools/fleettreemodel.h"
#include "ui/pools/nodetablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace Meridian;

namespace {

double msSince(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e6;
}

QTableView* showTable(QAbstractItemModel* model)
{
    auto* view = new QTableView;
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(22);
    view->setModel(model);
    view->resize(1600, 900);
    view->show();
    return view;
}

void settle()
{
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    registerCoreMetaTypes();
    const int nodes = envInt("MERIDIAN_BENCH_NODES", 25000);

    FleetStore store;
    {
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(TestFleet::syntheticFleet(nodes));
        spy.wait(10000);
    }
    // Connected before any model: stamps the start of each change set's handling.
    QElapsedTimer handling;
    QObject::connect(&store, &FleetStore::changed, [&handling] { handling.restart(); });
    QElapsedTimer t;
    t.start();
    FleetAcceleratorModel model(&store);
    std::printf("BENCH pools.accel_model_build %.1f ms\n", msSince(t));
    std::printf("BENCH pools.accel_rows %d rows\n", model.rowCount());
    auto* plain = new FleetAcceleratorModel(&store); // unsorted, unfiltered: the proxy's source
    QSortFilterProxyModel proxy;
    proxy.setSortRole(PermutedTableModel::SortRole);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setSourceModel(plain);
    QTableView* view = showTable(&model);
    QTableView* proxyView = showTable(&proxy);
    settle();

    // Sort by every column, both models beside each other.
    double worst = 0, worstProxy = 0;
    const bool liveOnly = qEnvironmentVariableIsSet("MERIDIAN_BENCH_LIVE_ONLY"); // for profiling
    for (int c = 0; c < (liveOnly ? 0 : int(FleetAcceleratorModel::ColumnCount)); ++c) {
        t.restart();
        model.sort(c, Qt::AscendingOrder);
        settle();
        const double ms = msSince(t);
        t.restart();
        proxy.sort(c, Qt::AscendingOrder);
        settle();
        const double proxyMs = msSince(t);
        std::printf(
            "BENCH pools.accel_sort.col%d %.1f ms\nBENCH pools.accel_sort.col%d.qsfpm %.1f ms\n", c, ms, c, proxyMs);
        worst = std::max(worst, ms);
        worstProxy = std::max(worstProxy, proxyMs);
    }
    std::printf("BENCH pools.accel_sort_max %.1f ms\nBENCH pools.accel_sort_max.qsfpm %.1f ms\n", worst, worstProxy);
    std::printf("BENCH pools.accel_sort_max.ratio %.1f x\n", worstProxy / std::max(worst, 0.001));

    // Filter while sorted by utilization: broad, narrow, cleared.
    model.sort(FleetAcceleratorModel::Utilization, Qt::DescendingOrder);
    proxy.sort(FleetAcceleratorModel::Utilization, Qt::DescendingOrder);
    proxy.setFilterKeyColumn(FleetAcceleratorModel::Pool);
    settle();
    worst = worstProxy = 0;
    for (const QString& text :
        liveOnly ? QStringList() : QStringList { QStringLiteral("pool-1"), QStringLiteral("pool-13"), QString() }) {
        t.restart();
        model.setFilterText(text);
        const double modelMs = msSince(t);
        settle();
        const double ms = msSince(t);
        std::printf("BENCH pools.accel_filter.'%s'.model_only %.1f ms\n", qPrintable(text), modelMs);
        t.restart();
        proxy.setFilterFixedString(text);
        settle();
        const double proxyMs = msSince(t);
        std::printf("BENCH pools.accel_filter.'%s' %.1f ms (%d rows)\nBENCH pools.accel_filter.'%s'.qsfpm %.1f ms\n",
            qPrintable(text), ms, model.rowCount(), qPrintable(text), proxyMs);
        worst = std::max(worst, ms);
        worstProxy = std::max(worstProxy, proxyMs);
    }
    std::printf(
        "BENCH pools.accel_filter_max %.1f ms\nBENCH pools.accel_filter_max.qsfpm %.1f ms\n", worst, worstProxy);
    std::printf("BENCH pools.accel_filter_max.ratio %.1f x\n", worstProxy / std::max(worst, 0.001));
    delete proxyView;
    proxy.setSourceModel(nullptr);
    delete plain;

    // Live update of every row: the page's three models and views attached, the
    // accelerator table sorted by the column that changes.
    NodeTableModel nodeModel(&store);
    FleetTreeModel treeModel(&store);
    QTableView* nodeView = showTable(&nodeModel);
    QTreeView treeView;
    treeView.setUniformRowHeights(true);
    treeView.setModel(&treeModel);
    treeView.show();
    nodeModel.sort(NodeTableModel::Utilization, Qt::DescendingOrder);
    settle();

    double worstHandling = 0;
    int changeSets = 0, maxSignals = 0, signalsNow = 0;
    QList<qint64> changeSetTimes; // ns since the probe started, to count per 16 ms frame
    QElapsedTimer clock;
    clock.start();
    auto countSignal = [&signalsNow] { ++signalsNow; };
    QObject::connect(&model, &QAbstractItemModel::dataChanged, countSignal);
    QObject::connect(&model, &QAbstractItemModel::layoutChanged, countSignal);
    // Connected after the models: runs once they have applied the change set.
    QObject::connect(&store, &FleetStore::changed, &app, [&] {
        worstHandling = std::max(worstHandling, msSince(handling));
        maxSignals = std::max(maxSignals, signalsNow);
        signalsNow = 0;
        ++changeSets;
        changeSetTimes.append(clock.nsecsElapsed());
    });

    // Prebuilt ticks, delivered in pages of 2,500 nodes every 10 ms (the paged fleet poll).
    const int ticks = 3;
    QList<SourceUpdate> pages;
    for (int tick = 1; tick <= ticks; ++tick) {
        for (int first = 0; first < nodes; first += 2500) {
            SourceUpdate page;
            page.source = QStringLiteral("synthetic");
            for (int i = first; i < std::min(nodes, first + 2500); ++i)
                page.nodes.append(TestFleet::syntheticNode(i, tick));
            pages.append(std::move(page));
        }
    }
    QList<qint64> lateness;
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last != 0)
            lateness.append(std::max<qint64>(0, now - last - 5'000'000));
        last = now;
    });
    probe.start();
    QTimer feeder;
    feeder.setInterval(10);
    int next = 0;
    qint64 lastPageNs = 0;
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        if (next < pages.size()) {
            store.applyUpdate(pages.at(next++));
            lastPageNs = clock.nsecsElapsed();
        }
    });
    feeder.start();
    QEventLoop loop;
    QTimer::singleShot(int(pages.size()) * 10 + 1500, &loop, &QEventLoop::quit);
    loop.exec();
    probe.stop();

    int maxPerFrame = 0;
    for (int i = 0; i < changeSetTimes.size(); ++i) {
        int n = 0;
        for (int j = i; j < changeSetTimes.size() && changeSetTimes[j] - changeSetTimes[i] < 16'000'000; ++j)
            ++n;
        maxPerFrame = std::max(maxPerFrame, n);
    }
    std::sort(lateness.begin(), lateness.end());
    const double stallMax = lateness.isEmpty() ? 0 : lateness.last() / 1e6;
    const double stallP99 = lateness.isEmpty() ? 0 : lateness.at(qsizetype(lateness.size() * 0.99)) / 1e6;
    std::printf("BENCH pools.live.rows_updated %d rows\n", ticks * nodes * 8);
    std::printf("BENCH pools.live.change_sets %d count\n", changeSets);
    std::printf("BENCH pools.live.change_sets_per_frame_max %d count\n", maxPerFrame);
    std::printf("BENCH pools.live.signals_per_change_set_max %d count\n", maxSignals);
    std::printf("BENCH pools.live.apply_max %.1f ms\n", worstHandling);
    std::printf("BENCH pools.live.stall_max %.1f ms\nBENCH pools.live.stall_p99 %.1f ms\n", stallMax, stallP99);
    // Change sets are sliced per frame: how long after the last page the tables showed all of it.
    const double drainMs = changeSetTimes.isEmpty() ? 0 : (changeSetTimes.last() - lastPageNs) / 1e6;
    std::printf("BENCH pools.live.drain_after_last_page %.1f ms\n", drainMs);
    delete view;
    delete nodeView;
    return 0;
}
