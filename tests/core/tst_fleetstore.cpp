// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/fleetstore.h"
#include "tests/core/coretestutil.h"
#include "tests/support/fleetbuilder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Meridian;
using Protocol::AcceleratorHealth;
using Protocol::NodeState;

namespace {

// One accelerator as a compact test spec: health + job (empty: free).
struct Chip
{
    AcceleratorHealth health = AcceleratorHealth::Healthy;
    QString job;
    QString model = QStringLiteral("Ascend 910B");
};

NodeUpdate makeNode(
    const QString& id, const QString& region, NodeState state, const QList<Chip>& chips, qint64 seq = 1, int faults = 0)
{
    Test::NodeBuilder b = Test::FleetBuilder::node(id);
    b.region(region).pool(region + QStringLiteral("-pool")).instance(QStringLiteral("i1")).seq(seq);
    b.sampledAt(1700000000000LL + seq * 1000).state(state);
    for (int i = 0; i < chips.size(); ++i)
        b.accelerators(1, chips[i].model, QStringLiteral("huawei"), 0).health(i, chips[i].health).job(i, chips[i].job);
    for (int f = 0; f < faults; ++f)
        b.fault(Protocol::Event { f + 1, 1700000000000LL, QStringLiteral("hbm-ecc") });
    return b;
}

SourceUpdate batch(const QList<NodeUpdate>& nodes, const QString& source = QStringLiteral("src"))
{
    SourceUpdate u;
    u.source = source;
    u.nodes = nodes;
    return u;
}

Protocol::JobRecord job(const QString& id, const QString& state, const QString& region)
{
    Protocol::JobRecord j;
    j.jobId = id;
    j.state = state;
    j.region = region;
    return j;
}

} // namespace

class TestFleetStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void coalescesManyUpdatesIntoOneChangeSet()
    {
        FleetStore store;
        store.setCoalescingInterval(50);
        QSignalSpy spy(&store, &FleetStore::changed);
        for (int i = 0; i < 500; ++i)
            store.applyUpdate(batch({ makeNode(
                QStringLiteral("n%1").arg(i % 50), QStringLiteral("east"), NodeState::Up, { Chip {} }, i + 1) }));
        QCOMPARE(spy.count(), 0); // nothing synchronous
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 1);
        const auto changes = spy.at(0).at(0).value<FleetChangeSet>();
        QCOMPARE(changes.addedNodes.size(), 50);
        QVERIFY(changes.updatedNodes.isEmpty()); // added in the same set: reported as added only
        QVERIFY(changes.inventoryChanged);
        // The next change set carries only what changed since.
        store.applyUpdate(
            batch({ makeNode(QStringLiteral("n7"), QStringLiteral("east"), NodeState::Up, { Chip {} }, 900) }));
        QVERIFY(spy.wait(2000));
        QCOMPARE(spy.count(), 2);
        const auto second = spy.at(1).at(0).value<FleetChangeSet>();
        QCOMPARE(second.updatedNodes, QSet<QString> { QStringLiteral("n7") });
        QVERIFY(second.addedNodes.isEmpty());
        QVERIFY(!second.inventoryChanged);
    }

    void largeChangeSetsAreSlicedPerFrame_data()
    {
        QTest::addColumn<int>("nodes");
        QTest::addRow("one slice") << FleetStore::MaxUpdatedNodesPerChangeSet;
        QTest::addRow("one more") << FleetStore::MaxUpdatedNodesPerChangeSet + 1;
        QTest::addRow("a fleet tick") << 5 * FleetStore::MaxUpdatedNodesPerChangeSet + 123;
    }

    void largeChangeSetsAreSlicedPerFrame()
    {
        QFETCH(int, nodes);
        FleetStore store;
        store.setCoalescingInterval(0);
        auto fleet = [nodes](qint64 seq) {
            QList<NodeUpdate> list;
            for (int i = 0; i < nodes; ++i)
                list.append(makeNode(QStringLiteral("n%1").arg(i), QStringLiteral("east"), NodeState::Up, {}, seq));
            return batch(list);
        };
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(fleet(1));
        QTRY_VERIFY(!store.hasPendingChanges());
        spy.clear();
        // Every node updated at once: slices of at most MaxUpdatedNodesPerChangeSet, each
        // node exactly once, at least a frame apart; flags ride on the first slice.
        QList<qint64> times;
        QElapsedTimer clock;
        clock.start();
        connect(&store, &FleetStore::changed, this, [&] { times.append(clock.elapsed()); });
        store.applyUpdate(fleet(2));
        QTRY_VERIFY(spy.size() >= 1 && !store.hasPendingChanges());
        const int expectedSlices
            = (nodes + FleetStore::MaxUpdatedNodesPerChangeSet - 1) / FleetStore::MaxUpdatedNodesPerChangeSet;
        QCOMPARE(spy.size(), expectedSlices);
        QSet<QString> seen;
        for (const QList<QVariant>& signal : std::as_const(spy)) {
            const auto changes = signal.at(0).value<FleetChangeSet>();
            QVERIFY(changes.updatedNodes.size() <= FleetStore::MaxUpdatedNodesPerChangeSet);
            QVERIFY(!seen.intersects(changes.updatedNodes));
            seen.unite(changes.updatedNodes);
        }
        QCOMPARE(seen.size(), nodes);
        for (int i = 1; i < times.size(); ++i)
            QVERIFY2(times[i] - times[i - 1] >= FleetStore::FrameMs - 1, "two slices within one frame");
        // The store itself is whole at once: its summary does not wait for the slices.
        QCOMPARE(store.nodes().size(), nodes);
    }

    void updatesArrivingDuringSlicesJoinTheRest()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        const int nodes = 3 * FleetStore::MaxUpdatedNodesPerChangeSet;
        auto fleet = [](int from, int to, qint64 seq) {
            QList<NodeUpdate> list;
            for (int i = from; i < to; ++i)
                list.append(makeNode(QStringLiteral("n%1").arg(i), QStringLiteral("east"), NodeState::Up, {}, seq));
            return batch(list);
        };
        store.applyUpdate(fleet(0, nodes, 1));
        QTRY_VERIFY(!store.hasPendingChanges());
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(fleet(0, nodes, 2));
        QVERIFY(spy.wait(2000)); // the first slice is out; the rest is pending
        QVERIFY(store.hasPendingChanges());
        store.applyUpdate(fleet(0, nodes, 3)); // the same nodes again: no duplicates
        QTRY_VERIFY(!store.hasPendingChanges());
        int total = 0;
        for (const QList<QVariant>& signal : std::as_const(spy))
            total += int(signal.at(0).value<FleetChangeSet>().updatedNodes.size());
        // Nodes of the first slice come again (they changed again); the others only once.
        QCOMPARE(total, nodes + FleetStore::MaxUpdatedNodesPerChangeSet);
    }

    void jobCountsAreUnknownUntilAJobListArrives()
    {
        FleetStore store;
        QVERIFY(!store.hasJobList());
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }) }));
        QVERIFY(!store.hasJobList()); // node snapshots alone say nothing about queued jobs
        SourceUpdate empty = batch({});
        empty.hasJobs = true;
        empty.jobsComplete = true;
        store.applyUpdate(empty);
        QVERIFY(store.hasJobList()); // an empty list from a scheduler: zero jobs, known
        QCOMPARE(store.summary().jobs.running, 0);
    }

    void summary_data()
    {
        QTest::addColumn<QList<NodeUpdate>>("nodes");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QList<int>>("expected"); // total, allocated, free, faulty, unknown, up, down, faults

        const QString e = QStringLiteral("east");
        const QString jobA = QStringLiteral("job-a");
        QTest::addRow("free and allocated") << QList<NodeUpdate> {
            makeNode(QStringLiteral("a"), e, NodeState::Up, { Chip {}, Chip { AcceleratorHealth::Healthy, jobA } })
        } << e << QList<int> { 2, 1, 1, 0, 0, 1, 0, 0 };
        QTest::addRow("faulty on a down node, even with a job") << QList<NodeUpdate> { makeNode(
            QStringLiteral("a"), e, NodeState::Down, { Chip {}, Chip { AcceleratorHealth::Healthy, jobA } }, 1, 1) }
                                                                << e << QList<int> { 2, 0, 0, 2, 0, 0, 1, 1 };
        QTest::addRow("faulty wins over allocated")
            << QList<NodeUpdate> { makeNode(QStringLiteral("a"), e, NodeState::Up,
                   { Chip { AcceleratorHealth::Faulty, jobA }, Chip { AcceleratorHealth::Warning, jobA } }, 1, 1) }
            << e << QList<int> { 2, 1, 0, 1, 0, 1, 0, 1 };
        QTest::addRow("degraded node still up") << QList<NodeUpdate> {
            makeNode(QStringLiteral("a"), e, NodeState::Degraded, { Chip { AcceleratorHealth::Faulty } })
        } << e << QList<int> { 1, 0, 0, 1, 0, 1, 0, 0 };
        QTest::addRow("empty region") << QList<NodeUpdate> {
            makeNode(QStringLiteral("a"), e, NodeState::Up, { Chip {} })
        } << QStringLiteral("west") << QList<int> { 0, 0, 0, 0, 0, 0, 0, 0 };
        QTest::addRow("fleet sums regions")
            << QList<NodeUpdate> { makeNode(QStringLiteral("a"), e, NodeState::Up, { Chip {} }),
                   makeNode(QStringLiteral("b"), QStringLiteral("west"), NodeState::Down, { Chip {}, Chip {} }, 1, 1) }
            << QString() << QList<int> { 3, 0, 1, 2, 0, 1, 1, 1 };
        NodeUpdate noSample = makeNode(QStringLiteral("c"), e, NodeState::Up, { Chip {}, Chip {} });
        noSample.hasSnapshot = false;
        noSample.snapshot = {};
        QTest::addRow("no sample yet counts as unknown, not free")
            << QList<NodeUpdate> { noSample } << e << QList<int> { 2, 0, 0, 0, 2, 0, 0, 0 };
    }

    void summary()
    {
        QFETCH(QList<NodeUpdate>, nodes);
        QFETCH(QString, region);
        QFETCH(QList<int>, expected);
        FleetStore store;
        store.applyUpdate(batch(nodes));
        const RegionSummary s = store.summary(region);
        int total = 0, allocated = 0, free = 0, faulty = 0, unknown = 0;
        for (const ModelCapacity& m : s.models) {
            total += m.total;
            allocated += m.allocated;
            free += m.free;
            faulty += m.faulty;
            unknown += m.unknown;
        }
        const QList<int> actual { total, allocated, free, faulty, unknown, s.nodesUp, s.nodesDown, s.openFaults };
        QCOMPARE(actual, expected);
    }

    void summaryPerModelSortedByTotal()
    {
        FleetStore store;
        const QString e = QStringLiteral("east");
        Chip h800 { AcceleratorHealth::Healthy, {}, QStringLiteral("H800") };
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), e, NodeState::Up, { Chip {}, h800, h800 }) }));
        const RegionSummary s = store.summary(e);
        QCOMPARE(s.models.size(), 2);
        QCOMPARE(s.models[0].model, QStringLiteral("H800"));
        QCOMPARE(s.models[0].total, 2);
        QCOMPARE(s.models[1].model, QStringLiteral("Ascend 910B"));
        QCOMPARE(store.regions(), QStringList { e });
    }

    void failedPollKeepsLastGoodState()
    {
        FleetStore store;
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up,
            { Chip { AcceleratorHealth::Healthy, QStringLiteral("j") } }, 5) }));
        NodeUpdate failure;
        failure.nodeId = QStringLiteral("a");
        failure.status = AgentStatus::Unreachable;
        failure.error = QStringLiteral("connection refused");
        store.applyUpdate(batch({ failure }));
        const FleetNode* node = store.node(QStringLiteral("a"));
        QVERIFY(node);
        QCOMPARE_STATUS(node->status, AgentStatus::Unreachable);
        QCOMPARE(node->lastError, QStringLiteral("connection refused"));
        QCOMPARE(node->snapshot.sample.seq, 5);
        QCOMPARE(node->inventory.region, QStringLiteral("east"));
        QCOMPARE(store.summary().models.value(0).allocated, 1);
        QCOMPARE(store.summary().nodesReporting, 0);
        QCOMPARE(store.agentStatusCounts().unreachable, 1);
        QCOMPARE(store.agentStatusCounts().up, 0);
    }

    void missingValuesStayMissing()
    {
        FleetStore store;
        NodeUpdate u = makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} });
        QVERIFY(Protocol::isMissing(u.snapshot.sample.accelerators[0].temperatureC));
        store.applyUpdate(batch({ u }));
        const FleetNode* node = store.node(QStringLiteral("a"));
        QVERIFY(Protocol::isMissing(node->snapshot.sample.accelerators[0].temperatureC));
        QVERIFY(Protocol::isMissing(node->snapshot.sample.node.cpuUtilization));
    }

    void statusTransitions_data()
    {
        QTest::addColumn<QList<int>>("statuses");
        QTest::addRow("up→unreachable→up")
            << QList<int> { int(AgentStatus::Up), int(AgentStatus::Unreachable), int(AgentStatus::Up) };
        QTest::addRow("up→stale→unauthorized")
            << QList<int> { int(AgentStatus::Up), int(AgentStatus::Stale), int(AgentStatus::Unauthorized) };
        QTest::addRow("bad payload→up") << QList<int> { int(AgentStatus::BadPayload), int(AgentStatus::Up) };
    }

    void statusTransitions()
    {
        QFETCH(QList<int>, statuses);
        FleetStore store;
        store.setCoalescingInterval(0);
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }) }));
        QVERIFY(spy.wait(1000));
        for (int s : statuses) {
            NodeUpdate u;
            u.nodeId = QStringLiteral("a");
            u.status = AgentStatus(s);
            u.error = u.status == AgentStatus::Up ? QString() : QStringLiteral("why");
            const bool changes = store.node(QStringLiteral("a"))->status != u.status;
            store.applyUpdate(batch({ u }));
            if (changes) {
                QVERIFY(spy.wait(1000));
                QVERIFY(spy.last().at(0).value<FleetChangeSet>().statusChanged);
            }
            QCOMPARE_STATUS(store.node(QStringLiteral("a"))->status, AgentStatus(s));
            const AgentStatusCounts c = store.agentStatusCounts();
            QCOMPARE(c.total(), 1);
            QCOMPARE(store.summary().nodesReporting, u.status == AgentStatus::Up ? 1 : 0);
        }
    }

    void restoreBeforeLiveData()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        QSignalSpy spy(&store, &FleetStore::changed);
        FleetNode cached;
        cached.inventory = makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }).inventory;
        cached.snapshot = makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }, 3).snapshot;
        FleetNode cachedB = cached;
        cachedB.inventory.nodeId = QStringLiteral("b");
        // b answered live before the cache was read: the live state wins.
        store.applyUpdate(
            batch({ makeNode(QStringLiteral("b"), QStringLiteral("west"), NodeState::Up, { Chip {} }, 9) }));
        store.restore(
            { cached, cachedB }, { job(QStringLiteral("j1"), QStringLiteral("queued"), QStringLiteral("east")) });
        QVERIFY(spy.wait(1000));
        const auto changes = spy.last().at(0).value<FleetChangeSet>();
        QVERIFY(changes.restoredFromCache);
        QCOMPARE_STATUS(store.node(QStringLiteral("a"))->status, AgentStatus::Unknown);
        QCOMPARE(store.node(QStringLiteral("a"))->snapshot.sample.seq, 3);
        QCOMPARE(store.node(QStringLiteral("b"))->snapshot.sample.seq, 9);
        QCOMPARE(store.node(QStringLiteral("b"))->inventory.region, QStringLiteral("west"));
        QCOMPARE(store.agentStatusCounts().unknown, 1);
        QCOMPARE(store.agentStatusCounts().up, 1);
        QCOMPARE(store.summary(QStringLiteral("east")).jobs.queued, 1);
        QCOMPARE(store.summary(QStringLiteral("east")).models.value(0).free, 1);
    }

    void jobsReplaceAndUpsert()
    {
        FleetStore store;
        const QString e = QStringLiteral("east");
        SourceUpdate full;
        full.source = QStringLiteral("front");
        full.hasJobs = true;
        full.jobsComplete = true;
        full.jobs = { job(QStringLiteral("j1"), QStringLiteral("running"), e),
            job(QStringLiteral("j2"), QStringLiteral("checkpointing"), e),
            job(QStringLiteral("j3"), QStringLiteral("queued"), e) };
        store.applyUpdate(full);
        QCOMPARE(store.jobs().size(), 3);
        QCOMPARE(store.summary(e).jobs.running, 2);
        QCOMPARE(store.summary(e).jobs.queued, 1);

        SourceUpdate delta;
        delta.source = QStringLiteral("front");
        delta.hasJobs = true;
        delta.jobs = { job(QStringLiteral("j3"), QStringLiteral("recovering"), e),
            job(QStringLiteral("j4"), QStringLiteral("queued"), e) };
        store.applyUpdate(delta);
        QCOMPARE(store.jobs().size(), 4);
        QCOMPARE(store.summary(e).jobs.queued, 1);
        QCOMPARE(store.summary(e).jobs.recovering, 1);

        full.jobs = { job(QStringLiteral("j9"), QStringLiteral("completed"), e) };
        store.applyUpdate(full);
        QCOMPARE(store.jobs().keys(), QList<QString> { QStringLiteral("j9") });
        const JobCounts c = store.summary(e).jobs;
        QCOMPARE(c.completed, 1);
        QCOMPARE(c.running + c.queued + c.recovering, 0);
        QCOMPARE(store.summary().jobs.completed, 1);
    }

    void removedNodesAndSources()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }) },
            QStringLiteral("one")));
        store.applyUpdate(batch({ makeNode(QStringLiteral("b"), QStringLiteral("east"), NodeState::Up, { Chip {} }) },
            QStringLiteral("two")));
        QVERIFY(spy.wait(1000));
        store.removeSource(QStringLiteral("one"));
        QVERIFY(spy.wait(1000));
        QCOMPARE(spy.last().at(0).value<FleetChangeSet>().removedNodes, QSet<QString> { QStringLiteral("a") });
        QVERIFY(!store.node(QStringLiteral("a")));
        QCOMPARE(store.summary().nodesTotal, 1);
        QCOMPARE(store.summary().models.value(0).total, 1);
        SourceUpdate rename
            = batch({ makeNode(QStringLiteral("b2"), QStringLiteral("east"), NodeState::Up, { Chip {} }) },
                QStringLiteral("two"));
        rename.removedNodes = { QStringLiteral("b") };
        store.applyUpdate(rename);
        QCOMPARE(store.nodes().keys(), QList<QString> { QStringLiteral("b2") });
        QCOMPARE(store.agentStatusCounts().total(), 1);
        QCOMPARE(store.summary().nodesTotal, 1);
    }

    // A source's own progress (warnings, history being read) is kept per source as it last sent it, announced
    // once per change, untouched by updates without it, and forgotten with the source.
    void sourceProgressPerSource()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        QSignalSpy spy(&store, &FleetStore::changed);
        QVERIFY(!store.sourceProgress(QStringLiteral("prom")));
        SourceProgress p;
        p.warnings = { QStringLiteral("partial answer") };
        p.historyFromMs = 1000;
        p.historyToMs = 5000;
        p.historyDoneMs = 2000;
        SourceUpdate u = batch({}, QStringLiteral("prom"));
        u.progress = p;
        store.applyUpdate(u);
        QVERIFY(spy.wait(1000));
        QVERIFY(spy.last().at(0).value<FleetChangeSet>().sourcesChanged);
        QCOMPARE(*store.sourceProgress(QStringLiteral("prom")), p);
        QCOMPARE(store.sourceProgress(QStringLiteral("prom"))->historyShare(), 0.25);
        // The same again, or an update without progress: no change to announce.
        store.applyUpdate(u);
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }) },
            QStringLiteral("prom")));
        QVERIFY(spy.wait(1000));
        QVERIFY(!spy.last().at(0).value<FleetChangeSet>().sourcesChanged);
        QCOMPARE(*store.sourceProgress(QStringLiteral("prom")), p);
        // Caught up; then the source goes.
        p.historyCaughtUp = true;
        u.progress = p;
        store.enqueueUpdate(u);
        QVERIFY(spy.wait(1000));
        QVERIFY(spy.last().at(0).value<FleetChangeSet>().sourcesChanged);
        QCOMPARE(store.sourceProgress(QStringLiteral("prom"))->historyShare(), 1.0);
        store.removeSource(QStringLiteral("prom"));
        QVERIFY(spy.wait(1000));
        QVERIFY(spy.last().at(0).value<FleetChangeSet>().sourcesChanged);
        QVERIFY(store.sourceProgresses().isEmpty());
    }

    // One host, two names, any kind of source: Slurm's "gpu001" and a metrics source's "gpu001.example.org"
    // are one node with both sources' facts, in either order; a job's nodes are kept under the node's id.
    void shortNameAndFqdnAreOneNode_data()
    {
        QTest::addColumn<bool>("schedulerFirst");
        QTest::newRow("scheduler first") << true;
        QTest::newRow("metrics first") << false;
    }
    void shortNameAndFqdnAreOneNode()
    {
        QFETCH(bool, schedulerFirst);
        FleetStore store;
        store.setCoalescingInterval(0);
        SourceUpdate slurm
            = batch({ makeNode(QStringLiteral("gpu001"), QStringLiteral("east"), NodeState::Up, { Chip {}, Chip {} }) },
                QStringLiteral("slurm"));
        slurm.claims = SourceClaims::scheduler();
        Protocol::JobRecord running = job(QStringLiteral("42"), QStringLiteral("running"), QStringLiteral("east"));
        running.nodes = { QStringLiteral("gpu001") };
        slurm.hasJobs = true;
        slurm.jobs = { running };
        SourceUpdate metrics = batch({ makeNode(QStringLiteral("gpu001.example.org"), QStringLiteral("east"),
                                         NodeState::Up, { Chip {}, Chip {} }) },
            QStringLiteral("prometheus"));
        metrics.claims = SourceClaims::metrics(false);
        store.applyUpdate(schedulerFirst ? slurm : metrics);
        store.applyUpdate(schedulerFirst ? metrics : slurm);

        const QString kept = schedulerFirst ? QStringLiteral("gpu001") : QStringLiteral("gpu001.example.org");
        QCOMPARE(store.nodes().keys(), QList<QString> { kept });
        QCOMPARE(store.summary().nodesTotal, 1);
        QCOMPARE(store.node(QStringLiteral("gpu001")), store.node(QStringLiteral("gpu001.example.org")));
        QCOMPARE(store.nodeIdOf(QStringLiteral("gpu001.example.org")), kept);
        QCOMPARE(store.facts(QStringLiteral("gpu001")).size(), size_t(2));
        QCOMPARE(store.sourceFor(QStringLiteral("gpu001.example.org"), NodeFacet::Allocation), QStringLiteral("slurm"));
        QCOMPARE(store.jobs().value(QStringLiteral("42")).nodes, QStringList { kept });

        // Either source gone: the node stays, known to the other.
        store.removeSource(QStringLiteral("slurm"));
        QCOMPARE(store.nodes().keys(), QList<QString> { kept });
        QCOMPARE(store.facts(kept).size(), size_t(1));
        store.removeSource(QStringLiteral("prometheus"));
        QVERIFY(store.nodes().isEmpty());
    }

    // Different hosts stay different: two domains, and an address beside a name.
    void differentHostsStayApart()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        store.applyUpdate(batch({ makeNode(QStringLiteral("gpu001.a.org"), QStringLiteral("east"), NodeState::Up, {}),
            makeNode(QStringLiteral("gpu001.b.org"), QStringLiteral("east"), NodeState::Up, {}),
            makeNode(QStringLiteral("10.0.0.1"), QStringLiteral("east"), NodeState::Up, {}),
            makeNode(QStringLiteral("10"), QStringLiteral("east"), NodeState::Up, {}) }));
        QCOMPARE(store.nodes().size(), 4);
    }

    // A whole fleet's poll is applied over several event-loop passes: in order, completely, and
    // with the loop running in between (the UI thread stays responsive).
    void queuedUpdatesApplyInSlicesInOrder()
    {
        FleetStore store;
        store.setCoalescingInterval(0);
        constexpr int Nodes = 50000;
        QList<NodeUpdate> first;
        QList<NodeUpdate> second;
        first.reserve(Nodes);
        for (int i = 0; i < Nodes; ++i)
            first.append(makeNode(QStringLiteral("n%1").arg(i), QStringLiteral("east"), NodeState::Up,
                { Chip { AcceleratorHealth::Healthy, QString() } }, 1));
        // The second batch names node n0 again, now allocated: it must win over the first.
        second.append(makeNode(QStringLiteral("n0"), QStringLiteral("east"), NodeState::Up,
            { Chip { AcceleratorHealth::Healthy, QStringLiteral("job-1") } }, 2));
        store.enqueueUpdate(batch(first));
        store.enqueueUpdate(batch(second));
        QVERIFY(store.hasQueuedUpdates());
        // The first event-loop pass that applies anything applies one slice: 50,000 nodes take far
        // longer than ApplySliceMs, so the loop gets its turn before the batch is through.
        for (int pass = 0; pass < 1000 && store.nodes().isEmpty(); ++pass)
            QCoreApplication::processEvents();
        QVERIFY(!store.nodes().isEmpty());
        QVERIFY2(store.nodes().size() < Nodes, "one pass applied the whole batch");
        QTRY_VERIFY_WITH_TIMEOUT(!store.hasQueuedUpdates(), 60000);
        QCOMPARE(store.nodes().size(), Nodes);
        QCOMPARE(store.node(QStringLiteral("n0"))->snapshot.sample.seq, 2);
        const RegionSummary sum = store.summary();
        QCOMPARE(sum.nodesTotal, Nodes);
        QCOMPARE(sum.models.value(0).allocated, 1);
        QCOMPARE(sum.models.value(0).free, Nodes - 1);
        QCOMPARE(store.agentStatusCounts().up, Nodes);
    }

    void removingASourceDropsItsQueuedUpdates()
    {
        FleetStore store;
        QList<NodeUpdate> many;
        for (int i = 0; i < 50000; ++i)
            many.append(makeNode(QStringLiteral("n%1").arg(i), QStringLiteral("east"), NodeState::Up, { Chip {} }));
        store.enqueueUpdate(batch(many, QStringLiteral("gone")));
        store.enqueueUpdate(
            batch({ makeNode(QStringLiteral("kept"), QStringLiteral("west"), NodeState::Up, { Chip {} }) },
                QStringLiteral("stays")));
        // Part of the batch is applied already, the rest still queued: both go.
        for (int pass = 0; pass < 1000 && store.nodes().isEmpty(); ++pass)
            QCoreApplication::processEvents();
        QVERIFY(!store.nodes().isEmpty());
        QVERIFY(store.hasQueuedUpdates());
        store.removeSource(QStringLiteral("gone"));
        QTRY_VERIFY_WITH_TIMEOUT(!store.hasQueuedUpdates(), 60000);
        QCOMPARE(store.nodes().keys(), QList<QString> { QStringLiteral("kept") });
        QCOMPARE(store.summary().nodesTotal, 1);
        QCOMPARE(store.agentStatusCounts().total(), 1);
    }

    void aWholeFleetSentAgainDoesNotGrowTheTables()
    {
        // A source that sends every node each poll: the second round holds no new node, so the tables keep the
        // room the first gave them (growTables counts the new ones when the total would not fit).
        FleetStore store;
        QList<NodeUpdate> fleet;
        for (int i = 0; i < 3000; ++i)
            fleet.append(makeNode(QStringLiteral("n%1").arg(i), QStringLiteral("east"), NodeState::Up, { Chip {} }, 1));
        store.applyUpdate(batch(fleet)); // at once: the tables grew as Qt grows them, with little room to spare
        QCOMPARE(store.nodes().size(), 3000);
        const qsizetype capacity = store.nodes().capacity();
        QVERIFY(capacity < 2 * 3000); // else this test could not see a needless growth
        for (NodeUpdate& n : fleet)
            n.snapshot.sample.seq = 2;
        store.enqueueUpdate(batch(fleet));
        QTRY_VERIFY(!store.hasQueuedUpdates());
        QCOMPARE(store.nodes().size(), 3000);
        QCOMPARE(store.nodes().capacity(), capacity);
    }

    void dataAges()
    {
        FleetStore store;
        store.applyUpdate(batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }, 5),
            makeNode(QStringLiteral("b"), QStringLiteral("west"), NodeState::Up, { Chip {} }, 9) }));
        QCOMPARE(store.newestDataMs(), 1700000000000LL + 9000);
        QCOMPARE(store.summary().oldestDataMs, 1700000000000LL + 5000);
        QCOMPARE(store.summary(QStringLiteral("east")).newestDataMs, 1700000000000LL + 5000);

        // Kept per update, not rescanned: the stalest node moves on, a node changes region, a source goes.
        store.applyUpdate(
            batch({ makeNode(QStringLiteral("a"), QStringLiteral("east"), NodeState::Up, { Chip {} }, 15) }));
        QCOMPARE(store.summary().oldestDataMs, 1700000000000LL + 9000);
        QCOMPARE(store.newestDataMs(), 1700000000000LL + 15000);
        store.applyUpdate(
            batch({ makeNode(QStringLiteral("b"), QStringLiteral("east"), NodeState::Up, { Chip {} }, 20) }));
        QCOMPARE(store.summary(QStringLiteral("west")).newestDataMs, 0);
        QCOMPARE(store.summary(QStringLiteral("west")).oldestDataMs, 0);
        QCOMPARE(store.summary(QStringLiteral("east")).oldestDataMs, 1700000000000LL + 15000);
        QCOMPARE(store.summary(QStringLiteral("east")).newestDataMs, 1700000000000LL + 20000);
        store.applyUpdate(
            batch({ makeNode(QStringLiteral("c"), QStringLiteral("west"), NodeState::Up, { Chip {} }, 30) },
                QStringLiteral("other")));
        QCOMPARE(store.newestDataMs(), 1700000000000LL + 30000);
        store.removeSource(QStringLiteral("other"));
        QCOMPARE(store.newestDataMs(), 1700000000000LL + 20000);
        QCOMPARE(store.summary(QStringLiteral("west")).newestDataMs, 0);
    }
};

QTEST_GUILESS_MAIN(TestFleetStore)
#include "tst_fleetstore.moc"
