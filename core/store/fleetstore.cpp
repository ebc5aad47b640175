// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/fleetstore.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStore, "meridian.core.store", QtInfoMsg)

namespace Meridian {
namespace {
// Nodes applied between two readings of a slice's clock (drainInbox, drainRestore): one costs microseconds.
constexpr qsizetype NodesPerCheck = 32;

// Index into JobCounts by the scheduler's state; -1 for states the Overview does not count.
int jobBucket(const QString& state)
{
    if (state == QLatin1String("queued"))
        return 0;
    if (state == QLatin1String("running") || state == QLatin1String("checkpointing"))
        return 1;
    if (state == QLatin1String("recovering"))
        return 2;
    if (state == QLatin1String("failed"))
        return 3;
    if (state == QLatin1String("completed"))
        return 4;
    if (state == QLatin1String("cancelled"))
        return 5;
    return -1;
}

void addToCounts(JobCounts* counts, int bucket, int delta)
{
    int* fields[] = { &counts->queued, &counts->running, &counts->recovering, &counts->failed, &counts->completed,
        &counts->cancelled };
    if (bucket >= 0 && bucket < int(std::size(fields)))
        *fields[bucket] += delta;
}

} // namespace

FleetStore::FleetStore(QObject* parent)
    : QObject(parent)
{
    registerCoreMetaTypes();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &FleetStore::flush);
    m_sliceTimer.setSingleShot(true);
    m_sliceTimer.setInterval(FrameMs);
    connect(&m_sliceTimer, &QTimer::timeout, this, &FleetStore::flush);
    m_inboxTimer.setSingleShot(true);
    m_inboxTimer.setInterval(0);
    connect(&m_inboxTimer, &QTimer::timeout, this, &FleetStore::drainInbox);
    // Named for whoever times the UI thread's events (tests/bench/ui/bench_ui_responsiveness.cpp).
    m_flushTimer.setObjectName(QStringLiteral("FleetStore.flush"));
    m_sliceTimer.setObjectName(QStringLiteral("FleetStore.slice"));
    m_inboxTimer.setObjectName(QStringLiteral("FleetStore.inbox"));
}

void FleetStore::setCoalescingInterval(int ms)
{
    m_flushTimer.setInterval(std::max(0, ms));
}

const FleetNode* FleetStore::node(const QString& nodeId) const
{
    const auto it = m_nodes.constFind(m_identity.lookup(nodeId));
    return it == m_nodes.constEnd() ? nullptr : &*it;
}

std::span<const NodeFacts> FleetStore::facts(const QString& nodeId) const
{
    const auto it = m_facts.constFind(m_identity.lookup(nodeId));
    if (it == m_facts.constEnd())
        return {};
    return { it->constData(), size_t(it->size()) };
}

QString FleetStore::nameAt(const QString& nodeId, const QString& source) const
{
    for (const NodeFacts& f : facts(nodeId)) {
        if (f.source == source && f.hasInventory && !f.inventory.nodeId.isEmpty())
            return f.inventory.nodeId;
    }
    return nodeId;
}

QString FleetStore::sourceFor(const QString& nodeId, NodeFacet facet) const
{
    return Meridian::sourceFor(facts(nodeId), facet);
}

QStringList FleetStore::regions() const
{
    return m_aggregate.regions();
}

const ExporterCounters* FleetStore::faultCounters(const QString& nodeId) const
{
    const auto it = m_faultCounters.constFind(m_identity.lookup(nodeId));
    return it == m_faultCounters.cend() ? nullptr : &*it;
}

void FleetStore::applyUpdate(const SourceUpdate& update)
{
    applyRemovals(update);
    for (const NodeUpdate& u : update.nodes)
        applyNode(update.source, update.claims, u);
    applyJobs(update);
    applyProgress(update);
    schedule();
}

void FleetStore::enqueueUpdate(const SourceUpdate& update)
{
    // Applied from the timer only: one slice per event-loop pass, however many batches arrive in it.
    m_inbox.append(update);
    if (!m_inboxTimer.isActive())
        m_inboxTimer.start();
}

void FleetStore::drainInbox()
{
    QElapsedTimer slice;
    slice.start();
    // The cache's state first: what a source has already answered is newer and kept (restoreNode).
    if (m_restoring && !drainRestore(slice)) {
        schedule();
        m_inboxTimer.start();
        return;
    }
    while (!m_inbox.isEmpty()) {
        const SourceUpdate& update = m_inbox.constFirst();
        if (m_inboxNext == 0) {
            if (growTables(newNodesIn(update))) {
                m_inboxTimer.start();
                return;
            }
            applyRemovals(update);
        }
        const qsizetype count = update.nodes.size();
        while (m_inboxNext < count) {
            const qsizetype end = std::min(count, m_inboxNext + NodesPerCheck);
            for (; m_inboxNext < end; ++m_inboxNext)
                applyNode(update.source, update.claims, update.nodes.at(m_inboxNext));
            if (m_inboxNext < count && slice.elapsed() >= ApplySliceMs) {
                schedule();
                m_inboxTimer.start();
                return;
            }
        }
        applyJobs(update);
        applyProgress(update);
        m_inbox.removeFirst();
        m_inboxNext = 0;
        if (!m_inbox.isEmpty() && slice.elapsed() >= ApplySliceMs) {
            m_inboxTimer.start();
            break;
        }
    }
    schedule();
}

qsizetype FleetStore::newNodesIn(const SourceUpdate& update) const
{
    // Counted only when the tables could need room: a source that sends its whole fleet every poll (Prometheus,
    // 25,000 known nodes at once) must not make them grow for nodes they already hold.
    const qsizetype count = update.nodes.size();
    if (m_nodes.size() + count <= m_nodes.capacity())
        return count;
    return std::count_if(update.nodes.cbegin(), update.nodes.cend(),
        [this](const NodeUpdate& n) { return !m_nodes.contains(m_identity.lookup(n.nodeId)); });
}

bool FleetStore::growTables(qsizetype nodes)
{
    // The per-node tables grow in step: left to themselves they all rehash in the same slice when a fleet's first
    // load passes a power of two, 130 ms of one frame at 25,000 nodes. Grown ahead of an update that could need
    // it, one table per slice, each takes a frame of its own. Rehashing the node table (600-byte values) costs
    // 57 ms at 8,000 nodes, while growing an empty one costs nothing: a fleet arriving in pages (2,000 nodes from
    // a fleet front) gets room for sixteen pages at once (up to 65,536 nodes: what later growth would give anyway
    // at 25,000), then four times its size. Room for every node being new costs a few bytes per bucket when they
    // are not. True when a table grew: the slice is spent.
    constexpr qsizetype PagesAhead = 16;
    constexpr qsizetype MaxAhead = 65536;
    const qsizetype wanted = m_nodes.size() + nodes;
    const qsizetype target = std::max({ wanted, 4 * m_nodes.size(), std::min(PagesAhead * nodes, MaxAhead) });
    if (m_nodes.capacity() < wanted)
        m_nodes.reserve(target);
    else if (m_facts.capacity() < wanted)
        m_facts.reserve(target);
    else if (!m_aggregate.reserve(wanted, target) && !m_identity.reserve(wanted, target))
        return false;
    return true;
}

void FleetStore::applyRemovals(const SourceUpdate& update)
{
    for (const QString& id : update.removedNodes)
        dropFacts(m_identity.lookup(id), update.source);
    // Before the nodes: the change set that names them finds their counters in place.
    for (const ExporterCounters& c : update.faultCounters) {
        ExporterCounters& kept = m_faultCounters[m_identity.lookup(c.nodeId)];
        kept = c;
        kept.source = update.source;
    }
}

NodeFacts& FleetStore::factsOf(FactsList& list, const QString& source, const SourceClaims& claims)
{
    // The state kept in the cache stands in until a source speaks for the node.
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        if (list.at(i).restored)
            list.remove(i);
    }
    for (NodeFacts& f : list) {
        if (f.source == source) {
            f.claims = claims;
            return f;
        }
    }
    NodeFacts& f = list.emplace_back();
    f.source = source;
    f.claims = claims;
    return f;
}

void FleetStore::applyNode(const QString& source, const SourceClaims& claims, const NodeUpdate& u)
{
    if (u.nodeId.isEmpty())
        return;
    // Every kind of source the same way: its name for the node → the node (a short name meets its FQDN).
    const QString nodeId = m_identity.resolve(u.nodeId);
    FactsList& list = m_facts[nodeId];
    const bool replacesCache = std::any_of(list.cbegin(), list.cend(), [](const NodeFacts& x) { return x.restored; });
    const qsizetype before = list.size();
    NodeFacts& f = factsOf(list, source, claims);
    bool changed = replacesCache || list.size() != before || f.status != u.status || f.error != u.error;
    bool inventoryChanged = false;
    if (u.hasInventory && !(f.hasInventory && f.inventory == u.inventory)) {
        f.inventory = u.inventory;
        f.hasInventory = true;
        inventoryChanged = changed = true;
    }
    if (u.hasSnapshot) {
        f.snapshot = u.snapshot;
        f.hasSnapshot = true;
        f.lastSeenMs = u.snapshot.sample.timestampMs;
        changed = true;
    }
    // A failed poll changes only status and error: the last good state stays.
    f.status = u.status;
    f.error = u.error;
    if (u.polledAtMs > 0)
        f.lastPollMs = u.polledAtMs;
    if (changed) {
        remerge(nodeId, inventoryChanged);
    } else if (FleetNode* node = m_nodes.contains(nodeId) ? &m_nodes[nodeId] : nullptr) {
        // Nothing the console shows changed; only the bookkeeping of when the source was last asked.
        node->lastPollMs = std::max(node->lastPollMs, f.lastPollMs);
    }
}

void FleetStore::remerge(const QString& nodeId, bool inventoryChanged)
{
    const FactsList& list = m_facts[nodeId];
    FleetNode merged = mergeNode(nodeId, { list.constData(), size_t(list.size()) });
    auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end()) {
        it = m_nodes.insert(nodeId, FleetNode {});
        setStatusCount(it->status, +1);
        m_pending.addedNodes.insert(nodeId);
        m_pending.removedNodes.remove(nodeId);
        m_pending.inventoryChanged = true;
        inventoryChanged = true;
    }
    FleetNode& node = *it;
    const Protocol::NodeInventory& was = node.inventory;
    const bool placement = was.region != merged.inventory.region || was.pool != merged.inventory.pool
        || was.rack != merged.inventory.rack || was.accelerators != merged.inventory.accelerators;
    m_pending.inventoryChanged |= placement;
    if (node.status != merged.status) {
        setStatusCount(node.status, -1);
        setStatusCount(merged.status, +1);
        m_pending.statusChanged = true;
    }
    merged.inventoryRevision = node.inventoryRevision + ((inventoryChanged || placement) ? 1 : 0);
    node = std::move(merged);
    m_aggregate.put(nodeId, &node);
    if (!m_pending.addedNodes.contains(nodeId))
        m_pending.updatedNodes.insert(nodeId);
}

void FleetStore::dropFacts(const QString& nodeId, const QString& source)
{
    const auto it = m_facts.find(nodeId);
    if (it == m_facts.end())
        return;
    for (qsizetype i = it->size() - 1; i >= 0; --i) {
        if (it->at(i).source == source)
            it->remove(i);
    }
    if (const auto c = m_faultCounters.constFind(nodeId); c != m_faultCounters.cend() && c->source == source)
        m_faultCounters.erase(c);
    if (it->isEmpty())
        removeNode(nodeId);
    else
        remerge(nodeId, true);
}

void FleetStore::applyJobs(const SourceUpdate& update)
{
    if (!update.hasJobs)
        return;
    m_hasJobList = true;
    if (update.jobsComplete) {
        QStringList gone;
        for (auto it = m_jobContributions.cbegin(); it != m_jobContributions.cend(); ++it) {
            // Jobs restored from the cache belong to no source yet: the live list replaces them too.
            if (it->source == update.source || it->source.isEmpty())
                gone.append(it.key());
        }
        for (const QString& id : gone)
            dropJob(id);
    }
    for (const Protocol::JobRecord& job : update.jobs)
        putJob(job, update.source);
    m_pending.jobsChanged = true;
}

void FleetStore::restore(const QList<FleetNode>& nodes, const QList<Protocol::JobRecord>& jobs)
{
    for (const FleetNode& cached : nodes)
        restoreNode(cached);
    finishRestore(jobs);
}

void FleetStore::enqueueRestore(const QList<FleetNode>& nodes, const QList<Protocol::JobRecord>& jobs)
{
    m_restoreNodes = nodes;
    m_restoreJobs = jobs;
    m_restoreNext = 0;
    m_restoring = true;
    if (!m_inboxTimer.isActive())
        m_inboxTimer.start();
}

bool FleetStore::drainRestore(const QElapsedTimer& slice)
{
    if (m_restoreNext == 0 && growTables(m_restoreNodes.size()))
        return false;
    while (m_restoreNext < m_restoreNodes.size()) {
        const qsizetype end = std::min(m_restoreNodes.size(), m_restoreNext + NodesPerCheck);
        for (; m_restoreNext < end; ++m_restoreNext)
            restoreNode(m_restoreNodes.at(m_restoreNext));
        if (m_restoreNext < m_restoreNodes.size() && slice.elapsed() >= ApplySliceMs)
            return false;
    }
    finishRestore(m_restoreJobs);
    m_restoreNodes = {};
    m_restoreJobs = {};
    m_restoring = false;
    // Told in the next event, not after the flush timer's coalescing: the console waits for these numbers.
    QMetaObject::invokeMethod(this, &FleetStore::flush, Qt::QueuedConnection);
    return true;
}

void FleetStore::restoreNode(const FleetNode& cached)
{
    if (cached.inventory.nodeId.isEmpty())
        return;
    const QString id = m_identity.resolve(cached.inventory.nodeId);
    // A live answer that arrived before the cache was read is newer: keep it.
    FactsList& list = m_facts[id];
    if (!list.isEmpty())
        return;
    NodeFacts& f = list.emplace_back();
    f.source = cached.source;
    f.claims = SourceClaims::nodeAgent();
    f.restored = true;
    f.hasInventory = true;
    f.inventory = cached.inventory;
    f.hasSnapshot = cached.snapshot.sample.seq > 0;
    f.snapshot = cached.snapshot;
    f.status = cached.status;
    f.error = cached.lastError;
    f.lastSeenMs = cached.lastSeenMs;
    f.lastPollMs = cached.lastPollMs;
    remerge(id, true);
}

void FleetStore::finishRestore(const QList<Protocol::JobRecord>& jobs)
{
    m_hasJobList = m_hasJobList || !jobs.isEmpty();
    for (const Protocol::JobRecord& job : jobs) {
        if (!m_jobs.contains(job.jobId))
            putJob(job, QString());
    }
    m_pending.inventoryChanged = true;
    m_pending.jobsChanged |= !jobs.isEmpty();
    m_pending.statusChanged = true;
    m_pending.restoredFromCache = true;
    schedule();
    Q_EMIT restoreApplied();
}

void FleetStore::applyProgress(const SourceUpdate& update)
{
    if (!update.progress)
        return;
    const auto it = m_progress.constFind(update.source);
    if (it != m_progress.cend() && *it == *update.progress)
        return;
    m_progress.insert(update.source, *update.progress);
    m_pending.sourcesChanged = true;
}

const SourceProgress* FleetStore::sourceProgress(const QString& source) const
{
    const auto it = m_progress.constFind(source);
    return it == m_progress.cend() ? nullptr : &*it;
}

void FleetStore::removeSource(const QString& source)
{
    // Its queued batches would bring the nodes back. The one being applied goes too: nothing of it
    // may remain either.
    for (qsizetype i = m_inbox.size() - 1; i >= 0; --i) {
        if (m_inbox.at(i).source == source) {
            m_inbox.removeAt(i);
            if (i == 0)
                m_inboxNext = 0;
        }
    }
    QStringList gone;
    for (auto it = m_facts.cbegin(); it != m_facts.cend(); ++it) {
        for (const NodeFacts& f : *it) {
            if (f.source == source)
                gone.append(it.key());
        }
    }
    for (const QString& id : std::as_const(gone))
        dropFacts(id, source);
    QStringList jobs;
    for (auto it = m_jobContributions.cbegin(); it != m_jobContributions.cend(); ++it) {
        if (it->source == source)
            jobs.append(it.key());
    }
    for (const QString& id : jobs)
        dropJob(id);
    m_pending.jobsChanged |= !jobs.isEmpty();
    m_pending.sourcesChanged |= m_progress.remove(source) > 0;
    if (!gone.isEmpty() || !jobs.isEmpty() || m_pending.sourcesChanged)
        schedule();
}

void FleetStore::removeNode(const QString& nodeId)
{
    const auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end())
        return;
    setStatusCount(it->status, -1);
    m_aggregate.put(nodeId, nullptr);
    m_nodes.erase(it);
    m_facts.remove(nodeId);
    m_identity.forget(nodeId);
    if (!m_pending.addedNodes.remove(nodeId))
        m_pending.removedNodes.insert(nodeId);
    m_pending.updatedNodes.remove(nodeId);
    m_pending.inventoryChanged = true;
    m_pending.statusChanged = true;
    schedule();
}

void FleetStore::setStatusCount(AgentStatus status, int delta)
{
    switch (status) {
    case AgentStatus::Unknown:
        m_statusCounts.unknown += delta;
        break;
    case AgentStatus::Up:
        m_statusCounts.up += delta;
        break;
    case AgentStatus::Stale:
        m_statusCounts.stale += delta;
        break;
    case AgentStatus::Unreachable:
        m_statusCounts.unreachable += delta;
        break;
    case AgentStatus::Unauthorized:
        m_statusCounts.unauthorized += delta;
        break;
    case AgentStatus::BadPayload:
        m_statusCounts.badPayload += delta;
        break;
    }
}

void FleetStore::putJob(const Protocol::JobRecord& job, const QString& source)
{
    if (job.jobId.isEmpty())
        return;
    dropJob(job.jobId);
    Protocol::JobRecord kept = job;
    for (QString& node : kept.nodes)
        node = m_identity.lookup(node);
    JobContribution c;
    c.region = job.region.isEmpty() ? m_aggregate.regionOfPool(job.pool) : job.region;
    c.source = source;
    c.bucket = jobBucket(job.state);
    addToCounts(&m_jobCounts[c.region], c.bucket, +1);
    m_jobContributions.insert(job.jobId, c);
    m_jobs.insert(job.jobId, std::move(kept));
}

QString FleetStore::jobSource(const QString& jobId) const
{
    return m_jobContributions.value(jobId).source;
}

QString FleetStore::sourceForJob(const QString& jobId) const
{
    QString source = jobSource(jobId);
    const auto job = m_jobs.constFind(jobId);
    if (source.isEmpty() && job != m_jobs.constEnd() && !job->nodes.isEmpty())
        source = sourceFor(job->nodes.constFirst(), NodeFacet::Allocation);
    return source;
}

void FleetStore::dropJob(const QString& jobId)
{
    const auto it = m_jobContributions.constFind(jobId);
    if (it == m_jobContributions.constEnd())
        return;
    addToCounts(&m_jobCounts[it->region], it->bucket, -1);
    m_jobContributions.erase(it);
    m_jobs.remove(jobId);
}

RegionSummary FleetStore::summary(const QString& region) const
{
    RegionSummary s;
    s.region = region;
    const ScopeCounts* counts = m_aggregate.counts(region.isEmpty() ? ScopeKey::fleet() : ScopeKey::ofRegion(region));
    if (counts) {
        s.nodesUp = counts->nodesUp;
        s.nodesDown = counts->nodesDown;
        s.nodesReporting = counts->nodesReporting;
        s.nodesTotal = counts->nodesTotal;
        s.openFaults = counts->openFaults;
        s.models = QList<ModelCapacity>(counts->models.cbegin(), counts->models.cend());
    }
    std::sort(s.models.begin(), s.models.end(), [](const ModelCapacity& a, const ModelCapacity& b) {
        return a.total != b.total ? a.total > b.total : a.model < b.model;
    });
    // Jobs of a region no node is in still count fleet-wide.
    auto addJobs = [&s](const JobCounts& jobs) {
        const int* fields[]
            = { &jobs.queued, &jobs.running, &jobs.recovering, &jobs.failed, &jobs.completed, &jobs.cancelled };
        for (int b = 0; b < 6; ++b)
            addToCounts(&s.jobs, b, *fields[b]);
    };
    if (region.isEmpty()) {
        for (const JobCounts& jobs : m_jobCounts)
            addJobs(jobs);
    } else {
        addJobs(m_jobCounts.value(region));
    }
    const DataSpan ages = m_aggregate.dataSpan(region);
    s.oldestDataMs = ages.oldestMs;
    s.newestDataMs = ages.newestMs;
    return s;
}

AgentStatusCounts FleetStore::agentStatusCounts() const
{
    return m_statusCounts;
}

qint64 FleetStore::newestDataMs() const
{
    return m_aggregate.dataSpan().newestMs;
}

void FleetStore::schedule()
{
    // The cache's state is told when it is all in: its slices apply in a tenth of a second, and the pages'
    // handling of each slice's change set in between made that half a second before the Overview had its numbers.
    if (m_restoring)
        return;
    if (!m_flushTimer.isActive() && !m_sliceTimer.isActive() && !m_pending.isEmpty())
        m_flushTimer.start();
}

void FleetStore::flush()
{
    if (m_pending.isEmpty())
        return;
    FleetChangeSet changes;
    if (m_pending.addedNodes.size() + m_pending.updatedNodes.size() <= MaxUpdatedNodesPerChangeSet) {
        changes = std::exchange(m_pending, FleetChangeSet {});
    } else {
        // A whole fleet's tick (25,000 nodes, 200,000 accelerator rows), its first
        // load or the state restored from the cache, handled at once would hold the
        // UI thread for a quarter of a second and more: send it a slice per frame,
        // added nodes first. The store itself is already up to date; only the
        // notifications are spread, and updates arriving meanwhile join the rest.
        // The flags go with the first slice (whoever rebuilds from the store on
        // them sees every node at once); later slices name nodes only. Moving out
        // only this slice keeps each step O(slice), not O(all pending).
        qsizetype budget = MaxUpdatedNodesPerChangeSet;
        const auto takeSlice = [&budget](QSet<QString>& from) {
            QSet<QString> slice;
            slice.reserve(std::min(budget, from.size()));
            for (auto it = from.cbegin(); budget > 0 && it != from.cend(); ++it, --budget)
                slice.insert(*it);
            for (const QString& id : std::as_const(slice))
                from.remove(id);
            return slice;
        };
        QSet<QString> added = takeSlice(m_pending.addedNodes);
        QSet<QString> updated = takeSlice(m_pending.updatedNodes);
        changes = std::exchange(m_pending, FleetChangeSet {});
        m_pending.addedNodes = std::exchange(changes.addedNodes, std::move(added));
        m_pending.updatedNodes = std::exchange(changes.updatedNodes, std::move(updated));
        m_sliceTimer.start();
    }
    qCDebug(lcStore) << "change set:" << changes.addedNodes.size() << "added" << changes.updatedNodes.size()
                     << "updated" << changes.removedNodes.size() << "removed";
    Q_EMIT changed(changes);
}

} // namespace Meridian
