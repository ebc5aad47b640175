// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/fleetstore.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcStore, "meridian.core.store", QtInfoMsg)

namespace Meridian {
namespace {

bool hasSnapshot(const FleetNode& node)
{
    return node.snapshot.sample.seq > 0;
}

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

void addCapacity(ModelCapacity* into, const ModelCapacity& from, int sign)
{
    into->total += sign * from.total;
    into->allocated += sign * from.allocated;
    into->free += sign * from.free;
    into->faulty += sign * from.faulty;
    into->unknown += sign * from.unknown;
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
}

void FleetStore::setCoalescingInterval(int ms)
{
    m_flushTimer.setInterval(std::max(0, ms));
}

const FleetNode* FleetStore::node(const QString& nodeId) const
{
    const auto it = m_nodes.constFind(nodeId);
    return it == m_nodes.constEnd() ? nullptr : &*it;
}

QStringList FleetStore::regions() const
{
    QStringList list = m_regions.keys();
    list.removeAll(QString());
    std::sort(list.begin(), list.end());
    return list;
}

void FleetStore::applyUpdate(const SourceUpdate& update)
{
    applyRemovals(update);
    for (const NodeUpdate& u : update.nodes)
        applyNode(update.source, u);
    applyJobs(update);
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
    // The clock is read every few nodes only: one node costs microseconds.
    constexpr qsizetype NodesPerCheck = 32;
    while (!m_inbox.isEmpty()) {
        const SourceUpdate& update = m_inbox.constFirst();
        if (m_inboxNext == 0)
            applyRemovals(update);
        const qsizetype count = update.nodes.size();
        while (m_inboxNext < count) {
            const qsizetype end = std::min(count, m_inboxNext + NodesPerCheck);
            for (; m_inboxNext < end; ++m_inboxNext)
                applyNode(update.source, update.nodes.at(m_inboxNext));
            if (m_inboxNext < count && slice.elapsed() >= ApplySliceMs) {
                schedule();
                m_inboxTimer.start();
                return;
            }
        }
        applyJobs(update);
        m_inbox.removeFirst();
        m_inboxNext = 0;
        if (!m_inbox.isEmpty() && slice.elapsed() >= ApplySliceMs) {
            m_inboxTimer.start();
            break;
        }
    }
    schedule();
}

void FleetStore::applyRemovals(const SourceUpdate& update)
{
    for (const QString& id : update.removedNodes) {
        if (m_nodes.contains(id))
            removeNode(id);
    }
}

void FleetStore::applyNode(const QString& source, const NodeUpdate& u)
{
    if (u.nodeId.isEmpty())
        return;
    auto it = m_nodes.find(u.nodeId);
    const bool added = it == m_nodes.end();
    if (added) {
        it = m_nodes.insert(u.nodeId, FleetNode {});
        it->inventory.nodeId = u.nodeId;
        setStatusCount(it->status, +1);
        m_pending.addedNodes.insert(u.nodeId);
        m_pending.removedNodes.remove(u.nodeId);
        m_pending.inventoryChanged = true;
    }
    FleetNode& node = *it;
    bool touched = false;
    bool countsChanged = added;
    if (u.hasInventory && !(node.inventory == u.inventory)) {
        const bool placement = node.inventory.region != u.inventory.region || node.inventory.pool != u.inventory.pool
            || node.inventory.rack != u.inventory.rack || node.inventory.accelerators != u.inventory.accelerators;
        node.inventory = u.inventory;
        ++node.inventoryRevision;
        if (!u.inventory.pool.isEmpty())
            m_poolRegion.insert(u.inventory.pool, u.inventory.region);
        m_pending.inventoryChanged |= placement;
        touched = countsChanged = true;
    }
    if (u.hasSnapshot) {
        node.snapshot = u.snapshot;
        node.lastSeenMs = u.snapshot.sample.timestampMs;
        m_dataAgesDirty = true;
        touched = countsChanged = true;
    }
    // A failed poll changes only status and error: the last good state stays.
    if (node.status != u.status || node.lastError != u.error) {
        if (node.status != u.status) {
            setStatusCount(node.status, -1);
            setStatusCount(u.status, +1);
            countsChanged |= (node.status == AgentStatus::Up) != (u.status == AgentStatus::Up);
            m_pending.statusChanged = true;
        }
        node.status = u.status;
        node.lastError = u.error;
        touched = true;
    }
    if (u.polledAtMs > 0)
        node.lastPollMs = u.polledAtMs;
    if (node.source != source) {
        node.source = source;
        touched = true;
    }
    if (countsChanged)
        recount(u.nodeId, &node);
    if (touched && !m_pending.addedNodes.contains(u.nodeId))
        m_pending.updatedNodes.insert(u.nodeId);
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
    m_hasJobList = m_hasJobList || !jobs.isEmpty();
    for (const FleetNode& cached : nodes) {
        const QString id = cached.inventory.nodeId;
        if (id.isEmpty())
            continue;
        const auto existing = m_nodes.constFind(id);
        // A live answer that arrived before the cache was read is newer: keep it.
        if (existing != m_nodes.constEnd() && existing->status != AgentStatus::Unknown)
            continue;
        if (existing == m_nodes.constEnd()) {
            setStatusCount(cached.status, +1);
            m_pending.addedNodes.insert(id);
        } else {
            setStatusCount(existing->status, -1);
            setStatusCount(cached.status, +1);
            m_pending.updatedNodes.insert(id);
        }
        FleetNode& node = m_nodes[id];
        node = cached;
        if (!node.inventory.pool.isEmpty())
            m_poolRegion.insert(node.inventory.pool, node.inventory.region);
        recount(id, &node);
    }
    for (const Protocol::JobRecord& job : jobs) {
        if (!m_jobs.contains(job.jobId))
            putJob(job, QString());
    }
    m_dataAgesDirty = true;
    m_pending.inventoryChanged = true;
    m_pending.jobsChanged |= !jobs.isEmpty();
    m_pending.statusChanged = true;
    m_pending.restoredFromCache = true;
    schedule();
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
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        if (it->source == source)
            gone.append(it.key());
    }
    for (const QString& id : gone)
        removeNode(id);
    QStringList jobs;
    for (auto it = m_jobContributions.cbegin(); it != m_jobContributions.cend(); ++it) {
        if (it->source == source)
            jobs.append(it.key());
    }
    for (const QString& id : jobs)
        dropJob(id);
    m_pending.jobsChanged |= !jobs.isEmpty();
    if (!gone.isEmpty() || !jobs.isEmpty())
        schedule();
}

void FleetStore::removeNode(const QString& nodeId)
{
    const auto it = m_nodes.find(nodeId);
    if (it == m_nodes.end())
        return;
    setStatusCount(it->status, -1);
    recount(nodeId, nullptr);
    m_nodes.erase(it);
    m_dataAgesDirty = true;
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

FleetStore::Contribution FleetStore::contributionOf(const FleetNode& node)
{
    Contribution c;
    c.region = node.inventory.region;
    c.reporting = node.status == AgentStatus::Up ? 1 : 0;
    const bool snapshot = hasSnapshot(node);
    const NodeState state = node.snapshot.sample.state;
    if (snapshot) {
        c.up = state != NodeState::Down ? 1 : 0;
        c.down = state == NodeState::Down ? 1 : 0;
        c.faults = int(node.snapshot.faults.size());
    }
    c.models = capacityByModel(node);
    return c;
}

void FleetStore::addContribution(const Contribution& c, int sign)
{
    RegionAggregate& agg = m_regions[c.region];
    agg.nodesTotal += sign;
    agg.nodesUp += sign * c.up;
    agg.nodesDown += sign * c.down;
    agg.nodesReporting += sign * c.reporting;
    agg.openFaults += sign * c.faults;
    for (const ModelCapacity& m : c.models) {
        auto it = agg.models.find(m.model);
        if (it == agg.models.end())
            it = agg.models.insert(m.model, ModelCapacity { m.model, m.vendor });
        addCapacity(&*it, m, sign);
        if (it->total == 0)
            agg.models.erase(it);
    }
    if (agg.nodesTotal == 0)
        m_regions.remove(c.region);
}

void FleetStore::recount(const QString& nodeId, const FleetNode* node)
{
    const auto old = m_contributions.constFind(nodeId);
    if (old != m_contributions.constEnd()) {
        addContribution(*old, -1);
        m_contributions.erase(old);
    }
    if (node) {
        Contribution c = contributionOf(*node);
        addContribution(c, +1);
        m_contributions.insert(nodeId, std::move(c));
    }
}

void FleetStore::putJob(const Protocol::JobRecord& job, const QString& source)
{
    if (job.jobId.isEmpty())
        return;
    dropJob(job.jobId);
    JobContribution c;
    c.region = job.region.isEmpty() ? m_poolRegion.value(job.pool) : job.region;
    c.source = source;
    c.bucket = jobBucket(job.state);
    addToCounts(&m_jobCounts[c.region], c.bucket, +1);
    m_jobContributions.insert(job.jobId, c);
    m_jobs.insert(job.jobId, job);
}

QString FleetStore::jobSource(const QString& jobId) const
{
    return m_jobContributions.value(jobId).source;
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

void FleetStore::refreshDataAges() const
{
    if (!m_dataAgesDirty)
        return;
    m_dataAges.clear();
    auto fold = [](std::pair<qint64, qint64>& ages, qint64 ts) {
        ages.first = ages.first == 0 ? ts : std::min(ages.first, ts);
        ages.second = std::max(ages.second, ts);
    };
    m_fleetAges = { 0, 0 };
    for (const FleetNode& node : m_nodes) {
        if (!hasSnapshot(node))
            continue;
        const qint64 ts = node.snapshot.sample.timestampMs;
        fold(m_dataAges[node.inventory.region], ts);
        fold(m_fleetAges, ts);
    }
    m_dataAgesDirty = false;
}

RegionSummary FleetStore::summary(const QString& region) const
{
    RegionSummary s;
    s.region = region;
    QHash<QString, ModelCapacity> models;
    auto fold = [&](const QString& key, const RegionAggregate& agg) {
        s.nodesUp += agg.nodesUp;
        s.nodesDown += agg.nodesDown;
        s.nodesReporting += agg.nodesReporting;
        s.nodesTotal += agg.nodesTotal;
        s.openFaults += agg.openFaults;
        for (const ModelCapacity& m : agg.models) {
            auto it = models.find(m.model);
            if (it == models.end())
                it = models.insert(m.model, ModelCapacity { m.model, m.vendor });
            addCapacity(&*it, m, +1);
        }
        const JobCounts jobs = m_jobCounts.value(key);
        for (int b = 0; b < 6; ++b) {
            const int* fields[]
                = { &jobs.queued, &jobs.running, &jobs.recovering, &jobs.failed, &jobs.completed, &jobs.cancelled };
            addToCounts(&s.jobs, b, *fields[b]);
        }
    };
    if (region.isEmpty()) {
        for (auto it = m_regions.cbegin(); it != m_regions.cend(); ++it)
            fold(it.key(), *it);
        // Jobs whose region is not known to any node still count fleet-wide.
        for (auto it = m_jobCounts.cbegin(); it != m_jobCounts.cend(); ++it) {
            if (!m_regions.contains(it.key()))
                fold(it.key(), RegionAggregate {});
        }
    } else {
        fold(region, m_regions.value(region));
    }
    s.models = models.values();
    std::sort(s.models.begin(), s.models.end(), [](const ModelCapacity& a, const ModelCapacity& b) {
        return a.total != b.total ? a.total > b.total : a.model < b.model;
    });
    refreshDataAges();
    const auto ages = region.isEmpty() ? m_fleetAges : m_dataAges.value(region);
    s.oldestDataMs = ages.first;
    s.newestDataMs = ages.second;
    return s;
}

AgentStatusCounts FleetStore::agentStatusCounts() const
{
    return m_statusCounts;
}

qint64 FleetStore::newestDataMs() const
{
    refreshDataAges();
    return m_fleetAges.second;
}

void FleetStore::schedule()
{
    if (!m_flushTimer.isActive() && !m_sliceTimer.isActive() && !m_pending.isEmpty())
        m_flushTimer.start();
}

void FleetStore::flush()
{
    if (m_pending.isEmpty())
        return;
    FleetChangeSet changes;
    if (m_pending.updatedNodes.size() <= MaxUpdatedNodesPerChangeSet) {
        changes = std::exchange(m_pending, FleetChangeSet {});
    } else {
        // A whole fleet's tick (25,000 nodes, 200,000 accelerator rows) handled
        // at once would hold the UI thread for a quarter of a second: send it a
        // slice per frame. The store itself is already up to date; only the
        // notifications are spread, and updates arriving meanwhile join the rest.
        // Moving out only this slice keeps each step O(slice), not O(all pending).
        QSet<QString> slice;
        slice.reserve(MaxUpdatedNodesPerChangeSet);
        for (auto it = m_pending.updatedNodes.cbegin(); slice.size() < MaxUpdatedNodesPerChangeSet; ++it)
            slice.insert(*it);
        for (const QString& id : std::as_const(slice))
            m_pending.updatedNodes.remove(id);
        changes = std::exchange(m_pending, FleetChangeSet {});
        m_pending.updatedNodes = std::exchange(changes.updatedNodes, std::move(slice));
        m_sliceTimer.start();
    }
    qCDebug(lcStore) << "change set:" << changes.addedNodes.size() << "added" << changes.updatedNodes.size()
                     << "updated" << changes.removedNodes.size() << "removed";
    Q_EMIT changed(changes);
}

} // namespace Meridian
