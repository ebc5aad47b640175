// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/recoverytimeline.h"

#include <map>

namespace Meridian::Faults {

RecoveryTimeline recoveryTimeline(const Incident& incident, const BlastRadius& radius)
{
    RecoveryTimeline t;
    t.detectedMs = incident.firstSeenMs;
    t.resumedMs = incident.resolvedMs;
    t.jobs = int(radius.jobs.size());
    if (radius.jobs.isEmpty()) {
        // Nothing ran there: the scheduler stops placing work on it as it is detected.
        t.isolatedMs = t.detectedMs;
        t.restartedMs = t.detectedMs;
        return t;
    }
    qint64 firstStop = 0, lastRestart = 0;
    bool allStopped = true;
    for (const AffectedJob& j : radius.jobs) {
        if (j.interruptedMs == 0) {
            allStopped = false;
            continue;
        }
        firstStop = firstStop == 0 ? j.interruptedMs : std::min(firstStop, j.interruptedMs);
        if (j.recoveredMs > 0) {
            ++t.jobsRestarted;
            lastRestart = std::max(lastRestart, j.recoveredMs);
        }
    }
    t.isolatedMs = allStopped ? firstStop : 0;
    t.restartedMs = allStopped && t.jobsRestarted == t.jobs ? lastRestart : 0;
    return t;
}

namespace {

void accumulate(const IncidentGrouper& grouper, qint64 fromMs, qint64 toMs, const QString& onlyPool,
    std::map<std::pair<QString, QString>, PoolReliability>* out)
{
    std::map<std::pair<QString, QString>, double> repairSum;
    for (const Incident& inc : grouper.incidents()) {
        if (inc.firstSeenMs < fromMs || inc.firstSeenMs >= toMs)
            continue;
        QSet<std::pair<QString, QString>> pools;
        for (int m : inc.members) {
            const FaultObservation& o = grouper.observations()[m];
            if (!o.pool.isEmpty() && (onlyPool.isEmpty() || o.pool == onlyPool))
                pools.insert({ o.region, o.pool });
        }
        for (const auto& key : pools) {
            PoolReliability& r = (*out)[key];
            r.region = key.first;
            r.pool = key.second;
            ++r.incidents;
            if (inc.resolvedMs > 0) {
                ++r.resolved;
                repairSum[key] += double(inc.resolvedMs - inc.firstSeenMs);
            }
        }
    }
    for (auto& [key, r] : *out) {
        r.betweenIncidentsMs = double(toMs - fromMs) / r.incidents;
        if (r.resolved > 0)
            r.mttrMs = repairSum[key] / r.resolved;
    }
}

} // namespace

QList<PoolReliability> poolReliability(const IncidentGrouper& grouper, qint64 fromMs, qint64 toMs)
{
    std::map<std::pair<QString, QString>, PoolReliability> byPool;
    accumulate(grouper, fromMs, toMs, {}, &byPool);
    QList<PoolReliability> out;
    for (auto& [key, r] : byPool)
        out.append(r);
    return out;
}

QList<ReliabilityPoint> poolReliabilitySeries(
    const IncidentGrouper& grouper, const QString& pool, qint64 fromMs, qint64 toMs, qint64 bucketMs)
{
    QList<ReliabilityPoint> out;
    if (bucketMs <= 0 || toMs <= fromMs || (toMs - fromMs) / bucketMs > 10000)
        return out;
    for (qint64 start = fromMs; start < toMs; start += bucketMs) {
        std::map<std::pair<QString, QString>, PoolReliability> byPool;
        accumulate(grouper, start, std::min(toMs, start + bucketMs), pool, &byPool);
        ReliabilityPoint p;
        p.bucketStartMs = start;
        p.figures.pool = pool;
        if (!byPool.empty())
            p.figures = byPool.begin()->second;
        out.append(p);
    }
    return out;
}

} // namespace Meridian::Faults
