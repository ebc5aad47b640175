// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/capacity/loadedcapacity.h"

#include "core/model/installedcapacity.h"
#include "core/store/fleetstore.h"

namespace Meridian {

LoadedCapacity loadedCapacity(
    const CapacitySeries& series, const FleetStore& store, const QString& region, const QString& model)
{
    // Expected in every minute: the chips of nodes that report now, and those of nodes down now (their
    // source sends nothing: faulty). A node silent now for another reason (unreachable, stale) is not
    // expected; a chip never reported is unknown on the cards too.
    int installed = 0;
    int down = 0;
    for (const FleetNode& node : store.nodes()) {
        if (!region.isEmpty() && node.inventory.region != region)
            continue;
        const bool isDown = node.snapshot.sample.seq > 0 && node.snapshot.sample.state == NodeState::Down;
        if (!isDown && node.status != AgentStatus::Up)
            continue;
        for (const ModelCapacity& m : capacityByModel(node)) {
            if (!model.isEmpty() && m.model != model)
                continue;
            installed += m.total - m.unknown;
            down += isDown ? m.total - m.unknown : 0;
        }
    }
    LoadedCapacity out;
    out.series = series;
    out.series.points.clear();
    for (const CapacityPoint& p : series.points) {
        const ModelCapacity c = countInstalled(p, installed, down);
        if (c.unknown > 0) {
            ++out.partialMinutes;
            out.newestPartialMs = p.timestampMs;
            continue;
        }
        out.series.points.append({ p.timestampMs, c.total, c.allocated, c.free, c.faulty, p.nodesReporting });
    }
    return out;
}

} // namespace Meridian
