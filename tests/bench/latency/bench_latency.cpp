// SPDX-License-Identifier: GPL-3.0-or-later
// Latency figures (docs/performance.md, latency: matrix and map): the node × node
// matrix at 10,000² — first display, one-row update, resident memory — beside a
// stock QCPColorMap on the same values in the same process; and the map with
// 200 sites and 2,000 edges repainting, beside redrawing the land every frame.
//
//   bench_latency [--size N] [--skip-stock]

#include "core/latency/heatmapgrid.h"
#include "core/latency/landmap.h"
#include "ui/charts/customplot.h"
#include "ui/latency/latencycolors.h"
#include "ui/latency/latencymapview.h"
#include "ui/latency/latencymatrixview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QRandomGenerator>
#include <QWindow>

#include <algorithm>
#include <cstdio>

using namespace Meridian;

namespace {

double rssMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

// Pingmesh-like values: ~0.05 ms inside a 32-node block, 5–40 ms across, a few hot rows.
inline float valueAt(int r, int c)
{
    if (r / 32 == c / 32)
        return 0.05f + 0.01f * float((r * 7 + c) % 5);
    return 5.0f + float(((r / 32) * 131 + (c / 32) * 71) % 350) / 10.0f + float((r + c) % 3);
}

// Counts paint events, so that a figure cannot come from a repaint that did not happen.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* e) override
    {
        paints += e->type() == QEvent::Paint ? 1 : 0;
        return false;
    }
};

// Shown and exposed before the clock starts: the first display then includes a real first paint.
void showExposed(QWidget* w)
{
    w->show();
    QElapsedTimer t;
    t.start();
    while (!(w->windowHandle() && w->windowHandle()->isExposed()) && t.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct MatrixFigures
{
    double firstMs = 0, rowMs = 0, rssMiB = 0;
};

// Both sides start from the same values in RAM (not counted in either's RSS).
MatrixFigures meridianMatrix(int n, const std::vector<float>& values)
{
    MatrixFigures f;
    LatencyMatrixView w;
    w.setColorTable(LatencyColors::verdictTable(QPalette()));
    w.resize(1200, 1200);
    showExposed(&w);
    PaintCounter counter;
    w.installEventFilter(&counter);
    const double before = rssMiB();
    QElapsedTimer t;
    t.start();
    auto grid = std::make_shared<HeatmapGrid>(n, n);
    grid->setScale(0.02, 100.0, HeatmapGrid::Scale::Log);
    std::vector<float> row(static_cast<size_t>(n));
    grid->fill(values.data());
    w.setGrid(grid);
    w.repaint();
    f.firstMs = t.nsecsElapsed() / 1e6;
    f.rssMiB = rssMiB() - before;

    std::vector<double> samples;
    for (int i = 0; i < 30; ++i) {
        const int r = (i * 331) % n;
        for (int c = 0; c < n; ++c)
            row[size_t(c)] = valueAt(r, c) * (i % 2 ? 3.0f : 0.5f);
        t.restart();
        grid->setRow(r, row.data());
        w.rowChanged(r);
        w.repaint();
        samples.push_back(t.nsecsElapsed() / 1e6);
    }
    f.rowMs = median(samples);
    if (counter.paints < 31)
        std::fprintf(stderr, "only %d of 31 displays painted\n", counter.paints);
    return f;
}

MatrixFigures stockMatrix(int n, const std::vector<float>& values)
{
    MatrixFigures f;
    QCustomPlot plot;
    plot.resize(1200, 1200);
    showExposed(&plot);
    const double before = rssMiB();
    QElapsedTimer t;
    t.start();
    auto* map = new QCPColorMap(plot.xAxis, plot.yAxis);
    map->setInterpolate(false);
    map->data()->setSize(n, n);
    map->data()->setRange(QCPRange(0, n), QCPRange(0, n));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            map->data()->setCell(c, r, values[size_t(r) * size_t(n) + size_t(c)]);
    map->setGradient(QCPColorGradient::gpJet);
    map->setDataRange(QCPRange(0.02, 100));
    map->setDataScaleType(QCPAxis::stLogarithmic);
    plot.rescaleAxes();
    plot.replot(QCustomPlot::rpImmediateRefresh);
    f.firstMs = t.nsecsElapsed() / 1e6;
    f.rssMiB = rssMiB() - before;

    std::vector<double> samples;
    for (int i = 0; i < 3; ++i) {
        const int r = (i * 331) % n;
        t.restart();
        for (int c = 0; c < n; ++c)
            map->data()->setCell(c, r, valueAt(r, c) * 3);
        plot.replot(QCustomPlot::rpImmediateRefresh);
        samples.push_back(t.nsecsElapsed() / 1e6);
    }
    f.rowMs = median(samples);
    return f;
}

void mapFigures()
{
    QString error;
    LandMap land = LandMap::load(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/map/land-cn.bin"), &error);
    if (!error.isEmpty())
        std::fprintf(stderr, "%s\n", qPrintable(error));
    LatencyMapView w;
    w.resize(1400, 900);
    w.setLand(std::move(land));
    QRandomGenerator rng(42);
    QList<MapSite> sites;
    for (int i = 0; i < 200; ++i)
        sites.append({ QStringLiteral("s%1").arg(i), QStringLiteral("Site %1").arg(i), rng.bounded(98.0) + 100.0 - 0.0,
            rng.bounded(22.0) + 20.0, int(rng.bounded(2000)), Theme::State::Ok, QString() });
    w.setSites(sites);
    QList<MapEdge> edges;
    for (int i = 0; i < 2000; ++i)
        edges.append({ int(rng.bounded(200)), int(rng.bounded(200)), QColor(0x38, 0x8e, 0x3c),
            QStringLiteral("1 / 2 ms"), QString(), false });
    w.setEdges(edges);
    w.show();
    QImage target(w.size(), QImage::Format_ARGB32_Premultiplied);
    const auto frame = [&](bool naive) {
        // Each frame recolours the edges, as a live update does.
        for (int i = 0; i < edges.size(); ++i)
            edges[i].color = (i + int(rng.bounded(3))) % 3 ? QColor(0x38, 0x8e, 0x3c) : QColor(0xd3, 0x2f, 0x2f);
        w.setEdges(edges);
        if (naive)
            w.invalidateLand();
        QElapsedTimer t;
        t.start();
        QPainter p(&target);
        w.renderTo(&p);
        return t.nsecsElapsed() / 1e6;
    };
    frame(false); // land cache
    std::vector<double> ours, naive;
    for (int i = 0; i < 30; ++i)
        ours.push_back(frame(false));
    for (int i = 0; i < 10; ++i)
        naive.push_back(frame(true));
    bench("latency.map_200_sites_2000_edges.repaint", median(ours), "ms");
    bench("latency.map_200_sites_2000_edges.repaint_land_every_frame", median(naive), "ms");
    bench("latency.map_200_sites_2000_edges.repaint.ratio", median(naive) / std::max(1e-6, median(ours)), "x");
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = QApplication::arguments();
    const int n = args.contains(QStringLiteral("--size"))
        ? args.value(args.indexOf(QStringLiteral("--size")) + 1).toInt()
        : 10000;
    const bool skipStock = args.contains(QStringLiteral("--skip-stock"));
    std::printf("# matrix %d x %d\n", n, n);

    mapFigures();

    std::vector<float> values(size_t(n) * size_t(n));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c)
            values[size_t(r) * size_t(n) + size_t(c)] = valueAt(r, c);
    const MatrixFigures ours = meridianMatrix(n, values);
    bench("latency.matrix.first_display", ours.firstMs, "ms");
    bench("latency.matrix.row_update", ours.rowMs, "ms");
    bench("latency.matrix.rss", ours.rssMiB, "MiB");
    if (skipStock)
        return 0;
    const MatrixFigures stock = stockMatrix(n, values);
    bench("latency.matrix.qcpcolormap.first_display", stock.firstMs, "ms");
    bench("latency.matrix.qcpcolormap.row_update", stock.rowMs, "ms");
    bench("latency.matrix.qcpcolormap.rss", stock.rssMiB, "MiB");
    bench("latency.matrix.first_display.ratio", stock.firstMs / std::max(1e-6, ours.firstMs), "x");
    bench("latency.matrix.row_update.ratio", stock.rowMs / std::max(1e-6, ours.rowMs), "x");
    bench("latency.matrix.rss.ratio", stock.rssMiB / std::max(1e-6, ours.rssMiB), "x");
    return 0;
}
