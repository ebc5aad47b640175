// SPDX-License-Identifier: GPL-3.0-or-later
// The accelerator grid for a 10,000-accelerator hub repaints within a frame
// (16 ms) at 1600×900, and one accelerator's 24 h history (17,280 points)
// reads from the cache within 5 ms.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/store/fleetstore.h"
#include "tests/ui/pools/accelerators/gridfleet.h"
#include "ui/pools/accelerators/acceleratorgrid.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Meridian;

namespace {

template <typename F> double medianMs(int runs, F&& f)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

void benchGrid()
{
    constexpr int Nodes = 1250, PerNode = 8;
    FleetStore store;
    store.setCoalescingInterval(0);
    SourceUpdate fleet = TestGrid::makeFleet(Nodes, PerNode, 16);
    store.applyUpdate(fleet);
    AcceleratorGrid grid;
    grid.resize(1600, 900);
    grid.setStore(&store);
    grid.show();
    QApplication::processEvents();
    std::printf("grid: %lld accelerators, cell %d px, level %d\n", qlonglong(grid.gridModel().accelerators.size()),
        grid.cellLayout().cellSize, int(grid.cellLayout().level));

    // A full rebuild (scope change): model, layout and the colour image.
    QList<double> rebuilds;
    for (int i = 0; i < 15; ++i) {
        grid.setScope(QStringLiteral("elsewhere"), {}, {});
        QElapsedTimer t;
        t.start();
        grid.setScope({}, {}, {});
        rebuilds.append(t.nsecsElapsed() / 1e6);
    }
    std::sort(rebuilds.begin(), rebuilds.end());
    const double rebuild = rebuilds.at(rebuilds.size() / 2);
    // A data change on every node: values refreshed in place, all cells recoloured.
    int round = 0;
    const double recolour = medianMs(15, [&] {
        SourceUpdate change;
        change.source = fleet.source;
        change.nodes = fleet.nodes;
        ++round;
        for (NodeUpdate& u : change.nodes) {
            u.hasInventory = false;
            u.snapshot.sample.seq += round;
            for (auto& a : u.snapshot.sample.accelerators)
                a.utilization = (int(a.utilization) + round) % 101;
        }
        store.applyUpdate(change);
        QApplication::processEvents(); // the store's change set
        grid.rebuildNow();
    });
    // Painting itself: the cached image blitted (plus hover/focus outlines).
    const double repaint = medianMs(50, [&] { grid.repaint(); });
    QImage shot;
    const double grabbed = medianMs(20, [&] { shot = grid.grab().toImage(); });
    // Sanity: what was grabbed is the grid (a cell's colour), not an empty widget.
    const QPoint probe = grid.cellLayout().cells.at(5000).rect.center() + QPoint(4, 4);
    std::printf("grid: grabbed %dx%d, cell 5000 %s (expected %s)\n", shot.width(), shot.height(),
        qPrintable(shot.pixelColor(probe * shot.devicePixelRatio()).name()), qPrintable(grid.cellColor(5000).name()));
    // Rebuild + repaint: what a frame after a data change costs.
    const double changeFrame = medianMs(15, [&] {
        grid.setMetric(GridMetric::Temperature);
        grid.repaint();
        grid.setMetric(GridMetric::Utilization);
        grid.repaint();
    }) / 2;
    bench("grid.rebuild_10k", rebuild, "ms");
    bench("grid.recolour_10k", recolour, "ms");
    bench("grid.repaint_10k", repaint, "ms");
    bench("grid.grab_10k", grabbed, "ms");
    bench("grid.metric_change_frame_10k", changeFrame, "ms");
    // Baseline: rendering every cell on each paint (no cached image) costs a metric-change frame.
    bench("grid.repaint_10k.ratio", changeFrame / std::max(repaint, 1e-6), "x");
}

void benchHistory()
{
    QTemporaryDir dir;
    constexpr int Nodes = 4, PerNode = 8;
    constexpr qint64 StepMs = 5000, DayMs = 24LL * 3600 * 1000;
    const qint64 start = 1'700'000'000'000;
    const int ticks = int(DayMs / StepMs); // 17,280
    QElapsedTimer fill;
    fill.start();
    {
        CacheWriter writer(dir.path());
        writer.start();
        SourceUpdate first = TestGrid::makeFleet(Nodes, PerNode, 16, start);
        writer.write(first);
        for (int t = 0; t < ticks; t += 720) {
            SourceUpdate u;
            u.source = first.source;
            for (int k = t; k < std::min(ticks, t + 720); ++k)
                for (int n = 0; n < Nodes; ++n) {
                    Protocol::Sample s = first.nodes.at(n).snapshot.sample;
                    s.seq = k + 1;
                    s.timestampMs = start + k * StepMs;
                    for (auto& a : s.accelerators)
                        a.utilization = (k + a.index * 3 + n) % 101;
                    u.samples.append({ first.nodes.at(n).nodeId, s });
                }
            writer.write(u);
            writer.waitForQueueBelow(4);
        }
        writer.flush();
    }
    std::printf("history: filled %d ticks x %d nodes in %.1f s\n", ticks, Nodes, fill.elapsed() / 1000.0);

    CacheReader reader(dir.path());
    const QString node = TestGrid::makeNode(1, PerNode, 16, start).nodeId;
    int points = 0;
    auto query = [&](int maxPoints) {
        QFuture<MetricSeries> f
            = reader.acceleratorHistory(node, 3, AcceleratorMetric::Utilization, start, start + DayMs - 1, maxPoints);
        f.waitForFinished();
        points = f.result().rawSamples;
    };
    query(20000); // warm the connection and page cache
    const double raw = medianMs(20, [&] { query(20000); });
    std::printf("history: %d raw samples read\n", points);
    const double decimated = medianMs(20, [&] { query(2000); });
    bench("history.read_24h_raw", raw, "ms");
    bench("history.read_24h_2000pts", decimated, "ms");
    // Baseline: one hour through the same path.
    const double hour = medianMs(20, [&] {
        QFuture<MetricSeries> f
            = reader.acceleratorHistory(node, 3, AcceleratorMetric::Utilization, start, start + 3600 * 1000, 2000);
        f.waitForFinished();
    });
    bench("history.read_1h", hour, "ms");
    bench("history.read_24h_raw.ratio", raw / std::max(hour, 1e-6), "x");
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    registerCoreMetaTypes();
    benchGrid();
    benchHistory();
    return 0;
}
