// SPDX-License-Identifier: GPL-3.0-or-later
#include "capacityindex.h"

#include "fleetstore.h"

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

QVarLengthArray<ModelCapacity, 2> CapacityIndex::countNode(const FleetNode& node)
{
    QVarLengthArray<ModelCapacity, 2> models;
    const bool snapshot = node.snapshot.sample.seq > 0;
    const NodeState state = node.snapshot.sample.state;
    const auto& samples = node.snapshot.sample.accelerators;
    auto entry = [&models](const QString& model, const QString& vendor) -> ModelCapacity& {
        for (ModelCapacity& m : models) {
            if (m.model == model)
                return m;
        }
        models.append(ModelCapacity { model, vendor });
        return models.last();
    };
    auto count = [snapshot, state](ModelCapacity& m, const Protocol::AcceleratorSample* sample) {
        ++m.total;
        if (!sample) {
            // Same rule as the store: only a node known to be down says anything about a chip without a sample.
            if (snapshot && state == NodeState::Down)
                ++m.faulty;
            else
                ++m.unknown;
            return;
        }
        switch (classify(*sample, state)) {
        case CapacityClass::Free:
            ++m.free;
            break;
        case CapacityClass::Allocated:
            ++m.allocated;
            break;
        case CapacityClass::Faulty:
            ++m.faulty;
            break;
        }
    };
    const auto& inventory = node.inventory.accelerators;
    if (inventory.isEmpty()) {
        for (const auto& s : samples)
            count(entry(QString(), QString()), &s);
        return models;
    }
    for (qsizetype i = 0; i < inventory.size(); ++i) {
        const Protocol::AcceleratorInfo& info = inventory.at(i);
        const Protocol::AcceleratorSample* sample = nullptr;
        if (i < samples.size() && samples.at(i).index == info.index) {
            sample = &samples.at(i);
        } else {
            for (const auto& s : samples) {
                if (s.index == info.index) {
                    sample = &s;
                    break;
                }
            }
        }
        count(entry(info.model, info.vendor), sample);
    }
    return models;
}

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
    Contribution c { { node->inventory.region, node->inventory.pool }, countNode(*node) };
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
