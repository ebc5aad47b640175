// SPDX-License-Identifier: GPL-3.0-or-later
// The latency core without processes: projection, the map resource and its
// converter, the heatmap grid, probe aggregation by topology, targets and history.

#include "core/latency/geoprojection.h"
#include "core/latency/heatmapgrid.h"
#include "core/latency/landmap.h"
#include "core/latency/latencyhistory.h"
#include "core/latency/latencyinputs.h"
#include "core/latency/latencymatrix.h"
#include "core/latency/latencytargets.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Meridian;

namespace {

FleetNode node(const QString& id, const QString& site, const QString& pool, const QString& rack, const QString& region,
    const QString& kind, QList<Protocol::ProbeResult> probes)
{
    FleetNode n;
    n.inventory.nodeId = id;
    n.inventory.region = region;
    n.inventory.pool = pool;
    n.inventory.rack = rack;
    n.inventory.labels = { { QStringLiteral("site"), site }, { QStringLiteral("siteKind"), kind },
        { QStringLiteral("lat"), QStringLiteral("30") }, { QStringLiteral("lon"), QStringLiteral("110") } };
    n.inventory.accelerators.resize(8);
    n.snapshot.sample.seq = 1;
    n.snapshot.probes = probes;
    return n;
}

Protocol::ProbeResult probe(const QString& peer, double p50, double p99, double loss, qint64 windowEnd = 60000)
{
    Protocol::ProbeResult p;
    p.peer = peer;
    p.windowEndMs = windowEnd;
    p.p50Ms = p50;
    p.p90Ms = p50;
    p.p99Ms = p99;
    p.maxMs = p99;
    p.loss = loss;
    p.count = 60;
    return p;
}

// Wuhu's a1 and a2 (a2 in the given pool and rack) and Beijing's b1: a1 probes a2 and b1, a2's probe to b1 is
// lost, b1 probes a1 and an unknown peer.
QHash<QString, FleetNode> wuhuAndBeijing(const QString& a2Pool, const QString& a2Rack)
{
    const QString east = QStringLiteral("East China"), north = QStringLiteral("North China");
    QHash<QString, FleetNode> nodes;
    nodes.insert(QStringLiteral("a1"),
        node(QStringLiteral("a1"), QStringLiteral("wuhu"), QStringLiteral("wuhu-trn1"), QStringLiteral("r1"), east,
            QStringLiteral("core"),
            { probe(QStringLiteral("a2"), 0.05, 0.1, 0), probe(QStringLiteral("b1"), 10, 14, 0.02) }));
    nodes.insert(QStringLiteral("a2"),
        node(QStringLiteral("a2"), QStringLiteral("wuhu"), a2Pool, a2Rack, east, QStringLiteral("core"),
            { probe(QStringLiteral("b1"), std::nan(""), std::nan(""), 1.0) }));
    nodes.insert(QStringLiteral("b1"),
        node(QStringLiteral("b1"), QStringLiteral("beijing"), QStringLiteral("beijing-inf1"), QStringLiteral("r9"),
            north, QStringLiteral("hotspot"),
            { probe(QStringLiteral("a1"), 12, 20, 0), probe(QStringLiteral("zz"), 1, 1, 0) }));
    return nodes;
}

QByteArray header(quint32 rings, qint16 lon0 = 5500, qint16 lat0 = -500, qint16 lon1 = 16000, qint16 lat1 = 6200)
{
    QByteArray b("MLND");
    auto put16 = [&b](quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); };
    put16(1);
    put16(0);
    b.append(char(rings & 0xff))
        .append(char((rings >> 8) & 0xff))
        .append(char((rings >> 16) & 0xff))
        .append(char(rings >> 24));
    for (qint16 v : { lon0, lat0, lon1, lat1 })
        put16(quint16(v));
    return b;
}

QByteArray ring(const QList<std::pair<qint16, qint16>>& points)
{
    QByteArray b;
    const quint32 n = quint32(points.size());
    b.append(char(n & 0xff)).append(char((n >> 8) & 0xff)).append(char((n >> 16) & 0xff)).append(char(n >> 24));
    for (const auto& [lon, lat] : points)
        b.append(char(quint16(lon) & 0xff))
            .append(char(quint16(lon) >> 8))
            .append(char(quint16(lat) & 0xff))
            .append(char(quint16(lat) >> 8));
    return b;
}

} // namespace

class TestLatencyCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inputsKeptPerChangeSetBuildWhatTheStoreWould()
    {
        // Nodes added, changed, moved and removed in change sets, some while a worker holds the chunks: the
        // kept inputs build the matrix the store's table builds, and the worker's copy stays as it was.
        QHash<QString, FleetNode> nodes = wuhuAndBeijing(QStringLiteral("wuhu-trn1"), QStringLiteral("r1"));
        for (int i = 0; i < 1200; ++i) {
            const QString id = QStringLiteral("x%1").arg(i);
            nodes.insert(id,
                node(id, i % 2 ? QStringLiteral("wuhu") : QStringLiteral("beijing"),
                    QStringLiteral("pool-%1").arg(i % 5), QStringLiteral("r1"), QStringLiteral("East China"),
                    QStringLiteral("core"), { probe(QStringLiteral("a1"), 1 + i % 7, 9, 0) }));
        }
        LatencyInputs inputs;
        inputs.reset({});
        FleetChangeSet added;
        for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
            added.addedNodes.insert(it.key());
        inputs.apply(nodes, added);
        const LatencyInputs::Chunks held = inputs.chunks();
        const qsizetype heldSize = LatencyInputs::flatten(held).size();

        FleetChangeSet changed;
        for (int i = 0; i < 1200; i += 3) {
            const QString id = QStringLiteral("x%1").arg(i);
            nodes.remove(id);
            changed.removedNodes.insert(id);
        }
        nodes[QStringLiteral("a2")].inventory.pool = QStringLiteral("wuhu-trn2");
        nodes[QStringLiteral("b1")].snapshot.probes = { probe(QStringLiteral("a1"), 30, 40, 0) };
        changed.updatedNodes = { QStringLiteral("a2"), QStringLiteral("b1") };
        nodes.insert(QStringLiteral("new"),
            node(QStringLiteral("new"), QStringLiteral("beijing"), QStringLiteral("beijing-inf1"), QStringLiteral("r2"),
                QStringLiteral("North China"), QStringLiteral("hotspot"), { probe(QStringLiteral("a1"), 11, 15, 0) }));
        changed.addedNodes = { QStringLiteral("new") };
        inputs.apply(nodes, changed);

        QCOMPARE(inputs.size(), nodes.size());
        QCOMPARE(LatencyInputs::flatten(held).size(), heldSize); // the worker's copy did not move
        const LatencyMatrix kept = LatencyMatrix::build(LatencyInputs::flatten(inputs.chunks()));
        const LatencyMatrix fresh = LatencyMatrix::build(nodes);
        QCOMPARE(kept.topology().nodes, fresh.topology().nodes);
        QCOMPARE(kept.topology().sites.size(), fresh.topology().sites.size());
        for (LatencyLevel level : { LatencyLevel::Site, LatencyLevel::Pool }) {
            const int n = fresh.topology().count(level);
            for (int a = 0; a < n; ++a)
                for (int b = 0; b < n; ++b) {
                    QCOMPARE(kept.stats(level, a, b).probes, fresh.stats(level, a, b).probes);
                    QCOMPARE(kept.stats(level, a, b).p50Ms, fresh.stats(level, a, b).p50Ms);
                }
        }
    }

    void projectionRoundTrip_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addRow("Gui'an") << 106.5 << 26.4;
        QTest::addRow("Ulanqab") << 113.1 << 41.0;
        QTest::addRow("Shanghai") << 121.5 << 31.2;
        QTest::addRow("centre") << 105.0 << 35.0;
        QTest::addRow("south-west") << 60.0 << -4.0;
    }
    void projectionRoundTrip()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        const GeoProjection proj(105.0, 35.0);
        double lon2 = 0, lat2 = 0;
        proj.unproject(proj.project(lon, lat), &lon2, &lat2);
        QVERIFY(std::abs(lon2 - lon) < 1e-9);
        QVERIFY(std::abs(lat2 - lat) < 1e-9);
    }

    void projectionShape()
    {
        const GeoProjection proj(105.0, 35.0);
        // North is up (smaller y), east is right; at 35° a degree of longitude is cos(35°) of a degree of latitude.
        QVERIFY(proj.project(105, 40).y() < proj.project(105, 30).y());
        QVERIFY(proj.project(110, 35).x() > proj.project(100, 35).x());
        QCOMPARE(proj.project(105, 35), QPointF(0, -35));
        QVERIFY(std::abs(proj.project(106, 35).x() - std::cos(35 * M_PI / 180)) < 1e-12);
        // A great circle starts and ends at its sites and bulges poleward (Beijing → Ürümqi-like west-east arc).
        const QList<QPointF> arc = proj.greatCircle(116.4, 39.9, 87.6, 43.8, 9);
        QCOMPARE(arc.size(), 9);
        QVERIFY((arc.first() - proj.project(116.4, 39.9)).manhattanLength() < 1e-9);
        QVERIFY((arc.last() - proj.project(87.6, 43.8)).manhattanLength() < 1e-9);
        QVERIFY(-arc[4].y() > (39.9 + 43.8) / 2); // north of the straight line's midpoint
        QCOMPARE(proj.greatCircle(110, 30, 110, 30, 3).size(), 3);
    }

    void landMapParses()
    {
        QByteArray data = header(1) + ring({ { 10000, 2000 }, { 11000, 2000 }, { 11000, 3000 } });
        LandMap map;
        QString error;
        QVERIFY2(LandMap::parse(data, &map, &error), qPrintable(error));
        QCOMPARE(map.rings.size(), 1);
        QCOMPARE(map.rings[0].size(), 3);
        QCOMPARE(map.rings[0][1], QPointF(110.0, 20.0));
        QCOMPARE(map.box, QRectF(QPointF(55, -5), QPointF(160, 62)));
    }

    void landMapRefusesHostileInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        const QByteArray good = ring({ { 10000, 2000 }, { 11000, 2000 }, { 11000, 3000 } });
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("bad magic") << QByteArray("XLND") + header(1).mid(4) + good;
        QTest::addRow("truncated ring") << header(1) + good.left(good.size() - 2);
        QTest::addRow("missing ring") << header(2) + good;
        QTest::addRow("huge ring count") << header(0xffffffffu) + good;
        QTest::addRow("huge point count") << header(1) + ring({}).replace(0, 4, QByteArray("\xff\xff\xff\x0f", 4));
        QTest::addRow("two points") << header(1) + ring({ { 0, 0 }, { 1, 1 } });
        QTest::addRow("lon out of range") << header(1) + ring({ { 20000, 0 }, { 0, 0 }, { 1, 1 } });
        QTest::addRow("lat out of range") << header(1) + ring({ { 0, 9500 }, { 0, 0 }, { 1, 1 } });
        QTest::addRow("inverted box") << header(1, 16000, -500, 5500, 6200) + good;
        QTest::addRow("trailing bytes") << header(1) + good + QByteArray("x");
    }
    void landMapRefusesHostileInput()
    {
        QFETCH(QByteArray, data);
        LandMap map;
        QString error;
        QVERIFY(!LandMap::parse(data, &map, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(map.rings.isEmpty());
    }

    void committedResourceIsChina()
    {
        QString error;
        const LandMap map = LandMap::load(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/map/land-cn.bin"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(map.rings.size() > 100);
        QVERIFY(map.box.contains(QPointF(116.4, 39.9)));
        // Some coastline point lies within a degree of Shanghai (121.5 E, 31.2 N).
        bool nearShanghai = false;
        for (const auto& r : map.rings)
            for (const QPointF& p : r)
                nearShanghai = nearShanghai || (std::abs(p.x() - 121.5) < 1.0 && std::abs(p.y() - 31.2) < 1.0);
        QVERIFY(nearShanghai);
    }

    void topoJsonConversion()
    {
        const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
        if (python.isEmpty())
            QSKIP("python3 is not installed: the converter runs only when the map is regenerated");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out.bin"));
        QProcess p;
        p.start(python,
            { QStringLiteral(MERIDIAN_SOURCE_DIR "/tools/mapdata/convert_world_atlas.py"),
                QStringLiteral(MERIDIAN_SOURCE_DIR "/tests/core/latency/fixtures/square.topojson"), out });
        QVERIFY(p.waitForFinished(30000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QString error;
        const LandMap map = LandMap::load(out, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(map.rings.size(), 2);
        // Arc 0 then arc 1 (shared end point dropped, closing point dropped): a 10° × 10° square at 100 E, 20 N.
        const QList<QPointF> square = { { 100, 20 }, { 110, 20 }, { 110, 30 }, { 100, 30 } };
        QCOMPARE(map.rings[0], square);
        // Arc ~2 (-3) is arc 2 reversed: lon 150…170 at 20…30 N, clipped to the box's east edge at 160.
        QCOMPARE(map.rings[1].size(), 4);
        bool onEdge = false;
        for (const QPointF& pt : map.rings[1]) {
            QVERIFY2(pt.x() >= 150.0 && pt.x() <= 160.0, qPrintable(QString::number(pt.x())));
            onEdge = onEdge || pt.x() == 160.0;
        }
        QVERIFY(onEdge);
    }

    void heatmapQuantise_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<int>("index");
        QTest::addRow("missing") << std::nan("") << 0;
        QTest::addRow("below") << 0.001 << 1;
        QTest::addRow("low") << 0.02 << 1;
        QTest::addRow("high") << 100.0 << 255;
        QTest::addRow("above") << 1e6 << 255;
        QTest::addRow("geometric middle") << std::sqrt(0.02 * 100.0) << 128;
    }
    void heatmapQuantise()
    {
        QFETCH(double, value);
        QFETCH(int, index);
        HeatmapGrid g(1, 1);
        g.setScale(0.02, 100.0, HeatmapGrid::Scale::Log);
        QCOMPARE(int(g.quantise(value)), index);
    }

    void heatmapPyramid()
    {
        HeatmapGrid g(1000, 700);
        QCOMPARE(g.levelCount(), 3); // 1000 → 500 → 250: the pyramid stops once a level fits 256
        QCOMPARE(g.levelRows(2), 250);
        QCOMPARE(g.levelCols(2), 175);
        g.setCell(999, 699, 200);
        for (int level = 0; level < g.levelCount(); ++level)
            QCOMPARE(
                int(g.levelData(level)[size_t(g.levelRows(level) - 1) * g.levelCols(level) + g.levelCols(level) - 1]),
                200);
        // A row update keeps every level the max of its children.
        std::vector<float> row(700, 50.0f);
        g.setScale(0, 100, HeatmapGrid::Scale::Linear);
        g.setRow(10, row.data());
        QCOMPARE(int(g.cell(10, 0)), int(g.quantise(50)));
        QCOMPARE(int(g.levelData(1)[size_t(5) * g.levelCols(1)]), int(g.quantise(50)));
        QCOMPARE(int(g.levelData(1)[size_t(6) * g.levelCols(1)]), 0);
        QCOMPARE(int(g.levelData(1)[size_t(499) * g.levelCols(1) + 349]), 200);
        QVERIFY(g.bytes() < qint64(1000 * 700 * 4 / 3 + 1000));
    }

    void matrixByTopology()
    {
        // Wuhu: two nodes in one rack probing each other and Beijing's b1; b1 probes a1; a2's probe to b1 is lost.
        QHash<QString, FleetNode> nodes = wuhuAndBeijing(QStringLiteral("wuhu-trn1"), QStringLiteral("r1"));
        const LatencyMatrix m = LatencyMatrix::build(nodes);
        const LatencyTopology& t = m.topology();
        QCOMPARE(t.sites.size(), 2);
        QCOMPARE(t.sites[0].id, QStringLiteral("wuhu")); // East China sorts before North China
        QCOMPARE(t.nodes, QStringList({ QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("b1") }));
        QCOMPARE(t.pools, QStringList({ QStringLiteral("wuhu-trn1"), QStringLiteral("beijing-inf1") }));
        QCOMPARE(t.blockStarts(LatencyLevel::Node), QList<int>({ 0, 2 }));

        const PairStats wb = m.stats(LatencyLevel::Site, 0, 1);
        QCOMPARE(wb.probes, 2);
        QCOMPARE(wb.p50Ms, 10.0); // the lost window has no RTT: not averaged in as 0
        QCOMPARE(wb.loss, 0.51);
        QCOMPARE(m.stats(LatencyLevel::Site, 1, 0).p50Ms, 12.0);
        QCOMPARE(m.stats(LatencyLevel::Node, 0, 1).p50Ms, 0.05);
        QVERIFY(!m.stats(LatencyLevel::Node, 1, 0).hasData());
        QCOMPARE(m.stats(LatencyLevel::Pool, 0, 0).probes, 1);
        QCOMPARE(m.pairs(LatencyLevel::Site).size(), 3); // the unknown peer "zz" is not counted

        QCOMPARE(t.classify(LatencyLevel::Node, 0, 1), PairClass::SameRack);
        QCOMPARE(t.classify(LatencyLevel::Site, 0, 1), PairClass::HubCity);
        QCOMPARE(t.classify(LatencyLevel::Site, 0, 0), PairClass::SameSite);

        LatencyTargets targets;
        const QList<Violation> v = m.violations(LatencyLevel::Site, targets);
        QCOMPARE(v.size(), 1); // wuhu → beijing: 51 % loss
        QCOMPARE(v[0].from, QStringLiteral("wuhu"));
        QCOMPARE(v[0].pairClass, PairClass::HubCity);
    }

    void siteLevelBuildEqualsTheFullOne()
    {
        // The planner's site-only build: the same sites, pools and site pairs as the node-level build, no nodes.
        QHash<QString, FleetNode> nodes = wuhuAndBeijing(QStringLiteral("wuhu-trn2"), QStringLiteral("r2"));
        FleetNode noLabel = node(QStringLiteral("c1"), QString(), QStringLiteral("chengdu-edge1"), QStringLiteral("r1"),
            QStringLiteral("Southwest China"), QString(), { probe(QStringLiteral("a1"), 30, 40, 0) });
        noLabel.inventory.labels.clear(); // the site from the pool's prefix
        nodes.insert(QStringLiteral("c1"), noLabel);
        const LatencyMatrix full = LatencyMatrix::build(nodes);
        const LatencyMatrix sites = LatencyMatrix::buildSites(nodes);
        const LatencyTopology &f = full.topology(), &s = sites.topology();
        QCOMPARE(s.sites.size(), f.sites.size());
        for (int i = 0; i < f.sites.size(); ++i) {
            QCOMPARE(s.sites[i].id, f.sites[i].id);
            QCOMPARE(s.sites[i].region, f.sites[i].region);
            QCOMPARE(s.sites[i].nodes, f.sites[i].nodes);
            QCOMPARE(s.sites[i].accelerators, f.sites[i].accelerators);
        }
        QCOMPARE(s.siteIndex, f.siteIndex);
        QCOMPARE(s.pools, f.pools);
        QCOMPARE(s.poolSite, f.poolSite);
        QCOMPARE(s.poolIndex, f.poolIndex);
        QVERIFY(s.nodes.isEmpty());
        QCOMPARE(sites.pairs(LatencyLevel::Site).keys().size(), full.pairs(LatencyLevel::Site).size());
        for (auto it = full.pairs(LatencyLevel::Site).cbegin(); it != full.pairs(LatencyLevel::Site).cend(); ++it) {
            const PairStats x = sites.pairs(LatencyLevel::Site).value(it.key());
            QCOMPARE(x.probes, it->probes);
            QCOMPARE(x.p50Ms, it->p50Ms);
            QCOMPARE(x.p99Ms, it->p99Ms);
            QCOMPARE(x.loss, it->loss);
        }
        QVERIFY(sites.pairs(LatencyLevel::Node).isEmpty());
        QCOMPARE(sites.newestWindowMs(), full.newestWindowMs());
    }

    void targetsJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("hubCityP50");
        QTest::addRow("override") << QByteArray(R"({"schema":1,"targets":{"hub-city":{"p50Ms":20}}})") << true << 20.0;
        QTest::addRow("unknown class ignored") << QByteArray(R"({"targets":{"moon":{"p50Ms":1}}})") << true << 35.0;
        QTest::addRow("negative") << QByteArray(R"({"targets":{"hub-city":{"p50Ms":-1}}})") << false << 35.0;
        QTest::addRow("string") << QByteArray(R"({"targets":{"hub-city":{"p50Ms":"1"}}})") << false << 35.0;
        QTest::addRow("loss above 1") << QByteArray(R"({"targets":{"hub-city":{"loss":2}}})") << false << 35.0;
        QTest::addRow("not json") << QByteArray("[1,") << false << 35.0;
        QTest::addRow("too large") << QByteArray(70000, ' ') << false << 35.0;
    }
    void targetsJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(double, hubCityP50);
        QString error;
        const LatencyTargets t = LatencyTargets::fromJson(json, &error);
        QCOMPARE(error.isEmpty(), ok);
        QCOMPARE(t.target(PairClass::HubCity).p50Ms, hubCityP50);
        // Round trip.
        QString error2;
        QCOMPARE(LatencyTargets::fromJson(t.toJson(), &error2).target(PairClass::HubCity).p50Ms, hubCityP50);
        QVERIFY(error2.isEmpty());
    }

    void violationCounting()
    {
        const LatencyTarget target { 10.0, 0.01 };
        const QList<PairPoint> points = { { 1, 5, 6, 0 }, { 2, 11, 12, 0 }, { 3, std::nan(""), std::nan(""), 1.0 },
            { 4, 9, 30, 0.005 }, { 5, std::nan(""), std::nan(""), std::nan("") } };
        QCOMPARE(countViolations(points, target), 2);
        QCOMPARE(countViolations(points, LatencyTarget {}), 0);
    }

    void historyKeepsOnePointPerWindow()
    {
        LatencyHistory history(3, 2);
        for (qint64 w : { 60000, 60000, 120000, 180000, 240000, 300000 }) {
            QHash<QString, FleetNode> nodes;
            nodes.insert(QStringLiteral("a"),
                node(QStringLiteral("a"), QStringLiteral("x"), QStringLiteral("x-p"), QStringLiteral("r"),
                    QStringLiteral("R"), QString(), { probe(QStringLiteral("b"), double(w) / 60000, 9, 0, w) }));
            nodes.insert(QStringLiteral("b"),
                node(QStringLiteral("b"), QStringLiteral("y"), QStringLiteral("y-p"), QStringLiteral("r2"),
                    QStringLiteral("R"), QString(), {}));
            history.record(LatencyMatrix::build(nodes));
        }
        const QList<PairPoint> site
            = history.points(LatencyLevel::Site, QStringLiteral("x"), QStringLiteral("y"), 0, 1000000);
        QCOMPARE(site.size(), 3); // capped
        QCOMPARE(site.first().timestampMs, 180000);
        QCOMPARE(site.last().p50Ms, 5.0);
        QCOMPARE(history.points(LatencyLevel::Node, QStringLiteral("a"), QStringLiteral("b"), 0, 1000000).size(), 2);
        QCOMPARE(
            history.points(LatencyLevel::Site, QStringLiteral("x"), QStringLiteral("y"), 200000, 260000).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLatencyCore)
#include "tst_latencycore.moc"
