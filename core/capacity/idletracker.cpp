// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/capacity/idletracker.h"

#include "core/cache/cachereader.h"
#include "core/store/fleetstore.h"

#include <QFutureWatcher>

#include <algorithm>
#include <cmath>

namespace Meridian {
namespace {
// The raw history is kept 48 h (docs/cache.md); no run is extended further back.
constexpr qint64 SeedLookbackMs = 48LL * 3600 * 1000;
constexpr int SeedMaxPoints = 4000;
} // namespace

IdleTracker::Run* IdleTracker::NodeRuns::find(int index)
{
    for (Run& r : accelerators) {
        if (r.index == index)
            return &r;
    }
    return nullptr;
}

IdleTracker::IdleTracker(QObject* parent)
    : QObject(parent)
{ }

IdleTracker::~IdleTracker() = default;

void IdleTracker::setThreshold(double percent)
{
    if (!std::isfinite(percent) || percent == m_threshold)
        return;
    m_threshold = std::clamp(percent, 0.0, 100.0);
    thresholdsChanged();
}

void IdleTracker::setMinimumDuration(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    if (ms == m_minimumMs)
        return;
    // Runs do not depend on the duration: only the verdict does.
    m_minimumMs = ms;
    Q_EMIT changed();
}

void IdleTracker::thresholdsChanged()
{
    clear();
    if (m_store) {
        for (auto it = m_store->nodes().cbegin(); it != m_store->nodes().cend(); ++it)
            observe(it.key(), it->snapshot, &it->inventory);
    }
    Q_EMIT changed();
}

void IdleTracker::clear()
{
    m_nodes.clear();
    ++m_generation;
    m_pendingSeeds = 0;
}

void IdleTracker::attach(const FleetStore* store, CacheReader* cache)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    m_cache = cache;
    clear();
    if (!store)
        return;
    connect(store, &FleetStore::changed, this, &IdleTracker::onStoreChanged);
    for (auto it = store->nodes().cbegin(); it != store->nodes().cend(); ++it)
        observe(it.key(), it->snapshot, &it->inventory);
    Q_EMIT changed();
}

void IdleTracker::onStoreChanged(const FleetChangeSet& changes)
{
    for (const QString& id : changes.removedNodes)
        forget(id);
    for (const QSet<QString>* set : { &changes.addedNodes, &changes.updatedNodes }) {
        for (const QString& id : *set) {
            if (const FleetNode* node = m_store->node(id))
                observe(id, node->snapshot, &node->inventory);
            else
                forget(id);
        }
    }
    if (!changes.addedNodes.isEmpty() || !changes.updatedNodes.isEmpty() || !changes.removedNodes.isEmpty()
        || changes.jobsChanged)
        Q_EMIT changed();
}

void IdleTracker::forget(const QString& nodeId)
{
    m_nodes.remove(nodeId);
}

void IdleTracker::observe(const QString& nodeId, const Protocol::Sample& sample, const QString& model)
{
    Protocol::NodeInventory inventory;
    if (!model.isEmpty()) {
        for (const Protocol::AcceleratorSample& a : sample.accelerators)
            inventory.accelerators.append({ a.index, {}, model, {}, 0 });
    }
    Protocol::Snapshot snapshot;
    snapshot.sample = sample;
    observe(nodeId, snapshot, &inventory);
}

void IdleTracker::observe(
    const QString& nodeId, const Protocol::Snapshot& snapshot, const Protocol::NodeInventory* inventory)
{
    const Protocol::Sample& sample = snapshot.sample;
    if (sample.seq <= 0 && sample.timestampMs <= 0)
        return; // no snapshot yet
    NodeRuns& n = m_nodes[nodeId];
    if (sample.timestampMs <= n.lastMs)
        return; // the same snapshot again, or older: runs only move forward in agent time
    const bool gap = n.lastMs > 0 && sample.timestampMs - n.lastMs > m_maxGapMs;
    const qint64 ts = sample.timestampMs;
    n.lastMs = ts;

    QList<int> toSeed; // indexes of runs that begin now, or whose history was missing before
    for (const Protocol::AcceleratorSample& a : sample.accelerators) {
        Run* found = n.find(a.index);
        if (classify(a, sample.state) != CapacityClass::Allocated) {
            if (found)
                found->lastMs = 0; // free or faulty: never idle, nothing to remember (dropped below)
            continue;
        }
        if (!found) {
            n.accelerators.append(Run {});
            found = &n.accelerators.last();
            found->index = a.index;
        }
        Run& r = *found;
        if (r.jobId != a.jobId) {
            r = Run {};
            r.index = a.index;
            r.jobId = a.jobId;
        }
        if (inventory && r.model.isEmpty()) {
            for (const Protocol::AcceleratorInfo& info : inventory->accelerators) {
                if (info.index == a.index) {
                    r.model = info.model;
                    break;
                }
            }
        }
        if (r.jobStartMs == 0) {
            for (const Protocol::JobPlacement& p : snapshot.jobs) {
                if (p.jobId == a.jobId && p.accelerators.contains(a.index))
                    r.jobStartMs = p.startedMs;
            }
        }
        if (gap)
            r.runStartMs = 0; // unknown in between: a run can only start again here
        if (Protocol::isMissing(a.utilization) || a.utilization >= m_threshold) {
            r.runStartMs = 0;
        } else {
            if (r.runStartMs == 0) {
                r.runStartMs = ts;
                r.liveStartMs = ts;
                r.nextSeedMs = 0;
                r.seedAttempts = 0;
                r.sum = 0;
                r.count = 0;
                toSeed.append(a.index);
            } else if (r.nextSeedMs > 0 && ts >= r.nextSeedMs) {
                r.nextSeedMs = 0;
                toSeed.append(a.index);
            }
            r.sum += a.utilization;
            ++r.count;
        }
        r.lastMs = ts;
    }
    // Free, faulty, or absent from this sample (unknown now): no run.
    n.accelerators.removeIf([ts](const Run& r) { return r.lastMs != ts; });

    if (!m_cache)
        return;
    for (int index : std::as_const(toSeed))
        seedRun(nodeId, *n.find(index), ts);
}

IdleTracker::HistoryQuery IdleTracker::historyQuery(const QString& nodeId, const Run& r, qint64 nowMs)
{
    return { nodeId, r.index, r.jobId, std::max(r.jobStartMs, nowMs - SeedLookbackMs), nowMs - 1, SeedMaxPoints };
}

QList<IdleTracker::HistoryQuery> IdleTracker::historyQueries() const
{
    QList<HistoryQuery> out;
    for (auto n = m_nodes.cbegin(); n != m_nodes.cend(); ++n) {
        for (const Run& r : n->accelerators) {
            if (r.runStartMs != 0)
                out.append(historyQuery(n.key(), r, r.liveStartMs));
        }
    }
    std::sort(out.begin(), out.end(), [](const HistoryQuery& a, const HistoryQuery& b) {
        return std::tie(a.nodeId, a.accelerator) < std::tie(b.nodeId, b.accelerator);
    });
    return out;
}

void IdleTracker::seedRun(const QString& nodeId, const Run& r, qint64 nowMs)
{
    const HistoryQuery query = historyQuery(nodeId, r, nowMs);
    ++m_pendingSeeds;
    // A watcher, not QFuture::then(context): in Qt 6.4 a continuation attached
    // while the reader thread finishes the future can be lost.
    auto* watcher = new QFutureWatcher<MetricSeries>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
        [this, watcher, generation = m_generation, nodeId, index = r.index, job = r.jobId, anchor = r.liveStartMs] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            --m_pendingSeeds;
            if (watcher->future().resultCount() > 0)
                onSeedAnswer(nodeId, index, job, anchor, watcher->future().result());
        });
    watcher->setFuture(m_cache->acceleratorHistory(
        nodeId, r.index, AcceleratorMetric::Utilization, query.fromMs, query.toMs, query.maxPoints));
}

void IdleTracker::onSeedAnswer(
    const QString& nodeId, int index, const QString& jobId, qint64 anchorMs, const MetricSeries& series)
{
    const auto node = m_nodes.find(nodeId);
    if (node == m_nodes.end())
        return;
    Run* run = node->find(index);
    // Only the run this query was for: a newer run starts after its end.
    if (!run || run->jobId != jobId || run->liveStartMs != anchorMs || run->runStartMs == 0)
        return;
    // No history just before the live run: it may still be on its way into
    // the cache (first start, a gap being filled oldest first). Ask again
    // later; a node that really has a hole there stops asking after a few tries.
    const bool historyMissing
        = std::none_of(series.points.cbegin(), series.points.cend(), [this, anchorMs](const MetricPoint& p) {
              return p.timestampMs < anchorMs && anchorMs - p.timestampMs <= m_maxGapMs;
          });
    if (historyMissing) {
        if (++run->seedAttempts < MaxSeedAttempts)
            run->nextSeedMs = run->lastMs + (m_seedRetryMs << (run->seedAttempts - 1));
        return;
    }
    applyHistory(nodeId, index, jobId, series);
    Q_EMIT changed();
}

void IdleTracker::applyHistory(const QString& nodeId, int accelerator, const QString& jobId, const MetricSeries& series)
{
    const auto node = m_nodes.find(nodeId);
    if (node == m_nodes.end())
        return;
    Run* found = node->find(accelerator);
    if (!found || found->jobId != jobId || found->runStartMs == 0)
        return;
    Run& r = *found;
    const auto& points = series.points;
    // NaN is dropped from history, so a missing value is a gap: allow the
    // series' own spacing (raw: the sample interval) but not a skipped sample.
    qint64 spacing = series.bucketMs;
    if (spacing <= 0 && points.size() >= 2) {
        QList<qint64> steps;
        steps.reserve(points.size() - 1);
        for (qsizetype i = 1; i < points.size(); ++i)
            steps.append(points.at(i).timestampMs - points.at(i - 1).timestampMs);
        std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
        spacing = steps.at(steps.size() / 2);
    }
    const qint64 innerGap = spacing + spacing / 2;
    qint64 next = r.runStartMs;
    bool first = true;
    for (qsizetype i = points.size() - 1; i >= 0; --i) {
        const MetricPoint& p = points.at(i);
        if (p.timestampMs >= r.runStartMs)
            continue;
        // Between the newest history point and the live run the cache's open window may be missing.
        const qint64 allowed = first ? m_maxGapMs : innerGap;
        if (next - p.timestampMs > allowed || std::isnan(p.max) || p.max >= m_threshold
            || (r.jobStartMs > 0 && p.timestampMs < r.jobStartMs))
            break;
        r.sum += (double(p.min) + double(p.max)) / 2;
        ++r.count;
        next = p.timestampMs;
        first = false;
    }
    r.runStartMs = next;
}

void IdleTracker::seed()
{
    if (!m_store)
        return;
    // Re-observing from scratch starts every current run again, which queries the cache for each.
    clear();
    for (auto it = m_store->nodes().cbegin(); it != m_store->nodes().cend(); ++it)
        observe(it.key(), it->snapshot, &it->inventory);
}

QString IdleTracker::jobName(const QString& nodeId, const QString& jobId, QString* tenant) const
{
    if (m_store) {
        if (const FleetNode* node = m_store->node(nodeId)) {
            for (const Protocol::JobPlacement& p : node->snapshot.jobs) {
                if (p.jobId == jobId) {
                    *tenant = p.tenant;
                    return p.name;
                }
            }
        }
        const auto job = m_store->jobs().constFind(jobId);
        if (job != m_store->jobs().constEnd()) {
            *tenant = job->tenant;
            return job->name;
        }
    }
    return {};
}

QList<IdleAccelerator> IdleTracker::idle() const
{
    QList<IdleAccelerator> out;
    for (auto n = m_nodes.cbegin(); n != m_nodes.cend(); ++n) {
        for (const Run& r : n->accelerators) {
            if (r.runStartMs == 0 || r.lastMs - r.runStartMs <= m_minimumMs)
                continue;
            IdleAccelerator i;
            i.nodeId = n.key();
            i.accelerator = r.index;
            i.model = r.model;
            i.jobId = r.jobId;
            i.jobName = jobName(i.nodeId, i.jobId, &i.tenant);
            i.idleSinceMs = r.runStartMs;
            i.lastSampleMs = r.lastMs;
            i.meanUtilization = r.count > 0 ? r.sum / r.count : Protocol::Missing;
            out.append(std::move(i));
        }
    }
    std::sort(out.begin(), out.end(), [](const IdleAccelerator& a, const IdleAccelerator& b) {
        return std::tie(a.nodeId, a.accelerator) < std::tie(b.nodeId, b.accelerator);
    });
    return out;
}

int IdleTracker::trackedAccelerators() const
{
    int n = 0;
    for (const NodeRuns& r : m_nodes)
        n += int(r.accelerators.size());
    return n;
}

} // namespace Meridian
