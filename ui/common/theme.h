// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QColor>

class QPalette;

namespace Meridian::Theme {

// Semantic tones; the concrete colour depends on whether the palette is dark.
enum class Tone { Neutral, Good, Warning, Bad, Info };

QColor color(Tone tone, const QPalette& palette);
Tone tone(AgentStatus status);
bool isDark(const QPalette& palette);

// Series colours of the capacity plot, readable on light and dark backgrounds.
QColor allocatedColor(const QPalette& palette);
QColor freeColor(const QPalette& palette);
QColor faultyColor(const QPalette& palette);
QColor totalColor(const QPalette& palette);

// A card's background: the base colour nudged towards the window colour.
QColor cardBackground(const QPalette& palette);
QColor cardBorder(const QPalette& palette, bool selected);

// Spacing used by every page, so that cards, bars and tables line up.
inline constexpr int Spacing = 8;
inline constexpr int Margin = 12;

} // namespace Meridian::Theme
