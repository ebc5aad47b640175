// SPDX-License-Identifier: GPL-3.0-or-later
// The Latency page offscreen on a small hand-made fleet: the map shows the site
// edges coloured against targets, clicking an edge and clicking a matrix cell
// open that pair's history; the models pass QAbstractItemModelTester.

#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"
#include "ui/latency/dragpan.h"
#include "ui/latency/labelplacer.h"
#include "ui/latency/latencycolors.h"
#include "ui/latency/latencymapview.h"
#include "ui/latency/latencymatrixview.h"
#include "ui/latency/latencypage.h"
#include "ui/latency/mappairs.h"
#include "ui/latency/pairhistorychart.h"
#include "ui/latency/violationmodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPalette>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTest>

using namespace Meridian;

namespace {

Protocol::ProbeResult probe(const QString& peer, double p50, double loss, qint64 windowEnd)
{
    Protocol::ProbeResult p;
    p.peer = peer;
    p.windowEndMs = windowEnd;
    p.count = 60;
    p.loss = loss;
    if (loss < 1) {
        p.p50Ms = p50;
        p.p90Ms = p50 * 1.1;
        p.p99Ms = p50 * 1.3;
        p.maxMs = p50 * 2;
    }
    return p;
}

NodeUpdate node(const QString& id, const QString& site, const QString& region, const QString& kind, double lat,
    double lon, QList<Protocol::ProbeResult> probes, qint64 now)
{
    return Test::FleetBuilder::node(id)
        .region(region)
        .pool(site + QStringLiteral("-trn1"))
        .rack(site + QStringLiteral("-trn1-r01"))
        .label(QStringLiteral("site"), site)
        .label(QStringLiteral("siteName"), site.toUpper())
        .label(QStringLiteral("siteKind"), kind)
        .label(QStringLiteral("lat"), QString::number(lat))
        .label(QStringLiteral("lon"), QString::number(lon))
        .accelerators(8, QStringLiteral("Ascend 910B"), QStringLiteral("huawei"), 1, id)
        .seq(now / 1000)
        .at(now)
        .probes(probes);
}

// Wuhu (hub, East) ↔ Beijing (city, North) ↔ Shanghai (city, East); the Wuhu → Beijing link is cut at `cutAt`.
SourceUpdate fleet(qint64 window, bool cut)
{
    SourceUpdate u;
    u.source = QStringLiteral("test");
    const QString east = QStringLiteral("East China"), north = QStringLiteral("North China");
    u.nodes.append(node(QStringLiteral("wuhu-1"), QStringLiteral("wuhu"), east, QStringLiteral("core"), 31.3, 118.4,
        { probe(QStringLiteral("beijing-1"), 18, cut ? 1.0 : 0.0, window),
            probe(QStringLiteral("shanghai-1"), 4, 0, window), probe(QStringLiteral("wuhu-2"), 0.05, 0, window) },
        window));
    u.nodes.append(node(QStringLiteral("wuhu-2"), QStringLiteral("wuhu"), east, QStringLiteral("core"), 31.3, 118.4,
        { probe(QStringLiteral("wuhu-1"), 0.06, 0, window) }, window));
    u.nodes.append(node(QStringLiteral("beijing-1"), QStringLiteral("beijing"), north, QStringLiteral("hotspot"), 39.9,
        116.4, { probe(QStringLiteral("wuhu-1"), 18.5, 0, window) }, window));
    u.nodes.append(node(QStringLiteral("shanghai-1"), QStringLiteral("shanghai"), east, QStringLiteral("hotspot"), 31.2,
        121.5, { probe(QStringLiteral("wuhu-1"), 4.2, 0, window) }, window));
    return u;
}

} // namespace

class TestLatencyPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void clickEdgeAndCellToHistory()
    {
        FleetStore store;
        const qint64 t0 = 1'800'000'000'000;
        for (int w = 0; w < 5; ++w)
            store.applyUpdate(fleet(t0 + w * 60000, w == 4));
        LatencyPage page(PageContext { &store });
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // The store coalesces; wait for the page to have seen every window.
        QTRY_VERIFY(page.matrix().newestWindowMs() == t0 + 4 * 60000);
        // History recorded only the windows the page saw; feed two more to get a series.
        store.applyUpdate(fleet(t0 + 5 * 60000, true));
        QTRY_VERIFY(page.matrix().newestWindowMs() == t0 + 5 * 60000);

        LatencyMapView* map = page.mapWidget();
        QCOMPARE(map->sites().size(), 3);
        QCOMPARE(map->edges().size(), 2); // wuhu ↔ beijing and wuhu ↔ shanghai: one line per pair, its worse direction

        // The cut edge is drawn as lost; the others within target are not red.
        int wb = -1;
        for (int i = 0; i < map->edges().size(); ++i) {
            const MapEdge& e = map->edges()[i];
            if (map->sites()[e.from].id == QLatin1String("wuhu") && map->sites()[e.to].id == QLatin1String("beijing"))
                wb = i;
        }
        QVERIFY(wb >= 0);
        QVERIFY(map->edges()[wb].cut);
        QVERIFY(map->edges()[wb].violation);
        QCOMPARE(map->edges()[1 - wb].violation, false);

        // Labels (site names and the pairs' figures) never overlap each other or the legend.
        page.tabs()->setCurrentIndex(LatencyPage::MapTab);
        map->grab();
        const QList<QRectF> boxes = map->labelBoxes();
        QVERIFY(boxes.size() >= 3 + 1); // every site's name, then the violating pair's figures before the others
        for (int i = 0; i < boxes.size(); ++i) {
            QVERIFY(!boxes[i].intersects(map->legendBox()));
            for (int j = i + 1; j < boxes.size(); ++j)
                QVERIFY2(!boxes[i].intersects(boxes[j]), qPrintable(QStringLiteral("labels %1 and %2").arg(i).arg(j)));
        }
        QCOMPARE(page.violationModel()->rowCount(), 1);
        QVERIFY2(page.mapSummary().contains(QRegularExpression(QStringLiteral("\\b1 direction\\S* breaks?"))),
            qPrintable(page.mapSummary()));
        QAbstractItemModelTester tester(page.violationModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Sites by the names the map and matrix use, not their ids ("Wuhu", not "wuhu").
        QCOMPARE(page.violationModel()->index(0, ViolationModel::From).data().toString(), QStringLiteral("Wuhu"));
        QCOMPARE(page.violationModel()->index(0, ViolationModel::From).data(Qt::ToolTipRole).toString(),
            QStringLiteral("wuhu"));
        QCOMPARE(page.violationModel()->index(0, ViolationModel::Loss).data().toString(), QStringLiteral("100.0%"));

        // Click the Wuhu → Beijing edge on the map.
        page.tabs()->setCurrentIndex(LatencyPage::MapTab);
        const QPoint onEdge = map->edgePoint(wb).toPoint();
        QCOMPARE(map->edgeAt(onEdge), wb);
        QTest::mouseClick(map, Qt::LeftButton, {}, onEdge);
        QCOMPARE(page.tabs()->currentIndex(), int(LatencyPage::HistoryTab));
        PairHistoryChart* history = page.historyView();
        QVERIFY2(history->title().contains(QStringLiteral("Wuhu → Beijing")), qPrintable(history->title()));
        QVERIFY(history->pointCount() >= 2);
        QVERIFY(history->violationCount() >= 1); // the lost windows break the loss target

        // Click a node cell in the matrix: wuhu-1 (row 0 in topology order) → beijing-1.
        page.tabs()->setCurrentIndex(LatencyPage::MatrixTab);
        page.setLevel(LatencyLevel::Node);
        LatencyMatrixView* heatmap = page.heatmap();
        QTRY_COMPARE(heatmap->grid()->rows(), 4);
        const LatencyTopology& t = page.matrix().topology();
        const int row = int(t.nodeIndex.value(QStringLiteral("wuhu-1")));
        const int col = int(t.nodeIndex.value(QStringLiteral("shanghai-1")));
        // Cells say where the pair stands against its own target: within, and the cut pair lost.
        QCOMPARE(heatmap->grid()->cell(row, col), LatencyColors::verdictIndex(TargetVerdict::Within));
        QCOMPARE(heatmap->grid()->cell(row, int(t.nodeIndex.value(QStringLiteral("beijing-1")))),
            LatencyColors::verdictIndex(TargetVerdict::Lost));
        QCOMPARE(int(heatmap->grid()->cell(col, col)), 0); // not probed: no data, not "0 ms"
        const QPoint cell = heatmap->cellCenter(row, col);
        QCOMPARE(heatmap->cellAt(cell), QPoint(col, row));
        QTest::mouseClick(heatmap, Qt::LeftButton, {}, cell);
        QCOMPARE(page.tabs()->currentIndex(), int(LatencyPage::HistoryTab));
        QVERIFY2(history->title().contains(QStringLiteral("wuhu-1 → shanghai-1")), qPrintable(history->title()));
        QVERIFY(history->pointCount() >= 2);
        QCOMPARE(history->violationCount(), 0); // 4 ms within the hub↔city target

        // Double-clicking a site zooms to its nodes.
        page.tabs()->setCurrentIndex(LatencyPage::MatrixTab);
        page.setLevel(LatencyLevel::Site);
        QTRY_COMPARE(heatmap->grid()->rows(), 3);
        QTest::mouseDClick(heatmap, Qt::LeftButton, {}, heatmap->cellCenter(0, 0));
        QCOMPARE(page.level(), LatencyLevel::Node);
    }

    // One count of violations: a slow pair inside one site is not drawn on the map, but the map's
    // caption counts it as the Violations tab does, and says how many of them the map shows.
    void mapCaptionCountsWhatTheViolationsTabLists()
    {
        FleetStore store;
        const qint64 t0 = 1'800'000'000'000;
        SourceUpdate u = fleet(t0, true);
        u.nodes[1].snapshot.probes = { probe(QStringLiteral("wuhu-1"), 40, 0, t0) }; // wuhu-2 → wuhu-1: 40 ms
        store.applyUpdate(u);
        LatencyPage page(PageContext { &store });
        QTRY_VERIFY(page.matrix().newestWindowMs() == t0);
        // Built while hidden, drawn when shown (at 25,000 nodes drawing a hidden page cost the UI thread).
        QCOMPARE(page.violationModel()->rowCount(), 0);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.violationModel()->rowCount(), 2);
        const QString caption = page.mapSummary();
        QVERIFY2(caption.contains(QRegularExpression(QStringLiteral("\\b2 direction\\S* break"))), qPrintable(caption));
        QVERIFY2(caption.contains(QStringLiteral("1 of them on the map")), qPrintable(caption));
    }

    // Map and heatmap share the press-drag-release rule: under 4 pixels a click, past it a pan.
    void dragPanTellsClicksFromDrags_data()
    {
        QTest::addColumn<QPoint>("to");
        QTest::addColumn<bool>("held");
        QTest::addColumn<bool>("pans");
        QTest::addColumn<QPointF>("anchor");
        QTest::addRow("jitter stays a click") << QPoint(102, 101) << true << false << QPointF(10, 20);
        QTest::addRow("a drag pans") << QPoint(120, 90) << true << true << QPointF(0, 25); // (10,20) − (20,−10)/2
        QTest::addRow("no button held") << QPoint(150, 150) << false << false << QPointF(10, 20);
    }
    void dragPanTellsClicksFromDrags()
    {
        QFETCH(QPoint, to);
        QFETCH(bool, held);
        QFETCH(bool, pans);
        QFETCH(QPointF, anchor);
        DragPan pan;
        pan.press(QPoint(100, 100), QPointF(10, 20));
        const std::optional<QPointF> moved = pan.move(to, held ? Qt::LeftButton : Qt::NoButton, 2.0);
        QCOMPARE(moved.has_value(), pans);
        QCOMPARE(moved.value_or(QPointF(10, 20)), anchor);
        QCOMPARE(pan.isClick(Qt::LeftButton), !pans);
        QVERIFY(!pan.isClick(Qt::RightButton));
    }

    // One verdict per pair: over is exactly a violation, near from 80 % of the p50 target, lost when
    // nothing answers.
    void verdictAgainstTarget_data()
    {
        QTest::addColumn<double>("p50");
        QTest::addColumn<double>("loss");
        QTest::addColumn<int>("expected");
        QTest::addRow("within") << 5.0 << 0.0 << int(TargetVerdict::Within);
        QTest::addRow("near") << 8.5 << 0.0 << int(TargetVerdict::Near);
        QTest::addRow("over") << 10.5 << 0.0 << int(TargetVerdict::Over);
        QTest::addRow("lossy") << 2.0 << 0.05 << int(TargetVerdict::Over);
        QTest::addRow("lost") << qQNaN() << 1.0 << int(TargetVerdict::Lost);
    }
    void verdictAgainstTarget()
    {
        QFETCH(double, p50);
        QFETCH(double, loss);
        QFETCH(int, expected);
        const LatencyTarget target { 10.0, 0.01 };
        const PairStats s { p50, p50, loss, 10, 0 };
        QCOMPARE(int(verdict(s, target)), expected);
        QCOMPARE(verdict(s, target) >= TargetVerdict::Over, violates(PairPoint { 0, p50, p50, loss }, target));
        QCOMPARE(int(verdict(PairStats {}, target)), int(TargetVerdict::NoData));
    }

    // The map's line for a pair is its worse direction; both directions' violations are counted.
    void mapPairTakesTheWorseDirection()
    {
        FleetStore store;
        const qint64 t0 = 1'800'000'000'000;
        store.applyUpdate(fleet(t0, true)); // wuhu → beijing lost, beijing → wuhu fine
        const LatencyMatrix m = LatencyMatrix::build(store.nodes());
        const LatencyTopology& t = m.topology();
        const QList<int> all { 0, 1, 2 };
        const QList<MapPair> pairs = mapPairs(m, LatencyTargets(), all);
        QCOMPARE(pairs.size(), 2);
        const int wuhu = int(t.siteIndex.value(QStringLiteral("wuhu")));
        const int beijing = int(t.siteIndex.value(QStringLiteral("beijing")));
        bool found = false;
        for (const MapPair& p : pairs) {
            if (p.worse == std::pair { wuhu, beijing }) {
                found = true;
                QCOMPARE(int(p.verdict), int(TargetVerdict::Lost));
                QCOMPARE(p.violations, 1);
            }
        }
        QVERIFY(found);
    }

    void labelPlacerNeverOverlaps()
    {
        LabelPlacer placer(QRectF(0, 0, 100, 100));
        placer.block(QRectF(40, 40, 20, 20)); // a site marker
        const QRectF onMarker(45, 45, 30, 10), right(62, 45, 30, 10), outside(90, 45, 30, 10);
        QCOMPARE(placer.place({ onMarker, right }), std::optional<QRectF>(right));
        QCOMPARE(placer.place({ right.translated(5, 2), outside }), std::nullopt); // taken, or out of bounds
        QVERIFY(placer.isFree(QRectF(0, 0, 10, 10)));
    }

    void heatmapRowUpdate()
    {
        auto grid = std::make_shared<HeatmapGrid>(2000, 2000);
        grid->setScale(0, 1, HeatmapGrid::Scale::Linear);
        LatencyMatrixView w;
        w.setColorTable(LatencyColors::verdictTable(QPalette()));
        w.resize(600, 500);
        w.setGrid(grid);
        w.renderNow();
        std::vector<float> row(2000, 1.0f);
        grid->setRow(1000, row.data());
        w.rowChanged(1000);
        QVERIFY(w.pixelsPerCell() < 1);
        const QImage shot = w.grab().toImage();
        QCOMPARE(shot.pixel(w.cellCenter(1000, 500)), LatencyColors::verdictTable(QPalette())[255]);
        QCOMPARE(shot.pixel(w.cellCenter(10, 500)),
            LatencyColors::verdictTable(QPalette())[0]); // the changed row differs from an empty one
    }
};

QTEST_MAIN(TestLatencyPage)
#include "tst_latencypage.moc"
