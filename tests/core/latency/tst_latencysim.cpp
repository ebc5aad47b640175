// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated probe mesh through the console's core (fleet source → store →
// LatencyMatrix) against the simulator's ground truth, and an injected fibre
// cut showing as loss within two probe intervals of simulated time.

#include "core/cache/cachereader.h"
#include "core/latency/latencymatrix.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

bool same(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-6;
}

double number(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::nan("");
}

// Empty when every site pair of the truth has the same figures in the console's matrix.
QString mismatch(const LatencyMatrix& m, const QJsonArray& links)
{
    const LatencyTopology& t = m.topology();
    int compared = 0;
    for (const QJsonValue& v : links) {
        const QJsonObject l = v.toObject();
        const QString from = l.value(QLatin1String("from")).toString(), to = l.value(QLatin1String("to")).toString();
        const int a = t.siteIndex.value(from, -1), b = t.siteIndex.value(to, -1);
        if (a < 0 || b < 0)
            return QStringLiteral("site %1 or %2 unknown to the console").arg(from, to);
        const PairStats s = m.stats(LatencyLevel::Site, a, b);
        if (s.probes != l.value(QLatin1String("probes")).toInt()
            || !same(s.p50Ms, number(l.value(QLatin1String("p50Ms"))))
            || !same(s.p99Ms, number(l.value(QLatin1String("p99Ms"))))
            || !same(s.loss, number(l.value(QLatin1String("loss")))))
            return QStringLiteral("%1 → %2: console %3 probes p50 %4 p99 %5 loss %6, truth %7")
                .arg(from, to)
                .arg(s.probes)
                .arg(s.p50Ms)
                .arg(s.p99Ms)
                .arg(s.loss)
                .arg(QString::fromUtf8(QJsonDocument(l).toJson(QJsonDocument::Compact)));
        ++compared;
    }
    // Site pairs the console has beyond the truth's (inter-site only) would be a disagreement too.
    int interSite = 0;
    for (auto it = m.pairs(LatencyLevel::Site).cbegin(); it != m.pairs(LatencyLevel::Site).cend(); ++it)
        interSite += (it.key() >> 32) != (it.key() & 0xffffffffu) ? 1 : 0;
    if (interSite != compared)
        return QStringLiteral("console has %1 site pairs, truth %2").arg(interSite).arg(compared);
    return {};
}

} // namespace

class TestLatencySim : public QObject
{
    Q_OBJECT
private:
    static Test::HttpResult post(const Test::SimulatorFixture& sim, const char* path, const QJsonObject& body)
    {
        return sim.post(QLatin1String(path), body, 60000);
    }

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void matrixEqualsTruthAndCutShowsAsLoss()
    {
        Test::SimulatorFixture sim;
        QVERIFY2(sim.start({ QStringLiteral("--history"), QStringLiteral("5m"), QStringLiteral("--seed"),
                     QStringLiteral("11") }),
            qPrintable(sim.error()));

        QTemporaryDir cache;
        FleetSession session;
        QString error;
        QVERIFY2(session.open(cache.path(), &error), qPrintable(error));
        session.setSources({ sim.source(QStringLiteral("sim"), 500) });
        FleetStore* store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(
            store->nodes().size() > 0 && store->agentStatusCounts().up == store->nodes().size(), 60000);

        // Frozen: the console catches up with the state the truth describes.
        const Test::HttpResult paused = post(sim, "sim/control", { { QStringLiteral("paused"), true } });
        QVERIFY2(paused.status == 200, paused.body.constData());
        const QJsonArray links = sim.truth(60000).value(QLatin1String("links")).toArray();
        const int sites = 11; // the default scenario: every ordered pair of distinct sites is probed
        QCOMPARE(links.size(), sites * (sites - 1));
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(LatencyMatrix::build(store->nodes()), links), QString(), 30000);

        // Persisted too: the cache's newest minute of a site pair equals the truth, and node pairs have windows.
        const QJsonObject firstLink = links.first().toObject();
        const auto cached = [&](bool site, const QString& from, const QString& to) {
            QFuture<QList<PairPoint>> f
                = session.cache()->probeHistory(site, from, to, 0, std::numeric_limits<qint64>::max());
            f.waitForFinished();
            return f.resultCount() > 0 ? f.result() : QList<PairPoint>();
        };
        const QString siteA = firstLink.value(QLatin1String("from")).toString();
        const QString siteB = firstLink.value(QLatin1String("to")).toString();
        QTRY_VERIFY2_WITH_TIMEOUT(!cached(true, siteA, siteB).isEmpty()
                && same(cached(true, siteA, siteB).last().p50Ms, number(firstLink.value(QLatin1String("p50Ms"))))
                && same(cached(true, siteA, siteB).last().loss, number(firstLink.value(QLatin1String("loss")))),
            qPrintable(QStringLiteral("cache: %1 minutes, last p50 %2 loss %3 at %4; truth %5")
                           .arg(cached(true, siteA, siteB).size())
                           .arg(cached(true, siteA, siteB).value(0).p50Ms)
                           .arg(cached(true, siteA, siteB).value(0).loss)
                           .arg(cached(true, siteA, siteB).value(0).timestampMs)
                           .arg(QString::fromUtf8(QJsonDocument(firstLink).toJson(QJsonDocument::Compact)))),
            30000);
        const LatencyMatrix now = LatencyMatrix::build(store->nodes());
        const quint64 nodePair = now.pairs(LatencyLevel::Node).cbegin().key();
        const QString nodeA = now.topology().nodes.value(int(nodePair >> 32));
        const QString nodeB = now.topology().nodes.value(int(nodePair & 0xffffffffu));
        QTRY_VERIFY_WITH_TIMEOUT(!cached(false, nodeA, nodeB).isEmpty(), 30000);
        QVERIFY(cached(false, nodeA, QStringLiteral("no-such-node")).isEmpty());

        // Cut the fibre between the first pair's sites; one collection step of simulated time later
        // (5 s, well within 2 probe windows of 60 s) both directions show total loss, in truth and console.
        const QJsonObject first = links.first().toObject();
        const QString a = first.value(QLatin1String("from")).toString(),
                      b = first.value(QLatin1String("to")).toString();
        const Test::HttpResult cut = post(sim, "sim/faults",
            { { QStringLiteral("kind"), QStringLiteral("link-cut") }, { QStringLiteral("from"), a },
                { QStringLiteral("to"), b } });
        QVERIFY2(cut.status == 200, cut.body.constData());
        const qint64 faultId = qint64(QJsonDocument::fromJson(cut.body).object().value(QLatin1String("id")).toDouble());
        QVERIFY(faultId > 0);
        QCOMPARE(post(sim, "sim/control", { { QStringLiteral("step"), 5 } }).status, 200);
        const QJsonArray cutLinks = sim.truth(60000).value(QLatin1String("links")).toArray();
        int lostPairs = 0;
        for (const QJsonValue& v : cutLinks) {
            const QJsonObject l = v.toObject();
            const QString from = l.value(QLatin1String("from")).toString(),
                          to = l.value(QLatin1String("to")).toString();
            const bool cutPair = (from == a && to == b) || (from == b && to == a);
            if (cutPair) {
                QCOMPARE(l.value(QLatin1String("loss")).toDouble(), 1.0);
                QVERIFY(l.value(QLatin1String("p50Ms")).isNull());
                ++lostPairs;
            }
        }
        QCOMPARE(lostPairs, 2);
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(LatencyMatrix::build(store->nodes()), cutLinks), QString(), 30000);
        const LatencyMatrix m = LatencyMatrix::build(store->nodes());
        const int ia = m.topology().siteIndex.value(a), ib = m.topology().siteIndex.value(b);
        QCOMPARE(m.stats(LatencyLevel::Site, ia, ib).loss, 1.0);
        QCOMPARE(m.stats(LatencyLevel::Site, ib, ia).loss, 1.0);
        QVERIFY(std::isnan(m.stats(LatencyLevel::Site, ia, ib).p50Ms));

        // Hostile and duplicate requests are refused; clearing restores the link.
        QCOMPARE(post(sim, "sim/faults",
                     { { QStringLiteral("kind"), QStringLiteral("link-cut") }, { QStringLiteral("from"), a },
                         { QStringLiteral("to"), b } })
                     .status,
            409);
        QCOMPARE(post(sim, "sim/faults",
                     { { QStringLiteral("kind"), QStringLiteral("link-cut") }, { QStringLiteral("from"), a },
                         { QStringLiteral("to"), QStringLiteral("atlantis") } })
                     .status,
            404);
        QCOMPARE(post(sim, "sim/faults",
                     { { QStringLiteral("kind"), QStringLiteral("link-degrade") }, { QStringLiteral("from"), a },
                         { QStringLiteral("to"), b }, { QStringLiteral("factor"), 1000 } })
                     .status,
            400);
        QCOMPARE(post(sim, "sim/faults/clear", { { QStringLiteral("id"), double(faultId) } }).status, 200);
        QCOMPARE(post(sim, "sim/control", { { QStringLiteral("step"), 5 } }).status, 200);
        const QJsonArray restored = sim.truth(60000).value(QLatin1String("links")).toArray();
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(LatencyMatrix::build(store->nodes()), restored), QString(), 30000);
        const LatencyMatrix after = LatencyMatrix::build(store->nodes());
        QVERIFY(after.stats(LatencyLevel::Site, ia, ib).loss < 1.0);

        // A degraded link multiplies the RTT: the console sees it slower than before.
        const double before = after.stats(LatencyLevel::Site, ia, ib).p50Ms;
        QCOMPARE(post(sim, "sim/faults",
                     { { QStringLiteral("kind"), QStringLiteral("link-degrade") }, { QStringLiteral("from"), a },
                         { QStringLiteral("to"), b }, { QStringLiteral("factor"), 4 } })
                     .status,
            200);
        QCOMPARE(post(sim, "sim/control", { { QStringLiteral("step"), 5 } }).status, 200);
        const QJsonArray degraded = sim.truth(60000).value(QLatin1String("links")).toArray();
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(LatencyMatrix::build(store->nodes()), degraded), QString(), 30000);
        QVERIFY(LatencyMatrix::build(store->nodes()).stats(LatencyLevel::Site, ia, ib).p50Ms > 2 * before);
    }
};

QTEST_GUILESS_MAIN(TestLatencySim)
#include "tst_latencysim.moc"
