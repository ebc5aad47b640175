// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/store/fleetaggregate.h"

#include <algorithm>

namespace Meridian {
namespace {

void addCapacity(ModelCapacity* into, const ModelCapacity& from, int sign)
{
    into->total += sign * from.total;
    into->allocated += sign * from.allocated;
    into->free += sign * from.free;
    into->faulty += sign * from.faulty;
    into->unknown += sign * from.unknown;
}

void addExpected(QVarLengthArray<ExpectedChips, 4>* into, const ModelCapacity& m, bool down, int sign)
{
    const int installed = m.total - m.unknown;
    if (installed == 0)
        return;
    auto it = std::find_if(into->begin(), into->end(), [&](const ExpectedChips& x) { return x.model == m.model; });
    if (it == into->end()) {
        into->append(ExpectedChips { m.model });
        it = into->end() - 1;
    }
    it->installed += sign * installed;
    it->down += sign * (down ? installed : 0);
    if (it->installed == 0 && it->down == 0)
        into->erase(it);
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

ModelCapacity ScopeCounts::allModels() const
{
    ModelCapacity sum;
    for (const ModelCapacity& m : models)
        addCapacity(&sum, m, +1);
    return sum;
}

FleetAggregate::Share FleetAggregate::shareOf(const FleetNode& node)
{
    Share s;
    s.rack = ScopeKey::ofRack(node.inventory.region, node.inventory.pool, node.inventory.rack);
    s.reporting = node.status == AgentStatus::Up;
    if (node.snapshot.sample.seq > 0) {
        const bool down = node.snapshot.sample.state == Protocol::NodeState::Down;
        s.up = !down;
        s.down = down;
        s.faults = int(node.snapshot.faults.size());
        s.dataMs = node.snapshot.sample.timestampMs;
    }
    s.models = capacityByModel(node);
    return s;
}

void FleetAggregate::put(const QString& nodeId, const FleetNode* node)
{
    const auto old = m_shares.constFind(nodeId);
    if (old != m_shares.constEnd()) {
        add(*old, -1);
        m_shares.erase(old);
    }
    if (node) {
        Share share = shareOf(*node);
        add(share, +1);
        if (!share.rack.pool.isEmpty() && !m_poolRegion.contains(share.rack.pool))
            m_poolRegion.insert(share.rack.pool, share.rack.region);
        m_shares.insert(nodeId, std::move(share));
    }
}

void FleetAggregate::clear()
{
    m_shares.clear();
    m_scopes.clear();
    m_poolRegion.clear();
    m_fleetDataTimes.clear();
    m_regionDataTimes.clear();
}

void FleetAggregate::add(const Share& share, int sign)
{
    const ScopeKey& rack = share.rack;
    addTo(ScopeKey::fleet(), share, sign);
    addTo(ScopeKey::ofRegion(rack.region), share, sign);
    addTo(ScopeKey::ofPool(rack.region, rack.pool), share, sign);
    addTo(rack, share, sign);
    if (share.dataMs > 0) {
        count(&m_fleetDataTimes, share.dataMs, sign);
        DataTimes& region = m_regionDataTimes[rack.region];
        count(&region, share.dataMs, sign);
        if (region.empty())
            m_regionDataTimes.remove(rack.region);
    }
}

void FleetAggregate::count(DataTimes* times, qint64 ms, int sign)
{
    int& n = (*times)[ms];
    n += sign;
    if (n <= 0)
        times->erase(ms);
}

DataSpan FleetAggregate::spanOf(const DataTimes& times)
{
    return times.empty() ? DataSpan {} : DataSpan { times.begin()->first, times.rbegin()->first };
}

DataSpan FleetAggregate::dataSpan(const QString& region) const
{
    if (region.isEmpty())
        return spanOf(m_fleetDataTimes);
    const auto it = m_regionDataTimes.constFind(region);
    return it == m_regionDataTimes.constEnd() ? DataSpan {} : spanOf(*it);
}

void FleetAggregate::addTo(const ScopeKey& scope, const Share& share, int sign)
{
    ScopeCounts& c = m_scopes[scope];
    c.nodesTotal += sign;
    c.nodesUp += sign * int(share.up);
    c.nodesDown += sign * int(share.down);
    c.nodesReporting += sign * int(share.reporting);
    c.openFaults += sign * share.faults;
    for (const ModelCapacity& m : share.models) {
        auto it = std::find_if(
            c.models.begin(), c.models.end(), [&](const ModelCapacity& x) { return x.model == m.model; });
        if (it == c.models.end()) {
            c.models.append(ModelCapacity { m.model, m.vendor });
            it = c.models.end() - 1;
        }
        addCapacity(&*it, m, sign);
        if (it->total == 0)
            c.models.erase(it);
        if (share.down || share.reporting)
            addExpected(&c.expected, m, share.down, sign);
    }
    if (c.nodesTotal == 0)
        m_scopes.remove(scope);
}

const ScopeCounts* FleetAggregate::counts(const ScopeKey& scope) const
{
    const auto it = m_scopes.constFind(scope);
    return it == m_scopes.constEnd() ? nullptr : &*it;
}

QStringList FleetAggregate::regions() const
{
    QStringList out;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.key().level == ScopeKey::Region && !it.key().region.isEmpty())
            out.append(it.key().region);
    }
    return sorted(out);
}

QStringList FleetAggregate::pools(const QString& region) const
{
    QStringList out;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.key().level == ScopeKey::Pool && it.key().region == region)
            out.append(it.key().pool);
    }
    return sorted(out);
}

QStringList FleetAggregate::racks(const QString& region, const QString& pool) const
{
    QStringList out;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.key().level == ScopeKey::Rack && it.key().region == region && it.key().pool == pool)
            out.append(it.key().rack);
    }
    return sorted(out);
}

} // namespace Meridian
