// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/model/fleettypes.h"
#include "core/model/nodefacts.h"
#include "core/model/sourceupdate.h"
#include "core/store/fleetaggregate.h"
#include "core/store/nodeidentity.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <QVarLengthArray>

#include <span>

namespace Meridian {

// Current state of the fleet, on the UI thread. Sources deliver SourceUpdate
// batches (queued, from their worker threads); the store merges them and
// publishes one coalesced FleetChangeSet per interval. Readers get values or
// const references valid until the next change set.
//
// A node reported by several sources (its agent, a Prometheus, the scheduler)
// is one node: the store keeps each source's facts and shows their merge
// (nodefacts.h). Figures per region, pool and rack are kept incrementally in
// one FleetAggregate, so summary() costs the same at 25,000 nodes as at 10.
class FleetStore : public QObject
{
    Q_OBJECT
public:
    explicit FleetStore(QObject* parent = nullptr);

    // Coalescing interval; default 100 ms. Tests may set 0 (emit on the next event-loop pass).
    void setCoalescingInterval(int ms);
    // A change set names at most this many added and updated nodes together; the rest follow one frame later.
    static constexpr int MaxUpdatedNodesPerChangeSet = 400;
    static constexpr int FrameMs = 16;
    bool hasPendingChanges() const { return !m_pending.isEmpty(); } ///< a change set is still to come

    const QHash<QString, FleetNode>& nodes() const { return m_nodes; }
    // NODEID may be any name a source uses for the node: "gpu001" finds the node kept as "gpu001.example.org"
    // and the reverse (nodeidentity.h). Job records are stored with their nodes under the kept ids.
    const FleetNode* node(const QString& nodeId) const;
    QString nodeIdOf(const QString& anyName) const { return m_identity.lookup(anyName); }
    // What each source says about a node (the node detail's "who said what"), and whom to ask for a facet.
    std::span<const NodeFacts> facts(const QString& nodeId) const;
    QString sourceFor(const QString& nodeId, NodeFacet facet) const;
    // What SOURCE calls the node (Slurm's NodeName where the node is kept under its FQDN): the name to act on
    // it with through that source. NODEID itself when the source gave no other.
    QString nameAt(const QString& nodeId, const QString& source) const;
    const FleetAggregate& aggregate() const { return m_aggregate; }
    const QHash<QString, Protocol::JobRecord>& jobs() const { return m_jobs; }
    QString jobSource(const QString& jobId) const; ///< the source that reported the job; empty: unknown / cache
    // Whom to ask about a job: the source that reported it, else the one that allocates its first node.
    QString sourceForJob(const QString& jobId) const;
    // True once a source has delivered a job list (a scheduler's view), even an
    // empty one: without it job counts are unknown, not zero.
    bool hasJobList() const { return m_hasJobList; }
    QStringList regions() const; ///< sorted
    // A node's newest exporter-only fault counters (SourceUpdate::faultCounters); null: none.
    const ExporterCounters* faultCounters(const QString& nodeId) const;

    // A source's own progress (warnings, history being read), as it last sent it; null: it sent none.
    const SourceProgress* sourceProgress(const QString& source) const;
    const QHash<QString, SourceProgress>& sourceProgresses() const { return m_progress; }

    RegionSummary summary(const QString& region = {}) const; ///< empty region: whole fleet
    AgentStatusCounts agentStatusCounts() const;
    qint64 newestDataMs() const; ///< agent time of the freshest snapshot, 0 if none

    // Budget of one pass over queued updates (enqueueUpdate): well under a frame, so that a whole
    // fleet's poll (25,000 nodes in pages of 2,000) never holds the UI thread for long.
    static constexpr int ApplySliceMs = 8;
    bool hasQueuedUpdates() const { return !m_inbox.isEmpty() || m_restoring; }

public Q_SLOTS:
    // Applies a batch at once: for tests, benchmarks and small batches.
    void applyUpdate(const Meridian::SourceUpdate& update);
    // Queues a batch and applies it on the event loop in slices of ApplySliceMs, one slice per pass,
    // in arrival order.
    // The console's sources deliver here: every node is consistent at every moment, a poll of many
    // nodes becomes visible over a few passes.
    void enqueueUpdate(const Meridian::SourceUpdate& update);
    // Start-up: state loaded from the cache before any agent answers, applied at once (tests, small caches).
    void restore(const QList<Meridian::FleetNode>& nodes, const QList<Meridian::Protocol::JobRecord>& jobs);
    // The same on the event loop, in slices of ApplySliceMs before any queued update: the console's start on a
    // 25,000-node cache (applied at once, it held the UI thread for 200 ms).
    void enqueueRestore(const QList<Meridian::FleetNode>& nodes, const QList<Meridian::Protocol::JobRecord>& jobs);
    // Forgets every node reported by this source (it was removed from the configuration).
    void removeSource(const QString& source);

Q_SIGNALS:
    void changed(const Meridian::FleetChangeSet& changes);
    void restoreApplied(); ///< restore()'s or enqueueRestore()'s whole state is in the store

private:
    // On the heap, not inline (a node has one source, seldom more): a NodeFacts is 600 bytes, and the table of a
    // whole fleet must stay cheap to rehash as it grows (reserveFor).
    using FactsList = QList<NodeFacts>;
    struct JobContribution
    {
        QString region;
        QString source;
        int bucket = -1; ///< index into JobCounts' fields, -1: not counted
    };

    void applyRemovals(const SourceUpdate& update);
    void applyNode(const QString& source, const SourceClaims& claims, const NodeUpdate& u);
    NodeFacts& factsOf(FactsList& list, const QString& source, const SourceClaims& claims);
    void remerge(const QString& nodeId, bool inventoryChanged);
    void applyJobs(const SourceUpdate& update);
    void applyProgress(const SourceUpdate& update);
    void drainInbox();
    bool drainRestore(const QElapsedTimer& slice); ///< true once the whole restore is applied
    void restoreNode(const FleetNode& cached);
    void finishRestore(const QList<Protocol::JobRecord>& jobs);
    void schedule();
    void flush();
    void setStatusCount(AgentStatus status, int delta);
    void removeNode(const QString& nodeId);
    qsizetype newNodesIn(const SourceUpdate& update) const; ///< at most: nodes the store may not hold yet
    bool growTables(qsizetype nodes);
    void dropFacts(const QString& nodeId, const QString& source);
    void putJob(const Protocol::JobRecord& job, const QString& source);
    void dropJob(const QString& jobId);

    QHash<QString, FleetNode> m_nodes; ///< the merged view of each node
    QHash<QString, FactsList> m_facts; ///< node id → what each source says about it
    NodeIdentity m_identity; ///< the names sources use → the node id kept
    QHash<QString, Protocol::JobRecord> m_jobs;
    bool m_hasJobList = false;
    FleetAggregate m_aggregate;
    QHash<QString, JobContribution> m_jobContributions;
    QHash<QString, JobCounts> m_jobCounts; ///< per region; "" holds jobs of no known region
    AgentStatusCounts m_statusCounts;
    QHash<QString, ExporterCounters> m_faultCounters;
    QHash<QString, SourceProgress> m_progress; ///< per source, as it last sent it
    QList<FleetNode> m_restoreNodes; ///< queued by enqueueRestore()
    QList<Protocol::JobRecord> m_restoreJobs;
    qsizetype m_restoreNext = 0;
    bool m_restoring = false;
    QList<SourceUpdate> m_inbox; ///< queued by enqueueUpdate(), oldest first
    qsizetype m_inboxNext = 0; ///< next node of m_inbox.first(); 0: its removals are still to do
    QTimer m_inboxTimer; ///< the next slice, after the event loop has had its turn
    FleetChangeSet m_pending;
    QTimer m_flushTimer;
    QTimer m_sliceTimer; ///< the rest of a change set too large for one frame (see flush())
};

} // namespace Meridian
