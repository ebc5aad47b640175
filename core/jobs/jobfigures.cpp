// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobs/jobfigures.h"

#include <algorithm>

namespace Meridian::Jobs {

bool isActive(const QString& state)
{
    return state == QLatin1String("queued") || state == QLatin1String("running")
        || state == QLatin1String("checkpointing") || state == QLatin1String("recovering");
}

bool isRunning(const QString& state)
{
    return state == QLatin1String("running") || state == QLatin1String("checkpointing");
}

QList<qint64> checkpointsOf(const Protocol::JobRecord& job)
{
    QList<qint64> checkpoints = job.checkpoints;
    if (job.lastCheckpointMs > 0 && (checkpoints.isEmpty() || job.lastCheckpointMs > checkpoints.constLast()))
        checkpoints.append(job.lastCheckpointMs);
    return checkpoints;
}

JobFigures figures(const Protocol::JobRecord& job, qint64 nowMs)
{
    JobFigures f;
    f.interruptions = job.interruptions;
    if (job.startMs <= 0)
        return f;
    // A finished job's clock stops at its end; a live one's at the source's now.
    const qint64 end = job.endMs > 0 ? job.endMs : std::max(nowMs, job.startMs);
    f.wallMs = end - job.startMs;
    if (f.wallMs > 0)
        f.interruptionsPerDay = double(job.interruptions) * double(DayMs) / double(f.wallMs);
    f.hasHistory = !job.segments.isEmpty();
    if (!f.hasHistory)
        return f;

    f.longestRunMs = 0;
    for (const Protocol::JobSegment& s : job.segments) {
        const qint64 segEnd = s.endMs > 0 ? s.endMs : end;
        const qint64 length = std::max<qint64>(0, segEnd - s.startMs);
        f.runMs += length;
        f.longestRunMs = std::max(f.longestRunMs, length);
    }
    const Protocol::JobSegment& last = job.segments.constLast();
    if (last.endMs == 0 && isRunning(job.state))
        f.uninterruptedMs = std::max<qint64>(0, end - last.startMs);

    const bool training = job.kind == QLatin1String("training");
    for (const Protocol::JobInterruption& in : job.interruptionLog) {
        Recovery r;
        r.interruptedMs = in.atMs;
        if (training) {
            // The segment the interruption ended: the one closing at that instant, else the
            // latest one starting before it (a restart can follow at the same millisecond).
            qint64 segStart = -1;
            for (const Protocol::JobSegment& s : job.segments) {
                if (s.endMs == in.atMs && s.startMs <= in.atMs) {
                    segStart = s.startMs;
                    break;
                }
                if (s.startMs <= in.atMs)
                    segStart = s.startMs;
            }
            if (segStart >= 0)
                r.lostWorkMs = std::max<qint64>(0, in.atMs - std::max(segStart, in.lastCheckpointMs));
        }
        if (in.recoveredMs > 0) {
            r.durationMs = in.recoveredMs - in.atMs;
        } else {
            r.open = true;
            r.durationMs = std::max<qint64>(0, end - in.atMs);
        }
        f.lostWorkMs += r.lostWorkMs;
        if (r.overTarget())
            ++f.recoveriesOverTarget;
        f.recoveries.append(r);
    }
    f.productiveMs = std::max<qint64>(0, f.runMs - f.lostWorkMs);
    if (f.wallMs > 0)
        f.goodput = std::clamp(double(f.productiveMs) / double(f.wallMs), 0.0, 1.0);
    return f;
}

AggregateFigures aggregate(const QList<Protocol::JobRecord>& jobs, qint64 nowMs)
{
    AggregateFigures a;
    double productive = 0, wall = 0, wallDays = 0, recoverySum = 0;
    for (const Protocol::JobRecord& job : jobs) {
        const JobFigures f = figures(job, nowMs);
        if (f.wallMs <= 0 || !f.hasHistory)
            continue;
        ++a.jobs;
        const double weight = std::max(1, job.acceleratorsRequested);
        productive += weight * double(f.productiveMs);
        wall += weight * double(f.wallMs);
        wallDays += double(f.wallMs) / double(DayMs);
        a.interruptions += f.interruptions;
        a.longestRunMs = std::max(a.longestRunMs, f.longestRunMs);
        for (const Recovery& r : f.recoveries) {
            if (r.open)
                continue;
            ++a.recoveries;
            recoverySum += double(r.durationMs);
            a.recoveriesOverTarget += r.overTarget() ? 1 : 0;
        }
    }
    if (wall > 0)
        a.goodput = productive / wall;
    if (wallDays > 0)
        a.interruptionsPerDay = double(a.interruptions) / wallDays;
    if (a.recoveries > 0)
        a.meanRecoveryMs = recoverySum / a.recoveries;
    return a;
}

} // namespace Meridian::Jobs
