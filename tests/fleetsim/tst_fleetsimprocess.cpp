// SPDX-License-Identifier: GPL-3.0-or-later
// The real meridian-fleetsim process on loopback: determinism, ground truth,
// fault injection, history paging, authentication, scale and hostile scenarios.
#include "core/protocol/prometheustext.h"
#include "core/protocol/protocoljson.h"
#include "tests/support/processharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Meridian;
using namespace Meridian::Test;

namespace {

const QString Start = QStringLiteral("1750000000000");

QStringList baseArgs(const QString& seed = QStringLiteral("42"))
{
    return { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--seed"), seed,
        QStringLiteral("--start-time"), Start, QStringLiteral("--history"), QStringLiteral("30m"),
        QStringLiteral("--paused") };
}

QJsonObject object(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

struct Capacity
{
    int total = 0, allocated = 0, free = 0, faulty = 0;
    bool operator==(const Capacity&) const = default;
};

} // namespace

class TestFleetSimProcess : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerProcess> startSim(const QStringList& args)
    {
        auto p = std::make_unique<ServerProcess>(QStringLiteral(MERIDIAN_FLEETSIM_BIN), args);
        if (!p->start(120000))
            qWarning("%s", qPrintable(p->error()));
        return p;
    }
    QUrl url(const ServerProcess& p, const QString& path) { return p.url().resolved(QUrl(path)); }

    QByteArray post(const ServerProcess& p, const QString& path, const QJsonObject& body, int expected = 200,
        const QByteArray& token = {})
    {
        const HttpResult r = httpPost(url(p, path), body, token);
        if (r.status != expected)
            qWarning("POST %s → %d %s", qPrintable(path), r.status, r.body.constData());
        return r.status == expected ? r.body : QByteArray();
    }

private Q_SLOTS:
    void determinism()
    {
        auto a = startSim(baseArgs());
        auto b = startSim(baseArgs());
        auto c = startSim(baseArgs(QStringLiteral("43")));
        QVERIFY(a->isRunning() && b->isRunning() && c->isRunning());
        for (auto* p : { a.get(), b.get(), c.get() })
            QVERIFY(!post(*p, QStringLiteral("/sim/control"), { { QStringLiteral("step"), 120 } }).isEmpty());
        const HttpResult na = httpGet(url(*a, QStringLiteral("/api/v1/nodes")));
        const HttpResult nb = httpGet(url(*b, QStringLiteral("/api/v1/nodes")));
        const HttpResult nc = httpGet(url(*c, QStringLiteral("/api/v1/nodes")));
        QCOMPARE(na.status, 200);
        QVERIFY(na.body.size() > 100000);
        QVERIFY(na.body == nb.body);
        QVERIFY(na.body != nc.body);
        const HttpResult ta = httpGet(url(*a, QStringLiteral("/sim/truth")));
        const HttpResult tb = httpGet(url(*b, QStringLiteral("/sim/truth")));
        QCOMPARE(ta.status, 200);
        QCOMPARE(ta.body, tb.body);
        QVERIFY(ta.body != httpGet(url(*c, QStringLiteral("/sim/truth"))).body);
    }

    void truthMatchesWhatIsServed()
    {
        auto p = startSim(baseArgs(QStringLiteral("7")));
        QVERIFY(p->isRunning());
        // Some faults so that every class is exercised.
        QVERIFY(!post(*p, QStringLiteral("/sim/faults"),
            { { QStringLiteral("node"), QStringLiteral("wuhu-trn1-r01-n02") },
                { QStringLiteral("kind"), QStringLiteral("node-down") } })
                     .isEmpty());
        QVERIFY(!post(*p, QStringLiteral("/sim/faults"),
            { { QStringLiteral("node"), QStringLiteral("beijing-inf1-r01-n01") },
                { QStringLiteral("kind"), QStringLiteral("hbm-ecc") }, { QStringLiteral("accelerator"), 3 } })
                     .isEmpty());
        Protocol::Limits limits;
        limits.maxBodyBytes = 256 * 1024 * 1024;
        Protocol::NodesPage nodes;
        const auto decodedNodes
            = Protocol::Json::decodeBody(httpGet(url(*p, QStringLiteral("/api/v1/nodes"))).body, &nodes, limits);
        QVERIFY2(decodedNodes.ok, qPrintable(decodedNodes.error));
        Protocol::JobsPage jobs;
        const auto decodedJobs
            = Protocol::Json::decodeBody(httpGet(url(*p, QStringLiteral("/api/v1/jobs"))).body, &jobs, limits);
        QVERIFY2(decodedJobs.ok, qPrintable(decodedJobs.error));
        const QJsonObject truth = object(httpGet(url(*p, QStringLiteral("/sim/truth"))).body);
        QCOMPARE(truth.value(QStringLiteral("ts")).toInteger(), nodes.timestampMs);

        // Aggregate with the shared capacity definitions.
        std::map<std::pair<QString, QString>, Capacity> byRegionModel;
        std::map<QString, std::array<int, 3>> byRegion; // up, down, open faults
        std::map<QString, QString> regionOfPool;
        for (const Protocol::NodeRecord& r : nodes.nodes) {
            QVERIFY(r.inventoryIncluded);
            const bool down = r.snapshot.sample.state == Protocol::NodeState::Down;
            auto& counts = byRegion[r.inventory.region];
            (down ? counts[1] : counts[0]) += 1;
            counts[2] += int(r.snapshot.faults.size());
            if (down)
                QCOMPARE(r.snapshot.faults.size(), 1);
            regionOfPool[r.inventory.pool] = r.inventory.region;
            for (const Protocol::AcceleratorSample& a : r.snapshot.sample.accelerators) {
                Capacity& c = byRegionModel[{ r.inventory.region, r.inventory.accelerators[a.index].model }];
                ++c.total;
                if (down || a.health == Protocol::AcceleratorHealth::Faulty)
                    ++c.faulty;
                else if (!a.jobId.isEmpty())
                    ++c.allocated;
                else
                    ++c.free;
            }
        }
        std::map<std::pair<QString, QString>, int> jobsByRegionState;
        for (const Protocol::JobRecord& j : jobs.jobs) {
            QCOMPARE(regionOfPool[j.pool], j.region);
            ++jobsByRegionState[{
                j.region, j.state == QLatin1String("checkpointing") ? QStringLiteral("running") : j.state }];
        }
        const QJsonArray regions = truth.value(QStringLiteral("regions")).toArray();
        QCOMPARE(size_t(regions.size()), byRegion.size());
        int faultyTotal = 0;
        for (const QJsonValue& v : regions) {
            const QJsonObject r = v.toObject();
            const QString region = r.value(QStringLiteral("region")).toString();
            QCOMPARE(r.value(QStringLiteral("nodesUp")).toInt(), byRegion[region][0]);
            QCOMPARE(r.value(QStringLiteral("nodesDown")).toInt(), byRegion[region][1]);
            QCOMPARE(r.value(QStringLiteral("openFaults")).toInt(), byRegion[region][2]);
            for (const QJsonValue& m : r.value(QStringLiteral("models")).toArray()) {
                const QJsonObject mo = m.toObject();
                const Capacity expected = byRegionModel[{ region, mo.value(QStringLiteral("model")).toString() }];
                const Capacity actual { mo.value(QStringLiteral("total")).toInt(),
                    mo.value(QStringLiteral("allocated")).toInt(), mo.value(QStringLiteral("free")).toInt(),
                    mo.value(QStringLiteral("faulty")).toInt() };
                QVERIFY2(actual == expected, qPrintable(region + u' ' + mo.value(QStringLiteral("model")).toString()));
                faultyTotal += actual.faulty;
            }
            const QJsonObject jobCounts = r.value(QStringLiteral("jobs")).toObject();
            for (auto it = jobCounts.begin(); it != jobCounts.end(); ++it) {
                const std::pair<QString, QString> key { region, it.key() };
                QCOMPARE(it->toInt(), jobsByRegionState[key]);
            }
        }
        QVERIFY(faultyTotal >= 9); // the down node's 8 and the ECC chip
        QVERIFY(jobsByRegionState.size() > 3);
    }

    void faultInjection_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("health");
        QTest::addRow("hbm-ecc") << QStringLiteral("hbm-ecc") << QStringLiteral("faulty");
        QTest::addRow("link-down") << QStringLiteral("link-down") << QStringLiteral("faulty");
        QTest::addRow("thermal") << QStringLiteral("thermal") << QStringLiteral("warning");
    }
    void faultInjection()
    {
        QFETCH(QString, kind);
        QFETCH(QString, health);
        auto p = startSim(baseArgs());
        const QString node = QStringLiteral("guangzhou-inf1-r01-n02");
        const QJsonObject before = object(httpGet(url(*p, QStringLiteral("/sim/truth"))).body);
        const QByteArray created = post(*p, QStringLiteral("/sim/faults"),
            { { QStringLiteral("node"), node }, { QStringLiteral("kind"), kind },
                { QStringLiteral("accelerator"), 5 } });
        const qint64 id = object(created).value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        Protocol::Snapshot snap;
        const auto decoded = Protocol::Json::decodeBody(
            httpGet(url(*p, QStringLiteral("/n/%1/api/v1/snapshot").arg(node))).body, &snap);
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(Protocol::toString(snap.sample.accelerators[5].health), health);
        bool listed = false;
        for (const Protocol::Event& f : snap.faults)
            listed = listed || (f.id == id && f.kind == kind && f.accelerator == 5);
        QVERIFY(listed);
        const QJsonObject after = object(httpGet(url(*p, QStringLiteral("/sim/truth"))).body);
        QCOMPARE(after.value(QStringLiteral("fleet")).toObject().value(QStringLiteral("openFaults")).toInt(),
            before.value(QStringLiteral("fleet")).toObject().value(QStringLiteral("openFaults")).toInt() + 1);
        QVERIFY(!post(*p, QStringLiteral("/sim/faults/clear"), { { QStringLiteral("id"), double(id) } }).isEmpty());
        Protocol::EventsPage events;
        QVERIFY(
            Protocol::Json::decodeBody(httpGet(url(*p, QStringLiteral("/n/%1/api/v1/events").arg(node))).body, &events)
                .ok);
        QVERIFY(!events.events.isEmpty());
        QVERIFY(events.events.last().cleared);
        QCOMPARE(events.events.last().kind, kind);
    }

    void nodeDownAndBack()
    {
        auto p = startSim(baseArgs());
        const QString node = QStringLiteral("guian-trn1-r02-n03");
        const QUrl snapshotUrl = url(*p, QStringLiteral("/n/%1/api/v1/snapshot").arg(node));
        QCOMPARE(httpGet(snapshotUrl).status, 200);
        Protocol::EventsPage before;
        QVERIFY(Protocol::Json::decodeBody(
            httpGet(url(*p, QStringLiteral("/api/v1/events?since=0&limit=20000"))).body, &before)
                    .ok);
        const qint64 id
            = object(post(*p, QStringLiteral("/sim/faults"),
                         { { QStringLiteral("node"), node }, { QStringLiteral("kind"), QStringLiteral("node-down") } }))
                  .value(QStringLiteral("id"))
                  .toInteger();
        QVERIFY(id > before.newestId);
        const HttpResult down = httpGet(snapshotUrl);
        QCOMPARE(down.status, 503);
        QCOMPARE(object(down.body).value(QStringLiteral("error")).toString(),
            QStringLiteral("node unreachable (simulated heartbeat loss)"));
        QCOMPARE(httpGet(url(*p, QStringLiteral("/n/%1/metrics").arg(node))).status, 503);
        // The fleet answer still carries the node: down, with one node-down fault.
        Protocol::Limits limits;
        limits.maxBodyBytes = 256 * 1024 * 1024;
        Protocol::NodesPage page;
        QVERIFY(Protocol::Json::decodeBody(httpGet(url(*p, QStringLiteral("/api/v1/nodes"))).body, &page, limits).ok);
        const QString cursor = page.cursor;
        bool seen = false;
        for (const Protocol::NodeRecord& r : page.nodes) {
            if (r.nodeId != node)
                continue;
            seen = true;
            QVERIFY(r.snapshot.sample.state == Protocol::NodeState::Down);
            QCOMPARE(r.snapshot.faults.size(), 1);
            QCOMPARE(r.snapshot.faults.first().kind, QStringLiteral("node-down"));
        }
        QVERIFY(seen);
        Protocol::EventsPage events;
        QVERIFY(Protocol::Json::decodeBody(
            httpGet(url(*p, QStringLiteral("/api/v1/events?since=%1").arg(before.newestId))).body, &events)
                    .ok);
        QVERIFY(!events.events.isEmpty());
        QCOMPARE(events.events.first().id, id);
        QCOMPARE(events.events.first().nodeId, node);

        QVERIFY(!post(*p, QStringLiteral("/sim/faults/clear"), { { QStringLiteral("node"), node } }).isEmpty());
        QCOMPARE(httpGet(snapshotUrl).status, 200);
        // Since the cursor: only the changed node, with its new inventory (new boot id).
        Protocol::NodesPage delta;
        QVERIFY(Protocol::Json::decodeBody(
            httpGet(url(*p, QStringLiteral("/api/v1/nodes?since=") + cursor)).body, &delta, limits)
                    .ok);
        QCOMPARE(delta.nodes.size(), 1);
        QCOMPARE(delta.nodes.first().nodeId, node);
        QVERIFY(delta.nodes.first().inventoryIncluded);
        QVERIFY(delta.nodes.first().snapshot.sample.state != Protocol::NodeState::Down);
        Protocol::EventsPage cleared;
        QVERIFY(Protocol::Json::decodeBody(
            httpGet(url(*p, QStringLiteral("/api/v1/events?since=%1").arg(events.newestId))).body, &cleared)
                    .ok);
        bool clearedSeen = false;
        for (const Protocol::Event& e : cleared.events)
            clearedSeen = clearedSeen || (e.kind == QLatin1String("node-down") && e.cleared && e.nodeId == node);
        QVERIFY(clearedSeen);
    }

    void badFaultBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addRow("no node") << QByteArray(R"({"kind":"node-down"})") << 400;
        QTest::addRow("bad kind") << QByteArray(R"({"node":"wuhu-trn1-r01-n01","kind":"meteor"})") << 400;
        QTest::addRow("kind not string") << QByteArray(R"({"node":"wuhu-trn1-r01-n01","kind":7})") << 400;
        QTest::addRow("accelerator out of range")
            << QByteArray(R"({"node":"wuhu-trn1-r01-n01","kind":"thermal","accelerator":99})") << 400;
        QTest::addRow("unknown node") << QByteArray(R"({"node":"nowhere-x1-r01-n01","kind":"thermal"})") << 404;
    }
    void badFaultBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        static std::unique_ptr<ServerProcess> p;
        if (!p)
            p = startSim(baseArgs());
        const HttpResult r = httpPost(url(*p, QStringLiteral("/sim/faults")), object(body));
        QCOMPARE(r.status, status);
        QVERIFY(!object(r.body).value(QStringLiteral("error")).toString().isEmpty());
        QCOMPARE(httpPost(url(*p, QStringLiteral("/sim/control")), { { QStringLiteral("step"), -5 } }).status, 400);
        QCOMPARE(
            httpPost(url(*p, QStringLiteral("/sim/faults/clear")), { { QStringLiteral("id"), 999999 } }).status, 404);
    }

    void samplesCoverHistory()
    {
        auto p = startSim(baseArgs());
        const QString base = QStringLiteral("/n/shanghai-inf1-r01-n01/api/v1/samples");
        Protocol::SamplesPage all;
        QVERIFY(
            Protocol::Json::decodeBody(httpGet(url(*p, base + QStringLiteral("?since=0&limit=20000"))).body, &all).ok);
        QCOMPARE(all.oldestSeq, 1);
        QCOMPARE(all.samples.size(), 30 * 12 + 1); // 30 min at 5 s, plus the current tick
        QCOMPARE(all.samples.last().timestampMs - all.samples.first().timestampMs, qint64(30 * 60 * 1000));
        QVERIFY(!all.more);
        // Paging with limit: contiguous, `more` until the end.
        qint64 since = 0;
        QList<qint64> seqs;
        for (int guard = 0; guard < 100; ++guard) {
            Protocol::SamplesPage page;
            QVERIFY(Protocol::Json::decodeBody(
                httpGet(url(*p, base + QStringLiteral("?since=%1&limit=50").arg(since))).body, &page)
                        .ok);
            QVERIFY(page.samples.size() <= 50);
            for (const auto& s : page.samples)
                seqs.append(s.seq);
            if (!page.more)
                break;
            since = page.samples.last().seq;
        }
        QCOMPARE(seqs.size(), all.samples.size());
        for (qsizetype i = 1; i < seqs.size(); ++i)
            QCOMPARE(seqs[i], seqs[i - 1] + 1);
        QCOMPARE(httpGet(url(*p, base + QStringLiteral("?limit=0"))).status, 400);
        QCOMPARE(httpGet(url(*p, base + QStringLiteral("?since=abc"))).status, 400);
    }

    void eventsPage()
    {
        auto p = startSim({ QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--start-time"), Start,
            QStringLiteral("--history"), QStringLiteral("6h"), QStringLiteral("--paused") });
        Protocol::EventsPage all;
        QVERIFY(
            Protocol::Json::decodeBody(httpGet(url(*p, QStringLiteral("/api/v1/events?limit=20000"))).body, &all).ok);
        QVERIFY2(all.events.size() >= 6, "six simulated hours show several faults");
        qint64 since = 0;
        qsizetype count = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            Protocol::EventsPage page;
            QVERIFY(Protocol::Json::decodeBody(
                httpGet(url(*p, QStringLiteral("/api/v1/events?since=%1&limit=3").arg(since))).body, &page)
                        .ok);
            for (const auto& e : page.events) {
                QVERIFY(e.id > since);
                since = e.id;
                ++count;
            }
            if (!page.more)
                break;
        }
        QCOMPARE(count, all.events.size());
        bool cleared = false;
        for (const auto& e : all.events)
            cleared = cleared || e.cleared;
        QVERIFY(cleared);
    }

    void authentication()
    {
        TokenFile token;
        QStringList args = baseArgs();
        args << QStringLiteral("--token-file") << token.path();
        auto p = startSim(args);
        QVERIFY(p->isRunning());
        const QString node = QStringLiteral("wuhan-edge1-r01-n01");
        for (const QString& path : { QStringLiteral("/api/v1/nodes"), QStringLiteral("/api/v1/fleet"),
                 QStringLiteral("/sim/truth"), QStringLiteral("/n/%1/api/v1/snapshot").arg(node) }) {
            QCOMPARE(httpGet(url(*p, path)).status, 401);
            QCOMPARE(httpGet(url(*p, path), QByteArrayLiteral("wrong-token-0123456789abcdef")).status, 401);
            QCOMPARE(httpGet(url(*p, path), token.token()).status, 200);
        }
        QCOMPARE(httpPost(url(*p, QStringLiteral("/sim/control")), { { QStringLiteral("step"), 5 } }).status, 401);
        QCOMPARE(
            httpPost(url(*p, QStringLiteral("/sim/control")), { { QStringLiteral("step"), 5 } }, token.token()).status,
            200);
        // /metrics stays open, and is valid exposition text.
        const HttpResult metrics = httpGet(url(*p, QStringLiteral("/n/%1/metrics").arg(node)));
        QCOMPARE(metrics.status, 200);
        const auto parsed = Protocol::Prometheus::parse(metrics.body);
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        QVERIFY(parsed.samples.size() > 20);
    }

    void badScenarioOrFlags_data()
    {
        QTest::addColumn<QByteArray>("scenario");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::addRow("malformed") << QByteArray("{\"models\": [") << QStringList() << QStringLiteral("malformed JSON");
        QTest::addRow("oversized") << QByteArray(2 * 1024 * 1024, ' ') << QStringList()
                                   << QStringLiteral("larger than");
        QTest::addRow("absurd") << QByteArray(
            R"({"models":[{"model":"A","vendor":"v","memoryGiB":-1,"perNode":8,"tdpW":1,"idleW":1}],"sites":[],"pools":[]})")
                                << QStringList() << QStringLiteral("memoryGiB");
        QTest::addRow("bad flag") << QByteArray() << QStringList { QStringLiteral("--speed"), QStringLiteral("fast") }
                                  << QStringLiteral("--speed");
        QTest::addRow("missing file") << QByteArray()
                                      << QStringList { QStringLiteral("--scenario"),
                                             QStringLiteral("/nonexistent/x.json") }
                                      << QStringLiteral("cannot read");
    }
    void badScenarioOrFlags()
    {
        QFETCH(QByteArray, scenario);
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QStringList args = extra;
        if (!scenario.isEmpty()) {
            QFile file(dir.filePath(QStringLiteral("s.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(scenario);
            file.close();
            args << QStringLiteral("--scenario") << file.fileName();
        }
        QProcess process;
        process.start(QStringLiteral(MERIDIAN_FLEETSIM_BIN), args);
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(process.exitCode() != 0);
        const QString stderrText = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(stderrText.contains(message), qPrintable(stderrText));
        QVERIFY(!process.readAllStandardOutput().contains("listening on"));
    }

    void scaleSmoke()
    {
        auto p = startSim(
            { QStringLiteral("--nodes"), QStringLiteral("25000"), QStringLiteral("--history"), QStringLiteral("10m") });
        QVERIFY2(p->isRunning(), qPrintable(p->error()));
        Protocol::Limits limits;
        limits.maxBodyBytes = 512 * 1024 * 1024;
        Protocol::NodesPage first;
        const HttpResult paged = httpGet(url(*p, QStringLiteral("/api/v1/nodes?limit=1000")), {}, 120000);
        QCOMPARE(paged.status, 200);
        QVERIFY(Protocol::Json::decodeBody(paged.body, &first, limits).ok);
        QCOMPARE(first.nodes.size(), 1000);
        QVERIFY(first.more);
        const HttpResult all = httpGet(url(*p, QStringLiteral("/api/v1/nodes")), {}, 120000);
        QCOMPARE(all.status, 200);
        Protocol::NodesPage page;
        const auto decoded = Protocol::Json::decodeBody(all.body, &page, limits);
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(page.nodes.size(), 25000);
    }
};

QTEST_GUILESS_MAIN(TestFleetSimProcess)
#include "tst_fleetsimprocess.moc"
