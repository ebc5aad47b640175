// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the simulator remembers per node: intervals, not samples. Allocations,
// faults and boots over the history window are enough to regenerate any past
// tick on demand (metrics are deterministic functions of seed, node,
// accelerator and time). Published states share these by pointer; the
// simulation copies a node's timeline before changing it (copy-on-write).

#include "core/protocol/protocoltypes.h"

#include <array>
#include <limits>
#include <memory>
#include <vector>

namespace Meridian::Sim {

inline constexpr qint64 Open = std::numeric_limits<qint64>::max();
inline constexpr int MaxAcceleratorsPerNode = 16;

// The immutable part of a job, shared by every allocation of it.
struct JobSpec
{
    int index = -1; ///< the simulation's job number
    QString id;
    QString name;
    QString tenant;
    QString user;
    bool training = true;
    bool idle = false; ///< allocated but doing nothing (a stuck data loader, a forgotten service)
    int pool = 0;
    qint64 checkpointIntervalMs = 0;
    qint64 checkpointDurationMs = 0;
    double memoryFraction = 0.8; ///< of HBM
    double utilization = 92; ///< steady-state busy percentage
};

struct Alloc
{
    std::shared_ptr<const JobSpec> job;
    quint16 mask = 0; ///< accelerators on this node
    qint64 from = 0; ///< [from, to)
    qint64 to = Open;
    qint64 jobStartMs = 0; ///< the job's first start
    qint64 restoredCheckpointMs = 0; ///< checkpoint the job resumed from at `from` (0: fresh start)
    bool covers(qint64 t) const { return from <= t && t < to; }
};

struct FaultRecord
{
    qint64 id = 0; ///< the id of the event that opened it
    qint64 group = 0; ///< faults injected together (a rack) share the group id
    qint64 from = 0;
    qint64 to = Open;
    QString kind; ///< "node-down", "hbm-ecc", "chip-fault", "link-down", "thermal"
    QString code;
    QString message;
    Protocol::Severity severity = Protocol::Severity::Warning;
    int accelerator = -1; ///< -1: the node as a whole
    bool faulty = false; ///< makes the accelerator unusable (else: warning)
    bool injected = false;
    int sbeAdd = 0; ///< single-bit ECC errors this fault adds (ramped in)
    int dbeAdd = 0;
    bool covers(qint64 t) const { return from <= t && t < to; }
    bool isNodeDown() const { return kind == QLatin1String("node-down"); }
};

// An operator's drain: no new placements in [from, to); running jobs finish (Slurm's DRAIN).
struct DrainRecord
{
    qint64 from = 0;
    qint64 to = Open;
    QString reason;
    bool covers(qint64 t) const { return from <= t && t < to; }
};

struct NodeTimeline
{
    std::vector<Alloc> allocs;
    std::vector<DrainRecord> drains; ///< ascending; at most the last one is open
    std::vector<FaultRecord> faults;
    std::vector<qint64> boots; ///< ascending; front() is the boot in effect at the window start
    int bootCount = 0; ///< reboots since the simulation began (part of the boot id)
    std::vector<qint64> eventIds; ///< this node's events in the fleet log, ascending
    std::array<quint32, MaxAcceleratorsPerNode> sbeBase {}; ///< ECC errors of faults pruned from the window
    std::array<quint32, MaxAcceleratorsPerNode> dbeBase {};
};

using TimelinePtr = std::shared_ptr<const NodeTimeline>;

} // namespace Meridian::Sim
