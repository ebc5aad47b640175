// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// MTTR and time between incidents per pool over time, for the Faults page's chart. The UI
// thread takes a cheap value copy of the incidents (incidentSpans()); the
// bucketing (reliabilityBuckets(), pure) runs on a worker. An incident counts
// in the bucket its first fault opened in, for every pool it touched. A
// bucket without incidents has no time between incidents and one without resolved incidents no
// MTTR: NaN (a gap in the chart), never 0.

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Faults {

class IncidentGrouper;

struct IncidentSpan
{
    qint64 firstSeenMs = 0;
    qint64 resolvedMs = 0; ///< 0: not resolved
    QStringList pools; ///< every pool a member touched, each once
};

QList<IncidentSpan> incidentSpans(const IncidentGrouper& grouper);

struct PoolBuckets
{
    QString pool;
    QList<qint64> startMs; ///< bucket starts, ascending, consecutive
    QList<int> incidents;
    QList<double> mttrMs; ///< NaN: nothing resolved in the bucket
    QList<double> betweenIncidentsMs; ///< NaN: no incident in the bucket
    int total = 0; ///< incidents over all buckets
};

// Buckets of `bucketMs` aligned to multiples of bucketMs since the epoch (UTC days/weeks), covering
// [fromMs, toMs); the last one may be partial (its time between incidents uses the covered length). Pools sorted by
// incidents (most first), at most `maxPools`; `onlyPool` non-empty: that pool only. Empty when the
// range holds more than 10,000 buckets or is empty.
QList<PoolBuckets> reliabilityBuckets(const QList<IncidentSpan>& incidents, qint64 fromMs, qint64 toMs, qint64 bucketMs,
    const QString& onlyPool = {}, int maxPools = 8);

// The same on the global thread pool: the UI thread never buckets.
QFuture<QList<PoolBuckets>> reliabilityBucketsAsync(QList<IncidentSpan> incidents, qint64 fromMs, qint64 toMs,
    qint64 bucketMs, const QString& onlyPool = {}, int maxPools = 8);

} // namespace Meridian::Faults
