// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleettypes.h"

#include "fleetchangeset.h"
#include "sourceupdate.h"

namespace Meridian {

QString toString(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Unknown:
        return QStringLiteral("unknown");
    case AgentStatus::Up:
        return QStringLiteral("up");
    case AgentStatus::Stale:
        return QStringLiteral("stale");
    case AgentStatus::Unreachable:
        return QStringLiteral("unreachable");
    case AgentStatus::Unauthorized:
        return QStringLiteral("unauthorized");
    case AgentStatus::BadPayload:
        return QStringLiteral("bad-payload");
    }
    return {};
}

CapacityClass classify(const Protocol::AcceleratorSample& sample, NodeState nodeState)
{
    if (sample.health == AcceleratorHealth::Faulty || nodeState == NodeState::Down)
        return CapacityClass::Faulty;
    if (!sample.jobId.isEmpty())
        return CapacityClass::Allocated;
    return CapacityClass::Free;
}

void registerCoreMetaTypes()
{
    qRegisterMetaType<Meridian::SourceUpdate>();
    qRegisterMetaType<Meridian::FleetChangeSet>();
    qRegisterMetaType<Meridian::CapacitySeries>();
    qRegisterMetaType<QList<Meridian::FleetNode>>();
    qRegisterMetaType<QList<Meridian::Protocol::JobRecord>>();
}

} // namespace Meridian
