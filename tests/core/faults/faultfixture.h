// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small hand-made fleets for the fault tests: nodes with inventories,
// snapshots carrying open faults and job placements, and observations.

#include "core/faults/faultmap.h"
#include "core/model/sourceupdate.h"
#include "tests/support/fleetbuilder.h"

namespace Meridian::FaultFixture {

inline constexpr qint64 T0 = 1'800'000'000'000;

inline NodeUpdate node(const QString& id, const QString& region, const QString& pool, const QString& rack,
    qint64 ts = T0, const QString& vendor = QStringLiteral("huawei"), int accelerators = 8)
{
    const QString model = vendor == QLatin1String("huawei") ? QStringLiteral("Ascend 910B") : QStringLiteral("H800");
    return Test::FleetBuilder::node(id)
        .hostname(id)
        .region(region)
        .pool(pool)
        .rack(rack)
        .agentVersion(QStringLiteral("0.1.0-test"))
        .accelerators(accelerators, model, vendor)
        .at(ts);
}

inline Protocol::Event fault(qint64 id, const QString& nodeId, const QString& kind, int accelerator, qint64 ts,
    const QString& code = {}, Protocol::Severity severity = Protocol::Severity::Critical)
{
    Protocol::Event e;
    e.id = id;
    e.timestampMs = ts;
    e.kind = kind;
    e.severity = severity;
    e.nodeId = nodeId;
    e.accelerator = accelerator;
    e.code = code;
    e.message = kind + QStringLiteral(" test");
    return e;
}

inline Protocol::JobPlacement placement(const QString& job, QList<int> accelerators)
{
    Protocol::JobPlacement p;
    p.jobId = job;
    p.name = job + QStringLiteral("-name");
    p.state = QStringLiteral("running");
    p.accelerators = accelerators;
    p.lastCheckpointMs = T0 - 60000;
    return p;
}

inline Faults::FaultObservation observation(const QString& key, const QString& nodeId, const QString& rack,
    const QString& kind, int accelerator, qint64 openedMs, const QString& region = QStringLiteral("East"),
    const QString& pool = QStringLiteral("p1"))
{
    Faults::FaultObservation o;
    o.key = key;
    o.nodeId = nodeId;
    o.region = region;
    o.pool = pool;
    o.rack = rack;
    o.kind = kind;
    o.accelerator = accelerator;
    o.openedMs = openedMs;
    o.vendor = QStringLiteral("huawei");
    o.fault = Faults::FaultMap::builtIn().classify(o.vendor, kind, {}, Protocol::Severity::Critical);
    return o;
}

} // namespace Meridian::FaultFixture
