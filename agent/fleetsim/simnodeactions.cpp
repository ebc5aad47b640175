// SPDX-License-Identifier: GPL-3.0-or-later
// Operator actions on nodes, the simulator acting as the scheduler. Drain
// follows Slurm's DRAIN: the node stays up, takes no new jobs, and the jobs
// running there finish normally (an operator who wants them off at once
// requeues them). Resume makes it schedulable again. Both are previewable
// (dryRun): the jobs on the node with the accelerators they hold, and the
// capacity the pool loses per model.
#include "agent/fleetsim/simulation.h"
#include "core/protocol/protocoljson.h"

#include <QJsonArray>

#include <bit>

namespace Meridian::Sim {

Simulation::JobActionResult Simulation::nodeAction(
    const QString& nodeId, const QString& action, const QString& reason, bool dryRun)
{
    std::unique_lock lock(m_mutex);
    advanceTo(simNowLocked());
    const int node = m_topology->find(nodeId.toStdString());
    if (node < 0)
        return { 404, QStringLiteral("no node \"%1\"").arg(nodeId.left(64)), {} };
    const bool drain = action == QLatin1String("drain");
    if (!drain && action != QLatin1String("resume"))
        return { 400, QStringLiteral("action must be drain or resume"), {} };
    NodeWork& w = m_work[size_t(node)];
    if (drain == w.drained)
        return { 409,
            drain ? QStringLiteral("node %1 is already drained").arg(nodeId)
                  : QStringLiteral("node %1 is not drained").arg(nodeId),
            {} };

    const NodeInfo& info = m_topology->nodes()[size_t(node)];
    const PoolInfo& pool = m_topology->pools()[size_t(info.pool)];
    const ModelSpec& model = m_topology->modelOf(node);
    const quint16 full = quint16((1u << info.accelerators) - 1);
    QJsonArray jobs;
    int held = 0;
    for (const Alloc& a : m_nodes[size_t(node)]->allocs) {
        if (a.to != Open)
            continue;
        QJsonArray accelerators;
        for (int i = 0; i < info.accelerators; ++i)
            if ((a.mask >> i) & 1)
                accelerators.append(i);
        held += int(accelerators.size());
        const Job& job = m_jobs[size_t(a.job->index)];
        jobs.append(QJsonObject { { QStringLiteral("id"), a.job->id }, { QStringLiteral("name"), a.job->name },
            { QStringLiteral("tenant"), a.job->tenant }, { QStringLiteral("state"), jobRecord(job, m_now).state },
            { QStringLiteral("accelerators"), accelerators } });
    }
    // Capacity the pool loses (drain) or regains (resume): the node's usable chips; free ones at once,
    // allocated ones as their jobs end. Faulty chips and a down node count nothing (already lost).
    const int usable = w.down ? 0 : std::popcount(unsigned(full & ~w.faulty));
    const int allocatedUsable = w.down ? 0 : std::popcount(unsigned(w.allocated & full & ~w.faulty));
    const QJsonArray capacity { QJsonObject { { QStringLiteral("region"), pool.region },
        { QStringLiteral("pool"), pool.name }, { QStringLiteral("model"), model.model },
        { QStringLiteral("vendor"), model.vendor }, { QStringLiteral("accelerators"), usable },
        { QStringLiteral("free"), usable - allocatedUsable }, { QStringLiteral("allocated"), allocatedUsable } } };
    QJsonObject body { { QStringLiteral("node"), nodeId }, { QStringLiteral("action"), action },
        { QStringLiteral("drainedBefore"), w.drained }, { QStringLiteral("jobs"), jobs },
        { QStringLiteral("capacity"), capacity }, { QStringLiteral("reason"), reason } };
    body.insert(QStringLiteral("effect"),
        drain ? QStringLiteral("no new jobs are placed on %1; its %2 running job(s) on %3 accelerator(s) keep "
                               "running until they end; %4 %5 accelerator(s) leave pool %6")
                    .arg(nodeId)
                    .arg(jobs.size())
                    .arg(held)
                    .arg(usable)
                    .arg(model.model, pool.name)
              : QStringLiteral("%1 takes new jobs again; %2 %3 accelerator(s) return to pool %4")
                    .arg(nodeId)
                    .arg(usable)
                    .arg(model.model, pool.name));
    if (dryRun) {
        body.insert(QStringLiteral("dryRun"), true);
        return { 200, {}, body };
    }
    NodeTimeline& tl = mutableNode(node);
    if (drain) {
        tl.drains.push_back({ m_now, Open, reason });
        logEvent(node, QStringLiteral("node-drained"), Protocol::Severity::Info, -1,
            QStringLiteral("drained by an operator") + (reason.isEmpty() ? QString() : QStringLiteral(": ") + reason));
    } else {
        if (!tl.drains.empty())
            tl.drains.back().to = m_now;
        logEvent(node, QStringLiteral("node-resumed"), Protocol::Severity::Info, -1,
            QStringLiteral("resumed by an operator"));
    }
    w.drained = drain;
    if (!drain)
        scheduleQueued(info.pool); // the returned capacity serves the queue at once
    publish(false);
    body.insert(QStringLiteral("drainedAfter"), drain);
    body.insert(QStringLiteral("ts"), m_now);
    lock.unlock();
    m_wake.notify_all();
    return { 200, {}, body };
}

// /sim/truth "drained": the nodes drained right now, with when and why.
QJsonArray drainTruth(const FleetState& state)
{
    QJsonArray out;
    const Topology& topo = state.topology();
    for (int node = 0; node < topo.nodeCount(); ++node) {
        const DrainRecord* d = NodeBehaviour::drainAt(*state.nodes[size_t(node)], state.timeMs);
        if (!d)
            continue;
        int allocated = 0;
        for (const Alloc& a : state.nodes[size_t(node)]->allocs)
            if (a.covers(state.timeMs))
                allocated += std::popcount(unsigned(a.mask));
        out.append(QJsonObject { { QStringLiteral("node"), topo.nodes()[size_t(node)].id },
            { QStringLiteral("fromMs"), d->from }, { QStringLiteral("reason"), d->reason },
            { QStringLiteral("allocated"), allocated } });
    }
    return out;
}

} // namespace Meridian::Sim
