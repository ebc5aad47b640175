// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Synthetic fleets for the accelerator grid's tests and benchmark.

#include "core/model/sourceupdate.h"

#include <QHash>

namespace Meridian::TestGrid {

inline NodeUpdate makeNode(
    int n, int perNode, int nodesPerRack, qint64 nowMs, const QString& pool = QStringLiteral("p"))
{
    NodeUpdate u;
    u.nodeId = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
    u.hasInventory = true;
    auto& inv = u.inventory;
    inv.nodeId = u.nodeId;
    inv.hostname = u.nodeId;
    inv.region = QStringLiteral("East China");
    inv.pool = pool;
    inv.rack = QStringLiteral("r%1").arg(n / nodesPerRack, 4, 10, QLatin1Char('0'));
    for (int i = 0; i < perNode; ++i)
        inv.accelerators.append({ i, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"),
            QStringLiteral("%1-%2").arg(u.nodeId).arg(i), qint64(64) << 30 });
    u.hasSnapshot = true;
    u.snapshot.instanceId = QStringLiteral("i");
    u.snapshot.sample.seq = 1;
    u.snapshot.sample.timestampMs = nowMs;
    for (int i = 0; i < perNode; ++i) {
        Protocol::AcceleratorSample s;
        s.index = i;
        s.health = Protocol::AcceleratorHealth::Healthy;
        s.utilization = (n * 7 + i * 13) % 101;
        s.memoryUsedBytes = double((n + i) % 64) * (1LL << 30);
        s.temperatureC = 40 + (n + i) % 50;
        u.snapshot.sample.accelerators.append(s);
    }
    u.status = AgentStatus::Up;
    return u;
}

inline SourceUpdate makeFleet(int nodes, int perNode, int nodesPerRack, qint64 nowMs = 1'700'000'000'000)
{
    SourceUpdate u;
    u.source = QStringLiteral("grid");
    for (int n = 0; n < nodes; ++n)
        u.nodes.append(makeNode(n, perNode, nodesPerRack, nowMs));
    return u;
}

inline QHash<QString, FleetNode> toNodes(const SourceUpdate& update)
{
    QHash<QString, FleetNode> nodes;
    for (const NodeUpdate& u : update.nodes) {
        FleetNode n;
        n.inventory = u.inventory;
        n.snapshot = u.snapshot;
        n.status = u.status;
        nodes.insert(u.nodeId, n);
    }
    return nodes;
}

} // namespace Meridian::TestGrid
