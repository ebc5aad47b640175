// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The probe results of the fleet store folded into site × site, pool × pool and
// node × node statistics. The order is the topology's (site → pool → rack →
// node), so racks and pools form blocks in the matrix views, Pingmesh style.

#include "core/latency/latencytargets.h"
#include "core/model/fleettypes.h"
#include "core/model/latencytypes.h"

#include <QHash>
#include <QStringList>

namespace Meridian {

enum class LatencyLevel : quint8 { Site, Pool, Node };

// A node's site: the inventory's "site" label when its source gives one, else the pool name's prefix
// ("guian-trn1" → "guian"), else the region. The one definition the matrix and the planner share.
QString siteIdOf(const Protocol::NodeInventory& inventory);

struct LatencyTopology
{
    QList<SiteInfo> sites; ///< ordered by region, then site id
    QStringList pools; ///< ordered by site, then name
    QList<int> poolSite;
    QStringList nodes; ///< ordered by site, pool, rack, node id
    QList<int> nodePool;
    QStringList nodeRack;
    QHash<QString, int> siteIndex, poolIndex, nodeIndex;

    int count(LatencyLevel level) const;
    QString id(LatencyLevel level, int index) const;
    int siteOf(LatencyLevel level, int index) const;
    // Where blocks start (pools at the node level, sites at the pool level), for block lines.
    QList<int> blockStarts(LatencyLevel level) const;
    PairClass classify(LatencyLevel level, int a, int b) const;
};

class LatencyMatrix
{
public:
    // What build() reads of a node.
    struct NodeInput
    {
        Protocol::NodeInventory inventory;
        NodeState state = NodeState::Up;
        QList<Protocol::ProbeResult> probes;
    };
    // The inputs of every node, in a list of their own: to build on another thread without holding the store's
    // table, whose next write would then copy all of it on the UI thread (25,000 nodes: 100 ms). Copying an
    // inventory or a probe list is a reference (implicit sharing).
    static QList<NodeInput> inputsOf(const QHash<QString, FleetNode>& nodes);
    static LatencyMatrix build(const QList<NodeInput>& nodes);
    static LatencyMatrix build(const QHash<QString, FleetNode>& nodes) { return build(inputsOf(nodes)); }
    // Sites and pools only (no node list) and site × site statistics only, from the same probes and the same
    // rules: what the planner needs, at a fraction of the node-level build's cost (docs/performance.md).
    static LatencyMatrix buildSites(const QHash<QString, FleetNode>& nodes);

    const LatencyTopology& topology() const { return m_topology; }
    // Directional: a probes b. Absent pairs have no data (probes == 0).
    PairStats stats(LatencyLevel level, int a, int b) const;
    const QHash<quint64, PairStats>& pairs(LatencyLevel level) const { return m_pairs[int(level)]; }
    static quint64 key(int a, int b) { return (quint64(quint32(a)) << 32) | quint32(b); }

    QList<Violation> violations(LatencyLevel level, const LatencyTargets& targets) const;
    qint64 newestWindowMs() const { return m_newestWindowMs; }

private:
    LatencyTopology m_topology;
    QHash<quint64, PairStats> m_pairs[3];
    qint64 m_newestWindowMs = 0;
};

} // namespace Meridian
