// SPDX-License-Identifier: GPL-3.0-or-later
// Ingest half of CacheWriterWorker: turns SourceUpdates into pending rows in
// RAM. No transaction is opened here; the only SQL is the read that restores
// a partially persisted window after a restart.

#include "core/cache/cacheserialize.h"
#include "core/cache/cachewriterworker.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace Meridian {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;

qint64 minuteOf(qint64 ms)
{
    return ms >= 0 ? ms / MinuteMs * MinuteMs : -((-ms + MinuteMs - 1) / MinuteMs) * MinuteMs;
}
} // namespace

// What of a source's span is on disk: its samples still in open RAM windows are not, so the span ends before the
// oldest such window (re-fetched after a crash; the cursors drop what was already here).
HistorySpan CacheWriterWorker::durableSpan(const QString& source, const HistorySpan& wanted) const
{
    HistorySpan span = wanted;
    for (const NodeHistory& h : m_history) {
        if (h.windowDirty && h.window.isOpen() && h.source == source)
            span.toMs = std::min(span.toMs, h.window.t0() - 1);
    }
    return span;
}

int CacheWriterWorker::pendingRows() const
{
    return int(m_chunks.size() + m_rollup.pendingRows() + m_dirtyCursors.size() + m_pendingJobs.size()
        + m_pendingEvents.size() + m_pendingNodes.size());
}

void CacheWriterWorker::ingest(const SourceUpdate& update)
{
    loadIngestTables();
    // Nodes first: their snapshots name the agent instance the samples come from.
    for (const NodeUpdate& node : update.nodes)
        ingestNode(update.source, node);
    if (update.hasJobs) {
        if (update.jobsComplete) {
            m_pendingJobs.clear();
            m_jobsReplace = QSet<QString>();
        }
        for (const Protocol::JobRecord& job : update.jobs) {
            m_pendingJobs.insert(job.jobId, job);
            if (m_jobsReplace)
                m_jobsReplace->insert(job.jobId);
        }
    }
    for (const Protocol::Event& event : update.events)
        m_pendingEvents.append({ update.source, event });
    for (const auto& [nodeId, sample] : update.samples)
        ingestSample(update.source, nodeId, sample);
    if (update.historyComplete.isValid())
        m_spans[update.source].wanted = update.historyComplete;
    for (const auto& [nodeId, probe] : update.probeHistory)
        m_probes.addHistory(nodeId, probe);
}

void CacheWriterWorker::ingestNode(const QString& source, const NodeUpdate& node)
{
    if (node.nodeId.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PendingNode& p = m_pendingNodes[node.nodeId];
    const bool fresh = p.source.isEmpty();
    p.source = source;
    if (node.hasInventory) {
        p.hasInventory = true;
        p.inventory = CacheBlob::encode(node.inventory);
        p.region = node.inventory.region;
        p.pool = node.inventory.pool;
        NodePlacement placement { node.inventory.region, node.inventory.pool, {} };
        for (const Protocol::AcceleratorInfo& a : node.inventory.accelerators)
            placement.modelByIndex.insert(a.index, a.model);
        m_placement.insert(node.nodeId, std::move(placement));
    }
    if (node.hasSnapshot) {
        p.hasSnapshot = true;
        p.snapshot = node.snapshot;
        p.lastSeenMs = std::max(p.lastSeenMs, node.snapshot.sample.timestampMs);
        if (!node.snapshot.instanceId.isEmpty())
            history(node.nodeId).instance = node.snapshot.instanceId;
    }
    if (node.hasSnapshot || node.hasInventory)
        m_probes.add(node.nodeId, node.hasInventory ? &node.inventory : nullptr, node.snapshot);
    p.status = node.status;
    p.error = node.error;
    p.polledAtMs = node.polledAtMs;

    // An unchanged node's snapshot is rewritten at most every snapshotIntervalMs;
    // a new inventory or a status change is written in the next batch.
    const auto written = m_writtenNodes.constFind(node.nodeId);
    qint64 due = now;
    if (written != m_writtenNodes.cend() && !node.hasInventory && written->first == node.status)
        due = written->second + m_options.snapshotIntervalMs;
    p.dueMs = fresh ? due : std::min(p.dueMs, due);
}

CacheWriterWorker::NodeHistory& CacheWriterWorker::history(const QString& nodeId)
{
    auto it = m_history.find(nodeId);
    if (it == m_history.end()) {
        it = m_history.insert(nodeId, NodeHistory {});
        it->phase = History::phaseOf(nodeId);
    }
    return *it;
}

void CacheWriterWorker::ingestSample(const QString& source, const QString& nodeId, const Protocol::Sample& sample)
{
    if (nodeId.isEmpty())
        return;
    NodeHistory& h = history(nodeId);
    const QString& instance = h.instance.isEmpty() ? h.persistedInstance : h.instance;
    // Samples at or below the cursor of the same agent instance are already
    // here (overlapping deliveries, refetch after a restart).
    if (instance == h.seenInstance && sample.seq <= h.seenSeq) {
        ++m_stats.duplicateSamples;
        return;
    }
    const qint64 t0 = History::windowStart(sample.timestampMs, h.phase);
    const bool behindDisk = !h.window.isOpen() && t0 < h.persistedT0;
    const bool behindWindow
        = h.window.isOpen() && (t0 < h.window.t0() || sample.timestampMs <= h.window.lastTimestamp());
    if (behindDisk || behindWindow || sample.timestampMs < 0) {
        ++m_stats.rejectedSamples; // the agent's clock went backwards: history stays ordered
        return;
    }
    if (h.window.isOpen() && t0 > h.window.t0()) {
        if (h.windowDirty) {
            persistWindow(nodeId, h);
            std::swap(h.closedWindow, h.window);
            m_closedUncommitted.insert(nodeId);
        }
        h.window.close();
    }
    if (!h.window.isOpen()) {
        h.window.reset(t0);
        if (t0 == h.persistedT0)
            restoreWindow(nodeId, h, t0);
        if (sample.timestampMs <= h.window.lastTimestamp()) {
            ++m_stats.rejectedSamples;
            return;
        }
    }
    if (h.window.size() >= History::MaxSamplesPerWindow) {
        ++m_stats.rejectedSamples;
        return;
    }
    m_stats.values += h.window.append(sample);
    ++m_stats.samples;
    h.seenInstance = instance;
    h.seenSeq = sample.seq;
    h.windowInstance = instance;
    h.windowSeq = sample.seq;
    h.windowDirty = true;
    h.source = source;
    m_newestSampleMs = std::max(m_newestSampleMs, sample.timestampMs);

    const qint64 minute = minuteOf(sample.timestampMs);
    if (minute > h.rollupMinute) {
        const auto placement = m_placement.constFind(nodeId);
        // Without an inventory the node's region, pool and models are unknown.
        if (placement != m_placement.cend()) {
            m_rollup.add(minute, *placement, sample);
            h.rollupMinute = minute;
            m_dirtyCursors.insert(nodeId);
        }
    }
}

void CacheWriterWorker::restoreWindow(const QString& nodeId, NodeHistory& h, qint64 t0)
{
    QStringList ids;
    QHash<qint64, int> slotOfId;
    for (size_t slot = 0; slot < h.seriesIds.size(); ++slot) {
        if (h.seriesIds[slot] != 0) {
            ids << QString::number(h.seriesIds[slot]);
            slotOfId.insert(h.seriesIds[slot], int(slot));
        }
    }
    const int timelineSlot = History::slotOf(-1, History::TimelineMetric);
    if (ids.isEmpty() || size_t(timelineSlot) >= h.seriesIds.size() || h.seriesIds[size_t(timelineSlot)] == 0)
        return;
    QSqlQuery q(QSqlDatabase::database(m_metricsConn));
    q.setForwardOnly(true);
    // The ids are our own integers, formatted, not input.
    if (!q.exec(QStringLiteral("SELECT series, n, data FROM chunk WHERE t0 = %1 AND series IN (%2)")
                    .arg(t0)
                    .arg(ids.join(QLatin1Char(',')))))
        return;
    QList<qint32> offsets;
    QList<std::pair<int, std::vector<float>>> values;
    int n = -1;
    while (q.next()) {
        const int slot = slotOfId.value(q.value(0).toLongLong(), -1);
        const int rows = q.value(1).toInt();
        if (slot == timelineSlot) {
            if (!History::decodeTimeline(q.value(2).toByteArray(), rows, &offsets))
                return;
            n = rows;
        } else if (slot >= 0) {
            std::vector<float> v;
            if (History::decodeValues(q.value(2).toByteArray(), rows, &v))
                values.append({ slot, std::move(v) });
        }
    }
    if (n <= 0)
        return;
    h.window.restore(offsets, timelineSlot, {});
    for (auto& [slot, v] : values) {
        if (int(v.size()) == n)
            h.window.restore({}, slot, std::move(v));
    }
    Q_UNUSED(nodeId)
}

qint64 CacheWriterWorker::seriesId(const QString& nodeId, NodeHistory& h, int slot)
{
    if (size_t(slot) >= h.seriesIds.size())
        h.seriesIds.resize(size_t(slot) + 1, 0);
    qint64& id = h.seriesIds[size_t(slot)];
    if (id == 0) {
        id = m_nextSeriesId++;
        m_newSeries.append({ id, nodeId, slot });
    }
    return id;
}

void CacheWriterWorker::persistWindow(const QString& nodeId, NodeHistory& h)
{
    const History::WindowBuffer& w = h.window;
    if (w.size() == 0)
        return;
    const int n = w.size();
    m_chunks.append({ w.t0(), seriesId(nodeId, h, History::slotOf(-1, History::TimelineMetric)), n,
        History::encodeTimeline(w.offsets()) });
    const auto& values = w.seriesValues();
    for (size_t slot = 0; slot < values.size(); ++slot) {
        if (!values[slot].empty())
            m_chunks.append({ w.t0(), seriesId(nodeId, h, int(slot)), n, History::encodeValues(values[slot]) });
    }
    h.persistedInstance = h.windowInstance;
    h.persistedSeq = h.windowSeq;
    h.persistedT0 = w.t0();
    h.windowDirty = false;
    m_dirtyCursors.insert(nodeId);
}

} // namespace Meridian
