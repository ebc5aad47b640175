// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QColor>

class QPalette;

namespace Meridian::Theme {

// The states the console shows by colour, always together with a shape (ui/common/stateicon.h) and a
// word: health of a node, agent, site or chip, and the severity of an event or incident. One palette,
// Okabe and Ito's colour-blind-safe set (docs/ui-style.md): ok bluish green, degraded orange, down deep
// vermillion, unknown grey; info blue, warning orange, critical deep vermillion, resolved bluish green
// (never red). Orange and vermillion stay apart for deuteranopes by lightness; the shape tells them apart
// for everyone.
enum class State : quint8 { Ok, Degraded, Down, Unknown, Info, Warning, Critical, Resolved };
inline constexpr State HealthStates[] = { State::Ok, State::Degraded, State::Down, State::Unknown };
inline constexpr State SeverityStates[] = { State::Info, State::Warning, State::Critical, State::Resolved };

QColor color(State state, const QPalette& palette);
State state(AgentStatus status);
State state(NodeState nodeState);
State state(Protocol::AcceleratorHealth health);
State state(Protocol::Severity severity, bool resolved);

// Semantic tones of text and series; each is the colour of one state.
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
