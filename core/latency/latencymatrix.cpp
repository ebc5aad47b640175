// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/latencymatrix.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace Meridian {
namespace {

double coordinate(const Protocol::NodeInventory& inv, const char* key, double limit)
{
    bool ok = false;
    const double v = inv.labels.value(QLatin1String(key)).toDouble(&ok);
    return ok && std::isfinite(v) && std::abs(v) <= limit ? v : Protocol::Missing;
}

// A site is described by its first node and counts every node of it.
void countInSite(SiteInfo* s, const QString& siteId, const Protocol::NodeInventory& inv, NodeState state)
{
    if (s->id.isEmpty()) {
        s->id = siteId;
        s->name = inv.labels.value(QStringLiteral("siteName"), siteId);
        s->region = inv.region;
        s->kind = inv.labels.value(QStringLiteral("siteKind"));
        s->latitude = coordinate(inv, "lat", 90);
        s->longitude = coordinate(inv, "lon", 180);
    }
    ++s->nodes;
    s->nodesDown += state == NodeState::Down ? 1 : 0;
    s->accelerators += int(inv.accelerators.size());
}

} // namespace

QString siteIdOf(const Protocol::NodeInventory& inv)
{
    const QString label = inv.labels.value(QStringLiteral("site"));
    if (!label.isEmpty())
        return label;
    const qsizetype dash = inv.pool.indexOf(QLatin1Char('-'));
    if (dash > 0)
        return inv.pool.left(dash);
    return inv.pool.isEmpty() ? inv.region : inv.pool;
}

int LatencyTopology::count(LatencyLevel level) const
{
    switch (level) {
    case LatencyLevel::Site:
        return int(sites.size());
    case LatencyLevel::Pool:
        return int(pools.size());
    case LatencyLevel::Node:
        return int(nodes.size());
    }
    return 0;
}

QString LatencyTopology::id(LatencyLevel level, int index) const
{
    switch (level) {
    case LatencyLevel::Site:
        return index >= 0 && index < sites.size() ? sites[index].id : QString();
    case LatencyLevel::Pool:
        return pools.value(index);
    case LatencyLevel::Node:
        return nodes.value(index);
    }
    return {};
}

int LatencyTopology::siteOf(LatencyLevel level, int index) const
{
    switch (level) {
    case LatencyLevel::Site:
        return index;
    case LatencyLevel::Pool:
        return poolSite.value(index, -1);
    case LatencyLevel::Node:
        return poolSite.value(nodePool.value(index, -1), -1);
    }
    return -1;
}

QList<int> LatencyTopology::blockStarts(LatencyLevel level) const
{
    QList<int> starts;
    if (level == LatencyLevel::Pool) {
        for (int p = 0; p < pools.size(); ++p)
            if (p == 0 || poolSite[p] != poolSite[p - 1])
                starts.append(p);
    } else if (level == LatencyLevel::Node) {
        for (int n = 0; n < nodes.size(); ++n)
            if (n == 0 || nodePool[n] != nodePool[n - 1])
                starts.append(n);
    }
    return starts;
}

PairClass LatencyTopology::classify(LatencyLevel level, int a, int b) const
{
    if (level == LatencyLevel::Node) {
        if (!nodeRack.value(a).isEmpty() && nodeRack.value(a) == nodeRack.value(b))
            return PairClass::SameRack;
        if (nodePool.value(a) == nodePool.value(b))
            return PairClass::SamePool;
    } else if (level == LatencyLevel::Pool && a == b) {
        return PairClass::SamePool;
    }
    const int sa = siteOf(level, a);
    const int sb = siteOf(level, b);
    if (sa < 0 || sb < 0)
        return PairClass::CrossRegion;
    return classifySites(sites[sa], sites[sb]);
}

QList<LatencyMatrix::NodeInput> LatencyMatrix::inputsOf(const QHash<QString, FleetNode>& nodes)
{
    QList<NodeInput> inputs;
    inputs.reserve(nodes.size());
    for (const FleetNode& node : nodes)
        inputs.append({ node.inventory, node.snapshot.sample.state, node.snapshot.probes });
    return inputs;
}

LatencyMatrix LatencyMatrix::build(const QList<NodeInput>& nodes)
{
    LatencyMatrix m;
    LatencyTopology& t = m.m_topology;

    // Sites and pools from the inventories; a node without one has no place in the matrix.
    struct NodeRow
    {
        QString site, pool, rack, id;
    };
    std::vector<NodeRow> rows;
    QHash<QString, SiteInfo> sites;
    for (const NodeInput& node : nodes) {
        const Protocol::NodeInventory& inv = node.inventory;
        if (inv.nodeId.isEmpty())
            continue;
        const QString siteId = siteIdOf(inv);
        countInSite(&sites[siteId], siteId, inv, node.state);
        rows.push_back({ siteId, inv.pool.isEmpty() ? siteId : inv.pool, inv.rack, inv.nodeId });
    }
    for (const SiteInfo& s : std::as_const(sites))
        t.sites.append(s);
    std::sort(t.sites.begin(), t.sites.end(),
        [](const SiteInfo& a, const SiteInfo& b) { return std::tie(a.region, a.id) < std::tie(b.region, b.id); });
    for (int i = 0; i < t.sites.size(); ++i)
        t.siteIndex.insert(t.sites[i].id, i);
    std::sort(rows.begin(), rows.end(), [&](const NodeRow& a, const NodeRow& b) {
        const int sa = t.siteIndex.value(a.site), sb = t.siteIndex.value(b.site);
        return std::tie(sa, a.pool, a.rack, a.id) < std::tie(sb, b.pool, b.rack, b.id);
    });
    for (const NodeRow& r : rows) {
        if (!t.poolIndex.contains(r.pool)) {
            t.poolIndex.insert(r.pool, int(t.pools.size()));
            t.pools.append(r.pool);
            t.poolSite.append(t.siteIndex.value(r.site));
        }
        t.nodeIndex.insert(r.id, int(t.nodes.size()));
        t.nodes.append(r.id);
        t.nodePool.append(t.poolIndex.value(r.pool));
        t.nodeRack.append(r.rack);
    }

    // Fold every probe into its node, pool and site pair.
    QHash<quint64, PairAccumulator> acc[3];
    for (const NodeInput& node : nodes) {
        const int a = t.nodeIndex.value(node.inventory.nodeId, -1);
        if (a < 0)
            continue;
        for (const Protocol::ProbeResult& p : node.probes) {
            const int b = t.nodeIndex.value(p.peer, -1);
            if (b < 0)
                continue; // a peer outside the fleet we know
            const int pa = t.nodePool[a], pb = t.nodePool[b];
            acc[int(LatencyLevel::Node)][key(a, b)].add(p);
            acc[int(LatencyLevel::Pool)][key(pa, pb)].add(p);
            acc[int(LatencyLevel::Site)][key(t.poolSite[pa], t.poolSite[pb])].add(p);
            m.m_newestWindowMs = std::max(m.m_newestWindowMs, p.windowEndMs);
        }
    }
    for (int level = 0; level < 3; ++level) {
        m.m_pairs[level].reserve(acc[level].size());
        for (auto it = acc[level].cbegin(); it != acc[level].cend(); ++it)
            m.m_pairs[level].insert(it.key(), it->finish());
    }
    return m;
}

LatencyMatrix LatencyMatrix::buildSites(const QHash<QString, FleetNode>& nodes)
{
    LatencyMatrix m;
    LatencyTopology& t = m.m_topology;

    // The nodes whose site a probe needs: those that probe and their peers (a few per site, as fleets probe).
    QSet<QString> probing;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        if (it->snapshot.probes.isEmpty())
            continue;
        probing.insert(it->inventory.nodeId);
        for (const Protocol::ProbeResult& p : it->snapshot.probes)
            probing.insert(p.peer);
    }
    // One pass: each node's site (numbered as found), each pool's sites, and the sites' figures. A node without a
    // site label takes its pool's site (its prefix): found once per pool, not once per node.
    QHash<QString, int> found, siteOfPool;
    QList<SiteInfo> sites;
    QHash<QString, int> nodeSite;
    QHash<QString, QList<int>> poolSites;
    const QString siteLabel = QStringLiteral("site");
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        const Protocol::NodeInventory& inv = it->inventory;
        if (inv.nodeId.isEmpty())
            continue;
        // By pool only when the site is the pool's prefix (no label; a node without a pool takes its region).
        const bool byPool = !inv.pool.isEmpty() && !inv.labels.contains(siteLabel);
        auto at = byPool ? siteOfPool.constFind(inv.pool) : siteOfPool.constEnd();
        if (at == siteOfPool.constEnd()) {
            const QString siteId = siteIdOf(inv);
            at = found.constFind(siteId);
            if (at == found.constEnd()) {
                at = found.insert(siteId, int(sites.size()));
                sites.append(SiteInfo {});
            }
            if (byPool)
                at = siteOfPool.insert(inv.pool, *at);
            QList<int>& of = poolSites[inv.pool.isEmpty() ? siteId : inv.pool];
            if (!of.contains(*at))
                of.append(*at);
        }
        SiteInfo& site = sites[*at];
        countInSite(&site, site.id.isEmpty() ? siteIdOf(inv) : site.id, inv, it->snapshot.sample.state);
        if (probing.contains(inv.nodeId))
            nodeSite.insert(inv.nodeId, *at);
    }
    // The node-level build's order: sites by region and id, pools by site and name; a pool spread over several
    // sites belongs to the first of them, as there.
    QList<int> order(sites.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
        [&](int a, int b) { return std::tie(sites[a].region, sites[a].id) < std::tie(sites[b].region, sites[b].id); });
    QList<int> rank(sites.size());
    for (int i = 0; i < order.size(); ++i) {
        rank[order[i]] = i;
        t.sites.append(sites[order[i]]);
        t.siteIndex.insert(t.sites.back().id, i);
    }
    QList<std::pair<int, QString>> pools;
    for (auto it = poolSites.cbegin(); it != poolSites.cend(); ++it) {
        int first = int(sites.size());
        for (int s : *it)
            first = std::min(first, rank[s]);
        pools.append({ first, it.key() });
    }
    std::sort(pools.begin(), pools.end());
    for (const auto& [site, pool] : std::as_const(pools)) {
        t.poolIndex.insert(pool, int(t.pools.size()));
        t.pools.append(pool);
        t.poolSite.append(site);
    }

    QHash<quint64, PairAccumulator> acc;
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        if (it->snapshot.probes.isEmpty())
            continue;
        const int a = nodeSite.value(it->inventory.nodeId, -1);
        if (a < 0)
            continue;
        for (const Protocol::ProbeResult& p : it->snapshot.probes) {
            const int b = nodeSite.value(p.peer, -1);
            if (b < 0)
                continue; // a peer outside the fleet we know
            acc[key(rank[a], rank[b])].add(p);
            m.m_newestWindowMs = std::max(m.m_newestWindowMs, p.windowEndMs);
        }
    }
    QHash<quint64, PairStats>& pairs = m.m_pairs[int(LatencyLevel::Site)];
    pairs.reserve(acc.size());
    for (auto it = acc.cbegin(); it != acc.cend(); ++it)
        pairs.insert(it.key(), it->finish());
    return m;
}

PairStats LatencyMatrix::stats(LatencyLevel level, int a, int b) const
{
    return m_pairs[int(level)].value(key(a, b));
}

QList<Violation> LatencyMatrix::violations(LatencyLevel level, const LatencyTargets& targets) const
{
    QList<Violation> out;
    for (auto it = m_pairs[int(level)].cbegin(); it != m_pairs[int(level)].cend(); ++it) {
        const int a = int(it.key() >> 32), b = int(it.key() & 0xffffffffu);
        const PairClass c = m_topology.classify(level, a, b);
        if (targets.violates(c, *it))
            out.append({ m_topology.id(level, a), m_topology.id(level, b), c, *it, targets.target(c) });
    }
    std::sort(out.begin(), out.end(),
        [](const Violation& x, const Violation& y) { return std::tie(x.from, x.to) < std::tie(y.from, y.to); });
    return out;
}

} // namespace Meridian
