// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/theme.h"

#include <QPalette>

namespace Meridian::Theme {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor color(Tone tone, const QPalette& palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x5c, 0xc8, 0x7a) : QColor(0x1e, 0x85, 0x3c);
    case Tone::Warning:
        return dark ? QColor(0xf0, 0xb4, 0x40) : QColor(0xb3, 0x6b, 0x00);
    case Tone::Bad:
        return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    case Tone::Info:
        return dark ? QColor(0x6c, 0xb4, 0xff) : QColor(0x1d, 0x63, 0xb8);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

Tone tone(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Up:
        return Tone::Good;
    case AgentStatus::Stale:
        return Tone::Warning;
    case AgentStatus::Unreachable:
    case AgentStatus::Unauthorized:
    case AgentStatus::BadPayload:
        return Tone::Bad;
    case AgentStatus::Unknown:
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
