// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Capacity per pool and per model right now, read from the store's aggregate (core/store/fleetaggregate.h):
// the "where is what free" answers of the Pools page's capacity view, reports and the planner. Counting
// follows fleettypes.h (classify(); a chip with no sample counts in total and `unknown` only, or faulty when
// its node is down).

#include "core/model/fleettypes.h"

#include <QList>
#include <QString>

namespace Meridian {

class FleetAggregate;

// Capacity of one pool, per model.
struct PoolCapacity
{
    QString region;
    QString pool;
    int nodes = 0;
    QList<ModelCapacity> models; ///< sorted by model name
};

// Pools of a region (empty: every region), sorted by region then pool.
QList<PoolCapacity> poolCapacities(const FleetAggregate& fleet, const QString& region = {});

// Per model over a scope (region and/or pool empty = any), sorted by total, largest first.
QList<ModelCapacity> capacityByModel(const FleetAggregate& fleet, const QString& region = {}, const QString& pool = {});

} // namespace Meridian
