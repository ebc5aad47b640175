// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Synthetic fleets for the accelerator grid's tests and benchmark.

#include "core/model/sourceupdate.h"
#include "tests/support/fleetbuilder.h"

#include <QHash>

namespace Meridian::TestGrid {

inline NodeUpdate makeNode(
    int n, int perNode, int nodesPerRack, qint64 nowMs, const QString& pool = QStringLiteral("p"))
{
    const QString id = QStringLiteral("node-%1").arg(n, 5, 10, QLatin1Char('0'));
    return Test::FleetBuilder::node(id)
        .hostname(id)
        .region(QStringLiteral("East China"))
        .pool(pool)
        .rack(QStringLiteral("r%1").arg(n / nodesPerRack, 4, 10, QLatin1Char('0')))
        .accelerators(perNode, QStringLiteral("Ascend 910B"))
        .instance(QStringLiteral("i"))
        .sampledAt(nowMs)
        .eachAccelerator([n](Protocol::AcceleratorSample& s) {
            s.utilization = (n * 7 + s.index * 13) % 101;
            s.memoryUsedBytes = double((n + s.index) % 64) * (1LL << 30);
            s.temperatureC = 40 + (n + s.index) % 50;
        });
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
