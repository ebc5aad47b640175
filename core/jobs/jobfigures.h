// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Derived figures of a job's life, as pure functions of its record (docs/jobs.md):
//
// - wall time: first start → end (or now);
// - productive time: time in run segments, minus work lost at each interruption
//   (training only: the time since the later of the segment's start and its last
//   checkpoint). Recovery gaps lie between segments and so are never productive;
// - goodput = productive ÷ wall;
// - longest uninterrupted run: the longest segment;
// - time to recover: interruption → next segment start (open while recovering);
// - interruptions per day of wall time.
//
// Missing history (a source that reports no segments) gives NaN, never 0.

#include "core/protocol/protocoltypes.h"

#include <QList>

namespace Meridian::Jobs {

inline constexpr qint64 RecoveryTargetMs = 10 * 60 * 1000;
inline constexpr qint64 DayMs = 24 * 3600 * 1000LL;

struct Recovery
{
    qint64 interruptedMs = 0;
    qint64 durationMs = 0; ///< so far, when still open
    qint64 lostWorkMs = 0;
    bool open = false; ///< not recovered (yet): still recovering, or ended without recovering
    bool overTarget() const { return durationMs > RecoveryTargetMs; }
};

struct JobFigures
{
    qint64 wallMs = -1; ///< -1: not started
    qint64 runMs = 0; ///< time in segments
    qint64 productiveMs = 0;
    qint64 lostWorkMs = 0;
    double goodput = Protocol::Missing; ///< 0–1
    qint64 longestRunMs = -1; ///< -1: unknown (no history)
    qint64 uninterruptedMs = -1; ///< the open segment's age; -1: not running
    int interruptions = 0;
    double interruptionsPerDay = Protocol::Missing;
    QList<Recovery> recoveries; ///< one per interruption, in order
    int recoveriesOverTarget = 0;
    bool hasHistory = false;
};

bool isActive(const QString& state); ///< queued, running, checkpointing, recovering
bool isRunning(const QString& state); ///< running, checkpointing

// A job's completed checkpoints, ascending: its detail document's list, plus the newest one
// (`lastCheckpointMs`) when a later list update reports one the detail did not have yet — a job
// list carries only the newest. The one count of checkpoints every view shows.
QList<qint64> checkpointsOf(const Protocol::JobRecord& job);

// Figures of one job at `nowMs` (the source's clock).
JobFigures figures(const Protocol::JobRecord& job, qint64 nowMs);

struct AggregateFigures
{
    int jobs = 0; ///< jobs with history that have started
    double goodput = Protocol::Missing; ///< accelerator-weighted: Σ acc·productive ÷ Σ acc·wall
    qint64 longestRunMs = -1;
    double interruptionsPerDay = Protocol::Missing; ///< Σ interruptions ÷ Σ wall days
    int interruptions = 0;
    int recoveries = 0; ///< closed recoveries
    double meanRecoveryMs = Protocol::Missing;
    int recoveriesOverTarget = 0;
};

AggregateFigures aggregate(const QList<Protocol::JobRecord>& jobs, qint64 nowMs);

} // namespace Meridian::Jobs
