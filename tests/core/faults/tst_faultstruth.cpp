// SPDX-License-Identifier: GPL-3.0-or-later
// End to end against a real meridian-fleetsim: an injected chip fault and a
// rack power loss reach the fault tracker through the console's session; the
// blast radius (jobs interrupted), the recovery stopwatch (detected, isolated,
// jobs restarted, resumed) and the rack incident's size equal /sim/truth's
// faultLog.
#include "core/faults/blastradius.h"
#include "core/faults/faulttracker.h"
#include "core/faults/recoverytimeline.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/core/faults/faultcompare.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Faults;
using namespace Meridian::Test;

class TestFaultsTruth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void chipFaultBlastRadiusAndRecovery();
    void rackPowerIsOneIncident();

private:
    QJsonObject truth();
    void control(const QJsonObject& body);
    qint64 inject(const QJsonObject& body, int* nodes = nullptr);
    int incidentOfEvent(qint64 eventId) const;
    QJsonArray truthFaults(qint64 id, bool byGroup);

    SimulatorFixture m_sim;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<FleetSession> m_session;
    std::unique_ptr<FaultTracker> m_tracker;
};

QJsonObject TestFaultsTruth::truth()
{
    const HttpResult r = m_sim.get(QStringLiteral("sim/truth"));
    return QJsonDocument::fromJson(r.body).object();
}

void TestFaultsTruth::control(const QJsonObject& body)
{
    const HttpResult r = m_sim.post(QStringLiteral("sim/control"), body);
    QVERIFY2(r.status == 200, qPrintable(QString::fromUtf8(r.body)));
}

qint64 TestFaultsTruth::inject(const QJsonObject& body, int* nodes)
{
    const HttpResult r = m_sim.post(QStringLiteral("sim/faults"), body);
    if (r.status != 200) {
        qWarning() << "inject:" << r.status << r.body;
        return 0;
    }
    const QJsonObject o = QJsonDocument::fromJson(r.body).object();
    if (nodes)
        *nodes = o.value(QLatin1String("nodes")).toInt();
    return o.value(QLatin1String("id")).toInteger();
}

int TestFaultsTruth::incidentOfEvent(qint64 eventId) const
{
    const IncidentGrouper& g = m_tracker->grouper();
    for (qsizetype i = 0; i < g.observations().size(); ++i)
        if (g.observations()[i].eventId == eventId)
            return g.incidentOf(int(i));
    return 0;
}

QJsonArray TestFaultsTruth::truthFaults(qint64 id, bool byGroup)
{
    QJsonArray out;
    for (const QJsonValue& v : truth().value(QLatin1String("faultLog")).toArray())
        if (v.toObject().value(byGroup ? QLatin1String("group") : QLatin1String("id")).toInteger() == id)
            out.append(v);
    return out;
}

void TestFaultsTruth::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_cacheDir.isValid());
    QVERIFY2(m_sim.start({ QStringLiteral("--seed"), QStringLiteral("23"), QStringLiteral("--history"),
                 QStringLiteral("20m"), QStringLiteral("--paused") }),
        qPrintable(m_sim.error()));
    m_session = std::make_unique<FleetSession>();
    QString error;
    QVERIFY2(m_session->open(m_cacheDir.path(), &error), qPrintable(error));
    m_tracker = std::make_unique<FaultTracker>(m_session->store());
    m_session->setSources({ m_sim.source() });
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->nodes().size() >= 100 && m_session->store()->hasJobList(), 60000);
}

void TestFaultsTruth::cleanupTestCase()
{
    m_tracker.reset();
    m_session.reset();
    m_sim.stop();
}

void TestFaultsTruth::chipFaultBlastRadiusAndRecovery()
{
    // A chip that runs a training job right now, as the console sees it.
    QString nodeId, jobId;
    int accelerator = -1;
    for (const FleetNode& n : m_session->store()->nodes()) {
        if (n.status != AgentStatus::Up || !n.snapshot.faults.isEmpty()
            || n.snapshot.sample.state != Protocol::NodeState::Up)
            continue;
        for (const Protocol::JobPlacement& p : n.snapshot.jobs) {
            if (p.kind == QLatin1String("training") && p.state == QLatin1String("running")
                && !p.accelerators.isEmpty()) {
                nodeId = n.inventory.nodeId;
                jobId = p.jobId;
                accelerator = p.accelerators.first();
                break;
            }
        }
        if (!nodeId.isEmpty())
            break;
    }
    QVERIFY2(!nodeId.isEmpty(), "no running training job in the simulated fleet");

    const qint64 id = inject({ { QStringLiteral("node"), nodeId },
        { QStringLiteral("kind"), QStringLiteral("chip-fault") }, { QStringLiteral("accelerator"), accelerator } });
    QVERIFY(id > 0);
    QTRY_VERIFY_WITH_TIMEOUT(incidentOfEvent(id) > 0, 30000);
    const int incidentId = incidentOfEvent(id);
    QCOMPARE(m_tracker->grouper().incident(incidentId)->component, Component::Accelerator);

    // Let the scheduler recover the job (most within 10 min, some up to 45), then clear the fault.
    control({ { QStringLiteral("step"), 3600 } });
    const HttpResult cleared = m_sim.post(QStringLiteral("sim/faults/clear"), { { QStringLiteral("id"), double(id) } });
    QCOMPARE(cleared.status, 200);
    control({ { QStringLiteral("step"), 5 } });
    QTRY_COMPARE_WITH_TIMEOUT(m_tracker->grouper().incident(incidentId)->state, IncidentState::Resolved, 30000);

    const QJsonArray truthLog = truthFaults(id, false);
    QCOMPARE(truthLog.size(), 1);
    const QJsonObject t = truthLog.first().toObject();
    // The jobs the console says the fault interrupted are exactly the scheduler's, with the same times.
    QMap<QString, std::pair<qint64, qint64>> expected;
    for (const QJsonValue& v : t.value(QLatin1String("jobs")).toArray()) {
        const QJsonObject j = v.toObject();
        expected.insert(j.value(QLatin1String("id")).toString(),
            { j.value(QLatin1String("interruptedMs")).toInteger(), j.value(QLatin1String("recoveredMs")).toInteger() });
    }
    QVERIFY(expected.contains(jobId));
    auto actual = [&] {
        QMap<QString, std::pair<qint64, qint64>> out;
        for (const AffectedJob& j :
            blastRadius(m_tracker->grouper(), incidentId, m_session->store()->nodes(), m_session->store()->jobs()).jobs)
            out.insert(j.jobId, { j.interruptedMs, j.recoveredMs });
        return out;
    };
    // The jobs poll may trail the nodes poll by one round.
    QTRY_COMPARE_WITH_TIMEOUT(actual(), expected, 30000);
    const BlastRadius radius
        = blastRadius(m_tracker->grouper(), incidentId, m_session->store()->nodes(), m_session->store()->jobs());
    QCOMPARE(radius.acceleratorsLost, 1);

    const RecoveryTimeline timeline = recoveryTimeline(*m_tracker->grouper().incident(incidentId), radius);
    qint64 firstStop = std::numeric_limits<qint64>::max(), lastRestart = 0;
    bool allRestarted = true;
    for (const auto& [stop, restart] : expected) {
        firstStop = std::min(firstStop, stop);
        lastRestart = std::max(lastRestart, restart);
        allRestarted = allRestarted && restart > 0;
    }
    lastRestart = allRestarted ? lastRestart : 0; // a job still waiting (or ended) stops the stopwatch
    QCOMPARE(timeline.detectedMs, t.value(QLatin1String("detectedMs")).toInteger());
    QCOMPARE(timeline.isolatedMs, firstStop);
    QCOMPARE(timeline.restartedMs, lastRestart);
    // The console sees a clearing in the first snapshot without the fault: within one sample interval (5 s).
    const qint64 clearedMs = t.value(QLatin1String("clearedMs")).toInteger();
    QVERIFY2(timeline.resumedMs >= clearedMs && timeline.resumedMs <= clearedMs + 5000,
        qPrintable(QStringLiteral("%1 vs %2").arg(timeline.resumedMs).arg(clearedMs)));
    QCOMPARE(timeline.totalMs(), allRestarted ? lastRestart - t.value(QLatin1String("detectedMs")).toInteger() : -1);
}

void TestFaultsTruth::rackPowerIsOneIncident()
{
    QString nodeId;
    for (const FleetNode& n : m_session->store()->nodes()) {
        if (n.snapshot.sample.state == Protocol::NodeState::Up && n.snapshot.faults.isEmpty()) {
            nodeId = n.inventory.nodeId;
            break;
        }
    }
    QVERIFY(!nodeId.isEmpty());
    int nodes = 0;
    const qint64 id = inject(
        { { QStringLiteral("node"), nodeId }, { QStringLiteral("kind"), QStringLiteral("rack-down") } }, &nodes);
    QVERIFY(id > 0);
    QVERIFY(nodes > 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        incidentOfEvent(id) > 0 && m_tracker->grouper().incident(incidentOfEvent(id))->nodeCount == nodes, 30000);
    const Incident* inc = m_tracker->grouper().incident(incidentOfEvent(id));
    QCOMPARE(inc->scope, IncidentScope::Rack);
    QCOMPARE(inc->rack, m_session->store()->node(nodeId)->inventory.rack);
    QCOMPARE(int(truthFaults(id, true).size()), nodes);
    const BlastRadius radius
        = blastRadius(m_tracker->grouper(), inc->id, m_session->store()->nodes(), m_session->store()->jobs());
    QCOMPARE(radius.nodesLost, nodes);
    int truthJobs = 0;
    QSet<QString> truthIds;
    for (const QJsonValue& v : truthFaults(id, true))
        for (const QJsonValue& j : v.toObject().value(QLatin1String("jobs")).toArray())
            truthIds.insert(j.toObject().value(QLatin1String("id")).toString());
    truthJobs = int(truthIds.size());
    QSet<QString> consoleIds;
    for (const AffectedJob& j : radius.jobs)
        if (j.interruptedMs > 0)
            consoleIds.insert(j.jobId);
    QCOMPARE(consoleIds, truthIds);
    QCOMPARE(int(consoleIds.size()), truthJobs);
}

QTEST_GUILESS_MAIN(TestFaultsTruth)
#include "tst_faultstruth.moc"
