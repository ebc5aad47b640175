// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/nodefacts.h"

namespace Meridian {
namespace {

using Protocol::NodeState;

bool carries(const NodeFacts& f, NodeFacet facet)
{
    switch (facet) {
    case NodeFacet::Placement:
    case NodeFacet::Hardware:
        return f.hasInventory;
    case NodeFacet::Telemetry:
    case NodeFacet::Allocation:
    case NodeFacet::Scheduling:
        return f.hasSnapshot;
    }
    return false;
}

// The winner of a facet: the highest rank among the sources that have data for it; ties by source name.
const NodeFacts* winner(std::span<const NodeFacts> facts, NodeFacet facet)
{
    const NodeFacts* best = nullptr;
    for (const NodeFacts& f : facts) {
        const int rank = f.claims.rank(facet);
        if (rank == 0 || !carries(f, facet))
            continue;
        const int bestRank = best ? best->claims.rank(facet) : 0;
        if (rank > bestRank || (rank == bestRank && f.source < best->source))
            best = &f;
    }
    return best;
}

// The source that says the most about the node: where its status comes from when nothing measures it.
const NodeFacts* mostInformed(std::span<const NodeFacts> facts)
{
    const NodeFacts* best = nullptr;
    auto weight = [](const NodeFacts& f) {
        return int(f.claims.decides.toInt()) * 2 + int(f.claims.observes.toInt()) + (f.hasSnapshot ? 1024 : 0);
    };
    for (const NodeFacts& f : facts) {
        if (!best || weight(f) > weight(*best) || (weight(f) == weight(*best) && f.source < best->source))
            best = &f;
    }
    return best;
}

const Protocol::AcceleratorSample* sampleAt(const Protocol::Sample& sample, int index)
{
    for (const Protocol::AcceleratorSample& s : sample.accelerators) {
        if (s.index == index)
            return &s;
    }
    return nullptr;
}

void mergeInventory(FleetNode& node, const NodeFacts* hardware, const NodeFacts* placement)
{
    if (hardware)
        node.inventory = hardware->inventory;
    if (placement && placement != hardware) {
        node.inventory.region = placement->inventory.region;
        node.inventory.pool = placement->inventory.pool;
        node.inventory.rack = placement->inventory.rack;
        node.inventory.labels = placement->inventory.labels;
        if (node.inventory.hostname.isEmpty())
            node.inventory.hostname = placement->inventory.hostname;
    } else if (placement && !hardware) {
        node.inventory = placement->inventory;
    }
}

// The allocation winner's view of which job holds each accelerator, laid over the telemetry's samples.
void mergeAllocation(Protocol::Snapshot& into, const Protocol::Snapshot& allocation)
{
    // Nothing measures the chips (no accelerator exporter, or no sample yet): the scheduler's view is all there is.
    if (into.sample.accelerators.isEmpty()) {
        into.sample.accelerators = allocation.sample.accelerators;
        into.jobs = allocation.jobs;
        return;
    }
    for (Protocol::AcceleratorSample& s : into.sample.accelerators) {
        const Protocol::AcceleratorSample* held = sampleAt(allocation.sample, s.index);
        s.jobId = held ? held->jobId : QString();
    }
    into.jobs = allocation.jobs;
}

void mergeState(Protocol::Snapshot& into, const NodeFacts* telemetry, const NodeFacts* scheduling)
{
    if (!scheduling || scheduling == telemetry)
        return;
    const NodeState measured = into.sample.state;
    const NodeState scheduled = scheduling->snapshot.sample.state;
    const bool schedulerDecides
        = scheduled == NodeState::Down || (scheduled == NodeState::Draining && measured != NodeState::Down);
    if (!schedulerDecides)
        return;
    into.sample.state = scheduled;
    if (!scheduling->snapshot.stateReason.isEmpty())
        into.stateReason = scheduling->snapshot.stateReason;
    // What the scheduler reports as a fault of the node (e.g. down with a reason) joins the measured ones.
    for (const Protocol::Event& e : scheduling->snapshot.faults) {
        bool known = false;
        for (const Protocol::Event& open : std::as_const(into.faults))
            known = known || (open.kind == e.kind && open.accelerator == e.accelerator);
        if (!known)
            into.faults.append(e);
    }
}

} // namespace

FleetNode mergeNode(const QString& nodeId, std::span<const NodeFacts> facts)
{
    FleetNode node;
    if (facts.empty()) {
        node.inventory.nodeId = nodeId;
        return node;
    }
    // The common case, one source: its facts are the node (implicitly shared, nothing copied deeply).
    if (facts.size() == 1) {
        const NodeFacts& f = facts.front();
        node.inventory = f.inventory;
        node.snapshot = f.snapshot;
        node.status = f.status;
        node.lastError = f.error;
        node.lastSeenMs = f.lastSeenMs;
        node.lastPollMs = f.lastPollMs;
        node.source = f.source;
        node.inventory.nodeId = nodeId;
        return node;
    }
    const NodeFacts* telemetry = winner(facts, NodeFacet::Telemetry);
    const NodeFacts* allocation = winner(facts, NodeFacet::Allocation);
    const NodeFacts* scheduling = winner(facts, NodeFacet::Scheduling);
    mergeInventory(node, winner(facts, NodeFacet::Hardware), winner(facts, NodeFacet::Placement));
    node.inventory.nodeId = nodeId;

    const NodeFacts* snapshotFrom = telemetry ? telemetry : allocation ? allocation : scheduling;
    if (snapshotFrom) {
        node.snapshot = snapshotFrom->snapshot;
        if (allocation && allocation != snapshotFrom)
            mergeAllocation(node.snapshot, allocation->snapshot);
        mergeState(node.snapshot, snapshotFrom, scheduling);
    }
    const NodeFacts* status = telemetry ? telemetry : mostInformed(facts);
    node.status = status->status;
    node.lastError = status->error;
    node.lastSeenMs = status->lastSeenMs;
    node.lastPollMs = status->lastPollMs;
    node.source = status->source;
    return node;
}

QString sourceFor(std::span<const NodeFacts> facts, NodeFacet facet)
{
    const NodeFacts* best = nullptr;
    for (const NodeFacts& f : facts) {
        const int rank = f.claims.rank(facet);
        if (rank == 0)
            continue;
        const int bestRank = best ? best->claims.rank(facet) : 0;
        if (rank > bestRank || (rank == bestRank && f.source < best->source))
            best = &f;
    }
    return best ? best->source : QString();
}

} // namespace Meridian
