// SPDX-License-Identifier: GPL-3.0-or-later
// /sim/truth "faultLog": every injected fault with its detection and clearing
// times and the jobs it interrupted (from the scheduler's own history), so the
// console's blast radius and recovery stopwatch can be compared with truth.
#include "agent/fleetsim/fleetstate.h"
#include "agent/fleetsim/simjobhistory.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>

namespace Meridian::Sim {

QJsonArray faultTruth(const FleetState& state)
{
    // fault event id → (job id, interrupted, recovered), from the jobs' histories.
    std::map<qint64, QJsonArray> hits;
    for (const JobView& j : state.jobs) {
        if (!j.history)
            continue;
        for (const Protocol::JobInterruption& in : j.history->interrupts)
            if (in.faultEventId > 0)
                hits[in.faultEventId].append(QJsonObject { { QStringLiteral("id"), j.record.jobId },
                    { QStringLiteral("interruptedMs"), in.atMs }, { QStringLiteral("recoveredMs"), in.recoveredMs } });
    }
    QJsonArray out;
    const Topology& topo = state.topology();
    for (int node = 0; node < topo.nodeCount(); ++node) {
        for (const FaultRecord& f : state.nodes[size_t(node)]->faults) {
            if (!f.injected || f.from > state.timeMs)
                continue;
            const auto hit = hits.find(f.id);
            out.append(QJsonObject { { QStringLiteral("id"), f.id }, { QStringLiteral("group"), f.group },
                { QStringLiteral("node"), topo.nodes()[size_t(node)].id }, { QStringLiteral("kind"), f.kind },
                { QStringLiteral("accelerator"), f.accelerator }, { QStringLiteral("detectedMs"), f.from },
                { QStringLiteral("clearedMs"), f.to == Open || f.to > state.timeMs ? QJsonValue() : QJsonValue(f.to) },
                { QStringLiteral("jobs"), hit == hits.end() ? QJsonArray() : hit->second } });
        }
    }
    return out;
}

// "faultHistory": every fault, random or injected, that opened by now: what fault rates per pool (the
// placement planner's risk, the reports' MTBF) are checked against.
QJsonArray faultHistoryTruth(const FleetState& state)
{
    QJsonArray out;
    const Topology& topo = state.topology();
    for (int node = 0; node < topo.nodeCount(); ++node) {
        for (const FaultRecord& f : state.nodes[size_t(node)]->faults) {
            if (f.from > state.timeMs)
                continue;
            out.append(
                QJsonObject { { QStringLiteral("id"), f.id }, { QStringLiteral("node"), topo.nodes()[size_t(node)].id },
                    { QStringLiteral("kind"), f.kind }, { QStringLiteral("severity"), Protocol::toString(f.severity) },
                    { QStringLiteral("detectedMs"), f.from },
                    { QStringLiteral("clearedMs"),
                        f.to == Open || f.to > state.timeMs ? QJsonValue() : QJsonValue(f.to) } });
        }
    }
    return out;
}

} // namespace Meridian::Sim
