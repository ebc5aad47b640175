// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/reliabilityseries.h"

#include "core/faults/incidentgrouper.h"

#include <QPromise>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>

namespace Meridian::Faults {
namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 MaxBuckets = 10000;

qint64 floorTo(qint64 t, qint64 step)
{
    const qint64 r = t % step;
    return r < 0 ? t - r - step : t - r;
}
} // namespace

QList<IncidentSpan> incidentSpans(const IncidentGrouper& grouper)
{
    QList<IncidentSpan> out;
    out.reserve(grouper.incidents().size());
    for (const Incident& inc : grouper.incidents()) {
        IncidentSpan s;
        s.firstSeenMs = inc.firstSeenMs;
        s.resolvedMs = inc.resolvedMs;
        for (int m : inc.members) {
            const QString& pool = grouper.observations()[m].pool;
            if (!pool.isEmpty() && !s.pools.contains(pool))
                s.pools.append(pool);
        }
        out.append(std::move(s));
    }
    return out;
}

QList<PoolBuckets> reliabilityBuckets(const QList<IncidentSpan>& incidents, qint64 fromMs, qint64 toMs, qint64 bucketMs,
    const QString& onlyPool, int maxPools)
{
    if (bucketMs <= 0 || toMs <= fromMs)
        return {};
    const qint64 first = floorTo(fromMs, bucketMs);
    const qint64 count = (toMs - first + bucketMs - 1) / bucketMs;
    if (count > MaxBuckets)
        return {};
    struct Acc
    {
        std::vector<int> incidents, resolved;
        std::vector<double> repairSum;
    };
    std::map<QString, Acc> byPool;
    for (const IncidentSpan& inc : incidents) {
        if (inc.firstSeenMs < first || inc.firstSeenMs >= toMs)
            continue;
        const size_t b = size_t((inc.firstSeenMs - first) / bucketMs);
        for (const QString& pool : inc.pools) {
            if (!onlyPool.isEmpty() && pool != onlyPool)
                continue;
            Acc& a = byPool[pool];
            if (a.incidents.empty()) {
                a.incidents.assign(size_t(count), 0);
                a.resolved.assign(size_t(count), 0);
                a.repairSum.assign(size_t(count), 0);
            }
            ++a.incidents[b];
            if (inc.resolvedMs >= inc.firstSeenMs && inc.resolvedMs > 0) {
                ++a.resolved[b];
                a.repairSum[b] += double(inc.resolvedMs - inc.firstSeenMs);
            }
        }
    }
    QList<PoolBuckets> out;
    for (const auto& [pool, a] : byPool) {
        PoolBuckets p;
        p.pool = pool;
        for (qint64 i = 0; i < count; ++i) {
            const qint64 start = first + i * bucketMs;
            const qint64 length = std::min(toMs, start + bucketMs) - start;
            p.startMs.append(start);
            p.incidents.append(a.incidents[size_t(i)]);
            p.total += a.incidents[size_t(i)];
            p.mttrMs.append(a.resolved[size_t(i)] > 0 ? a.repairSum[size_t(i)] / a.resolved[size_t(i)] : NaN);
            p.betweenIncidentsMs.append(a.incidents[size_t(i)] > 0 ? double(length) / a.incidents[size_t(i)] : NaN);
        }
        out.append(std::move(p));
    }
    std::stable_sort(
        out.begin(), out.end(), [](const PoolBuckets& x, const PoolBuckets& y) { return x.total > y.total; });
    if (maxPools > 0 && out.size() > maxPools)
        out.resize(maxPools);
    return out;
}

QFuture<QList<PoolBuckets>> reliabilityBucketsAsync(
    QList<IncidentSpan> incidents, qint64 fromMs, qint64 toMs, qint64 bucketMs, const QString& onlyPool, int maxPools)
{
    auto promise = std::make_shared<QPromise<QList<PoolBuckets>>>();
    QFuture<QList<PoolBuckets>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, incidents = std::move(incidents), fromMs, toMs, bucketMs, onlyPool, maxPools] {
            promise->addResult(reliabilityBuckets(incidents, fromMs, toMs, bucketMs, onlyPool, maxPools));
            promise->finish();
        });
    return future;
}

} // namespace Meridian::Faults
