// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/faulttypes.h"

#include <QCoreApplication>

namespace Meridian::Faults {
namespace {

const char* const componentKeys[] = { "accelerator", "memory", "intra-node-link", "link", "node", "rack", "site-link" };
const char* const actionKeys[] = { "observe", "pre-isolate", "drain", "reset", "isolate" };

} // namespace

QString toKey(Component component)
{
    return QLatin1String(componentKeys[int(component)]);
}

QString toKey(Action action)
{
    return QLatin1String(actionKeys[int(action)]);
}

bool fromKey(const QString& key, Component* out)
{
    for (int i = 0; i < int(std::size(componentKeys)); ++i) {
        if (key == QLatin1String(componentKeys[i])) {
            *out = Component(i);
            return true;
        }
    }
    return false;
}

bool fromKey(const QString& key, Action* out)
{
    for (int i = 0; i < int(std::size(actionKeys)); ++i) {
        if (key == QLatin1String(actionKeys[i])) {
            *out = Action(i);
            return true;
        }
    }
    return false;
}

QString displayName(Component component)
{
    switch (component) {
    case Component::Accelerator:
        return QCoreApplication::translate("Meridian::Faults", "Accelerator");
    case Component::Memory:
        return QCoreApplication::translate("Meridian::Faults", "Memory");
    case Component::IntraNodeLink:
        return QCoreApplication::translate("Meridian::Faults", "Intra-node link");
    case Component::Link:
        return QCoreApplication::translate("Meridian::Faults", "NIC / link");
    case Component::Node:
        return QCoreApplication::translate("Meridian::Faults", "Node");
    case Component::Rack:
        return QCoreApplication::translate("Meridian::Faults", "Rack");
    case Component::SiteLink:
        return QCoreApplication::translate("Meridian::Faults", "Site link");
    }
    return {};
}

QString displayName(Action action)
{
    switch (action) {
    case Action::Observe:
        return QCoreApplication::translate("Meridian::Faults", "Observe");
    case Action::PreIsolate:
        return QCoreApplication::translate("Meridian::Faults", "Pre-isolate");
    case Action::Drain:
        return QCoreApplication::translate("Meridian::Faults", "Drain");
    case Action::Reset:
        return QCoreApplication::translate("Meridian::Faults", "Reset");
    case Action::Isolate:
        return QCoreApplication::translate("Meridian::Faults", "Isolate / service");
    }
    return {};
}

QString toKey(IncidentState state)
{
    switch (state) {
    case IncidentState::Open:
        return QStringLiteral("open");
    case IncidentState::Acknowledged:
        return QStringLiteral("acknowledged");
    case IncidentState::Recovering:
        return QStringLiteral("recovering");
    case IncidentState::Resolved:
        return QStringLiteral("resolved");
    }
    return {};
}

QString displayName(IncidentState state)
{
    switch (state) {
    case IncidentState::Open:
        return QCoreApplication::translate("Meridian::Faults", "Open");
    case IncidentState::Acknowledged:
        return QCoreApplication::translate("Meridian::Faults", "Acknowledged");
    case IncidentState::Recovering:
        return QCoreApplication::translate("Meridian::Faults", "Recovering");
    case IncidentState::Resolved:
        return QCoreApplication::translate("Meridian::Faults", "Resolved");
    }
    return {};
}

QString displayName(IncidentScope scope)
{
    switch (scope) {
    case IncidentScope::Accelerator:
        return QCoreApplication::translate("Meridian::Faults", "Accelerator");
    case IncidentScope::Node:
        return QCoreApplication::translate("Meridian::Faults", "Node");
    case IncidentScope::Rack:
        return QCoreApplication::translate("Meridian::Faults", "Rack");
    case IncidentScope::Region:
        return QCoreApplication::translate("Meridian::Faults", "Power domain");
    case IncidentScope::SiteLink:
        return QCoreApplication::translate("Meridian::Faults", "Site link");
    case IncidentScope::Site:
        return QCoreApplication::translate("Meridian::Faults", "Site");
    }
    return {};
}

} // namespace Meridian::Faults
