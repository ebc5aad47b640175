// SPDX-License-Identifier: GPL-3.0-or-later
// One node, several sources: the merge rules of core/model/nodefacts.h, and the store that keeps each
// source's facts and shows their merge (docs/architecture.md, "One node, several sources").

#include "core/model/nodefacts.h"
#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"

#include <QSignalSpy>
#include <QTest>

using namespace Meridian;
using Protocol::AcceleratorHealth;
using Protocol::NodeState;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;

Protocol::NodeInventory inventory(const QString& pool, int chips)
{
    Protocol::NodeInventory inv;
    inv.nodeId = QStringLiteral("gpu001");
    inv.hostname = QStringLiteral("gpu001.dc1.example");
    inv.region = QStringLiteral("East China");
    inv.pool = pool;
    inv.rack = QStringLiteral("r01");
    for (int i = 0; i < chips; ++i)
        inv.accelerators.append(
            { i, QStringLiteral("nvidia"), QStringLiteral("H800"), QStringLiteral("GPU-%1").arg(i), 80LL << 30 });
    return inv;
}

// `jobs[i]` is the job on chip i ("" free); `utilization` < 0: the source measures nothing.
Protocol::Snapshot snapshot(NodeState state, const QStringList& jobs, double utilization, const QString& reason = {})
{
    Protocol::Snapshot s;
    s.sample.seq = 7;
    s.sample.timestampMs = T0;
    s.sample.state = state;
    s.stateReason = reason;
    for (int i = 0; i < jobs.size(); ++i) {
        Protocol::AcceleratorSample a;
        a.index = i;
        a.jobId = jobs.at(i);
        if (utilization >= 0) {
            a.health = AcceleratorHealth::Healthy;
            a.utilization = utilization;
        }
        s.sample.accelerators.append(a);
    }
    return s;
}

NodeFacts facts(const QString& source, SourceClaims claims, const Protocol::NodeInventory& inv,
    const Protocol::Snapshot& snap, AgentStatus status = AgentStatus::Up)
{
    NodeFacts f;
    f.source = source;
    f.claims = claims;
    f.hasInventory = true;
    f.inventory = inv;
    f.hasSnapshot = true;
    f.snapshot = snap;
    f.status = status;
    f.lastSeenMs = snap.sample.timestampMs;
    return f;
}

// The agent of the node: measures it, and sees job "a" on chip 0 only.
NodeFacts agent()
{
    return facts(QStringLiteral("agent"), SourceClaims::nodeAgent(), inventory(QStringLiteral("infer"), 4),
        snapshot(NodeState::Up, { QStringLiteral("a"), {}, {}, {} }, 55));
}

// The scheduler: its partition is "train"; it has job "s1" on chips 1 and 2.
NodeFacts scheduler(NodeState state = NodeState::Up, const QString& reason = {})
{
    return facts(QStringLiteral("slurm"), SourceClaims::scheduler(), inventory(QStringLiteral("train"), 4),
        snapshot(state, { {}, QStringLiteral("s1"), QStringLiteral("s1"), {} }, -1, reason));
}

QStringList jobsOf(const FleetNode& node)
{
    QStringList out;
    for (const Protocol::AcceleratorSample& a : node.snapshot.sample.accelerators)
        out.append(a.jobId);
    return out;
}

SourceUpdate updateFrom(const NodeFacts& f)
{
    SourceUpdate u;
    u.source = f.source;
    u.claims = f.claims;
    u.nodes.append(
        Test::FleetBuilder::node(f.inventory.nodeId).inventory(f.inventory).snapshot(f.snapshot).status(f.status));
    return u;
}

} // namespace

class TestNodeMerge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneSourceIsTheNode();
    void telemetryFromTheAgentAllocationFromTheScheduler();
    void schedulerStateWins_data();
    void schedulerStateWins();
    void schedulerOnlyNodeIsShown();
    void metricsWithoutJobsTakeTheSchedulersAllocation();
    void orderOfArrivalDoesNotMatter();
    void storeKeepsEachSourcesFacts();
    void cacheStandsInUntilASourceSpeaks();
};

void TestNodeMerge::oneSourceIsTheNode()
{
    const NodeFacts f = agent();
    const FleetNode node = mergeNode(QStringLiteral("gpu001"), { &f, 1 });
    QCOMPARE(node.inventory, f.inventory);
    QCOMPARE(jobsOf(node), QStringList({ QStringLiteral("a"), {}, {}, {} }));
    QCOMPARE(node.source, QStringLiteral("agent"));
    QCOMPARE(int(node.status), int(AgentStatus::Up));
}

void TestNodeMerge::telemetryFromTheAgentAllocationFromTheScheduler()
{
    const NodeFacts both[] = { agent(), scheduler() };
    const FleetNode node = mergeNode(QStringLiteral("gpu001"), both);
    // The agent decides placement and hardware; the scheduler only observes them.
    QCOMPARE(node.inventory.pool, QStringLiteral("infer"));
    QCOMPARE(node.snapshot.sample.accelerators.at(1).utilization, 55.0);
    // The scheduler decides who holds each chip: the agent's view of chip 0 gives way.
    QCOMPARE(jobsOf(node), QStringList({ {}, QStringLiteral("s1"), QStringLiteral("s1"), {} }));
    QCOMPARE(node.source, QStringLiteral("agent"));
    QCOMPARE(sourceFor(both, NodeFacet::Scheduling), QStringLiteral("slurm"));
    QCOMPARE(sourceFor(both, NodeFacet::Telemetry), QStringLiteral("agent"));
}

void TestNodeMerge::schedulerStateWins_data()
{
    QTest::addColumn<int>("agentState");
    QTest::addColumn<int>("schedulerState");
    QTest::addColumn<int>("merged");
    QTest::addColumn<QString>("reason");
    QTest::addRow("drained in the scheduler")
        << int(NodeState::Up) << int(NodeState::Draining) << int(NodeState::Draining) << "slurm says";
    QTest::addRow("down in the scheduler")
        << int(NodeState::Up) << int(NodeState::Down) << int(NodeState::Down) << "slurm says";
    QTest::addRow("down by heartbeat, drained")
        << int(NodeState::Down) << int(NodeState::Draining) << int(NodeState::Down) << "";
    QTest::addRow("degraded, scheduler fine")
        << int(NodeState::Degraded) << int(NodeState::Up) << int(NodeState::Degraded) << "";
}

void TestNodeMerge::schedulerStateWins()
{
    QFETCH(int, agentState);
    QFETCH(int, schedulerState);
    QFETCH(int, merged);
    QFETCH(QString, reason);
    NodeFacts a = agent();
    a.snapshot.sample.state = NodeState(agentState);
    const NodeFacts both[] = { a, scheduler(NodeState(schedulerState), QStringLiteral("slurm says")) };
    const FleetNode node = mergeNode(QStringLiteral("gpu001"), both);
    QCOMPARE(int(node.snapshot.sample.state), merged);
    QCOMPARE(node.snapshot.stateReason, reason);
}

void TestNodeMerge::schedulerOnlyNodeIsShown()
{
    NodeFacts s = scheduler(NodeState::Draining, QStringLiteral("bad dimm"));
    s.status = AgentStatus::Up;
    const FleetNode node = mergeNode(QStringLiteral("gpu001"), { &s, 1 });
    QCOMPARE(node.inventory.pool, QStringLiteral("train"));
    QCOMPARE(int(node.snapshot.sample.state), int(NodeState::Draining));
    QCOMPARE(int(node.status), int(AgentStatus::Up));
    QCOMPARE(node.source, QStringLiteral("slurm"));
    QVERIFY(std::isnan(node.snapshot.sample.accelerators.at(0).utilization)); // nothing measures it
}

void TestNodeMerge::metricsWithoutJobsTakeTheSchedulersAllocation()
{
    NodeFacts prometheus = agent();
    prometheus.source = QStringLiteral("prometheus");
    prometheus.claims = SourceClaims::metrics(false);
    for (Protocol::AcceleratorSample& a : prometheus.snapshot.sample.accelerators)
        a.jobId.clear();
    const NodeFacts both[] = { prometheus, scheduler() };
    const FleetNode node = mergeNode(QStringLiteral("gpu001"), both);
    QCOMPARE(jobsOf(node), QStringList({ {}, QStringLiteral("s1"), QStringLiteral("s1"), {} }));
    QCOMPARE(node.snapshot.sample.accelerators.at(2).utilization, 55.0);
}

void TestNodeMerge::orderOfArrivalDoesNotMatter()
{
    // Two agents of equal rank: the first by name wins, whichever is listed first.
    NodeFacts x = agent();
    x.source = QStringLiteral("b-agent");
    NodeFacts y = agent();
    y.source = QStringLiteral("a-agent");
    y.inventory.pool = QStringLiteral("other");
    const NodeFacts one[] = { x, y };
    const NodeFacts two[] = { y, x };
    QCOMPARE(mergeNode(QStringLiteral("gpu001"), one).inventory.pool, QStringLiteral("other"));
    QCOMPARE(mergeNode(QStringLiteral("gpu001"), two).inventory.pool, QStringLiteral("other"));
}

void TestNodeMerge::storeKeepsEachSourcesFacts()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    store.applyUpdate(updateFrom(agent()));
    store.applyUpdate(updateFrom(scheduler(NodeState::Draining, QStringLiteral("maintenance"))));
    QCOMPARE(store.nodes().size(), 1);
    QCOMPARE(store.facts(QStringLiteral("gpu001")).size(), size_t(2));
    const FleetNode* node = store.node(QStringLiteral("gpu001"));
    QVERIFY(node);
    QCOMPARE(int(node->snapshot.sample.state), int(NodeState::Draining));
    QCOMPARE(jobsOf(*node), QStringList({ {}, QStringLiteral("s1"), QStringLiteral("s1"), {} }));
    QCOMPARE(store.sourceFor(QStringLiteral("gpu001"), NodeFacet::Scheduling), QStringLiteral("slurm"));
    // Counted once, with the scheduler's allocation.
    const RegionSummary fleet = store.summary();
    QCOMPARE(fleet.nodesTotal, 1);
    QCOMPARE(fleet.models.value(0).total, 4);
    QCOMPARE(fleet.models.value(0).allocated, 2);

    // The scheduler forgets the node: the agent's view is left, with its own allocation.
    SourceUpdate gone;
    gone.source = QStringLiteral("slurm");
    gone.claims = SourceClaims::scheduler();
    gone.removedNodes << QStringLiteral("gpu001");
    store.applyUpdate(gone);
    QCOMPARE(store.facts(QStringLiteral("gpu001")).size(), size_t(1));
    QCOMPARE(jobsOf(*store.node(QStringLiteral("gpu001"))), QStringList({ QStringLiteral("a"), {}, {}, {} }));
    QCOMPARE(int(store.node(QStringLiteral("gpu001"))->snapshot.sample.state), int(NodeState::Up));

    // The agent's source is removed from the configuration: the node goes.
    store.removeSource(QStringLiteral("agent"));
    QVERIFY(!store.node(QStringLiteral("gpu001")));
    QCOMPARE(store.summary().nodesTotal, 0);
}

void TestNodeMerge::cacheStandsInUntilASourceSpeaks()
{
    FleetStore store;
    store.setCoalescingInterval(0);
    FleetNode cached = mergeNode(QStringLiteral("gpu001"), {});
    const NodeFacts a = agent();
    cached = mergeNode(QStringLiteral("gpu001"), { &a, 1 });
    cached.status = AgentStatus::Unknown;
    store.restore({ cached }, {});
    QCOMPARE(store.facts(QStringLiteral("gpu001")).size(), size_t(1));
    QVERIFY(store.facts(QStringLiteral("gpu001")).front().restored);
    store.applyUpdate(updateFrom(scheduler()));
    // The live scheduler replaces the cached state; it alone speaks for the node now.
    QCOMPARE(store.facts(QStringLiteral("gpu001")).size(), size_t(1));
    QCOMPARE(store.facts(QStringLiteral("gpu001")).front().source, QStringLiteral("slurm"));
    QCOMPARE(int(store.node(QStringLiteral("gpu001"))->status), int(AgentStatus::Up));
}

QTEST_GUILESS_MAIN(TestNodeMerge)
#include "tst_nodemerge.moc"
