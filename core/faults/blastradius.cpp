// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/blastradius.h"

#include <map>
#include <set>

namespace Meridian::Faults {

bool takesCapacity(const FaultObservation& o)
{
    return o.fault.action >= Action::Drain && o.fault.component != Component::SiteLink;
}

BlastRadius blastRadius(const IncidentGrouper& grouper, int incidentId, const QHash<QString, FleetNode>& nodes,
    const QHash<QString, Protocol::JobRecord>& jobs)
{
    BlastRadius out;
    const Incident* incident = grouper.incident(incidentId);
    if (!incident)
        return out;
    // Lost chips per node (-1 in the set: the whole node), and the fault events by node.
    QHash<QString, QSet<int>> lost;
    QHash<QString, QSet<qint64>> eventsByNode;
    std::set<QString> links;
    // While the incident is open only its open faults hold capacity (a repaired chip takes new
    // work at once); a resolved incident shows what it cost while it lasted.
    const bool resolved = incident->openMembers == 0;
    for (int m : incident->members) {
        const FaultObservation& o = grouper.observations()[m];
        if (o.fault.component == Component::SiteLink) {
            links.insert(o.fromSite + QStringLiteral(" ↔ ") + o.toSite);
            continue;
        }
        if (o.eventId > 0)
            eventsByNode[o.nodeId].insert(o.eventId);
        if (takesCapacity(o) && (o.isOpen() || resolved))
            lost[o.nodeId].insert(o.accelerator);
    }
    out.siteLinks = QStringList(links.begin(), links.end());

    std::map<std::tuple<QString, QString, QString>, CapacityLoss> capacity;
    std::map<QString, AffectedJob> affected;
    for (auto it = lost.cbegin(); it != lost.cend(); ++it) {
        const auto node = nodes.constFind(it.key());
        if (node == nodes.cend())
            continue;
        const bool whole = it->contains(-1);
        const Protocol::NodeInventory& inv = node->inventory;
        QSet<QString> modelsOnNode;
        for (const Protocol::AcceleratorInfo& a : inv.accelerators) {
            if (!whole && !it->contains(a.index))
                continue;
            CapacityLoss& c = capacity[{ inv.region, inv.pool, a.model }];
            c.region = inv.region;
            c.pool = inv.pool;
            c.model = a.model;
            ++c.accelerators;
            ++out.acceleratorsLost;
            if (whole && !modelsOnNode.contains(a.model)) {
                modelsOnNode.insert(a.model);
                ++c.nodes;
            }
        }
        out.nodesLost += whole ? 1 : 0;
        // Jobs still placed on the lost hardware (a scheduler may not have moved them yet).
        for (const Protocol::JobPlacement& p : resolved ? QList<Protocol::JobPlacement>() : node->snapshot.jobs) {
            int n = 0;
            for (int a : p.accelerators)
                n += whole || it->contains(a) ? 1 : 0;
            if (n == 0)
                continue;
            AffectedJob& j = affected[p.jobId];
            j.jobId = p.jobId;
            j.name = p.name;
            j.state = p.state;
            j.pool = inv.pool;
            j.lastCheckpointMs = p.lastCheckpointMs;
            j.acceleratorsLost += n;
        }
    }
    // Jobs the scheduler says this incident's faults interrupted.
    for (auto it = jobs.cbegin(); it != jobs.cend(); ++it) {
        for (const Protocol::JobInterruption& in : it->interruptionLog) {
            if (in.faultEventId == 0 || !eventsByNode.value(in.nodeId).contains(in.faultEventId))
                continue;
            AffectedJob& j = affected[it->jobId];
            j.jobId = it->jobId;
            j.name = it->name;
            j.state = it->state;
            j.pool = it->pool;
            j.lastCheckpointMs = in.lastCheckpointMs;
            j.interruptedMs = j.interruptedMs == 0 ? in.atMs : std::min(j.interruptedMs, in.atMs);
            j.recoveredMs = std::max(j.recoveredMs, in.recoveredMs);
        }
    }
    for (auto& [id, job] : affected) {
        const auto record = jobs.constFind(id);
        if (record != jobs.cend()) {
            job.state = record->state;
            job.pool = record->pool;
            if (job.name.isEmpty())
                job.name = record->name;
        }
        out.jobs.append(job);
    }
    for (auto& [key, loss] : capacity)
        out.capacity.append(loss);
    return out;
}

} // namespace Meridian::Faults
