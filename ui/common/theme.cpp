// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/theme.h"

#include <QPalette>

namespace Meridian::Theme {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor color(State state, const QPalette& palette)
{
    // Okabe & Ito (2008); on dark windows the same hues, lighter. Down and critical use a deeper vermillion
    // than the set's #D55E00 so that, seen without red-green, they stay darker than orange.
    const bool dark = isDark(palette);
    switch (state) {
    case State::Ok:
    case State::Resolved:
        return dark ? QColor(0x3c, 0xc8, 0x9c) : QColor(0x00, 0x9e, 0x73);
    case State::Degraded:
    case State::Warning:
        return dark ? QColor(0xf5, 0xc5, 0x42) : QColor(0xe6, 0x9f, 0x00);
    case State::Down:
    case State::Critical:
        return dark ? QColor(0xff, 0x57, 0x22) : QColor(0xb8, 0x3a, 0x00);
    case State::Info:
        return dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2);
    case State::Unknown:
        break;
    }
    // Unknown: a grey lighter (darker on dark windows) than bluish green looks to a deuteranope.
    return dark ? QColor(0x70, 0x70, 0x70) : QColor(0xb0, 0xb0, 0xb0);
}

State state(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Up:
        return State::Ok;
    case AgentStatus::Stale:
        return State::Degraded;
    case AgentStatus::Unreachable:
    case AgentStatus::Unauthorized:
    case AgentStatus::BadPayload:
        return State::Down;
    case AgentStatus::Unknown:
        break;
    }
    return State::Unknown;
}

State state(NodeState nodeState)
{
    switch (nodeState) {
    case NodeState::Up:
        return State::Ok;
    case NodeState::Degraded:
    case NodeState::Draining:
        return State::Degraded;
    case NodeState::Down:
        return State::Down;
    }
    return State::Unknown;
}

State state(Protocol::AcceleratorHealth health)
{
    switch (health) {
    case AcceleratorHealth::Healthy:
        return State::Ok;
    case AcceleratorHealth::Warning:
        return State::Degraded;
    case AcceleratorHealth::Faulty:
        return State::Down;
    case AcceleratorHealth::Unknown:
        break;
    }
    return State::Unknown;
}

State state(Protocol::Severity severity, bool resolved)
{
    if (resolved)
        return State::Resolved;
    switch (severity) {
    case Protocol::Severity::Critical:
        return State::Critical;
    case Protocol::Severity::Warning:
        return State::Warning;
    case Protocol::Severity::Info:
        break;
    }
    return State::Info;
}

QColor color(Tone tone, const QPalette& palette)
{
    switch (tone) {
    case Tone::Good:
        return color(State::Ok, palette);
    case Tone::Warning:
        return color(State::Warning, palette);
    case Tone::Bad:
        return color(State::Critical, palette);
    case Tone::Info:
        return color(State::Info, palette);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

Tone tone(AgentStatus status)
{
    switch (state(status)) {
    case State::Ok:
        return Tone::Good;
    case State::Degraded:
        return Tone::Warning;
    case State::Down:
        return Tone::Bad;
    default:
        break;
    }
    return Tone::Neutral;
}

QColor allocatedColor(const QPalette& palette)
{
    return color(Tone::Info, palette);
}

QColor freeColor(const QPalette& palette)
{
    return color(Tone::Good, palette);
}

QColor faultyColor(const QPalette& palette)
{
    return color(Tone::Bad, palette);
}

QColor totalColor(const QPalette& palette)
{
    return palette.color(QPalette::WindowText);
}

QColor cardBackground(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor window = palette.color(QPalette::Window);
    return QColor((base.red() * 3 + window.red()) / 4, (base.green() * 3 + window.green()) / 4,
        (base.blue() * 3 + window.blue()) / 4);
}

QColor cardBorder(const QPalette& palette, bool selected)
{
    if (selected)
        return palette.color(QPalette::Highlight);
    return palette.color(QPalette::Mid);
}

} // namespace Meridian::Theme
