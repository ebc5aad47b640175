// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Units shared by every layer, defined once: a file that defines its own copy collides with another file's in a
// unity build (CMAKE_UNITY_BUILD, docs/architecture.md, Build time) and invites two slightly different values.
namespace Meridian::Units {

inline constexpr double MiB = 1024.0 * 1024.0;
inline constexpr double GiB = 1024.0 * MiB;

inline constexpr qint64 SecondMs = 1000;
inline constexpr qint64 MinuteMs = 60 * SecondMs;
inline constexpr qint64 HourMs = 60 * MinuteMs;
inline constexpr qint64 DayMs = 24 * HourMs;

} // namespace Meridian::Units
