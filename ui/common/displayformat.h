// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QString>

#include <optional>

namespace Meridian::Format {

// What the console shows for a value nobody reported (never "0").
QString missing();

// A count with the locale's thousands separators, or missing() when unknown.
QString count(std::optional<qint64> value);
inline QString count(qint64 value)
{
    return count(std::optional<qint64>(value));
}

// "3 s", "4 min", "2 h 5 min", "3 d": an age or duration in ms, translated.
QString duration(qint64 ms);

// Clock time of an agent timestamp in the local zone; adds the date when not today.
QString timestamp(qint64 msSinceEpoch);

// A latency in milliseconds ("2.31", "12.4": two decimals below 10 ms), or missing() when NaN (not measured).
QString milliseconds(double ms);

// A share of one as a percentage with one decimal ("0.5%"), or missing() when NaN.
QString percentOfOne(double share);

// Translated name of an agent status ("up", "unreachable", …).
QString agentStatus(AgentStatus status);

} // namespace Meridian::Format
