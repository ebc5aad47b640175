// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pure functions from (seed, topology, a node's timeline, time) to what the
// node reports: samples, open faults, job placements, probe results. The same
// functions serve the live snapshot, regenerated history and the ground truth,
// so they cannot disagree.

#include "agent/fleetsim/timeline.h"
#include "agent/fleetsim/topology.h"

namespace Meridian::Sim {

struct JobPhase
{
    bool checkpointing = false;
    qint64 lastCheckpointMs = 0;
};
JobPhase jobPhase(const JobSpec& job, qint64 placedAtMs, qint64 restoredCheckpointMs, qint64 t);

class NodeBehaviour
{
public:
    NodeBehaviour(const Topology& topology, quint64 seed)
        : m_topology(topology)
        , m_seed(seed)
    { }

    static bool isDown(const NodeTimeline& timeline, qint64 t);
    static const DrainRecord* drainAt(const NodeTimeline& timeline, qint64 t); ///< nullptr: schedulable
    Protocol::Sample sample(int node, const NodeTimeline& timeline, qint64 seq, qint64 t) const;
    QList<Protocol::Event> openFaults(int node, const NodeTimeline& timeline, qint64 t) const;
    QList<Protocol::JobPlacement> placements(const NodeTimeline& timeline, qint64 t) const;
    // `peerDown(peer)` tells whether a peer node is unreachable at t.
    template <typename PeerDown>
    QList<Protocol::ProbeResult> probes(int node, const NodeTimeline& timeline, qint64 t, PeerDown peerDown) const
    {
        QList<Protocol::ProbeResult> out;
        if (isDown(timeline, t))
            return out;
        const bool lossy = hasOpenFault(timeline, t, QStringLiteral("link-down"));
        for (int peer : m_topology.nodes()[size_t(node)].probePeers)
            out.append(probe(node, peer, t, lossy, peerDown(peer)));
        return out;
    }
    Protocol::Event faultEvent(int node, const FaultRecord& fault) const;
    quint64 seed() const { return m_seed; }

private:
    static bool hasOpenFault(const NodeTimeline& timeline, qint64 t, const QString& kind);
    Protocol::ProbeResult probe(int node, int peer, qint64 t, bool lossy, bool peerDown) const;
    Protocol::AcceleratorSample accelerator(
        int node, int index, const NodeTimeline& timeline, qint64 t, double* cpuLoad) const;
    qint64 bootAt(int node, const NodeTimeline& timeline, qint64 t) const;

    const Topology& m_topology;
    quint64 m_seed;
};

} // namespace Meridian::Sim
