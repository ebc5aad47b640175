// SPDX-License-Identifier: GPL-3.0-or-later
// Unit tests of the simulation pieces, linked directly (no process, no sockets).
#include "agent/fleetsim/fleetstate.h"
#include "agent/fleetsim/nodebehaviour.h"
#include "agent/fleetsim/options.h"
#include "agent/fleetsim/scenario.h"
#include "agent/fleetsim/simulation.h"
#include "agent/fleetsim/topology.h"
#include "core/protocol/jsonwriter.h"
#include "core/protocol/protocoljson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Sim;

namespace {

constexpr qint64 Start = 1750000000000LL;

Scenario defaultScenario()
{
    Scenario s;
    QString error;
    if (!loadDefaultScenario(&s, &error))
        qFatal("default scenario: %s", qPrintable(error));
    return s;
}

std::unique_ptr<Simulation> makeSim(quint64 seed, qint64 historyMs = 3600 * 1000, int nodes = 0)
{
    Scenario s = defaultScenario();
    if (nodes > 0)
        scaleScenario(&s, nodes);
    SimOptions o;
    o.seed = seed;
    o.startMs = Start;
    o.historyMs = historyMs;
    o.paused = true;
    auto topo = std::make_shared<const Topology>(s, seed, Start - historyMs);
    return std::make_unique<Simulation>(topo, o);
}

QByteArray minimalScenario(const QString& poolsJson)
{
    return QStringLiteral(
        R"({"models":[{"model":"Ascend 910B","vendor":"huawei","memoryGiB":64,"perNode":8,"tdpW":400,"idleW":90}],
        "sites":[{"id":"wuhu","name":"Wuhu","region":"East China","lat":31.3,"lon":118.4}],
        "pools":%1})")
        .arg(poolsJson)
        .toUtf8();
}

} // namespace

class TestFleetSimModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultScenarioIsRich()
    {
        const Scenario s = defaultScenario();
        QVERIFY2(s.totalNodes() >= 150 && s.totalNodes() <= 250, qPrintable(QString::number(s.totalNodes())));
        QSet<QString> vendors;
        for (const ModelSpec& m : s.models)
            vendors.insert(m.vendor);
        QVERIFY(s.models.size() >= 5);
        QVERIFY(vendors.size() >= 3);
        for (const char* site : { "guian", "ulanqab", "wuhu", "beijing", "shanghai", "guangzhou", "chengdu" })
            QVERIFY2(s.site(QLatin1String(site)), site);
    }

    void badScenario_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addRow("not json") << QByteArray("{models: [") << QStringLiteral("malformed JSON");
        QTest::addRow("array at top") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::addRow("oversized") << QByteArray(MaxScenarioBytes + 10, ' ') << QStringLiteral("larger than");
        QTest::addRow("no pools") << minimalScenario(QStringLiteral("[]")) << QStringLiteral("pools");
        QTest::addRow("unknown model") << minimalScenario(
            QStringLiteral(R"([{"site":"wuhu","id":"trn1","purpose":"training","model":"X","nodes":4}])"))
                                       << QStringLiteral("unknown model");
        QTest::addRow("unknown site") << minimalScenario(
            QStringLiteral(R"([{"site":"mars","id":"trn1","purpose":"training","model":"Ascend 910B","nodes":4}])"))
                                      << QStringLiteral("unknown site");
        QTest::addRow("absurd nodes") << minimalScenario(
            QStringLiteral(R"([{"site":"wuhu","id":"trn1","purpose":"training","model":"Ascend 910B","nodes":1e9}])"))
                                      << QStringLiteral("pools[0].nodes");
        QTest::addRow("negative nodes") << minimalScenario(
            QStringLiteral(R"([{"site":"wuhu","id":"trn1","purpose":"training","model":"Ascend 910B","nodes":-3}])"))
                                        << QStringLiteral("pools[0].nodes");
        QTest::addRow("bad purpose") << minimalScenario(
            QStringLiteral(R"([{"site":"wuhu","id":"trn1","purpose":"mining","model":"Ascend 910B","nodes":4}])"))
                                     << QStringLiteral("purpose");
        QTest::addRow("bad pool id") << minimalScenario(
            QStringLiteral(R"([{"site":"wuhu","id":"../x","purpose":"training","model":"Ascend 910B","nodes":4}])"))
                                     << QStringLiteral("pools[0].id");
        QTest::addRow("latitude out of range") << QByteArray(
            R"({"models":[{"model":"A","vendor":"huawei","memoryGiB":64,"perNode":8,"tdpW":400,"idleW":90}],
                "sites":[{"id":"x","name":"X","region":"R","lat":123,"lon":1}],"pools":[]})")
                                               << QStringLiteral("sites[0].lat");
        QTest::addRow("too many accelerators per node") << QByteArray(
            R"({"models":[{"model":"A","vendor":"huawei","memoryGiB":64,"perNode":64,"tdpW":400,"idleW":90}],
                "sites":[],"pools":[]})") << QStringLiteral("models[0].perNode");
        QTest::addRow("string for number") << minimalScenario(
            QStringLiteral(R"([{"site":"wuhu","id":"trn1","purpose":"training","model":"Ascend 910B","nodes":"4"}])"))
                                           << QStringLiteral("pools[0].nodes");
    }
    void badScenario()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        Scenario s;
        QString error;
        QVERIFY(!parseScenario(json, &s, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void scaling_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addRow("shrink") << 20;
        QTest::addRow("same") << 212;
        QTest::addRow("grow") << 25000;
        QTest::addRow("odd") << 1237;
    }
    void scaling()
    {
        QFETCH(int, nodes);
        Scenario s = defaultScenario();
        const int before = s.totalNodes();
        scaleScenario(&s, nodes);
        QCOMPARE(s.totalNodes(), nodes == before ? before : nodes);
        for (const PoolSpec& p : s.pools)
            QVERIFY(p.nodes >= 1);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("minutes") << QStringLiteral("90m") << qint64(90 * 60000);
        QTest::addRow("hours") << QStringLiteral("2h") << qint64(7200000);
        QTest::addRow("day") << QStringLiteral("1d") << qint64(86400000);
        QTest::addRow("seconds") << QStringLiteral("300") << qint64(300000);
        QTest::addRow("garbage") << QStringLiteral("2 hours") << qint64(-1);
        QTest::addRow("negative") << QStringLiteral("-5m") << qint64(-1);
        QTest::addRow("too long") << QStringLiteral("400d") << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto d = parseDuration(text);
        QCOMPARE(d ? *d : -1, ms);
    }

    void badOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("unknown") << QStringList { QStringLiteral("--frobnicate") };
        QTest::addRow("missing value") << QStringList { QStringLiteral("--seed") };
        QTest::addRow("bad listen") << QStringList { QStringLiteral("--listen"), QStringLiteral("nowhere") };
        QTest::addRow("zero speed") << QStringList { QStringLiteral("--speed"), QStringLiteral("0") };
        QTest::addRow("too many nodes") << QStringList { QStringLiteral("--nodes"), QStringLiteral("9999999") };
        QTest::addRow("seconds as start")
            << QStringList { QStringLiteral("--start-time"), QStringLiteral("1750000000") };
        QTest::addRow("bad interval") << QStringList { QStringLiteral("--interval"), QStringLiteral("0") };
    }
    void badOptions()
    {
        QFETCH(QStringList, args);
        Options o;
        QString error;
        QVERIFY(!parseOptions(args, &o, &error));
        QVERIFY(!error.isEmpty());
    }

    void fibreLatency()
    {
        const Topology topo(defaultScenario(), 1, Start);
        const auto& sites = topo.scenario().sites;
        auto index = [&](const char* id) {
            for (int i = 0; i < sites.size(); ++i)
                if (sites[i].id == QLatin1String(id))
                    return i;
            return -1;
        };
        // The product brief's latency anchors: Wuhu→Shanghai 4–6 ms, Ulanqab→Guangzhou 25–30 ms (±10 % for the factor
        // range).
        const double wuhuShanghai = topo.siteRttMs(index("wuhu"), index("shanghai"));
        QVERIFY2(wuhuShanghai > 3.5 && wuhuShanghai < 7, qPrintable(QString::number(wuhuShanghai)));
        const double ulanqabGuangzhou = topo.siteRttMs(index("ulanqab"), index("guangzhou"));
        QVERIFY2(ulanqabGuangzhou > 23 && ulanqabGuangzhou < 36, qPrintable(QString::number(ulanqabGuangzhou)));
    }

    void inventoryIdsAndUuids()
    {
        const Topology topo(defaultScenario(), 1, Start);
        QSet<QString> ids, uuids;
        for (int n = 0; n < topo.nodeCount(); ++n) {
            const Protocol::NodeInventory inv = topo.inventory(n, 0);
            QVERIFY(!ids.contains(inv.nodeId));
            ids.insert(inv.nodeId);
            QVERIFY2(
                QRegularExpression(QStringLiteral("^[a-z]+-[a-z]+\\d-r\\d\\d-n\\d\\d$")).match(inv.nodeId).hasMatch(),
                qPrintable(inv.nodeId));
            for (const auto& a : inv.accelerators) {
                if (a.vendor == QLatin1String("nvidia"))
                    QVERIFY(a.uuid.startsWith(QLatin1String("GPU-")));
                QVERIFY(!uuids.contains(a.uuid));
                uuids.insert(a.uuid);
            }
            // Round trip through the strict decoder.
            Protocol::NodeInventory decoded;
            const auto result = Protocol::Json::decode(Protocol::Json::toJson(inv), &decoded);
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(decoded, inv);
        }
        QVERIFY(topo.inventory(0, 0).bootId != topo.inventory(0, 1).bootId);
    }

    void checkpointPhase()
    {
        JobSpec job;
        job.training = true;
        job.checkpointIntervalMs = 600000;
        job.checkpointDurationMs = 60000;
        const qint64 placed = Start;
        QCOMPARE(jobPhase(job, placed, 0, placed + 1000).lastCheckpointMs, 0);
        QVERIFY(!jobPhase(job, placed, 0, placed + 1000).checkpointing);
        QVERIFY(jobPhase(job, placed, 0, placed + 570000).checkpointing);
        QCOMPARE(jobPhase(job, placed, 0, placed + 610000).lastCheckpointMs, placed + 600000);
        QCOMPARE(jobPhase(job, placed, Start - 5, placed + 1000).lastCheckpointMs, Start - 5);
    }

    void deterministic()
    {
        auto a = makeSim(7);
        auto b = makeSim(7);
        auto c = makeSim(8);
        QCOMPARE(a->state()->truthDocument(), b->state()->truthDocument());
        QCOMPARE(a->state()->nodesDocument({}, 1 << 30), b->state()->nodesDocument({}, 1 << 30));
        QVERIFY(a->state()->nodesDocument({}, 1 << 30) != c->state()->nodesDocument({}, 1 << 30));
        a->control(std::nullopt, 600000);
        b->control(std::nullopt, 600000);
        QCOMPARE(a->state()->truthDocument(), b->state()->truthDocument());
        QCOMPARE(a->state()->jobsDocument({}), b->state()->jobsDocument({}));
    }

    // The spliced batched answer must be exactly what the protocol encoder writes.
    void nodesPageMatchesEncoder()
    {
        auto sim = makeSim(3, 600000, 40);
        const auto st = sim->state();
        Protocol::NodesPage page;
        page.cursor = st->instance + QStringLiteral(":v") + QString::number(st->version);
        page.timestampMs = st->timeMs;
        for (int n = 0; n < st->topology().nodeCount(); ++n) {
            Protocol::NodeRecord r;
            r.nodeId = st->topology().nodes()[size_t(n)].id;
            r.inventory = st->inventory(n);
            r.inventoryIncluded = true;
            r.snapshot = st->snapshot(n);
            page.nodes.append(r);
        }
        const QByteArray expected = Protocol::Json::document(Protocol::Json::toJson(page));
        QCOMPARE(st->nodesDocument({}, 1 << 30), expected);
        Protocol::NodesPage decoded;
        const auto result = Protocol::Json::decodeBody(expected, &decoded);
        QVERIFY2(result.ok, qPrintable(result.error));
    }

    // Pingmesh-style bounded mesh: ~3 series per node, and a complete site matrix through the gateways.
    void probePeersAreBounded_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addRow("default") << 0;
        QTest::addRow("tiny") << 20;
        QTest::addRow("large") << 25000;
    }
    void probePeersAreBounded()
    {
        QFETCH(int, nodes);
        Scenario s = defaultScenario();
        if (nodes > 0)
            scaleScenario(&s, nodes);
        const Topology topo(s, 1, Start);
        const auto& all = topo.nodes();
        const int sites = int(s.sites.size());
        QSet<int> gateways;
        int sitesWithNodes = 0;
        for (int site = 0; site < sites; ++site) {
            const auto& g = topo.siteGateways(site);
            QVERIFY(int(g.size()) <= MaxGatewaysPerSite);
            sitesWithNodes += g.empty() ? 0 : 1;
            for (int node : g) {
                QCOMPARE(all[size_t(node)].site, site);
                gateways.insert(node);
            }
        }
        qint64 series = 0;
        QSet<QPair<int, int>> siteMatrix;
        for (int n = 0; n < topo.nodeCount(); ++n) {
            const NodeInfo& node = all[size_t(n)];
            int local = 0;
            QSet<int> remoteSites;
            for (int peer : node.probePeers) {
                QVERIFY(peer != n);
                const NodeInfo& p = all[size_t(peer)];
                if (p.site == node.site) {
                    ++local;
                    QCOMPARE(p.pool, node.pool); // rack neighbours and one node of the pool's next rack
                    continue;
                }
                QVERIFY2(gateways.contains(n), qPrintable(node.id + QStringLiteral(" probes another site")));
                QVERIFY(gateways.contains(peer));
                QVERIFY(!remoteSites.contains(p.site));
                remoteSites.insert(p.site);
                siteMatrix.insert({ node.site, p.site });
            }
            QVERIFY2(local <= RackProbePeers + 1, qPrintable(node.id));
            if (gateways.contains(n))
                QCOMPARE(remoteSites.size(), sitesWithNodes - 1);
            series += node.probePeers.size();
        }
        QCOMPARE(siteMatrix.size(), sitesWithNodes * (sitesWithNodes - 1));
        QVERIFY2(series <= qint64(RackProbePeers + 1) * topo.nodeCount() + gateways.size() * (sitesWithNodes - 1),
            qPrintable(QString::number(series)));
        if (nodes >= 25000)
            QVERIFY(series < 3.1 * topo.nodeCount());
    }

    // Served per-node documents are exactly what the protocol encoder writes.
    void perNodeDocumentsMatchEncoder()
    {
        auto sim = makeSim(4, 3600 * 1000, 30);
        sim->injectFault(sim->topology().nodes()[2].id, QStringLiteral("hbm-ecc"), 1, 2);
        sim->injectFault(sim->topology().nodes()[5].id, QStringLiteral("node-down"), 0, 2);
        sim->control(std::nullopt, 60000);
        const auto st = sim->state();
        for (int n = 0; n < st->topology().nodeCount(); ++n) {
            QCOMPARE(st->snapshotDocument(n), Protocol::Json::document(Protocol::Json::toJson(st->snapshot(n))));
            for (const auto& [since, limit] : { std::pair<qint64, int> { 0, 20000 }, { st->seq - 10, 3 } }) {
                const QByteArray body = st->samplesDocument(n, since, limit);
                QCOMPARE(body, Protocol::Json::document(Protocol::Json::toJson(st->samples(n, since, limit))));
                Protocol::SamplesPage page;
                const auto result = Protocol::Json::decodeBody(body, &page);
                QVERIFY2(result.ok, qPrintable(result.error));
            }
        }
        // A whole hour's ring (721 samples at 5 s) in one answer.
        Protocol::SamplesPage ring;
        QVERIFY(Protocol::Json::decodeBody(st->samplesDocument(0, 0, 20000), &ring).ok);
        QCOMPARE(ring.samples.size(), 721);
        QVERIFY(!ring.more);
    }

    void historyIsContiguousAndEccRises()
    {
        auto sim = makeSim(5, 2 * 3600 * 1000, 30);
        sim->injectFault(sim->topology().nodes()[3].id, QStringLiteral("hbm-ecc"), 2, 1);
        sim->control(std::nullopt, 3600 * 1000);
        const auto st = sim->state();
        for (int n = 0; n < st->topology().nodeCount(); ++n) {
            const auto page = st->samples(n, 0, 20000);
            QCOMPARE(page.samples.first().seq, page.oldestSeq);
            QCOMPARE(page.samples.last().seq, st->seq);
            double lastSbe = 0, lastDbe = 0;
            for (qsizetype i = 0; i < page.samples.size(); ++i) {
                QCOMPARE(page.samples[i].seq, page.oldestSeq + i);
                if (page.samples[i].state == Protocol::NodeState::Down)
                    continue;
                const auto& acc = page.samples[i].accelerators[2];
                QVERIFY(acc.eccSingleBitTotal >= lastSbe);
                QVERIFY(acc.eccDoubleBitTotal >= lastDbe);
                lastSbe = acc.eccSingleBitTotal;
                lastDbe = acc.eccDoubleBitTotal;
            }
        }
        // A regenerated past tick equals itself (pure function of the timeline).
        QCOMPARE(
            Protocol::Json::toJson(st->sample(7, st->seq - 100)), Protocol::Json::toJson(st->sample(7, st->seq - 100)));
    }

    void faultsInterruptJobs()
    {
        auto sim = makeSim(11, 600000, 60);
        auto st = sim->state();
        // A node running a job: taking it down must leave no job on it and no allocation in truth.
        int busy = -1;
        for (int n = 0; n < st->topology().nodeCount() && busy < 0; ++n)
            if (!st->snapshot(n).jobs.isEmpty() && !st->isDown(n))
                busy = n;
        QVERIFY(busy >= 0);
        const QString jobId = st->snapshot(busy).jobs.first().jobId;
        const ApiResult r
            = sim->injectFault(st->topology().nodes()[size_t(busy)].id, QStringLiteral("node-down"), 0, 2);
        QCOMPARE(r.status, 200);
        st = sim->state();
        const Protocol::Snapshot snap = st->snapshot(busy);
        QVERIFY(snap.sample.state == Protocol::NodeState::Down);
        QCOMPARE(snap.faults.size(), 1);
        QCOMPARE(snap.faults.first().kind, QStringLiteral("node-down"));
        QVERIFY(snap.jobs.isEmpty());
        bool recovering = false;
        for (const JobView& j : st->jobs)
            recovering = recovering || (j.record.jobId == jobId && j.record.state == QLatin1String("recovering"));
        QVERIFY(recovering);
        // Injecting again is a conflict, clearing brings it back with a new boot id.
        QCOMPARE(
            sim->injectFault(st->topology().nodes()[size_t(busy)].id, QStringLiteral("node-down"), 0, 2).status, 409);
        const QString bootBefore = st->inventory(busy).bootId;
        QCOMPARE(sim->clearFault(r.id).status, 200);
        st = sim->state();
        QVERIFY(!st->isDown(busy));
        QVERIFY(st->inventory(busy).bootId != bootBefore);
        QVERIFY(st->inventoryChanged[size_t(busy)] == st->version);
        QCOMPARE(sim->clearFault(r.id).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestFleetSimModel)
#include "tst_fleetsimmodel.moc"
