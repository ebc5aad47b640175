// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cache/cacherepair.h"
#include "core/cache/cachetypes.h"
#include "core/model/fleettypes.h"
#include "core/model/latencytypes.h"
#include "core/model/sourceupdate.h"

#include <QFuture>
#include <QObject>

#include <functional>
#include <memory>

namespace Meridian {

// Read-only queries against the cache, run on the reader's own thread with its
// own connection. Every call returns at once; results arrive through the
// future (use QFutureWatcher or QFuture::then with a context object on the UI
// thread). No SQL ever runs on the caller's thread.
class CacheReader : public QObject
{
    Q_OBJECT
public:
    // `databasePath` is the cache directory holding state.db and metrics.db.
    // Files that do not exist yet (first start) give empty results; the reader
    // opens them on a later query once the writer has created them.
    explicit CacheReader(const QString& databasePath, QObject* parent = nullptr);
    ~CacheReader() override;

    // Capacity per minute from the rollups; region/model empty = all.
    QFuture<CapacitySeries> capacityHistory(
        qint64 fromMs, qint64 toMs, const QString& region = {}, const QString& model = {});
    // The same for one pool of a region (the rollups' (region, pool, model) keys);
    // pool empty = the whole region. A pool needs its region: (*, pool) has no rollup.
    QFuture<CapacitySeries> poolCapacityHistory(
        qint64 fromMs, qint64 toMs, const QString& region, const QString& pool, const QString& model = {});

    struct State
    {
        QList<FleetNode> nodes;
        QList<Protocol::JobRecord> jobs;
    };
    QFuture<State> lastState(); ///< nodes carry AgentStatus::Unknown: the console re-polls

    // Where each node's persisted history ends: resume /samples?since=seq when
    // the agent still runs `instance`, else fetch the agent's whole ring.
    QFuture<CacheCursors> cursors();
    // Per source, the span of its engine's history the cache holds (SourceUpdate::historyComplete).
    QFuture<HistorySpans> historySpans();

    // One series between fromMs and toMs (agent clock), decimated to at most
    // maxPoints min/max buckets. Only persisted windows are visible (see docs/cache.md).
    QFuture<MetricSeries> acceleratorHistory(const QString& nodeId, int acceleratorIndex, AcceleratorMetric metric,
        qint64 fromMs, qint64 toMs, int maxPoints = 2000);
    QFuture<MetricSeries> nodeHistory(
        const QString& nodeId, NodeMetric metric, qint64 fromMs, qint64 toMs, int maxPoints = 2000);

    QFuture<QList<Protocol::Event>> events(const EventFilter& filter); ///< newest first

    // Probe history (probehistory.h): one node pair's windows, or (siteLevel) one site pair's minutes.
    QFuture<QList<PairPoint>> probeHistory(
        bool siteLevel, const QString& from, const QString& to, qint64 fromMs, qint64 toMs);

    // Opens both files afresh (their schema checked again, cacheschema.h) and runs PRAGMA quick_check on each:
    // `meridian report` and the console's reports ask before they believe the cache (cacherepair.h).
    QFuture<CacheVerdict> verify();
    // Closes the reader's connections; the next query opens the files again (after CacheRepair::moveAside).
    QFuture<bool> closeFiles();

    // Tests: called on the reader thread at the start of every query job.
    void setJobObserver(std::function<void()> observer);

    // Samples not on disk yet (the writer's open windows, see CacheWriter::recentPoints):
    // history reads append them, so that plots reach the newest sample. Called on the
    // reader thread; whoever sets it keeps its target alive as long as this reader.
    using RecentPoints
        = std::function<QList<std::pair<qint64, float>>(const QString& nodeId, int accelerator, int metric)>;
    void setRecentHistory(RecentPoints recent);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian
