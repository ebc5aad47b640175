// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an incident hits: the jobs it interrupted or runs on lost chips (with
// the accelerators each loses), the capacity lost per pool and model, the
// site links affected. Pure: computed from the grouper and the store's nodes
// and jobs. A fault takes capacity when its rung is drain or above (the chip
// or node is unusable); lower rungs only warn.

#include "core/faults/incidentgrouper.h"
#include "core/model/fleettypes.h"

namespace Meridian::Faults {

struct AffectedJob
{
    QString jobId;
    QString name;
    QString state;
    QString pool;
    int acceleratorsLost = 0; ///< on the failed hardware; 0 when only the interruption log knows it
    qint64 lastCheckpointMs = 0;
    qint64 interruptedMs = 0; ///< 0: not (yet) interrupted by this incident
    qint64 recoveredMs = 0; ///< 0: not running again (yet)
};

struct CapacityLoss
{
    QString region;
    QString pool;
    QString model;
    int accelerators = 0;
    int nodes = 0; ///< whole nodes lost
};

struct BlastRadius
{
    QList<AffectedJob> jobs; ///< sorted by job id
    QList<CapacityLoss> capacity; ///< sorted by region, pool, model
    QStringList siteLinks; ///< "A ↔ B"
    int acceleratorsLost = 0;
    int nodesLost = 0;
};

bool takesCapacity(const FaultObservation& observation);

BlastRadius blastRadius(const IncidentGrouper& grouper, int incidentId, const QHash<QString, FleetNode>& nodes,
    const QHash<QString, Protocol::JobRecord>& jobs);

} // namespace Meridian::Faults
