// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The static shape of the simulated fleet, built once from the scenario:
// regions → pools → racks → nodes → accelerators, with inventories and the
// probe peers of every node. Immutable after construction, shared by threads.

#include "agent/fleetsim/scenario.h"
#include "core/protocol/protocoltypes.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace Meridian::Sim {

struct PoolInfo
{
    QString name; ///< "guian-trn1"
    QString region;
    int site = 0;
    int model = 0; ///< index into Scenario::models
    bool training = false;
    double targetLoad = 0.8;
    int firstNode = 0;
    int nodeCount = 0;
};

struct NodeInfo
{
    QString id; ///< "guian-trn1-r03-n07"
    QString hostname;
    QString rack; ///< "guian-trn1-r03"
    int pool = 0;
    int site = 0;
    int model = 0;
    int accelerators = 0;
    int rackIndex = 0; ///< fleet-wide rack number
    qint64 firstBootMs = 0; ///< boot before the simulated history starts
    QStringList uuids;
    std::vector<int> probePeers; ///< node indexes: rack neighbours, a pool peer, other sites' gateways (gateways only)
};

struct RackInfo
{
    QString id;
    int firstNode = 0;
    int nodeCount = 0;
};

class Topology
{
public:
    Topology(Scenario scenario, quint64 seed, qint64 originMs);

    const Scenario& scenario() const { return m_scenario; }
    const std::vector<PoolInfo>& pools() const { return m_pools; }
    const std::vector<NodeInfo>& nodes() const { return m_nodes; }
    const std::vector<RackInfo>& racks() const { return m_racks; }
    const ModelSpec& modelOf(int node) const { return m_scenario.models[m_nodes[size_t(node)].model]; }
    const SiteSpec& siteOf(int node) const { return m_scenario.sites[m_nodes[size_t(node)].site]; }
    int nodeCount() const { return int(m_nodes.size()); }
    // The nodes of a site that probe the other sites (see resources/scenarios/README.md).
    const std::vector<int>& siteGateways(int site) const { return m_siteGateways[size_t(site)]; }
    int find(const std::string& nodeId) const; ///< -1: no such node
    QStringList regions() const; ///< sorted

    // Round-trip time in ms between two sites at the median (no jitter).
    double siteRttMs(int siteA, int siteB) const;
    double rackRttMs(int node) const;

    Protocol::NodeInventory inventory(int node, int bootCount) const;
    QString bootId(int node, int bootCount) const;
    QList<Protocol::FleetEntry> fleetEntries() const;

private:
    void buildPeers();

    Scenario m_scenario;
    quint64 m_seed = 0;
    std::vector<PoolInfo> m_pools;
    std::vector<NodeInfo> m_nodes;
    std::vector<RackInfo> m_racks;
    std::vector<std::vector<int>> m_siteGateways; ///< per site: node indexes, at most MaxGatewaysPerSite
    std::vector<double> m_siteRtt; ///< sites × sites
    std::unordered_map<std::string, int> m_index;
};

// A bounded probe mesh (Pingmesh style): probe series grow with nodes, not nodes².
inline constexpr int RackProbePeers = 2;
inline constexpr int MaxGatewaysPerSite = 2;

double greatCircleKm(double lat1, double lon1, double lat2, double lon2);

} // namespace Meridian::Sim
