// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Builders for cache tests: small, explicit fleets with known capacity.

#include "core/model/sourceupdate.h"
#include "tests/support/fleetbuilder.h"

namespace Meridian::CacheTest {

inline Protocol::NodeInventory inventory(
    const QString& nodeId, const QString& region, const QString& pool, const QStringList& models)
{
    Protocol::NodeInventory inv;
    inv.nodeId = nodeId;
    inv.hostname = nodeId + QStringLiteral(".local");
    inv.region = region;
    inv.pool = pool;
    inv.rack = QStringLiteral("r1");
    inv.labels.insert(QStringLiteral("site"), region);
    inv.cpuCount = 96;
    inv.memoryBytes = 1LL << 40;
    for (int i = 0; i < models.size(); ++i)
        inv.accelerators.append(
            { i, QStringLiteral("huawei"), models[i], QStringLiteral("uuid-%1-%2").arg(nodeId).arg(i), 64LL << 30 });
    inv.agentVersion = QStringLiteral("0.1.0");
    inv.bootId = QStringLiteral("boot-") + nodeId;
    return inv;
}

// `accs`: one char per accelerator: 'f' free, 'a' allocated, 'x' faulty.
inline Protocol::Sample sample(
    qint64 seq, qint64 ts, const QString& accs, Protocol::NodeState state = Protocol::NodeState::Up)
{
    Protocol::Sample s;
    s.seq = seq;
    s.timestampMs = ts;
    s.state = state;
    s.node.cpuUtilization = double(seq % 100);
    s.node.load1 = 1.5;
    for (int i = 0; i < accs.size(); ++i) {
        Protocol::AcceleratorSample a;
        a.index = i;
        a.health
            = accs[i] == QLatin1Char('x') ? Protocol::AcceleratorHealth::Faulty : Protocol::AcceleratorHealth::Healthy;
        a.utilization = double((seq + i) % 100);
        a.temperatureC = 40.0 + i;
        a.powerW = 300.0;
        a.memoryUsedBytes = 1e9 * double(i + 1);
        if (accs[i] == QLatin1Char('a'))
            a.jobId = QStringLiteral("job-1");
        s.accelerators.append(a);
    }
    return s;
}

inline Protocol::Snapshot snapshot(const QString& instance, const Protocol::Sample& s)
{
    Protocol::Snapshot snap;
    snap.instanceId = instance;
    snap.sample = s;
    snap.stateReason = QStringLiteral("ok");
    snap.newestEventId = 7;
    snap.oldestSeq = 1;
    Protocol::JobPlacement p;
    p.jobId = QStringLiteral("job-1");
    p.name = QStringLiteral("llm");
    p.state = QStringLiteral("running");
    p.accelerators = { 0, 1 };
    snap.jobs.append(p);
    return snap;
}

inline NodeUpdate nodeUpdate(const Protocol::NodeInventory& inv, const Protocol::Snapshot& snap)
{
    return Test::FleetBuilder::node(inv.nodeId).inventory(inv).snapshot(snap).polledAt(1000);
}

inline Protocol::JobRecord job(const QString& id, const QString& state)
{
    Protocol::JobRecord j;
    j.jobId = id;
    j.name = QStringLiteral("train-") + id;
    j.tenant = QStringLiteral("lab");
    j.user = QStringLiteral("alice");
    j.kind = QStringLiteral("training");
    j.state = state;
    j.region = QStringLiteral("east");
    j.pool = QStringLiteral("wuhu-train");
    j.model = QStringLiteral("Ascend 910B");
    j.acceleratorsRequested = 64;
    j.acceleratorsAllocated = 64;
    j.nodes = { QStringLiteral("n1"), QStringLiteral("n2") };
    j.submitMs = 100;
    j.startMs = 200;
    j.interruptions = 2;
    return j;
}

inline Protocol::Event event(qint64 id, const QString& nodeId, qint64 ts, const QString& kind)
{
    Protocol::Event e;
    e.id = id;
    e.timestampMs = ts;
    e.kind = kind;
    e.severity = Protocol::Severity::Critical;
    e.nodeId = nodeId;
    e.accelerator = 3;
    e.message = QStringLiteral("HBM double-bit ECC");
    e.code = QStringLiteral("0x80E18402");
    return e;
}

} // namespace Meridian::CacheTest
