// SPDX-License-Identifier: GPL-3.0-or-later
// Faults: random ones at the rates of the scenario (Llama 3: one unexpected
// interruption per ~3 h per 16k accelerators), injected ones from /sim/faults;
// each is detected (an event), interrupts the jobs it hits, and is cleared
// after a realistic repair time (an event with cleared: true).
#include "agent/fleetsim/simulation.h"

#include <QRegularExpression>

#include <algorithm>

namespace Meridian::Sim {
namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;

const QStringList& validKinds()
{
    static const QStringList kinds = { QStringLiteral("node-down"), QStringLiteral("hbm-ecc"),
        QStringLiteral("link-down"), QStringLiteral("thermal"), QStringLiteral("rack-down"),
        QStringLiteral("chip-fault"), QStringLiteral("ecc-counter") };
    return kinds;
}

} // namespace

double Simulation::faultsPerHour() const
{
    int accelerators = 0;
    for (const NodeInfo& n : m_topology->nodes())
        accelerators += n.accelerators;
    const FaultRates& r = m_topology->scenario().faults;
    const double interruptions
        = std::max(accelerators / 16384.0 * r.interruptionsPerHourPer16k, r.minInterruptionsPerHour);
    return std::max(1e-3, interruptions * (1.0 + r.warningsPerInterruption));
}

Simulation::FaultParams Simulation::randomFaultParams(int node, const QString& kind)
{
    const ModelSpec& model = m_topology->modelOf(node);
    const bool huawei = model.vendor == QLatin1String("huawei");
    const bool nvidia = model.vendor == QLatin1String("nvidia");
    const int acc = m_rng.range(0, m_topology->nodes()[size_t(node)].accelerators - 1);
    const QString chip = (nvidia          ? QStringLiteral("GPU ")
                                 : huawei ? QStringLiteral("NPU ")
                                          : QStringLiteral("chip "))
        + QString::number(acc);
    FaultParams f;
    f.kind = kind;
    f.accelerator = acc;
    if (kind == QLatin1String("hbm-ecc-sbe")) {
        f.kind = QStringLiteral("hbm-ecc");
        f.sbeAdd = m_rng.range(20, 400);
        f.code = huawei ? QStringLiteral("80E18008") : QString();
        f.message = QStringLiteral("HBM single-bit ECC errors rising on %1 (+%2 corrected)").arg(chip).arg(f.sbeAdd);
    } else if (kind == QLatin1String("hbm-ecc")) {
        f.faulty = true;
        f.severity = Protocol::Severity::Critical;
        f.dbeAdd = 1;
        f.sbeAdd = m_rng.range(2, 10);
        f.code = huawei ? QStringLiteral("80E18005") : nvidia ? QStringLiteral("Xid 48") : QStringLiteral("ECC-DBE");
        f.message = QStringLiteral("HBM double-bit (uncorrectable) ECC error on %1: chip isolated").arg(chip);
    } else if (kind == QLatin1String("chip-fault")) {
        f.faulty = true;
        f.severity = Protocol::Severity::Critical;
        static const char* const ascend[] = { "80CB8002", "8C084E00", "80C98008", "80DE0010" };
        static const char* const xid[] = { "Xid 79", "Xid 119", "Xid 94" };
        f.code = huawei ? QLatin1String(ascend[m_rng.range(0, 3)])
            : nvidia    ? QLatin1String(xid[m_rng.range(0, 2)])
                        : QStringLiteral("ERR-%1").arg(m_rng.range(0x100, 0xfff), 4, 16, QLatin1Char('0')).toUpper();
        f.message = QStringLiteral("%1 reports an unhealthy chip (code %2): reset required").arg(chip, f.code);
    } else if (kind == QLatin1String("link-down")) {
        f.faulty = true;
        f.severity = Protocol::Severity::Critical;
        f.message = (huawei ? QStringLiteral("RoCE/HCCS port of %1 link down")
                : nvidia    ? QStringLiteral("NVLink/IB port of %1 link down")
                            : QStringLiteral("RoCE port of %1 link down"))
                        .arg(chip);
    } else if (kind == QLatin1String("thermal")) {
        f.message = QStringLiteral("%1 thermal throttling (inlet above limit)").arg(chip);
        f.code = nvidia ? QStringLiteral("HW_THERMAL_SLOWDOWN") : QString();
    } else { // node-down
        f.kind = QStringLiteral("node-down");
        f.accelerator = -1;
        f.faulty = true;
        f.severity = Protocol::Severity::Critical;
        f.message = QStringLiteral("heartbeat lost: no answer for 60 s");
    }
    return f;
}

qint64 Simulation::applyFault(int node, const FaultParams& params, bool injected, qint64 group)
{
    const qint64 id = logEvent(node, params.kind, params.severity, params.accelerator,
        params.message + (injected ? QStringLiteral(" [injected]") : QString()), params.code);
    FaultRecord f;
    f.id = id;
    f.group = group > 0 ? group : id;
    f.from = m_now;
    f.kind = params.kind;
    f.code = params.code;
    f.message = params.message + (injected ? QStringLiteral(" [injected]") : QString());
    f.severity = params.severity;
    f.accelerator = params.accelerator;
    f.faulty = params.faulty;
    f.injected = injected;
    f.sbeAdd = params.sbeAdd;
    f.dbeAdd = params.dbeAdd;
    NodeTimeline& tl = mutableNode(node);
    tl.faults.push_back(f);
    recomputeNodeWork(node);

    if (!params.faulty)
        return id;
    // Interrupt every job running on what just failed.
    std::vector<int> hit;
    for (const Alloc& a : tl.allocs) {
        if (a.to != Open)
            continue;
        if (params.accelerator < 0 || ((a.mask >> params.accelerator) & 1))
            hit.push_back(a.job->index);
    }
    const QString cause = params.kind + QStringLiteral(" on ") + m_topology->nodes()[size_t(node)].id
        + (params.accelerator >= 0 ? QStringLiteral(" accelerator %1").arg(params.accelerator) : QString());
    for (int j : hit)
        interruptJob(j, node, cause);
    return id;
}

void Simulation::recomputeNodeWork(int node)
{
    NodeWork& w = m_work[size_t(node)];
    w.down = false;
    w.faulty = w.warning = 0;
    for (const FaultRecord& f : m_nodes[size_t(node)]->faults) {
        if (f.to != Open)
            continue;
        if (f.isNodeDown())
            w.down = true;
        else if (f.accelerator >= 0)
            (f.faulty ? w.faulty : w.warning) |= quint16(1u << f.accelerator);
    }
}

bool Simulation::clearFaultRecord(int node, qint64 id)
{
    const auto& faults = m_nodes[size_t(node)]->faults;
    const auto it
        = std::find_if(faults.begin(), faults.end(), [&](const FaultRecord& f) { return f.id == id && f.to == Open; });
    if (it == faults.end())
        return false;
    const size_t index = size_t(it - faults.begin());
    NodeTimeline& tl = mutableNode(node);
    FaultRecord& f = tl.faults[index];
    f.to = m_now;
    const bool nodeDown = f.isNodeDown();
    const QString kind = f.kind;
    const int acc = f.accelerator;
    const QString code = f.code;
    const qint64 minutes = (m_now - f.from) / Minute;
    recomputeNodeWork(node);
    if (nodeDown && !m_work[size_t(node)].down) {
        // The node comes back from a reboot: new boot id, so its inventory changed.
        tl.boots.push_back(m_now);
        ++tl.bootCount;
        m_inventoryChanged[size_t(node)] = m_version + 1;
    }
    logEvent(node, kind, Protocol::Severity::Info, acc,
        QStringLiteral("%1 cleared after %2 min (fault %3)").arg(kind).arg(minutes).arg(id), code, true);
    scheduleQueued(m_topology->nodes()[size_t(node)].pool);
    return true;
}

void Simulation::onFaultClear(int node, qint64 id)
{
    clearFaultRecord(node, id);
}

void Simulation::onRandomFault()
{
    const FaultRates& r = m_topology->scenario().faults;
    const double warningShare = r.warningsPerInterruption / (1.0 + r.warningsPerInterruption);
    const int node = m_rng.range(0, m_topology->nodeCount() - 1);
    const double u = m_rng.uniform();
    QString kind;
    qint64 repair = 0;
    if (m_rng.chance(warningShare)) {
        kind = u < 0.6 ? QStringLiteral("hbm-ecc-sbe") : QStringLiteral("thermal");
        repair = kind == QLatin1String("thermal") ? qint64(m_rng.uniform(10, 40) * Minute)
                                                  : qint64(m_rng.uniform(20, 90) * Minute);
    } else if (u < 0.17) {
        kind = QStringLiteral("hbm-ecc");
        repair = qint64(m_rng.uniform(1, 6) * Hour);
    } else if (u < 0.50) {
        kind = QStringLiteral("chip-fault");
        repair = qint64(m_rng.uniform(5, 45) * Minute);
    } else if (u < 0.75) {
        kind = QStringLiteral("link-down");
        repair = qint64(m_rng.uniform(2, 30) * Minute);
    } else if (u < 0.98) {
        kind = QStringLiteral("node-down");
        repair = m_rng.chance(0.7) ? qint64(m_rng.uniform(10, 25) * Minute) : qint64(m_rng.uniform(1, 3) * Hour);
    } else {
        kind = QStringLiteral("rack-down");
        repair = qint64(m_rng.uniform(30, 120) * Minute);
    }
    FaultParams params = randomFaultParams(node, kind);
    const NodeWork& w = m_work[size_t(node)];
    const bool accTaken = params.accelerator >= 0 && (((w.faulty | w.warning) >> params.accelerator) & 1);
    if (kind == QLatin1String("rack-down")) {
        const RackInfo& rack = m_topology->racks()[size_t(m_topology->nodes()[size_t(node)].rackIndex)];
        params.message = QStringLiteral("heartbeat lost: power loss in rack %1").arg(rack.id);
        qint64 group = 0;
        for (int n = rack.firstNode; n < rack.firstNode + rack.nodeCount; ++n) {
            if (m_work[size_t(n)].down)
                continue;
            const qint64 id = applyFault(n, params, false, group);
            group = group > 0 ? group : id;
            schedule(m_now + repair, EventType::FaultClear, id, n);
        }
    } else if (!w.down && !accTaken) {
        const qint64 id = applyFault(node, params, false, 0);
        schedule(m_now + repair, EventType::FaultClear, id, node);
    }
    schedule(m_now + qint64(m_rng.exponential(3600000.0 / faultsPerHour())) + 1, EventType::RandomFault, 0);
}

ApiResult Simulation::injectFault(const QString& nodeId, const QString& kind, int accelerator, int bits)
{
    std::unique_lock lock(m_mutex);
    ApiResult result;
    const int node = m_topology->find(nodeId.toStdString());
    if (node < 0)
        return { 404, QStringLiteral("no node \"%1\"").arg(nodeId.left(64)) };
    if (!validKinds().contains(kind))
        return { 400, QStringLiteral("kind must be one of: %1").arg(validKinds().join(QStringLiteral(", "))) };
    if (accelerator < 0 || accelerator >= m_topology->nodes()[size_t(node)].accelerators)
        return { 400,
            QStringLiteral("accelerator must be in 0…%1").arg(m_topology->nodes()[size_t(node)].accelerators - 1) };
    advanceTo(simNowLocked());
    const NodeWork& w = m_work[size_t(node)];
    if (kind == QLatin1String("ecc-counter")) {
        // Only the chip's lifetime ECC counter rises (bits 1: +50 corrected, 2: +1 uncorrectable), with no
        // fault event and no health change: what a console sees when it must judge the counters itself. A
        // closed, zero-length record: it never covers a time, but its count stays in every later sample.
        FaultRecord f;
        f.from = f.to = m_now;
        f.kind = kind;
        f.accelerator = accelerator;
        f.injected = true;
        (bits == 1 ? f.sbeAdd : f.dbeAdd) = bits == 1 ? 50 : 1;
        mutableNode(node).faults.push_back(f);
        publish(false);
        return { 200, {}, 0, 1 };
    }
    if (kind == QLatin1String("rack-down")) {
        const RackInfo& rack = m_topology->racks()[size_t(m_topology->nodes()[size_t(node)].rackIndex)];
        FaultParams params = randomFaultParams(node, QStringLiteral("node-down"));
        params.message = QStringLiteral("heartbeat lost: power loss in rack %1").arg(rack.id);
        for (int n = rack.firstNode; n < rack.firstNode + rack.nodeCount; ++n) {
            if (m_work[size_t(n)].down)
                continue;
            const qint64 id = applyFault(n, params, true, result.id);
            result.id = result.id > 0 ? result.id : id;
            ++result.count;
        }
        if (result.count == 0)
            return { 409, QStringLiteral("every node of rack %1 is already down").arg(rack.id) };
    } else {
        if (w.down)
            return { 409, QStringLiteral("node %1 is already down").arg(nodeId) };
        FaultParams params = randomFaultParams(
            node, kind == QLatin1String("hbm-ecc") && bits == 1 ? QStringLiteral("hbm-ecc-sbe") : kind);
        if (params.accelerator >= 0) {
            params.accelerator = accelerator;
            params.message = params.message.replace(
                QRegularExpression(QStringLiteral("(NPU|GPU|chip) \\d+")), QStringLiteral("\\1 %1").arg(accelerator));
            for (const FaultRecord& f : m_nodes[size_t(node)]->faults)
                if (f.to == Open && f.kind == params.kind && f.accelerator == accelerator)
                    return { 409,
                        QStringLiteral("a %1 fault is already open on accelerator %2").arg(kind).arg(accelerator) };
        }
        result.id = applyFault(node, params, true, 0);
        result.count = 1;
    }
    publish(false);
    return result;
}

ApiResult Simulation::clearFault(qint64 id)
{
    std::unique_lock lock(m_mutex);
    advanceTo(simNowLocked());
    ApiResult result;
    if (clearLinkLocked(id)) {
        publish(false);
        return { 200, {}, id, 1 };
    }
    for (int node = 0; node < m_topology->nodeCount(); ++node) {
        std::vector<qint64> ids;
        for (const FaultRecord& f : m_nodes[size_t(node)]->faults)
            if (f.injected && f.to == Open && (f.id == id || f.group == id))
                ids.push_back(f.id);
        for (qint64 fid : ids)
            result.count += clearFaultRecord(node, fid) ? 1 : 0;
    }
    if (result.count == 0)
        return { 404, QStringLiteral("no open injected fault with id %1").arg(id) };
    result.id = id;
    publish(false);
    return result;
}

ApiResult Simulation::clearNode(const QString& nodeId)
{
    std::unique_lock lock(m_mutex);
    const int node = m_topology->find(nodeId.toStdString());
    if (node < 0)
        return { 404, QStringLiteral("no node \"%1\"").arg(nodeId.left(64)) };
    advanceTo(simNowLocked());
    ApiResult result;
    std::vector<qint64> ids;
    for (const FaultRecord& f : m_nodes[size_t(node)]->faults)
        if (f.injected && f.to == Open)
            ids.push_back(f.id);
    for (qint64 fid : ids)
        result.count += clearFaultRecord(node, fid) ? 1 : 0;
    publish(false);
    return result;
}

} // namespace Meridian::Sim
