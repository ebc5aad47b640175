// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces every report shares: the scope's capacity series, coverage and gaps,
// time buckets for trends, the gaps table.

#include "core/cache/cachereader.h"
#include "core/reports/report.h"

#include <optional>

namespace Meridian::Reports {

inline constexpr qint64 MinuteMs = 60 * 1000;
inline constexpr qint64 HourMs = 60 * MinuteMs;
inline constexpr qint64 DayMs = 24 * HourMs;
// Rollups are per minute: a longer step between two points is missing data.
inline constexpr qint64 GapThresholdMs = 2 * MinuteMs;

// The scope's per-minute capacity (all models) from the rollups.
std::optional<CapacitySeries> scopeCapacity(
    const ReportParameters& p, const ReportContext& context, const QString& model = {});

// End of the scope's newest minute with data in the cache; 0: none. nullopt: cancelled.
std::optional<qint64> newestDataMs(const ReportParameters& p, const ReportContext& context);

// Where the series has data: [first minute, last minute + 1 min), and every stretch
// of the range without a minute (leading, inside, trailing).
void coverage(const CapacitySeries& series, qint64 fromMs, qint64 toMs, ReportData* data);

// Trend bucket for a range: an hour up to two days, else a day.
qint64 bucketFor(qint64 fromMs, qint64 toMs);
inline qint64 bucketStart(qint64 ms, qint64 fromMs, qint64 bucket)
{
    return fromMs + (ms - fromMs) / bucket * bucket;
}

ReportTable gapsTable(const QList<ReportGap>& gaps);
ReportTable parametersTable(const ReportData& data); ///< filled by writers after generate()

// Ratio or NaN (missing) when the denominator is zero: never a made-up 0 or 100 %.
inline double ratio(double part, double whole)
{
    return whole > 0 ? part / whole : Protocol::Missing;
}

} // namespace Meridian::Reports
