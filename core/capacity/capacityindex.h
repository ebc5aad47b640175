// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/model/fleettypes.h"

#include <QHash>
#include <QList>
#include <QVarLengthArray>

namespace Meridian {

class FleetStore;

// Capacity of one pool, per model, right now.
struct PoolCapacity
{
    QString region;
    QString pool;
    int nodes = 0;
    QList<ModelCapacity> models; ///< sorted by model name
};

// Per-pool (and per-model) capacity from the store's nodes. The store's
// summary() stops at regions; this keeps one aggregate per (region, pool),
// updated incrementally from change sets: each node's contribution is
// subtracted and re-added when it changes, so an update costs what changed,
// not the fleet. Counting follows FleetStore (classify(); a chip with no
// sample counts in total and `unknown` only, or faulty when its node is down).
class CapacityIndex
{
public:
    void rebuild(const FleetStore& store);
    void apply(const FleetStore& store, const FleetChangeSet& changes);

    // Pools of a region (empty: every region), sorted by region then pool.
    QList<PoolCapacity> pools(const QString& region = {}) const;
    // Per model over a scope (region and/or pool empty = any), sorted by
    // total, largest first: the "free right now by model" answer.
    QList<ModelCapacity> byModel(const QString& region = {}, const QString& pool = {}) const;
    int nodeCount() const { return int(m_nodes.size()); }

private:
    struct PoolKey
    {
        QString region;
        QString pool;
        friend bool operator==(const PoolKey&, const PoolKey&) = default;
        friend size_t qHash(const PoolKey& k, size_t seed = 0) { return qHashMulti(seed, k.region, k.pool); }
    };
    struct Contribution
    {
        PoolKey key;
        QVarLengthArray<ModelCapacity, 2> models;
    };
    struct Aggregate
    {
        int nodes = 0;
        QHash<QString, ModelCapacity> models;
    };

    void recount(const QString& nodeId, const FleetNode* node);
    void add(const Contribution& c, int sign);

    QHash<QString, Contribution> m_nodes;
    QHash<PoolKey, Aggregate> m_pools;
};

} // namespace Meridian
