// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/fleettypes.h"

#include "core/model/fleetchangeset.h"
#include "core/model/sourceupdate.h"

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

NodeCapacity capacityByModel(const FleetNode& node)
{
    NodeCapacity models;
    const bool snapshot = node.snapshot.sample.seq > 0;
    const NodeState state = node.snapshot.sample.state;
    const auto& samples = node.snapshot.sample.accelerators;
    auto entry = [&models](const QString& model, const QString& vendor) -> ModelCapacity& {
        for (ModelCapacity& m : models) {
            if (m.model == model)
                return m;
        }
        models.append(ModelCapacity { model, vendor });
        return models.last();
    };
    auto count = [snapshot, state](ModelCapacity& m, const Protocol::AcceleratorSample* sample) {
        ++m.total;
        if (!sample) {
            // Same rule as the store: only a node known to be down says anything about a chip without a sample.
            if (snapshot && state == NodeState::Down)
                ++m.faulty;
            else
                ++m.unknown;
            return;
        }
        switch (classify(*sample, state)) {
        case CapacityClass::Free:
            ++m.free;
            break;
        case CapacityClass::Allocated:
            ++m.allocated;
            break;
        case CapacityClass::Faulty:
            ++m.faulty;
            break;
        }
    };
    const auto& inventory = node.inventory.accelerators;
    if (inventory.isEmpty()) {
        for (const auto& s : samples)
            count(entry(QString(), QString()), &s);
        return models;
    }
    for (qsizetype i = 0; i < inventory.size(); ++i) {
        const Protocol::AcceleratorInfo& info = inventory.at(i);
        const Protocol::AcceleratorSample* sample = nullptr;
        if (i < samples.size() && samples.at(i).index == info.index) {
            sample = &samples.at(i);
        } else {
            for (const auto& s : samples) {
                if (s.index == info.index) {
                    sample = &s;
                    break;
                }
            }
        }
        count(entry(info.model, info.vendor), sample);
    }
    return models;
}

} // namespace Meridian
