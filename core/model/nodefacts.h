// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One node, several sources. A node may be reported by its own agent or a fleet front, by a Prometheus that
// scrapes its exporters, and by the scheduler that places work on it (Slurm; later Kubernetes). Each source
// says what it knows about the node (NodeFacts) and how sure it is of each part of it (SourceClaims). The
// console shows one node, merged per facet: the source that decides a facet wins over one that only
// observes it. Everything after the merge works on the one node; nothing there knows which engine spoke,
// except through the node's origins, which the node detail shows.

#include "core/model/fleettypes.h"

#include <QFlags>
#include <QString>

#include <span>

namespace Meridian {

// The parts of a node that different engines know about.
enum class NodeFacet : quint8 {
    Placement = 1 << 0, ///< region, pool, rack, labels
    Hardware = 1 << 1, ///< accelerators (models, UUIDs, memory), CPUs, host memory, versions
    Telemetry = 1 << 2, ///< samples (utilization, memory, temperature, power, health, counters), open faults, probes
    Allocation = 1 << 3, ///< which job holds which accelerator, and the job placements on the node
    Scheduling = 1 << 4, ///< whether work is placed there: drained, down in the scheduler, and why
};
Q_DECLARE_FLAGS(NodeFacets, NodeFacet)
Q_DECLARE_OPERATORS_FOR_FLAGS(NodeFacets)

// What a kind of source may say about its nodes. A source *decides* a facet when it is the authority on it
// (a scheduler decides allocation; an agent measures its node), and *observes* it when it has a view of it
// that another source may correct (an agent sees which job's processes hold a chip; a scheduler knows a
// node's GPU count from its configuration).
struct SourceClaims
{
    NodeFacets decides;
    NodeFacets observes;

    // 2: decides, 1: observes, 0: says nothing about it.
    int rank(NodeFacet facet) const { return decides.testFlag(facet) ? 2 : observes.testFlag(facet) ? 1 : 0; }
    bool covers(NodeFacet facet) const { return rank(facet) > 0; }

    // A node agent or a fleet front speaking protocol v1: it measures its nodes and sees their jobs and drains.
    static SourceClaims nodeAgent()
    {
        return { NodeFacet::Placement | NodeFacet::Hardware | NodeFacet::Telemetry,
            NodeFacet::Allocation | NodeFacet::Scheduling };
    }
    // A scheduler (Slurm): the authority on allocation and on where work may go.
    static SourceClaims scheduler()
    {
        return { NodeFacet::Allocation | NodeFacet::Scheduling, NodeFacet::Placement | NodeFacet::Hardware };
    }
    // A metrics store (Prometheus): measures nodes; sees allocation only if its exporters carry job labels.
    static SourceClaims metrics(bool seesAllocation)
    {
        return { NodeFacet::Placement | NodeFacet::Hardware | NodeFacet::Telemetry,
            seesAllocation ? NodeFacets(NodeFacet::Allocation) : NodeFacets() };
    }
    friend bool operator==(const SourceClaims&, const SourceClaims&) = default;
};

// What one source knows about one node: its last good inventory and snapshot, and how its last poll went.
struct NodeFacts
{
    QString source;
    SourceClaims claims = SourceClaims::nodeAgent();
    bool hasInventory = false;
    Protocol::NodeInventory inventory;
    bool hasSnapshot = false;
    Protocol::Snapshot snapshot;
    AgentStatus status = AgentStatus::Unknown;
    QString error;
    qint64 lastSeenMs = 0; ///< the source's clock of its last good snapshot
    qint64 lastPollMs = 0; ///< the console's clock of the last attempt
    bool restored = false; ///< the state kept in the cache; the first live facts replace it
};

// Merges the sources' facts about one node into the node the console shows. Per facet the source with the
// highest rank wins; between equal ranks the one whose name sorts first, so that the answer never depends on
// which poll arrived last. The rules (docs/architecture.md, "One node, several sources"):
// - placement, hardware and telemetry from their winners; accelerators without telemetry keep no sample;
// - allocation: each accelerator's job and the node's job placements from the allocation winner;
// - state: down when the telemetry says so or the scheduler has it down; else draining when the scheduler (or
//   the agent) drains it; else the telemetry's (up, degraded). The reason comes from whoever set the state;
// - status, last error and data age from the telemetry winner when there is one, else from the best source;
// - `source` names the telemetry winner (else the best source): whom the node's history and events are from.
FleetNode mergeNode(const QString& nodeId, std::span<const NodeFacts> facts);

// The source to send an action of this facet to (e.g. Scheduling for drain and resume): the highest rank that
// covers it; empty when none does.
QString sourceFor(std::span<const NodeFacts> facts, NodeFacet facet);

} // namespace Meridian
