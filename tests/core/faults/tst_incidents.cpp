// SPDX-License-Identifier: GPL-3.0-or-later
// Incident grouping, states and acknowledgements; the live tracker fed by the
// store; blast radius, recovery stopwatch and MTTR and time between incidents on hand-made fleets.
#include "core/faults/blastradius.h"
#include "core/faults/faultacks.h"
#include "core/faults/faulttracker.h"
#include "core/faults/recoverytimeline.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "tests/core/faults/faultcompare.h"
#include "tests/core/faults/faultfixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Faults;
using namespace Meridian::FaultFixture;

class TestIncidents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void grouping_data();
    void grouping();
    void powerDomainIsOneIncident();
    void siteLinksOfOneSite();
    void states();
    void acknowledgementRestoredByKey();
    void repeatsEscalate();
    void trackerFollowsTheStore();
    void heartbeatLoss();
    void blastRadiusAndTimeline();
    void reliabilityPerPool();
    void acknowledgementsInTheAudit();
};

// Each row: observations "key node rack kind acc offset-seconds"; expected incident count and the first's scope.
void TestIncidents::grouping_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<int>("incidents");
    QTest::addColumn<IncidentScope>("firstScope");
    QTest::addColumn<int>("firstCount");
    QTest::addRow("one chip") << QStringList { QStringLiteral("a n1 r1 chip-fault 3 0") } << 1
                              << IncidentScope::Accelerator << 1;
    QTest::addRow("many chips of a node") << QStringList { QStringLiteral("a n1 r1 chip-fault 3 0"),
        QStringLiteral("b n1 r1 hbm-ecc 5 20"), QStringLiteral("c n1 r1 link-down 0 200") }
                                          << 1 << IncidentScope::Node << 3;
    QTest::addRow("chips of two nodes") << QStringList { QStringLiteral("a n1 r1 chip-fault 3 0"),
        QStringLiteral("b n2 r1 chip-fault 3 1") }
                                        << 2 << IncidentScope::Accelerator << 1;
    QTest::addRow("chip fault long after")
        << QStringList { QStringLiteral("a n1 r1 chip-fault 3 0"), QStringLiteral("b n1 r1 chip-fault 4 3600") } << 2
        << IncidentScope::Accelerator << 1;
    QTest::addRow("nodes of a rack") << QStringList { QStringLiteral("a n1 r1 node-down -1 0"),
        QStringLiteral("b n2 r1 node-down -1 40"), QStringLiteral("c n3 r1 node-down -1 90") }
                                     << 1 << IncidentScope::Rack << 3;
    QTest::addRow("two racks minutes apart")
        << QStringList { QStringLiteral("a n1 r1 node-down -1 0"), QStringLiteral("b n9 r2 node-down -1 300") } << 2
        << IncidentScope::Node << 1;
    QTest::addRow("two racks at once") << QStringList { QStringLiteral("a n1 r1 node-down -1 0"),
        QStringLiteral("b n9 r2 node-down -1 5") }
                                       << 1 << IncidentScope::Region << 2;
    QTest::addRow("node loss and chip fault apart")
        << QStringList { QStringLiteral("a n1 r1 node-down -1 0"), QStringLiteral("b n2 r1 chip-fault 1 1") } << 2
        << IncidentScope::Node << 1;
    QTest::addRow("heartbeat and node-down of one node")
        << QStringList { QStringLiteral("a n1 r1 node-down -1 0"), QStringLiteral("b n1 r1 heartbeat-loss -1 3") } << 1
        << IncidentScope::Node << 2;
}

void TestIncidents::grouping()
{
    QFETCH(QStringList, rows);
    IncidentGrouper g(&FaultMap::builtIn());
    for (const QString& row : rows) {
        const QStringList f = row.split(QLatin1Char(' '));
        g.add(observation(f[0], f[1], f[2], f[3], f[4].toInt(), T0 + f[5].toLongLong() * 1000));
    }
    QTEST(int(g.incidents().size()), "incidents");
    QTEST(g.incidents().first().scope, "firstScope");
    QTEST(g.incidents().first().count(), "firstCount");
}

void TestIncidents::powerDomainIsOneIncident()
{
    IncidentGrouper g(&FaultMap::builtIn());
    for (int i = 0; i < 1000; ++i)
        g.add(observation(QStringLiteral("k%1").arg(i), QStringLiteral("n%1").arg(i), QStringLiteral("r%1").arg(i / 25),
            QStringLiteral("node-down"), -1, T0 + i * 3, QStringLiteral("East"), QStringLiteral("p%1").arg(i / 500)));
    QCOMPARE(g.incidents().size(), 1);
    const Incident& inc = g.incidents().first();
    QCOMPARE(inc.scope, IncidentScope::Region);
    QCOMPARE(inc.nodeCount, 1000);
    QCOMPARE(inc.component, Component::Rack);
    QVERIFY(inc.pool.isEmpty()); // spans two pools
    QCOMPARE(inc.state, IncidentState::Open);
    QCOMPARE(g.nodesOf(inc.id).size(), 1000);
}

void TestIncidents::siteLinksOfOneSite()
{
    IncidentGrouper g(&FaultMap::builtIn());
    auto link = [](const QString& from, const QString& to, qint64 t) {
        FaultObservation o;
        o.key = QStringLiteral("site|") + from + QLatin1Char('|') + to;
        o.kind = QStringLiteral("link-cut");
        o.fromSite = from;
        o.toSite = to;
        o.region = from;
        o.openedMs = t;
        o.fault = FaultMap::builtIn().classify({}, o.kind, {}, Protocol::Severity::Critical);
        return o;
    };
    g.add(link(QStringLiteral("Wuhu"), QStringLiteral("Guian"), T0));
    g.add(link(QStringLiteral("Qingyang"), QStringLiteral("Wuhu"), T0 + 30000));
    g.add(link(QStringLiteral("Shaoguan"), QStringLiteral("Guian"), T0 + 3600000));
    QCOMPARE(g.incidents().size(), 2);
    QCOMPARE(g.incidents()[0].scope, IncidentScope::Site);
    QCOMPARE(g.incidents()[0].site, QStringLiteral("Wuhu"));
    QCOMPARE(g.incidents()[0].component, Component::SiteLink);
    QCOMPARE(g.incidents()[1].scope, IncidentScope::SiteLink);
}

void TestIncidents::states()
{
    IncidentGrouper g(&FaultMap::builtIn());
    const int id = g.add(observation(
        QStringLiteral("a"), QStringLiteral("n1"), QStringLiteral("r1"), QStringLiteral("node-down"), -1, T0));
    QCOMPARE(g.add(observation(QStringLiteral("b"), QStringLiteral("n2"), QStringLiteral("r1"),
                 QStringLiteral("node-down"), -1, T0 + 1000)),
        id);
    QCOMPARE(g.incident(id)->state, IncidentState::Open);
    QVERIFY(g.acknowledge(id, QStringLiteral("PDU team called")));
    QCOMPARE(g.incident(id)->state, IncidentState::Acknowledged);
    QCOMPARE(g.incident(id)->note, QStringLiteral("PDU team called"));
    QCOMPARE(g.clear(0, T0 + 60000), id);
    QCOMPARE(g.incident(id)->state, IncidentState::Recovering);
    QCOMPARE(g.incident(id)->resolvedMs, 0);
    QCOMPARE(g.clear(0, T0 + 70000), 0); // already cleared
    QCOMPARE(g.clear(1, T0 + 120000), id);
    QCOMPARE(g.incident(id)->state, IncidentState::Resolved);
    QCOMPARE(g.incident(id)->resolvedMs, T0 + 120000);
    QCOMPARE(g.incident(id)->lastSeenMs, T0 + 120000);
    // A resolved incident takes no new members.
    QVERIFY(g.add(observation(QStringLiteral("c"), QStringLiteral("n3"), QStringLiteral("r1"),
                QStringLiteral("node-down"), -1, T0 + 125000))
        != id);
    QVERIFY(!g.acknowledge(99, {}));
}

void TestIncidents::acknowledgementRestoredByKey()
{
    IncidentGrouper g(&FaultMap::builtIn());
    g.acknowledgeKey(QStringLiteral("src|n1|7"), QStringLiteral("known"));
    const int id = g.add(observation(
        QStringLiteral("src|n1|7"), QStringLiteral("n1"), QStringLiteral("r1"), QStringLiteral("chip-fault"), 2, T0));
    QCOMPARE(g.incident(id)->state, IncidentState::Acknowledged);
    QCOMPARE(g.incident(id)->note, QStringLiteral("known"));
}

void TestIncidents::repeatsEscalate()
{
    IncidentGrouper g(&FaultMap::builtIn());
    QList<Action> actions;
    for (int i = 0; i < 4; ++i) {
        const int id = g.add(observation(QStringLiteral("k%1").arg(i), QStringLiteral("n1"), QStringLiteral("r1"),
            QStringLiteral("link-down"), 4, T0 + i * 15 * 60000));
        actions.append(g.observations().last().fault.action);
        g.clear(int(g.observations().size()) - 1, T0 + i * 15 * 60000 + 60000);
        Q_UNUSED(id);
    }
    QCOMPARE(actions, (QList<Action> { Action::Drain, Action::Drain, Action::Reset, Action::Isolate }));
    // Outside the hour the count starts again.
    g.add(observation(QStringLiteral("late"), QStringLiteral("n1"), QStringLiteral("r1"), QStringLiteral("link-down"),
        4, T0 + 5 * 3600000));
    QCOMPARE(g.observations().last().fault.action, Action::Drain);
}

void TestIncidents::trackerFollowsTheStore()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    FaultTracker tracker(&store);
    QSignalSpy spy(&tracker, &FaultTracker::incidentsChanged);
    SourceUpdate u;
    u.source = QStringLiteral("sim");
    NodeUpdate a = node(QStringLiteral("n1"), QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("r1"));
    a.snapshot.faults.append(
        fault(11, QStringLiteral("n1"), QStringLiteral("chip-fault"), 2, T0 - 5000, QStringLiteral("80CB8002")));
    a.snapshot.faults.append(
        fault(12, QStringLiteral("n1"), QStringLiteral("hbm-ecc"), 5, T0 - 4000, QStringLiteral("80E18005")));
    u.nodes = { a, node(QStringLiteral("n2"), QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("r1")) };
    store.applyUpdate(u);
    QVERIFY(spy.wait(5000));
    QCOMPARE(tracker.incidentCount(), 1);
    const Incident& inc = tracker.grouper().incidents().first();
    QCOMPARE(inc.count(), 2);
    QCOMPARE(inc.scope, IncidentScope::Node);
    QCOMPARE(int(inc.severity), int(Protocol::Severity::Critical));
    QCOMPARE(inc.action, Action::Isolate); // the HBM DBE (SeparateNPU) is the highest rung
    QCOMPARE(inc.firstSeenMs, T0 - 5000);
    QCOMPARE(tracker.grouper().observations()[0].fault.ruleId, QStringLiteral("ascend-chip-80cb8002"));

    // The same faults again: nothing new. The tracker handles a change set in the store's signal, so once
    // the store has published the one carrying this update, the tracker has decided: the check cannot be early.
    spy.clear();
    QSignalSpy published(&store, &FleetStore::changed);
    a.snapshot.sample.seq = 2;
    a.snapshot.sample.timestampMs = T0 + 5000;
    u.nodes = { a };
    store.applyUpdate(u);
    QVERIFY(published.wait(5000));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(tracker.grouper().observations().size(), 2);

    // One cleared, then both.
    a.snapshot.faults.removeFirst();
    a.snapshot.sample.seq = 3;
    a.snapshot.sample.timestampMs = T0 + 10000;
    u.nodes = { a };
    store.applyUpdate(u);
    QTRY_COMPARE(tracker.grouper().incidents().first().state, IncidentState::Recovering);
    a.snapshot.faults.clear();
    a.snapshot.sample.seq = 4;
    a.snapshot.sample.timestampMs = T0 + 15000;
    u.nodes = { a };
    store.applyUpdate(u);
    QTRY_COMPARE(tracker.grouper().incidents().first().state, IncidentState::Resolved);
    QCOMPARE(tracker.grouper().incidents().first().resolvedMs, T0 + 15000); // the agent's clock
}

void TestIncidents::heartbeatLoss()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    FaultTracker tracker(&store);
    SourceUpdate u;
    u.source = QStringLiteral("a1");
    u.nodes = { node(QStringLiteral("n1"), QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("r1")) };
    store.applyUpdate(u);
    QTRY_VERIFY(store.node(QStringLiteral("n1")));
    QCOMPARE(tracker.incidentCount(), 0);
    NodeUpdate silent;
    silent.nodeId = QStringLiteral("n1");
    silent.status = AgentStatus::Unreachable;
    silent.error = QStringLiteral("connection refused");
    u.nodes = { silent };
    store.applyUpdate(u);
    QTRY_COMPARE(tracker.incidentCount(), 1);
    const FaultObservation& o = tracker.grouper().observations().first();
    QCOMPARE(o.kind, QStringLiteral("heartbeat-loss"));
    QCOMPARE(o.fault.component, Component::Node);
    QCOMPARE(o.openedMs, T0); // the newest agent time known, never the console's clock
    NodeUpdate back
        = node(QStringLiteral("n1"), QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("r1"), T0 + 30000);
    back.snapshot.sample.seq = 9;
    u.nodes = { back };
    store.applyUpdate(u);
    QTRY_COMPARE(tracker.grouper().incidents().first().state, IncidentState::Resolved);
}

void TestIncidents::blastRadiusAndTimeline()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    FaultTracker tracker(&store);
    SourceUpdate u;
    u.source = QStringLiteral("sim");
    // n1 loses chip 2 (job A placed on 0-3 loses one chip), n2 goes down (job B on it loses 8).
    NodeUpdate a = node(QStringLiteral("n1"), QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("r1"));
    a.snapshot.faults.append(fault(21, QStringLiteral("n1"), QStringLiteral("chip-fault"), 2, T0));
    a.snapshot.faults.append(
        fault(22, QStringLiteral("n1"), QStringLiteral("thermal"), 6, T0 + 1000, {}, Protocol::Severity::Warning));
    a.snapshot.jobs = { placement(QStringLiteral("A"), { 0, 1, 2, 3 }), placement(QStringLiteral("C"), { 6, 7 }) };
    u.nodes = { a };
    // Job D was interrupted by fault 21 and placed elsewhere since (interruption log only).
    Protocol::JobRecord d;
    d.jobId = QStringLiteral("D");
    d.name = QStringLiteral("d-train");
    d.state = QStringLiteral("running");
    d.pool = QStringLiteral("p1");
    Protocol::JobInterruption in;
    in.atMs = T0;
    in.faultEventId = 21;
    in.nodeId = QStringLiteral("n1");
    in.recoveredMs = T0 + 7 * 60000;
    d.interruptionLog.append(in);
    Protocol::JobRecord other = d;
    other.jobId = QStringLiteral("E");
    other.interruptionLog.first().faultEventId = 999; // another fault
    u.hasJobs = true;
    u.jobsComplete = true;
    u.jobs = { d, other };
    store.applyUpdate(u);
    QTRY_COMPARE(tracker.incidentCount(), 1);

    BlastRadius r = blastRadius(tracker.grouper(), 1, store.nodes(), store.jobs());
    QCOMPARE(r.acceleratorsLost, 1); // the thermal warning takes no capacity
    QCOMPARE(r.nodesLost, 0);
    QCOMPARE(r.capacity.size(), 1);
    QCOMPARE(r.capacity[0].pool, QStringLiteral("p1"));
    QCOMPARE(r.capacity[0].model, QStringLiteral("Ascend 910B"));
    QCOMPARE(r.jobs.size(), 2);
    QCOMPARE(r.jobs[0].jobId, QStringLiteral("A"));
    QCOMPARE(r.jobs[0].acceleratorsLost, 1);
    QCOMPARE(r.jobs[1].jobId, QStringLiteral("D"));
    QCOMPARE(r.jobs[1].interruptedMs, T0);
    QCOMPARE(r.jobs[1].recoveredMs, T0 + 7 * 60000);

    // A still placed on the failed chip: isolation not reached yet.
    RecoveryTimeline t = recoveryTimeline(*tracker.grouper().incident(1), r);
    QCOMPARE(t.detectedMs, T0);
    QCOMPARE(t.isolatedMs, 0);
    QCOMPARE(t.totalMs(), -1);
    QVERIFY(!t.withinTarget());
    // Once the scheduler has moved A too (interruption log), the stopwatch completes.
    r.jobs[0].interruptedMs = T0 + 2000;
    r.jobs[0].recoveredMs = T0 + 12 * 60000;
    t = recoveryTimeline(*tracker.grouper().incident(1), r);
    QCOMPARE(t.isolatedMs, T0);
    QCOMPARE(t.restartedMs, T0 + 12 * 60000);
    QCOMPARE(t.totalMs(), 12 * 60000);
    QVERIFY(!t.withinTarget());
    QCOMPARE(t.jobsRestarted, 2);

    // A whole node down: every chip, one node, the jobs on it.
    NodeUpdate b = node(QStringLiteral("n2"), QStringLiteral("East"), QStringLiteral("p2"), QStringLiteral("r9"),
        T0 + 60000, QStringLiteral("nvidia"));
    b.snapshot.sample.state = Protocol::NodeState::Down;
    b.snapshot.faults.append(fault(30, QStringLiteral("n2"), QStringLiteral("node-down"), -1, T0 + 60000));
    b.snapshot.jobs = { placement(QStringLiteral("B"), { 0, 1, 2, 3, 4, 5, 6, 7 }) };
    u.nodes = { b };
    u.hasJobs = false;
    u.jobs.clear();
    store.applyUpdate(u);
    QTRY_COMPARE(tracker.incidentCount(), 2);
    r = blastRadius(tracker.grouper(), 2, store.nodes(), store.jobs());
    QCOMPARE(r.nodesLost, 1);
    QCOMPARE(r.acceleratorsLost, 8);
    QCOMPARE(r.capacity.first().model, QStringLiteral("H800"));
    QCOMPARE(r.capacity.first().nodes, 1);
    QCOMPARE(r.jobs.size(), 1);
    QCOMPARE(r.jobs.first().acceleratorsLost, 8);
    // No jobs at all: isolated and "restarted" at detection.
    const RecoveryTimeline none = recoveryTimeline(*tracker.grouper().incident(2), BlastRadius {});
    QCOMPARE(none.totalMs(), 0);
    QVERIFY(none.withinTarget());
}

void TestIncidents::reliabilityPerPool()
{
    IncidentGrouper g(&FaultMap::builtIn());
    // p1: two incidents repaired in 10 and 30 min; p2: one still open.
    g.add(observation(
        QStringLiteral("a"), QStringLiteral("n1"), QStringLiteral("r1"), QStringLiteral("chip-fault"), 1, T0));
    g.clear(0, T0 + 10 * 60000);
    g.add(observation(QStringLiteral("b"), QStringLiteral("n2"), QStringLiteral("r1"), QStringLiteral("chip-fault"), 1,
        T0 + 3600000));
    g.clear(1, T0 + 3600000 + 30 * 60000);
    g.add(observation(QStringLiteral("c"), QStringLiteral("n5"), QStringLiteral("r7"), QStringLiteral("node-down"), -1,
        T0 + 7200000, QStringLiteral("East"), QStringLiteral("p2")));
    const QList<PoolReliability> r = poolReliability(g, T0, T0 + 4 * 3600000);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r[0].pool, QStringLiteral("p1"));
    QCOMPARE(r[0].incidents, 2);
    QCOMPARE(r[0].mttrMs, 20.0 * 60000);
    QCOMPARE(r[0].betweenIncidentsMs, 2.0 * 3600000);
    QCOMPARE(r[1].pool, QStringLiteral("p2"));
    QCOMPARE(r[1].resolved, 0);
    QVERIFY(std::isnan(r[1].mttrMs)); // missing, not zero
    const QList<ReliabilityPoint> series
        = poolReliabilitySeries(g, QStringLiteral("p1"), T0, T0 + 3 * 3600000, 3600000);
    QCOMPARE(series.size(), 3);
    QCOMPARE(series[0].figures.mttrMs, 10.0 * 60000);
    QCOMPARE(series[1].figures.mttrMs, 30.0 * 60000);
    QVERIFY(std::isnan(series[2].figures.mttrMs));
    QCOMPARE(series[2].figures.incidents, 0);
}

void TestIncidents::acknowledgementsInTheAudit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The audit lives in state.db, which the console's session creates.
    FleetSession session; // creates state.db (with its audit table) and restores from it once done
    QSignalSpy restored(&session, &FleetSession::restored);
    QString error;
    QVERIFY2(session.open(dir.path(), &error), qPrintable(error));
    QTRY_VERIFY(restored.count() > 0);
    IncidentGrouper g(&FaultMap::builtIn());
    const int id = g.add(observation(
        QStringLiteral("sim|n1|5"), QStringLiteral("n1"), QStringLiteral("r1"), QStringLiteral("chip-fault"), 1, T0));
    {
        AuditStore audit(dir.path());
        // The writer may still be creating state.db: an append that fails then is tried again.
        auto append = [&](const AuditEntry& e) {
            for (int attempt = 0; attempt < 50; ++attempt) {
                std::optional<bool> result;
                whenReady(
                    this, audit.append(e), [&](bool r) { result = r; }, [&] { result = false; });
                if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
                    return false;
                if (*result)
                    return true;
                QTest::qWait(100);
            }
            return false;
        };
        QVERIFY2(append(acknowledgementEntry(*g.incident(id), QStringLiteral("first"), QStringLiteral("ops"), T0)),
            qPrintable(audit.lastError()));
        QVERIFY(append(acknowledgementEntry(
            *g.incident(id), QStringLiteral("vendor ticket 42"), QStringLiteral("ops"), T0 + 1000)));
    }
    // A new console session reads them back: the newest note wins.
    AuditStore audit(dir.path());
    QHash<QString, QString> acks;
    bool done = false;
    whenReady(this, audit.entries(), [&](const QList<AuditEntry>& entries) {
        acks = acknowledgementsFrom(entries);
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(acks.size(), 1);
    QCOMPARE(acks.value(QStringLiteral("sim|n1|5")), QStringLiteral("vendor ticket 42"));
}

QTEST_GUILESS_MAIN(TestIncidents)
#include "tst_incidents.moc"
