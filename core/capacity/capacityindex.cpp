// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/capacity/capacityindex.h"

#include "core/store/fleetstore.h"

#include <algorithm>

namespace Meridian {
namespace {

void addCounts(ModelCapacity* to, const ModelCapacity& from, int sign)
{
    to->total += sign * from.total;
    to->allocated += sign * from.allocated;
    to->free += sign * from.free;
    to->faulty += sign * from.faulty;
    to->unknown += sign * from.unknown;
}

} // namespace

void CapacityIndex::add(const Contribution& c, int sign)
{
    Aggregate& a = m_pools[c.key];
    a.nodes += sign;
    for (const ModelCapacity& m : c.models) {
        ModelCapacity& to = a.models[m.model];
        if (to.model.isEmpty() && to.total == 0) {
            to.model = m.model;
            to.vendor = m.vendor;
        }
        addCounts(&to, m, sign);
        if (to.total == 0)
            a.models.remove(m.model);
    }
    if (a.nodes == 0)
        m_pools.remove(c.key);
}

void CapacityIndex::recount(const QString& nodeId, const FleetNode* node)
{
    if (const auto it = m_nodes.constFind(nodeId); it != m_nodes.constEnd()) {
        add(*it, -1);
        m_nodes.erase(it);
    }
    if (!node)
        return;
    Contribution c { { node->inventory.region, node->inventory.pool }, capacityByModel(*node) };
    add(c, +1);
    m_nodes.insert(nodeId, std::move(c));
}

void CapacityIndex::rebuild(const FleetStore& store)
{
    m_nodes.clear();
    m_pools.clear();
    m_nodes.reserve(store.nodes().size());
    for (auto it = store.nodes().cbegin(); it != store.nodes().cend(); ++it)
        recount(it.key(), &it.value());
}

void CapacityIndex::apply(const FleetStore& store, const FleetChangeSet& changes)
{
    // Subtract-and-add costs about twice a plain count: past half the fleet a rebuild is cheaper.
    const qsizetype changed = changes.addedNodes.size() + changes.updatedNodes.size() + changes.removedNodes.size();
    if (changes.restoredFromCache || changed > m_nodes.size() / 2) {
        rebuild(store);
        return;
    }
    for (const QSet<QString>* set : { &changes.removedNodes, &changes.addedNodes, &changes.updatedNodes }) {
        for (const QString& id : *set)
            recount(id, store.node(id));
    }
}

QList<PoolCapacity> CapacityIndex::pools(const QString& region) const
{
    QList<PoolCapacity> out;
    for (auto it = m_pools.cbegin(); it != m_pools.cend(); ++it) {
        if (!region.isEmpty() && it.key().region != region)
            continue;
        PoolCapacity p { it.key().region, it.key().pool, it->nodes, it->models.values() };
        std::sort(p.models.begin(), p.models.end(),
            [](const ModelCapacity& a, const ModelCapacity& b) { return a.model < b.model; });
        out.append(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const PoolCapacity& a, const PoolCapacity& b) {
        return std::tie(a.region, a.pool) < std::tie(b.region, b.pool);
    });
    return out;
}

QList<ModelCapacity> CapacityIndex::byModel(const QString& region, const QString& pool) const
{
    QHash<QString, ModelCapacity> sum;
    for (auto it = m_pools.cbegin(); it != m_pools.cend(); ++it) {
        if ((!region.isEmpty() && it.key().region != region) || (!pool.isEmpty() && it.key().pool != pool))
            continue;
        for (const ModelCapacity& m : it->models) {
            ModelCapacity& to = sum[m.model];
            to.model = m.model;
            to.vendor = m.vendor;
            addCounts(&to, m, +1);
        }
    }
    QList<ModelCapacity> out = sum.values();
    std::sort(out.begin(), out.end(), [](const ModelCapacity& a, const ModelCapacity& b) {
        return a.total != b.total ? a.total > b.total : a.model < b.model;
    });
    return out;
}

} // namespace Meridian
