// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/capacity/poolcapacity.h"

#include "core/store/fleetaggregate.h"

#include <QHash>

#include <algorithm>

namespace Meridian {
namespace {

void addCounts(ModelCapacity* into, const ModelCapacity& from)
{
    into->total += from.total;
    into->allocated += from.allocated;
    into->free += from.free;
    into->faulty += from.faulty;
    into->unknown += from.unknown;
}

// The pool scopes a query covers: one pool, every pool of a region, or pools of that name in every region.
QList<ScopeKey> poolScopes(const FleetAggregate& fleet, const QString& region, const QString& pool)
{
    QList<ScopeKey> out;
    const QStringList regions = region.isEmpty() ? fleet.regions() << QString() : QStringList { region };
    for (const QString& r : regions) {
        for (const QString& p : fleet.pools(r)) {
            if (pool.isEmpty() || p == pool)
                out.append(ScopeKey::ofPool(r, p));
        }
    }
    return out;
}

} // namespace

QList<PoolCapacity> poolCapacities(const FleetAggregate& fleet, const QString& region)
{
    QList<PoolCapacity> out;
    for (const ScopeKey& key : poolScopes(fleet, region, {})) {
        const ScopeCounts* counts = fleet.counts(key);
        if (!counts)
            continue;
        PoolCapacity p { key.region, key.pool, counts->nodesTotal, { counts->models.cbegin(), counts->models.cend() } };
        std::sort(p.models.begin(), p.models.end(),
            [](const ModelCapacity& a, const ModelCapacity& b) { return a.model < b.model; });
        out.append(std::move(p));
    }
    std::sort(out.begin(), out.end(), [](const PoolCapacity& a, const PoolCapacity& b) {
        return std::tie(a.region, a.pool) < std::tie(b.region, b.pool);
    });
    return out;
}

QList<ModelCapacity> capacityByModel(const FleetAggregate& fleet, const QString& region, const QString& pool)
{
    QList<ScopeKey> scopes;
    if (pool.isEmpty())
        scopes.append(region.isEmpty() ? ScopeKey::fleet() : ScopeKey::ofRegion(region));
    else
        scopes = poolScopes(fleet, region, pool);
    QHash<QString, ModelCapacity> sum;
    for (const ScopeKey& key : std::as_const(scopes)) {
        const ScopeCounts* counts = fleet.counts(key);
        if (!counts)
            continue;
        for (const ModelCapacity& m : counts->models) {
            ModelCapacity& to = sum[m.model];
            to.model = m.model;
            to.vendor = m.vendor;
            addCounts(&to, m);
        }
    }
    QList<ModelCapacity> out = sum.values();
    std::sort(out.begin(), out.end(), [](const ModelCapacity& a, const ModelCapacity& b) {
        return a.total != b.total ? a.total > b.total : a.model < b.model;
    });
    return out;
}

} // namespace Meridian
