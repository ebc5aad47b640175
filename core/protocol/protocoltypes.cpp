// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/protocoltypes.h"

#include <array>
#include <utility>

namespace Meridian::Protocol {
namespace {

template <typename Enum, std::size_t N>
bool lookup(const std::array<std::pair<Enum, const char16_t*>, N>& table, const QString& text, Enum* out)
{
    for (const auto& [value, name] : table) {
        if (text == QStringView(name)) {
            *out = value;
            return true;
        }
    }
    return false;
}

template <typename Enum, std::size_t N>
QString name(const std::array<std::pair<Enum, const char16_t*>, N>& table, Enum value)
{
    for (const auto& [v, n] : table) {
        if (v == value)
            return QString::fromUtf16(n);
    }
    return {};
}

constexpr std::array<std::pair<AcceleratorHealth, const char16_t*>, 4> HealthNames { {
    { AcceleratorHealth::Unknown, u"unknown" },
    { AcceleratorHealth::Healthy, u"ok" },
    { AcceleratorHealth::Warning, u"warning" },
    { AcceleratorHealth::Faulty, u"faulty" },
} };

constexpr std::array<std::pair<NodeState, const char16_t*>, 4> StateNames { {
    { NodeState::Up, u"up" },
    { NodeState::Degraded, u"degraded" },
    { NodeState::Down, u"down" },
    { NodeState::Draining, u"draining" },
} };

constexpr std::array<std::pair<Severity, const char16_t*>, 3> SeverityNames { {
    { Severity::Info, u"info" },
    { Severity::Warning, u"warning" },
    { Severity::Critical, u"critical" },
} };

} // namespace

QString toString(AcceleratorHealth health)
{
    return name(HealthNames, health);
}
QString toString(NodeState state)
{
    return name(StateNames, state);
}
QString toString(Severity severity)
{
    return name(SeverityNames, severity);
}
bool fromString(const QString& text, AcceleratorHealth* out)
{
    return lookup(HealthNames, text, out);
}
bool fromString(const QString& text, NodeState* out)
{
    return lookup(StateNames, text, out);
}
bool fromString(const QString& text, Severity* out)
{
    return lookup(SeverityNames, text, out);
}

} // namespace Meridian::Protocol
