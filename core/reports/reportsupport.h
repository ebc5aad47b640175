// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pieces every report shares: the inputs a run reads first (the scope's capacity
// series, coverage and gaps, the cache's state), time buckets for trends, the
// table and column builders, the gaps table.

#include "core/cache/cachereader.h"
#include "core/reports/report.h"
#include "core/util/units.h"

#include <optional>

namespace Meridian::Reports {

using Units::DayMs;
using Units::HourMs;
using Units::MinuteMs;
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

// Every trend bucket of [fromMs, toMs), in order.
QList<qint64> bucketStarts(qint64 fromMs, qint64 toMs, qint64 bucket);

// One report run over the scope: what every report reads first, read once.
struct ReportRun
{
    const ReportParameters& p;
    const ReportContext& context;
    ReportData data; ///< coverage and gaps of the range; the report adds figures, tables and charts
    CapacitySeries scope; ///< the scope's per-minute capacity (all models)
    CacheReader::State state; ///< the cache's newest state; not read when data.isEmpty()
    qint64 bucket = 0; ///< trend bucket of the range

    bool inScope(const QString& region, const QString& pool) const { return p.scope.contains(region, pool); }
    bool inScope(const FleetNode& n) const { return inScope(n.inventory.region, n.inventory.pool); }
    QList<qint64> buckets() const { return bucketStarts(p.fromMs, p.toMs, bucket); }
};

// Progress reported once the coverage, then the state are read: each report spreads its own steps.
struct RunProgress
{
    int coverage = 0;
    int state = 0;
};

// The scope's capacity and coverage, then (when the range has data) the cache's state.
// nullopt: cancelled. A run whose data isEmpty() is the whole (empty) report.
std::optional<ReportRun> startRun(const ReportParameters& p, const ReportContext& context, RunProgress progress);

inline ReportColumn col(const char* title, ValueKind kind = ValueKind::Text)
{
    return { title, kind };
}
// An empty table: its file/sheet id, untranslated title and columns.
ReportTable table(const QString& id, const char* title, QList<ReportColumn> columns);

// One uninterrupted run of a job (one of its segments), for the longest-runs tables.
struct JobRun
{
    const Protocol::JobRecord* job = nullptr;
    Protocol::JobSegment segment;
    qint64 durationMs = 0;
};
// Longest first, then by job id and start: the same order every run.
void sortLongestFirst(QList<JobRun>* runs);
// The longest run in hours; missing when there is none.
inline QVariant longestRunHours(const QList<JobRun>& sorted)
{
    return sorted.isEmpty() ? QVariant() : QVariant(double(sorted.first().durationMs) / HourMs);
}

ReportTable gapsTable(const QList<ReportGap>& gaps);
ReportTable parametersTable(const ReportData& data); ///< filled by writers after generate()

// Ratio or NaN (missing) when the denominator is zero: never a made-up 0 or 100 %.
inline double ratio(double part, double whole)
{
    return whole > 0 ? part / whole : Protocol::Missing;
}

} // namespace Meridian::Reports
