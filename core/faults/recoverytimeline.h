// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The recovery stopwatch of one incident (detected → isolated → affected jobs
// restarted → hardware resumed, against the 10-minute target) and MTTR and time between incidents
// per pool over time. Pure functions over the grouper and a blast radius.

#include "core/faults/blastradius.h"

namespace Meridian::Faults {

inline constexpr qint64 RecoveryTargetMs = 10 * 60 * 1000;

struct RecoveryTimeline
{
    qint64 detectedMs = 0; ///< first member's event (agent clock)
    qint64 isolatedMs = 0; ///< affected jobs taken off the hardware (= detected when none ran there); 0: not yet
    qint64 restartedMs = 0; ///< every affected job running again; 0: not yet
    qint64 resumedMs = 0; ///< every member cleared (hardware back); 0: not yet
    int jobs = 0;
    int jobsRestarted = 0;
    // detected → jobs restarted: the service's recovery, compared with the target. -1: still running.
    qint64 totalMs() const { return restartedMs > 0 ? restartedMs - detectedMs : -1; }
    bool withinTarget() const { return totalMs() >= 0 && totalMs() <= RecoveryTargetMs; }
};

RecoveryTimeline recoveryTimeline(const Incident& incident, const BlastRadius& radius);

struct PoolReliability
{
    QString region;
    QString pool;
    int incidents = 0; ///< incidents that began in the window and touched the pool
    int resolved = 0;
    double mttrMs = Protocol::Missing; ///< mean first-seen → resolved, over the resolved ones
    double betweenIncidentsMs = Protocol::Missing; ///< window length / incidents; missing without incidents
};

// One entry per pool touched by an incident beginning in [fromMs, toMs), sorted by region and pool.
QList<PoolReliability> poolReliability(const IncidentGrouper& grouper, qint64 fromMs, qint64 toMs);

struct ReliabilityPoint
{
    qint64 bucketStartMs = 0;
    PoolReliability figures;
};
// The same for one pool in consecutive buckets (MTTR and time between incidents over time); empty buckets carry missing
// figures.
QList<ReliabilityPoint> poolReliabilitySeries(
    const IncidentGrouper& grouper, const QString& pool, qint64 fromMs, qint64 toMs, qint64 bucketMs);

} // namespace Meridian::Faults
