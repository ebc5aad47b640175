// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fleet's past, for pages: capacity over time, one node's or accelerator's metrics, events, probe
// history. Every call returns at once with a future of value types; nothing waits on the caller's thread.
// Pages ask here, never the cache: where the past comes from (the cache today, filled by every source;
// a source's own store, such as a Prometheus asked for a range the cache does not hold) is the session's
// business, not a page's.

#include "core/cache/cachetypes.h"
#include "core/model/fleettypes.h"
#include "core/model/latencytypes.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

namespace Meridian {

class CacheReader;

class FleetHistory : public QObject
{
    Q_OBJECT
public:
    // Without a reader (a console with no cache) every answer is empty, at once.
    explicit FleetHistory(CacheReader* reader = nullptr, QObject* parent = nullptr);
    void setReader(CacheReader* reader); ///< the session's, once its cache is open

    // Capacity per minute; region/model empty = all. A pool needs its region; pool empty = the whole region.
    QFuture<CapacitySeries> capacity(qint64 fromMs, qint64 toMs, const QString& region = {}, const QString& model = {});
    QFuture<CapacitySeries> poolCapacity(
        qint64 fromMs, qint64 toMs, const QString& region, const QString& pool, const QString& model = {});

    // One series between fromMs and toMs, decimated to at most maxPoints min/max buckets.
    QFuture<MetricSeries> accelerator(const QString& nodeId, int accelerator, AcceleratorMetric metric, qint64 fromMs,
        qint64 toMs, int maxPoints = 2000);
    QFuture<MetricSeries> node(
        const QString& nodeId, NodeMetric metric, qint64 fromMs, qint64 toMs, int maxPoints = 2000);

    QFuture<QList<Protocol::Event>> events(const EventFilter& filter); ///< newest first

    // One node pair's probe windows, or (siteLevel) one site pair's minutes.
    QFuture<QList<PairPoint>> probes(
        bool siteLevel, const QString& from, const QString& to, qint64 fromMs, qint64 toMs);

private:
    QPointer<CacheReader> m_reader;
};

} // namespace Meridian
