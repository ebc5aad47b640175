// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/topology.h"

#include "agent/fleetsim/simrandom.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Meridian::Sim {
namespace {

QString hex(quint64 value, int digits, bool upper = false)
{
    QString s = QString::number(value, 16).rightJustified(digits, u'0').right(digits);
    return upper ? s.toUpper() : s;
}

QString uuidLike(quint64 a, quint64 b)
{
    return hex(a >> 32, 8) + u'-' + hex(a >> 16, 4) + u'-' + hex(a, 4) + u'-' + hex(b >> 48, 4) + u'-' + hex(b, 12);
}

// Vendor-shaped identifiers: what each vendor's tool prints as the chip's UUID/serial.
QString acceleratorUuid(const QString& vendor, quint64 h)
{
    const quint64 h2 = mix64(h);
    if (vendor == QLatin1String("huawei")) // npu-smi "VDie ID": five groups of 8 hex digits
        return hex(h >> 32, 8, true) + u' ' + hex(h, 8, true) + u' ' + hex(h2 >> 32, 8, true) + u' ' + hex(h2, 8, true)
            + u' ' + hex(mix64(h2) >> 32, 8, true);
    if (vendor == QLatin1String("nvidia"))
        return QStringLiteral("GPU-") + uuidLike(h, h2);
    if (vendor == QLatin1String("cambricon"))
        return QStringLiteral("MLU-") + uuidLike(h, h2);
    if (vendor == QLatin1String("hygon"))
        return QStringLiteral("0x") + hex(h, 16);
    if (vendor == QLatin1String("kunlunxin"))
        return QStringLiteral("XPU-") + uuidLike(h, h2);
    return uuidLike(h, h2);
}

QString twoDigits(int n)
{
    return QString::number(n).rightJustified(2, u'0');
}

} // namespace

double greatCircleKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double R = 6371.0;
    const double rad = std::numbers::pi / 180.0;
    const double dlat = (lat2 - lat1) * rad;
    const double dlon = (lon2 - lon1) * rad;
    const double a = std::sin(dlat / 2) * std::sin(dlat / 2)
        + std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * R * std::asin(std::min(1.0, std::sqrt(a)));
}

Topology::Topology(Scenario scenario, quint64 seed, qint64 originMs)
    : m_scenario(std::move(scenario))
    , m_seed(seed)
{
    const auto& sc = m_scenario;
    m_siteGateways.assign(size_t(sc.sites.size()), {});
    m_nodes.reserve(size_t(sc.totalNodes()));
    for (const PoolSpec& spec : sc.pools) {
        PoolInfo pool;
        pool.site = int(std::find_if(sc.sites.begin(), sc.sites.end(), [&](const SiteSpec& s) {
            return s.id == spec.site;
        }) - sc.sites.begin());
        pool.model = int(std::find_if(sc.models.begin(), sc.models.end(), [&](const ModelSpec& m) {
            return m.model == spec.model;
        }) - sc.models.begin());
        pool.name = spec.site + u'-' + spec.id;
        pool.region = sc.sites[pool.site].region;
        pool.training = spec.purpose == QLatin1String("training");
        pool.targetLoad = spec.targetLoad;
        pool.firstNode = int(m_nodes.size());
        pool.nodeCount = spec.nodes;
        const int poolIndex = int(m_pools.size());
        const ModelSpec& model = sc.models[pool.model];
        const int racks = (spec.nodes + spec.nodesPerRack - 1) / spec.nodesPerRack;
        for (int r = 0; r < racks; ++r) {
            RackInfo rack;
            rack.id = pool.name + QStringLiteral("-r") + twoDigits(r + 1);
            rack.firstNode = int(m_nodes.size());
            rack.nodeCount = std::min(spec.nodesPerRack, spec.nodes - r * spec.nodesPerRack);
            for (int n = 0; n < rack.nodeCount; ++n) {
                NodeInfo node;
                node.id = rack.id + QStringLiteral("-n") + twoDigits(n + 1);
                node.hostname = pool.name + u'-' + twoDigits(r + 1) + twoDigits(n + 1) + u'.' + spec.site
                    + QStringLiteral(".idc.internal");
                node.rack = rack.id;
                node.pool = poolIndex;
                node.site = pool.site;
                node.model = pool.model;
                node.accelerators = model.perNode;
                node.rackIndex = int(m_racks.size());
                const int index = int(m_nodes.size());
                const quint64 h = hashOf({ seed, 0x1001, quint64(index) });
                node.firstBootMs = originMs - qint64(3 * 86400000.0 + unit(h) * 57 * 86400000.0);
                for (int a = 0; a < model.perNode; ++a)
                    node.uuids.append(
                        acceleratorUuid(model.vendor, hashOf({ seed, 0x1002, quint64(index), quint64(a) })));
                auto& gateways = m_siteGateways[size_t(pool.site)];
                if (r == 0 && n == 0 && int(gateways.size()) < MaxGatewaysPerSite)
                    gateways.push_back(index); // the first node of each pool, in scenario order
                m_index.emplace(node.id.toStdString(), index);
                m_nodes.push_back(std::move(node));
            }
            m_racks.push_back(rack);
        }
        m_pools.push_back(pool);
    }

    // Fibre paths run 1.3–1.6× the great circle at ~1 ms RTT per 100 km, plus
    // 0.1–0.5 ms per hop of equipment.
    const size_t sites = size_t(sc.sites.size());
    m_siteRtt.assign(sites * sites, 0.0);
    for (size_t a = 0; a < sites; ++a) {
        for (size_t b = a + 1; b < sites; ++b) {
            const quint64 h = hashOf({ seed, 0x2001, a, b });
            const double km = greatCircleKm(sc.sites[int(a)].latitude, sc.sites[int(a)].longitude,
                sc.sites[int(b)].latitude, sc.sites[int(b)].longitude);
            const double factor = 1.3 + 0.3 * unit(h);
            const int hops = 2 + int(km / 600);
            const double perHop = 0.1 + 0.4 * unit(mix64(h));
            const double rtt = km * factor / 100.0 + hops * perHop;
            m_siteRtt[a * sites + b] = m_siteRtt[b * sites + a] = rtt;
        }
        m_siteRtt[a * sites + a] = 0.2; // across a campus
    }
    buildPeers();
}

void Topology::buildPeers()
{
    // Every node probes its next rack neighbours (the rack's fabric) and the node
    // at its position in the pool's next rack (the pool's spine). Only a site's
    // gateways probe other sites: one gateway of each, so the site matrix is
    // complete in both directions while the series stay ~3 per node.
    for (const PoolInfo& pool : m_pools) {
        std::vector<const RackInfo*> racks;
        for (const RackInfo& rack : m_racks)
            if (rack.firstNode >= pool.firstNode && rack.firstNode < pool.firstNode + pool.nodeCount)
                racks.push_back(&rack);
        for (size_t r = 0; r < racks.size(); ++r) {
            const RackInfo& rack = *racks[r];
            for (int n = 0; n < rack.nodeCount; ++n) {
                NodeInfo& node = m_nodes[size_t(rack.firstNode + n)];
                for (int k = 1; k <= std::min(RackProbePeers, rack.nodeCount - 1); ++k)
                    node.probePeers.push_back(rack.firstNode + (n + k) % rack.nodeCount);
                if (racks.size() > 1) {
                    const RackInfo& next = *racks[(r + 1) % racks.size()];
                    node.probePeers.push_back(next.firstNode + n % next.nodeCount);
                }
            }
        }
    }
    for (size_t site = 0; site < m_siteGateways.size(); ++site) {
        const auto& own = m_siteGateways[site];
        for (size_t g = 0; g < own.size(); ++g) {
            NodeInfo& node = m_nodes[size_t(own[g])];
            for (size_t other = 0; other < m_siteGateways.size(); ++other) {
                const auto& theirs = m_siteGateways[other];
                if (other != site && !theirs.empty())
                    node.probePeers.push_back(theirs[g % theirs.size()]);
            }
        }
    }
}

int Topology::find(const std::string& nodeId) const
{
    const auto it = m_index.find(nodeId);
    return it == m_index.end() ? -1 : it->second;
}

QStringList Topology::regions() const
{
    QStringList out;
    for (const PoolInfo& p : m_pools)
        if (!out.contains(p.region))
            out.append(p.region);
    out.sort();
    return out;
}

double Topology::siteRttMs(int siteA, int siteB) const
{
    return m_siteRtt[size_t(siteA) * size_t(m_scenario.sites.size()) + size_t(siteB)];
}

double Topology::rackRttMs(int node) const
{
    return 0.03 + 0.03 * unit(hashOf({ m_seed, 0x2002, quint64(m_nodes[size_t(node)].rackIndex) }));
}

QString Topology::bootId(int node, int bootCount) const
{
    const quint64 h = hashOf({ m_seed, 0x1003, quint64(node), quint64(bootCount) });
    return uuidLike(h, mix64(h));
}

Protocol::NodeInventory Topology::inventory(int node, int bootCount) const
{
    const NodeInfo& n = m_nodes[size_t(node)];
    const ModelSpec& model = modelOf(node);
    const SiteSpec& site = siteOf(node);
    const PoolInfo& pool = m_pools[size_t(n.pool)];
    Protocol::NodeInventory inv;
    inv.nodeId = n.id;
    inv.hostname = n.hostname;
    inv.region = pool.region;
    inv.pool = pool.name;
    inv.rack = n.rack;
    inv.labels = { { QStringLiteral("site"), site.id }, { QStringLiteral("siteName"), site.name },
        { QStringLiteral("siteKind"), site.kind }, { QStringLiteral("lat"), QString::number(site.latitude) },
        { QStringLiteral("lon"), QString::number(site.longitude) },
        { QStringLiteral("purpose"), pool.training ? QStringLiteral("training") : QStringLiteral("inference") },
        { QStringLiteral("simulated"), QStringLiteral("true") } };
    inv.cpuCount = model.hostCpus;
    inv.memoryBytes = model.hostMemoryBytes;
    for (int a = 0; a < n.accelerators; ++a)
        inv.accelerators.append({ a, model.vendor, model.model, n.uuids.value(a), model.memoryBytes });
    inv.agentVersion = QStringLiteral("meridian-fleetsim " MERIDIAN_VERSION);
    inv.bootId = bootId(node, bootCount);
    return inv;
}

QList<Protocol::FleetEntry> Topology::fleetEntries() const
{
    QList<Protocol::FleetEntry> out;
    out.reserve(qsizetype(m_nodes.size()));
    for (const NodeInfo& n : m_nodes)
        out.append({ n.id, QStringLiteral("/n/") + n.id + u'/', m_pools[size_t(n.pool)].region,
            m_pools[size_t(n.pool)].name, n.rack });
    return out;
}

} // namespace Meridian::Sim
