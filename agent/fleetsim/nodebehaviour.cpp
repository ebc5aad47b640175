// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/nodebehaviour.h"

#include "agent/fleetsim/simrandom.h"
#include "core/protocol/peermessages.h"
#include "core/util/units.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Meridian::Sim {
namespace {

using Units::GiB;
constexpr double MiB = 1024.0 * 1024.0;
constexpr qint64 EccRampMs = 20 * 60 * 1000; // SBE counts climb over ~20 min of a fault

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}
double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

// Inference load follows the day in China (UTC+8): low in the morning, peak in the evening.
double diurnal(qint64 t)
{
    const double hour = std::fmod(double(t) / 3600000.0 + 8.0, 24.0);
    return 0.5 + 0.5 * std::sin(2 * std::numbers::pi * (hour - 14.5) / 24.0);
}

// A few chips carry old correctable errors from before the simulation.
quint32 baselineSbe(quint64 h)
{
    const double u = unit(h);
    if (u < 0.85)
        return 0;
    if (u < 0.97)
        return 1 + quint32(unit(mix64(h)) * 5);
    return 10 + quint32(unit(mix64(h)) * 190);
}

} // namespace

JobPhase jobPhase(const JobSpec& job, qint64 placedAtMs, qint64 restoredCheckpointMs, qint64 t)
{
    JobPhase phase;
    phase.lastCheckpointMs = restoredCheckpointMs;
    if (!job.training || job.checkpointIntervalMs <= 0 || t < placedAtMs)
        return phase;
    const qint64 k = (t - placedAtMs) / job.checkpointIntervalMs;
    if (k >= 1)
        phase.lastCheckpointMs = placedAtMs + k * job.checkpointIntervalMs;
    // Checkpoint k+1 is being written during the last stretch before it completes.
    phase.checkpointing = t >= placedAtMs + (k + 1) * job.checkpointIntervalMs - job.checkpointDurationMs;
    return phase;
}

bool NodeBehaviour::isDown(const NodeTimeline& timeline, qint64 t)
{
    for (const FaultRecord& f : timeline.faults)
        if (f.isNodeDown() && f.covers(t))
            return true;
    return false;
}

const DrainRecord* NodeBehaviour::drainAt(const NodeTimeline& timeline, qint64 t)
{
    for (auto it = timeline.drains.rbegin(); it != timeline.drains.rend(); ++it)
        if (it->covers(t))
            return &*it;
    return nullptr;
}

bool NodeBehaviour::hasOpenFault(const NodeTimeline& timeline, qint64 t, const QString& kind)
{
    for (const FaultRecord& f : timeline.faults)
        if (f.kind == kind && f.covers(t))
            return true;
    return false;
}

qint64 NodeBehaviour::bootAt(int node, const NodeTimeline& timeline, qint64 t) const
{
    qint64 boot = m_topology.nodes()[size_t(node)].firstBootMs;
    for (qint64 b : timeline.boots)
        if (b <= t)
            boot = b;
    return boot;
}

Protocol::AcceleratorSample NodeBehaviour::accelerator(
    int node, int index, const NodeTimeline& timeline, qint64 t, double* cpuLoad) const
{
    const ModelSpec& model = m_topology.modelOf(node);
    const SiteSpec& site = m_topology.siteOf(node);
    const quint64 noise = hashOf({ m_seed, 0x3001, quint64(node), quint64(index), quint64(t / 1000) });
    Protocol::AcceleratorSample a;
    a.index = index;

    bool faulty = false;
    bool warning = false;
    bool throttled = false;
    double sbe
        = baselineSbe(hashOf({ m_seed, 0x3002, quint64(node), quint64(index) })) + timeline.sbeBase[size_t(index)];
    double dbe = timeline.dbeBase[size_t(index)];
    for (const FaultRecord& f : timeline.faults) {
        if (f.accelerator != index || t < f.from)
            continue;
        sbe += std::floor(f.sbeAdd * std::min(1.0, double(t - f.from) / EccRampMs));
        dbe += f.dbeAdd;
        if (t < f.to) {
            faulty = faulty || f.faulty;
            warning = warning || !f.faulty;
            throttled = throttled || f.kind == QLatin1String("thermal");
        }
    }
    a.health = faulty ? Protocol::AcceleratorHealth::Faulty
        : warning     ? Protocol::AcceleratorHealth::Warning
                      : Protocol::AcceleratorHealth::Healthy;
    a.eccSingleBitTotal = sbe;
    a.eccDoubleBitTotal = dbe;

    const Alloc* alloc = nullptr;
    for (const Alloc& al : timeline.allocs) {
        if ((al.mask >> index) & 1 && al.covers(t)) {
            alloc = &al;
            break;
        }
    }
    double util = 0;
    double memory = 0.3 * GiB + 0.1 * GiB * unit(mix64(noise));
    bool checkpointing = false;
    if (alloc && !faulty) {
        const JobSpec& job = *alloc->job;
        a.jobId = job.id;
        if (job.idle) {
            util = 3.0 * unit(noise);
        } else if (job.training) {
            checkpointing = jobPhase(job, alloc->from, alloc->restoredCheckpointMs, t).checkpointing;
            util = checkpointing ? 18.0 + 17.0 * unit(noise) : job.utilization + 2.0 * gaussish(noise);
        } else {
            util = 12.0 + 72.0 * diurnal(t) * (0.85 + 0.3 * unit(hashOf({ m_seed, 0x3003, quint64(node) })))
                + 4.0 * gaussish(noise);
        }
        const double busy = job.training ? 1.0 : 0.85 + 0.15 * diurnal(t);
        memory = job.memoryFraction * busy * double(model.memoryBytes) * (0.99 + 0.01 * unit(mix64(noise)));
    } else if (!faulty) {
        util = 2.0 * unit(noise) * unit(mix64(noise));
    }
    if (throttled)
        util *= 0.65;
    util = std::clamp(util, 0.0, 100.0);
    a.utilization = round1(util);
    a.memoryUsedBytes = std::round(std::min(memory, double(model.memoryBytes)) / MiB) * MiB;
    const double temperature = throttled ? 92.0 + 4.0 * unit(mix64(noise + 7))
                                         : site.ambientC + 10.0 + 0.42 * util + 1.0 * gaussish(mix64(noise + 3));
    a.temperatureC = round1(temperature);
    double power = model.idleW + (model.tdpW - model.idleW) * util / 100.0 * (0.92 + 0.08 * unit(mix64(noise + 5)));
    if (throttled)
        power = std::min(power, 0.7 * model.tdpW);
    a.powerW = round1(power);
    *cpuLoad += util;
    if (checkpointing)
        *cpuLoad += 1000; // marks a checkpoint write for the node's disk model
    return a;
}

Protocol::Sample NodeBehaviour::sample(int node, const NodeTimeline& timeline, qint64 seq, qint64 t) const
{
    const NodeInfo& info = m_topology.nodes()[size_t(node)];
    const ModelSpec& model = m_topology.modelOf(node);
    Protocol::Sample s;
    s.seq = seq;
    s.timestampMs = t;
    s.accelerators.reserve(info.accelerators);
    if (isDown(timeline, t)) {
        // The gateway still lists the chips so that capacity counts them (as faulty: node down).
        s.state = Protocol::NodeState::Down;
        for (int i = 0; i < info.accelerators; ++i) {
            Protocol::AcceleratorSample a;
            a.index = i;
            s.accelerators.append(a);
        }
        return s;
    }
    double load = 0;
    bool anyFaulty = false;
    int allocated = 0;
    for (int i = 0; i < info.accelerators; ++i) {
        s.accelerators.append(accelerator(node, i, timeline, t, &load));
        anyFaulty = anyFaulty || s.accelerators.back().health == Protocol::AcceleratorHealth::Faulty;
        allocated += s.accelerators.back().jobId.isEmpty() ? 0 : 1;
    }
    const bool checkpointing = load >= 1000;
    load = std::fmod(load, 1000.0);
    // A drained node is up but takes no new jobs: "draining" outranks "degraded" (it says what the scheduler does).
    s.state = drainAt(timeline, t) ? Protocol::NodeState::Draining
        : anyFaulty                ? Protocol::NodeState::Degraded
                                   : Protocol::NodeState::Up;
    const quint64 noise = hashOf({ m_seed, 0x3101, quint64(node), quint64(t / 1000) });
    const double meanUtil = info.accelerators > 0 ? load / info.accelerators : 0;
    const double allocatedFraction = info.accelerators > 0 ? double(allocated) / info.accelerators : 0;
    Protocol::NodeMetrics& m = s.node;
    m.cpuUtilization = round1(std::clamp(3.0 + 0.25 * meanUtil + 1.5 * gaussish(noise), 0.5, 100.0));
    m.memoryTotalBytes = double(model.hostMemoryBytes);
    m.memoryUsedBytes = std::round(double(model.hostMemoryBytes) * (0.06 + 0.55 * allocatedFraction)
                            * (0.95 + 0.05 * unit(mix64(noise))) / MiB)
        * MiB;
    m.load1 = std::round(model.hostCpus * m.cpuUtilization / 100.0 * (0.9 + 0.2 * unit(mix64(noise + 1))) * 100) / 100;
    const bool training = m_topology.pools()[size_t(info.pool)].training;
    const double net = (training ? 1.2e9 : 4e7) * load / 100.0 + 2e5;
    m.netRxBytesPerSecond = std::round(net * (0.95 + 0.1 * unit(mix64(noise + 2))));
    m.netTxBytesPerSecond = std::round(net * (0.95 + 0.1 * unit(mix64(noise + 3))));
    m.diskReadBytesPerSecond = std::round(2e6 + 3e6 * unit(mix64(noise + 4)));
    m.diskWriteBytesPerSecond = std::round((checkpointing ? 1.5e9 : 1e6) * (0.8 + 0.4 * unit(mix64(noise + 5))));
    m.uptimeSeconds = double(std::max<qint64>(0, t - bootAt(node, timeline, t)) / 1000);
    return s;
}

Protocol::Event NodeBehaviour::faultEvent(int node, const FaultRecord& f) const
{
    Protocol::Event e;
    e.id = f.id;
    e.timestampMs = f.from;
    e.kind = f.kind;
    e.severity = f.severity;
    e.nodeId = m_topology.nodes()[size_t(node)].id;
    e.accelerator = f.accelerator;
    e.message = f.message;
    // The key of the shared template the text was made from: the console translates by it.
    const Protocol::PeerMessage keyed = Protocol::matchPeerMessage(e.message);
    e.messageKey = keyed.key;
    e.messageArgs = keyed.args;
    e.code = f.code;
    return e;
}

QList<Protocol::Event> NodeBehaviour::openFaults(int node, const NodeTimeline& timeline, qint64 t) const
{
    QList<Protocol::Event> out;
    const bool down = isDown(timeline, t);
    for (const FaultRecord& f : timeline.faults) {
        if (!f.covers(t) || (down && !f.isNodeDown()))
            continue;
        out.append(faultEvent(node, f));
        if (down)
            break; // a down node carries exactly one node-down fault
    }
    return out;
}

QList<Protocol::JobPlacement> NodeBehaviour::placements(const NodeTimeline& timeline, qint64 t) const
{
    QList<Protocol::JobPlacement> out;
    if (isDown(timeline, t))
        return out;
    for (const Alloc& al : timeline.allocs) {
        if (!al.covers(t))
            continue;
        const JobSpec& job = *al.job;
        const JobPhase phase = jobPhase(job, al.from, al.restoredCheckpointMs, t);
        Protocol::JobPlacement p;
        p.jobId = job.id;
        p.name = job.name;
        p.tenant = job.tenant;
        p.kind = job.training ? QStringLiteral("training") : QStringLiteral("inference");
        p.state = phase.checkpointing ? QStringLiteral("checkpointing") : QStringLiteral("running");
        for (int i = 0; i < MaxAcceleratorsPerNode; ++i)
            if ((al.mask >> i) & 1)
                p.accelerators.append(i);
        p.startedMs = al.jobStartMs;
        p.lastCheckpointMs = phase.lastCheckpointMs;
        out.append(p);
    }
    return out;
}

Protocol::ProbeResult NodeBehaviour::probe(int node, int peer, qint64 t, bool lossy, bool peerDown) const
{
    const NodeInfo& a = m_topology.nodes()[size_t(node)];
    const NodeInfo& b = m_topology.nodes()[size_t(peer)];
    Protocol::ProbeResult p;
    p.peer = b.id;
    p.windowEndMs = t / 60000 * 60000; // one-minute probe windows, one probe per second
    p.count = 60;
    if (peerDown) {
        p.loss = 1.0;
        return p;
    }
    const double base = a.rackIndex == b.rackIndex ? m_topology.rackRttMs(node)
        : a.site == b.site                         ? 0.2
                                                   : m_topology.siteRttMs(a.site, b.site) + 0.1;
    const quint64 h = hashOf({ m_seed, 0x4001, quint64(node), quint64(peer), quint64(p.windowEndMs) });
    const double p50 = base * (1.0 + 0.01 * std::abs(gaussish(h))) + 0.005;
    const double p90 = p50 * (1.02 + 0.03 * unit(mix64(h + 1))) + 0.01;
    double p99 = p90 * (1.03 + 0.1 * unit(mix64(h + 2))) + 0.02;
    double max = p99 * (1.05 + 0.5 * unit(mix64(h + 3)));
    double loss = unit(mix64(h + 4)) < 0.03 ? 1.0 / 60.0 : 0.0;
    if (unit(mix64(h + 5)) < 0.02) { // a congestion spike in this window
        p99 *= 3;
        max *= 5;
    }
    if (lossy) {
        loss = 0.2 + 0.3 * unit(mix64(h + 6));
        p99 *= 4;
        max *= 8;
    }
    p.p50Ms = round3(p50);
    p.p90Ms = round3(p90);
    p.p99Ms = round3(p99);
    p.maxMs = round3(max);
    p.loss = std::round(loss * 10000) / 10000;
    return p;
}

} // namespace Meridian::Sim
