// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small hand-made fleet for UI tests: every number the Overview should show
// follows from these few nodes (see the expectations in tst_overviewpage.cpp).

#include "core/model/sourceupdate.h"
#include "tests/support/fleetbuilder.h"

#include <QDateTime>

namespace Meridian::TestFleet {

inline Protocol::NodeInventory inventory(const QString& id, const QString& region, const QString& pool,
    const QString& model, const QString& vendor, int accelerators)
{
    Protocol::NodeInventory inv;
    inv.nodeId = id;
    inv.hostname = id;
    inv.region = region;
    inv.pool = pool;
    inv.rack = pool + QStringLiteral("-r1");
    inv.cpuCount = 192;
    inv.memoryBytes = qint64(1) << 40;
    for (int i = 0; i < accelerators; ++i)
        inv.accelerators.append({ i, vendor, model, id + QStringLiteral("-%1").arg(i), qint64(64) << 30 });
    inv.agentVersion = QStringLiteral("test");
    return inv;
}

// jobs[i] non-empty: accelerator i is allocated; faulty lists the faulty indexes.
inline NodeUpdate node(const Protocol::NodeInventory& inv, Protocol::NodeState state, const QStringList& jobs,
    const QList<int>& faulty, int openFaults, qint64 nowMs)
{
    Test::NodeBuilder b = Test::FleetBuilder::node(inv.nodeId);
    b.inventory(inv).instance(QStringLiteral("instance-") + inv.nodeId).seq(42).at(nowMs).state(state).utilization(50);
    for (const Protocol::AcceleratorInfo& info : inv.accelerators) {
        b.job(info.index, jobs.value(info.index));
        if (faulty.contains(info.index))
            b.faulty(info.index);
    }
    for (int i = 0; i < openFaults; ++i) {
        Protocol::Event e;
        e.id = i + 1;
        e.timestampMs = nowMs;
        e.kind = state == Protocol::NodeState::Down ? QStringLiteral("node-down") : QStringLiteral("hbm-ecc");
        e.nodeId = inv.nodeId;
        b.fault(e);
    }
    return b;
}

inline Protocol::JobRecord job(const QString& id, const QString& state, const QString& region, const QString& pool)
{
    Protocol::JobRecord j;
    j.jobId = id;
    j.name = id;
    j.state = state;
    j.region = region;
    j.pool = pool;
    j.kind = QStringLiteral("training");
    return j;
}

// East China: e1 (8× Ascend 910B: 5 allocated, 1 faulty, 2 free; 1 open fault),
//             e2 (4× H20, node down: 4 faulty; 1 open fault).
// North China: n1 (8× Ascend 910B: 8 allocated), n2 unreachable, never answered (8× 910B unknown).
// South China: s1 unreachable, never answered: every number is missing.
// Jobs: East 2 running (one checkpointing) + 1 queued + 1 recovering; North 1 running + 2 queued; 1 completed.
inline SourceUpdate update(qint64 nowMs = QDateTime::currentMSecsSinceEpoch())
{
    using Protocol::NodeState;
    SourceUpdate u;
    u.source = QStringLiteral("test");
    const QString b910 = QStringLiteral("Ascend 910B"), huawei = QStringLiteral("huawei");
    const QString east = QStringLiteral("East China"), north = QStringLiteral("North China"),
                  south = QStringLiteral("South China");
    const QString j1 = QStringLiteral("job-1");
    u.nodes.append(node(inventory(QStringLiteral("e1"), east, QStringLiteral("wuhu-train"), b910, huawei, 8),
        NodeState::Degraded, { j1, j1, j1, j1, j1 }, { 5 }, 1, nowMs));
    u.nodes.append(node(inventory(QStringLiteral("e2"), east, QStringLiteral("wuhu-infer"), QStringLiteral("H20"),
                            QStringLiteral("nvidia"), 4),
        NodeState::Down, {}, {}, 1, nowMs));
    const QString j2 = QStringLiteral("job-2");
    u.nodes.append(node(inventory(QStringLiteral("n1"), north, QStringLiteral("beijing-train"), b910, huawei, 8),
        NodeState::Up, { j2, j2, j2, j2, j2, j2, j2, j2 }, {}, 0, nowMs));
    for (const auto& [id, region, pool] : { std::tuple { QStringLiteral("n2"), north, QStringLiteral("beijing-train") },
             std::tuple { QStringLiteral("s1"), south, QStringLiteral("guangzhou-infer") } }) {
        NodeUpdate missing;
        missing.nodeId = id;
        missing.hasInventory = true;
        missing.inventory = inventory(id, region, pool, b910, huawei, 8);
        missing.status = AgentStatus::Unreachable;
        missing.error = QStringLiteral("connection refused");
        missing.polledAtMs = nowMs;
        u.nodes.append(missing);
    }
    u.hasJobs = true;
    u.jobsComplete = true;
    u.jobs = {
        job(j1, QStringLiteral("running"), east, QStringLiteral("wuhu-train")),
        job(QStringLiteral("job-3"), QStringLiteral("checkpointing"), east, QStringLiteral("wuhu-train")),
        job(QStringLiteral("job-4"), QStringLiteral("queued"), east, QStringLiteral("wuhu-infer")),
        job(QStringLiteral("job-5"), QStringLiteral("recovering"), east, QStringLiteral("wuhu-train")),
        job(j2, QStringLiteral("running"), north, QStringLiteral("beijing-train")),
        job(QStringLiteral("job-6"), QStringLiteral("queued"), north, QStringLiteral("beijing-train")),
        job(QStringLiteral("job-7"), QStringLiteral("queued"), north, QStringLiteral("beijing-train")),
        job(QStringLiteral("job-8"), QStringLiteral("completed"), north, QStringLiteral("beijing-train")),
    };
    return u;
}

} // namespace Meridian::TestFleet
