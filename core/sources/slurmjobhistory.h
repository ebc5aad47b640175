// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A job's runs and interruptions as seen from Slurm, poll by poll. slurmctld keeps only a job's latest start
// and how often it was requeued (restart_cnt); the runs before and the moments it was interrupted are gone
// from its record. This tracker watches them happen: a restart count that grows closes the run that was open
// (requeued — by an operator, a node failure or preemption), a new start opens the next and recovers the
// interruption, NODE_FAIL ends a run as a fault of its node. A job first seen after it was already requeued
// has an incomplete history: it gets no segments, so its goodput and longest run show as missing, never as
// one unbroken run (docs/jobs.md).

#include "core/protocol/protocoltypes.h"
#include "core/sources/slurm/slurmtypes.h"

#include <QHash>

namespace Meridian {

class SlurmJobHistory
{
public:
    // Adds segments and interruptions to RECORDS, which map JOBS one to one, in order (slurmUpdate()).
    // Jobs no longer listed are forgotten.
    void apply(const QList<Slurm::Job>& jobs, QList<Protocol::JobRecord>* records, qint64 nowMs);

private:
    struct Track
    {
        bool complete = true; ///< seen from its first run on
        int restarts = 0;
        qint64 openStartMs = 0; ///< the run in progress; 0: none
        QList<Protocol::JobSegment> closed;
        QList<Protocol::JobInterruption> interruptions;
        bool ended = false;
    };
    void interrupt(Track& t, const Slurm::Job& job, qint64 atMs, const QString& endReason, const QString& cause);

    QHash<qint64, Track> m_tracks;
};

} // namespace Meridian
