// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the simulated scheduler remembers of each job's life: run segments,
// interruptions (linked to the fault event), and its own ground-truth account
// of lost work and recovery times, kept independently of the protocol records
// so that /sim/truth can check what a console derives from them.

#include "agent/fleetsim/timeline.h"
#include "core/protocol/protocoltypes.h"

#include <QJsonObject>

#include <vector>

namespace Meridian::Sim {

struct JobHistory
{
    std::vector<Protocol::JobSegment> segments;
    std::vector<Protocol::JobInterruption> interrupts;
    qint64 lostWorkMs = 0; ///< truth: work thrown away at interruptions (training)
    std::vector<qint64> recoveryMs; ///< truth: interruption → restart, per recovered interruption

    void open(qint64 startMs, qint64 restoredCheckpointMs);
    void close(qint64 endMs, const QString& reason); ///< closes the open segment, if any
    void interrupt(const Protocol::JobInterruption& interruption, qint64 lostWorkMs);
    void recovered(qint64 atMs); ///< the newest interruption ends here
    // Earlier life of a job that was already running when the simulation began:
    // `count` interruptions spread evenly over [startMs, placedAtMs), deterministic.
    void synthesizePrior(qint64 startMs, qint64 placedAtMs, qint64 restoredCheckpointMs, int count, bool training);
};

// Completed checkpoints of a job (training) over its segments up to `nowMs`; the newest `cap` at most.
QList<qint64> checkpointTimes(
    const JobSpec& spec, const std::vector<Protocol::JobSegment>& segments, qint64 nowMs, int cap = 100000);

// Truth entry of one job for /sim/truth. With its spec, the entry also lists the segments' spans and
// the checkpoint interval, from which a test re-derives every checkpoint a job detail must list.
QJsonObject jobTruthJson(
    const Protocol::JobRecord& record, const JobHistory& history, qint64 nowMs, const JobSpec* spec = nullptr);

} // namespace Meridian::Sim
