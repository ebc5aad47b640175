// SPDX-License-Identifier: GPL-3.0-or-later
// The counter rules on live data. Unit: CounterFeed steps the ECC counters and
// temperatures of samples under the exporter names of each vendor, opens a
// condition on a rise / a crossing, keeps one condition while it goes on,
// closes it on its clearing or after a quiet period, steps each sample once,
// and never reads missing values as zero. End to end: a real fleetsim's
// "ecc-counter" injection (the counter rises, no fault event) reaches the
// console's FaultTracker through a FleetSession as an hbm-ecc fault.
#include "core/faults/counterfeed.h"
#include "core/faults/faulttracker.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Faults;
using namespace Meridian::Test;

namespace {
constexpr double NaN = Protocol::Missing;

Protocol::Sample sample(qint64 t, double sbe, double dbe, double temperature)
{
    Protocol::Sample s;
    s.seq = t / 1000;
    s.timestampMs = t;
    Protocol::AcceleratorSample a;
    a.index = 3;
    a.eccSingleBitTotal = sbe;
    a.eccDoubleBitTotal = dbe;
    a.temperatureC = temperature;
    s.accelerators.append(a);
    return s;
}

QStringList openKinds(const CounterFeed& feed)
{
    QStringList out;
    for (const auto& [key, e] : feed.open(QStringLiteral("n1")))
        out.append(e.kind + QLatin1Char('/') + e.code + QLatin1Char('/') + QString::number(e.accelerator));
    out.sort();
    return out;
}
} // namespace

class TestCounterLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void feed_data();
    void feed();
    void eachSampleOnce();
    void exporterCounters();
    void exporterCountersReachTheTracker();
    void simulatorEccRiseBecomesFault();
};

void TestCounterLive::feed_data()
{
    QTest::addColumn<QString>("vendor");
    QTest::addColumn<QList<Protocol::Sample>>("samples");
    QTest::addColumn<QStringList>("expected"); ///< open after the last sample
    const qint64 m = 60 * 1000;
    QTest::addRow("ascend SBE rise opens")
        << QStringLiteral("huawei")
        << QList<Protocol::Sample> { sample(1 * m, 100, 0, 50), sample(2 * m, 100, 0, 50), sample(3 * m, 150, 0, 50) }
        << QStringList { QStringLiteral("hbm-ecc/SBE/3") };
    QTest::addRow("rise closes after a quiet period")
        << QStringLiteral("huawei")
        << QList<Protocol::Sample> { sample(1 * m, 100, 0, 50), sample(2 * m, 150, 0, 50), sample(11 * m, 150, 0, 50),
               sample(12 * m, 150, 0, 50) }
        << QStringList {};
    QTest::addRow("still rising stays one condition")
        << QStringLiteral("huawei")
        << QList<Protocol::Sample> { sample(1 * m, 100, 0, 50), sample(2 * m, 150, 0, 50), sample(9 * m, 200, 0, 50),
               sample(15 * m, 200, 0, 50) }
        << QStringList { QStringLiteral("hbm-ecc/SBE/3") };
    QTest::addRow("nvidia DBE rise") << QStringLiteral("nvidia")
                                     << QList<Protocol::Sample> { sample(1 * m, 5, 0, 50), sample(2 * m, 5, 1, 50) }
                                     << QStringList { QStringLiteral("hbm-ecc/DBE/3") };
    QTest::addRow("ascend temperature opens and clears with hysteresis")
        << QStringLiteral("huawei")
        << QList<Protocol::Sample> { sample(1 * m, 1, 0, 80), sample(2 * m, 1, 0, 96), sample(3 * m, 1, 0, 92) }
        << QStringList { QStringLiteral("thermal//3") };
    QTest::addRow("cleared below clearAt")
        << QStringLiteral("huawei")
        << QList<Protocol::Sample> { sample(1 * m, 1, 0, 80), sample(2 * m, 1, 0, 96), sample(3 * m, 1, 0, 89) }
        << QStringList {};
    QTest::addRow("missing from the start is not zero")
        << QStringLiteral("nvidia") << QList<Protocol::Sample> { sample(1 * m, NaN, NaN, NaN), sample(2 * m, 3, 0, 50) }
        << QStringList {};
    QTest::addRow("other vendors have no counter rules")
        << QStringLiteral("cambricon") << QList<Protocol::Sample> { sample(1 * m, 1, 0, 50), sample(2 * m, 90, 5, 99) }
        << QStringList {};
}

void TestCounterLive::feed()
{
    QFETCH(QString, vendor);
    QFETCH(QList<Protocol::Sample>, samples);
    QFETCH(QStringList, expected);
    CounterFeed feed(FaultMap::builtIn());
    for (const Protocol::Sample& s : samples)
        feed.step(QStringLiteral("n1"), s, [&vendor](int) { return vendor; });
    QCOMPARE(openKinds(feed), expected);
    feed.forget(QStringLiteral("n1"));
    QVERIFY(feed.open(QStringLiteral("n1")).isEmpty());
}

void TestCounterLive::eachSampleOnce()
{
    CounterFeed feed(FaultMap::builtIn());
    auto huawei = [](int) { return QStringLiteral("huawei"); };
    QVERIFY(!feed.step(QStringLiteral("n1"), sample(1000, 10, 0, 50), huawei)); // baseline
    QVERIFY(feed.step(QStringLiteral("n1"), sample(2000, 20, 0, 50), huawei));
    QVERIFY(!feed.step(QStringLiteral("n1"), sample(2000, 99, 0, 50), huawei)); // the same sample again
    QCOMPARE(feed.open(QStringLiteral("n1")).size(), 1);
    QCOMPARE(feed.open(QStringLiteral("n1")).first().second.timestampMs, 2000); // the agent's clock
}

namespace {

// A metrics source's exporter-only counters: an NVIDIA chip 0 and an Ascend chip 1 of node n1.
ExporterCounters exporterReading(qint64 t, double xid, double opticalRx, double hccsCrc)
{
    ExporterCounters c;
    c.nodeId = QStringLiteral("n1");
    c.timestampMs = t;
    c.accelerators.append({ 0, QStringLiteral("nvidia"), { { QStringLiteral("DCGM_FI_DEV_XID_ERRORS"), xid } } });
    c.accelerators.append({ 1, QStringLiteral("huawei"),
        { { QStringLiteral("npu_chip_optical_rx_power"), opticalRx },
            { QStringLiteral("npu_chip_info_hccs_statistic_info_crc_err_cnt"), hccsCrc } } });
    return c;
}

} // namespace

void TestCounterLive::exporterCounters()
{
    CounterFeed feed(FaultMap::builtIn());
    QVERIFY(!feed.stepExporter(exporterReading(1000, 0, 0.8, 100))); // baselines
    QVERIFY(feed.stepExporter(exporterReading(2000, 79, 0.02, 150)));
    QCOMPARE(openKinds(feed),
        QStringList(
            { QStringLiteral("hccs-crc//1"), QStringLiteral("optical-rx-power//1"), QStringLiteral("xid/Xid 79/0") }));
    QVERIFY(!feed.stepExporter(exporterReading(2000, 0, 0.9, 0))); // the same reading time again: ignored
    // Light back above the clearing level closes the optical condition; a counter that goes missing is no
    // value (no rise, no fall) but a visibility warning of its own.
    feed.stepExporter(exporterReading(3000, 79, 0.5, NaN));
    QCOMPARE(openKinds(feed),
        QStringList({ QStringLiteral("counter-missing/npu_chip_info_hccs_statistic_info_crc_err_cnt/1"),
            QStringLiteral("hccs-crc//1"), QStringLiteral("xid/Xid 79/0") }));
}

void TestCounterLive::exporterCountersReachTheTracker()
{
    registerCoreMetaTypes();
    FleetStore store;
    FaultTracker tracker(&store);
    auto update = [](qint64 t, double xid) {
        SourceUpdate u;
        u.source = QStringLiteral("prom");
        u.claims = SourceClaims::metrics(false);
        NodeUpdate n;
        n.nodeId = QStringLiteral("n1");
        n.hasInventory = true;
        n.inventory.nodeId = n.nodeId;
        n.inventory.region = QStringLiteral("East");
        n.inventory.accelerators.append(
            { 0, QStringLiteral("nvidia"), QStringLiteral("H100"), QStringLiteral("GPU-0"), 0 });
        n.hasSnapshot = true;
        n.snapshot.instanceId = QStringLiteral("prometheus:prom");
        n.snapshot.sample.seq = t;
        n.snapshot.sample.timestampMs = t;
        n.snapshot.sample.accelerators.append(Protocol::AcceleratorSample());
        n.status = AgentStatus::Up;
        u.nodes.append(n);
        ExporterCounters c;
        c.nodeId = n.nodeId;
        c.timestampMs = t;
        c.accelerators.append({ 0, QStringLiteral("nvidia"), { { QStringLiteral("DCGM_FI_DEV_XID_ERRORS"), xid } } });
        u.faultCounters.append(c);
        return u;
    };
    auto hasXid = [&tracker] {
        for (const FaultObservation& o : tracker.grouper().observations())
            if (o.nodeId == QLatin1String("n1") && o.kind == QLatin1String("xid") && o.code == QLatin1String("Xid 48"))
                return true;
        return false;
    };
    store.applyUpdate(update(1000, 0));
    QTRY_VERIFY(!store.hasPendingChanges());
    QVERIFY(!hasXid());
    store.applyUpdate(update(2000, 48));
    QTRY_VERIFY(hasXid());
    QCOMPARE(store.faultCounters(QStringLiteral("n1"))->source, QStringLiteral("prom"));
}

void TestCounterLive::simulatorEccRiseBecomesFault()
{
    registerCoreMetaTypes();
    SimulatorFixture sim;
    QVERIFY2(sim.start({ QStringLiteral("--seed"), QStringLiteral("31"), QStringLiteral("--history"),
                 QStringLiteral("10m"), QStringLiteral("--paused") }),
        qPrintable(sim.error()));
    QTemporaryDir cache;
    FleetSession session;
    QString error;
    QVERIFY2(session.open(cache.path(), &error), qPrintable(error));
    FaultTracker tracker(session.store());
    session.setSources({ sim.source() });
    QTRY_VERIFY_WITH_TIMEOUT(session.store()->nodes().size() >= 100, 60000);

    // An NVIDIA or Ascend node that is up without faults.
    QString nodeId;
    for (const FleetNode& n : session.store()->nodes()) {
        const QString vendor = n.inventory.accelerators.isEmpty() ? QString() : n.inventory.accelerators.first().vendor;
        if (n.status == AgentStatus::Up && n.snapshot.faults.isEmpty() && n.inventory.accelerators.size() > 3
            && n.snapshot.sample.state == Protocol::NodeState::Up
            && (vendor == QLatin1String("huawei") || vendor == QLatin1String("nvidia"))) {
            nodeId = n.inventory.nodeId;
            break;
        }
    }
    QVERIFY(!nodeId.isEmpty());
    auto hasDbe = [&] {
        for (const FaultObservation& o : tracker.grouper().observations())
            if (o.nodeId == nodeId && o.kind == QLatin1String("hbm-ecc") && o.code == QLatin1String("DBE")
                && o.accelerator == 3)
                return true;
        return false;
    };
    QVERIFY(!hasDbe());
    const HttpResult injected = sim.post(QStringLiteral("sim/faults"),
        { { QStringLiteral("node"), nodeId }, { QStringLiteral("kind"), QStringLiteral("ecc-counter") },
            { QStringLiteral("accelerator"), 3 }, { QStringLiteral("bits"), 2 } });
    QVERIFY2(injected.status == 200, injected.body.constData());
    // The simulated clock moves on: the next samples carry the risen counter, and no fault event.
    QVERIFY(sim.post(QStringLiteral("sim/control"), { { QStringLiteral("step"), 10 } }).status == 200);
    QTRY_VERIFY_WITH_TIMEOUT(hasDbe(), 30000);
    QVERIFY(session.store()->node(nodeId)->snapshot.faults.isEmpty()); // the console judged the counter itself
    for (const FaultObservation& o : tracker.grouper().observations()) {
        if (o.nodeId == nodeId && o.code == QLatin1String("DBE")) {
            QVERIFY(o.fault.severity == Protocol::Severity::Critical);
            QVERIFY(o.fault.action == Action::Reset);
            QVERIFY(o.message.contains(QLatin1String("rose by 1")));
        }
    }
}

QTEST_GUILESS_MAIN(TestCounterLive)
#include "tst_counterlive.moc"
