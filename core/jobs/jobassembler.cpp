// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jobs/jobassembler.h"

#include <algorithm>

namespace Meridian::Jobs {
namespace {

// When nodes disagree (a fault seen by one node first), the more urgent state wins.
int statePriority(const QString& state)
{
    if (state == QLatin1String("recovering"))
        return 5;
    if (state == QLatin1String("failed"))
        return 4;
    if (state == QLatin1String("checkpointing"))
        return 3;
    if (state == QLatin1String("running"))
        return 2;
    return state.isEmpty() ? 0 : 1;
}

} // namespace

QList<Protocol::JobRecord> JobAssembler::assemble(const QList<NodeReport>& reports)
{
    QList<Protocol::JobRecord> jobs;
    QHash<QString, qsizetype> indexOf;
    for (const NodeReport& report : reports) {
        if (!report.inventory || !report.jobs)
            continue;
        const Protocol::NodeInventory& inv = *report.inventory;
        for (const Protocol::JobPlacement& p : *report.jobs) {
            if (p.jobId.isEmpty())
                continue;
            auto it = indexOf.constFind(p.jobId);
            qsizetype i;
            if (it == indexOf.constEnd()) {
                i = jobs.size();
                indexOf.insert(p.jobId, i);
                Protocol::JobRecord r;
                r.jobId = p.jobId;
                r.region = inv.region;
                r.pool = inv.pool;
                jobs.append(std::move(r));
            } else {
                i = *it;
            }
            Protocol::JobRecord& r = jobs[i];
            if (r.name.isEmpty())
                r.name = p.name;
            if (r.tenant.isEmpty())
                r.tenant = p.tenant;
            if (r.user.isEmpty())
                r.user = p.user;
            if (r.kind.isEmpty())
                r.kind = p.kind;
            if (statePriority(p.state) > statePriority(r.state))
                r.state = p.state;
            if (r.model.isEmpty() && !p.accelerators.isEmpty()) {
                for (const Protocol::AcceleratorInfo& a : inv.accelerators)
                    if (a.index == p.accelerators.constFirst()) {
                        r.model = a.model;
                        break;
                    }
            }
            r.acceleratorsAllocated += int(p.accelerators.size());
            r.nodes.append(inv.nodeId);
            if (p.startedMs > 0 && (r.startMs == 0 || p.startedMs < r.startMs))
                r.startMs = p.startedMs;
            r.lastCheckpointMs = std::max(r.lastCheckpointMs, p.lastCheckpointMs);
        }
    }
    for (Protocol::JobRecord& r : jobs) {
        if (r.kind.isEmpty())
            r.kind = QStringLiteral("other");
        if (r.state.isEmpty())
            r.state = QStringLiteral("running");
        r.acceleratorsRequested = r.acceleratorsAllocated; // a node report knows only what is placed
        std::sort(r.nodes.begin(), r.nodes.end());
    }
    std::sort(jobs.begin(), jobs.end(),
        [](const Protocol::JobRecord& a, const Protocol::JobRecord& b) { return a.jobId < b.jobId; });
    return jobs;
}

QList<Protocol::JobRecord> JobAssembler::assemble(const QHash<QString, FleetNode>& nodes)
{
    QList<NodeReport> reports;
    reports.reserve(nodes.size());
    for (const FleetNode& node : nodes)
        if (node.snapshot.sample.seq > 0 && !node.snapshot.jobs.isEmpty())
            reports.append({ &node.inventory, &node.snapshot.jobs });
    return assemble(reports);
}

} // namespace Meridian::Jobs
