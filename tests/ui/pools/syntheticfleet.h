// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A deterministic synthetic fleet of any size for the Pools tests and
// benchmarks: 3 regions, pools of 500 nodes, racks of 25, 8 accelerators per
// node, two vendors. Every 17th node has no utilization/temperature reported
// (missing, not zero); every 97th never answered (no snapshot at all).

#include "core/model/sourceupdate.h"

namespace Meridian::TestFleet {

inline NodeUpdate syntheticNode(int i, int tick = 0, int accelerators = 8)
{
    static const QString regions[]
        = { QStringLiteral("East China"), QStringLiteral("North China"), QStringLiteral("South China") };
    const int poolNo = i / 500;
    const QString region = regions[poolNo % 3];
    const bool huawei = poolNo % 2 == 0;
    NodeUpdate u;
    u.nodeId = QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
    u.hasInventory = true;
    Protocol::NodeInventory& inv = u.inventory;
    inv.nodeId = u.nodeId;
    inv.hostname = QStringLiteral("h%1").arg(i, 5, 10, QLatin1Char('0'));
    inv.region = region;
    inv.pool = QStringLiteral("pool-%1").arg(poolNo, 2, 10, QLatin1Char('0'));
    inv.rack = inv.pool + QStringLiteral("-r%1").arg((i % 500) / 25, 2, 10, QLatin1Char('0'));
    inv.labels.insert(QStringLiteral("tier"), i % 3 == 0 ? QStringLiteral("gold") : QStringLiteral("silver"));
    inv.cpuCount = 192;
    inv.memoryBytes = qint64(1) << 40;
    for (int a = 0; a < accelerators; ++a) {
        inv.accelerators.append({ a, huawei ? QStringLiteral("huawei") : QStringLiteral("nvidia"),
            huawei ? QStringLiteral("Ascend 910B") : QStringLiteral("H800"), QStringLiteral("uuid-%1-%2").arg(i).arg(a),
            qint64(64) << 30 });
    }
    inv.agentVersion = QStringLiteral("synthetic");
    u.polledAtMs = 1'700'000'000'000 + tick * 5000;
    if (i % 97 == 5) {
        u.status = AgentStatus::Unreachable;
        u.error = QStringLiteral("connection refused");
        return u;
    }
    u.hasSnapshot = true;
    Protocol::Snapshot& s = u.snapshot;
    s.instanceId = QStringLiteral("i-") + u.nodeId;
    s.sample.seq = 1 + tick;
    s.sample.timestampMs = 1'700'000'000'000 + tick * 5000 - (i % 7) * 1000;
    s.sample.state = i % 53 == 3 ? Protocol::NodeState::Down
        : i % 29 == 4            ? Protocol::NodeState::Degraded
                                 : Protocol::NodeState::Up;
    const bool silent = i % 17 == 2;
    s.sample.node.memoryUsedBytes = double((i * 7919 + tick * 104729) % 900) * double(1 << 30);
    s.sample.node.memoryTotalBytes = double(qint64(1) << 40);
    for (int a = 0; a < accelerators; ++a) {
        Protocol::AcceleratorSample as;
        as.index = a;
        as.health = (i + a) % 211 == 0 ? Protocol::AcceleratorHealth::Faulty : Protocol::AcceleratorHealth::Healthy;
        const int h = (i * 131 + a * 31 + tick * 17) % 1000;
        as.utilization = silent ? Protocol::Missing : h / 10.0;
        as.temperatureC = silent ? Protocol::Missing : 35 + h % 50;
        as.memoryUsedBytes = double(h) * double(1 << 26);
        as.powerW = silent ? Protocol::Missing : 100 + h % 300;
        if ((i + a + tick) % 3 != 0)
            as.jobId = QStringLiteral("job-%1").arg((i / 4 + tick) % 5000);
        s.sample.accelerators.append(as);
    }
    return u;
}

inline SourceUpdate syntheticFleet(int nodes, int tick = 0, int accelerators = 8)
{
    SourceUpdate u;
    u.source = QStringLiteral("synthetic");
    u.nodes.reserve(nodes);
    for (int i = 0; i < nodes; ++i)
        u.nodes.append(syntheticNode(i, tick, accelerators));
    return u;
}

} // namespace Meridian::TestFleet
