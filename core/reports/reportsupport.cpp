// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportsupport.h"

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <tuple>

namespace Meridian::Reports {

std::optional<CapacitySeries> scopeCapacity(
    const ReportParameters& p, const ReportContext& context, const QString& model)
{
    CacheReader* cache = context.cache();
    switch (p.scope.kind) {
    case ScopeKind::Fleet:
        return context.wait(cache->capacityHistory(p.fromMs, p.toMs - 1, {}, model));
    case ScopeKind::Region:
        return context.wait(cache->capacityHistory(p.fromMs, p.toMs - 1, p.scope.region, model));
    case ScopeKind::Pool:
        return context.wait(cache->poolCapacityHistory(p.fromMs, p.toMs - 1, p.scope.region, p.scope.pool, model));
    }
    return std::nullopt;
}

std::optional<qint64> newestDataMs(const ReportParameters& p, const ReportContext& context)
{
    // The whole retained history (retention keeps it to ~30 days of minutes): the cache
    // may be old, and agent clocks may run ahead of ours.
    ReportParameters wide = p;
    wide.fromMs = 0;
    wide.toMs = std::numeric_limits<qint64>::max() / 2;
    const auto series = scopeCapacity(wide, context);
    if (!series)
        return std::nullopt;
    return series->points.isEmpty() ? 0 : series->points.last().timestampMs + MinuteMs;
}

void coverage(const CapacitySeries& series, qint64 fromMs, qint64 toMs, ReportData* data)
{
    data->gaps.clear();
    if (series.points.isEmpty()) {
        data->coveredFromMs = data->coveredToMs = 0;
        data->gaps.append({ fromMs, toMs });
        return;
    }
    data->coveredFromMs = series.points.first().timestampMs;
    data->coveredToMs = std::min(toMs, series.points.last().timestampMs + MinuteMs);
    if (data->coveredFromMs - fromMs >= GapThresholdMs)
        data->gaps.append({ fromMs, data->coveredFromMs });
    for (qsizetype i = 1; i < series.points.size(); ++i) {
        const qint64 prev = series.points[i - 1].timestampMs;
        const qint64 next = series.points[i].timestampMs;
        if (next - prev >= GapThresholdMs)
            data->gaps.append({ prev + MinuteMs, next });
    }
    if (toMs - data->coveredToMs >= GapThresholdMs)
        data->gaps.append({ data->coveredToMs, toMs });
}

qint64 bucketFor(qint64 fromMs, qint64 toMs)
{
    return toMs - fromMs <= 2 * DayMs ? HourMs : DayMs;
}

QList<qint64> bucketStarts(qint64 fromMs, qint64 toMs, qint64 bucket)
{
    QList<qint64> starts;
    for (qint64 b = bucketStart(fromMs, fromMs, bucket); b < toMs; b += bucket)
        starts.append(b);
    return starts;
}

std::optional<ReportRun> startRun(const ReportParameters& p, const ReportContext& context, RunProgress progress)
{
    auto scope = scopeCapacity(p, context);
    if (!scope)
        return std::nullopt;
    ReportRun run { p, context, {}, std::move(*scope), {}, bucketFor(p.fromMs, p.toMs) };
    coverage(run.scope, p.fromMs, p.toMs, &run.data);
    context.progress(progress.coverage);
    if (run.data.isEmpty())
        return run;
    auto state = context.wait(context.cache()->lastState());
    if (!state)
        return std::nullopt;
    run.state = std::move(*state);
    context.progress(progress.state);
    return run;
}

ReportTable table(const QString& id, const char* title, QList<ReportColumn> columns)
{
    ReportTable t;
    t.id = id;
    t.title = title;
    t.columns = std::move(columns);
    return t;
}

void sortLongestFirst(QList<JobRun>* runs)
{
    std::sort(runs->begin(), runs->end(), [](const JobRun& a, const JobRun& b) {
        return std::tie(b.durationMs, a.job->jobId, a.segment.startMs)
            < std::tie(a.durationMs, b.job->jobId, b.segment.startMs);
    });
}

ReportTable gapsTable(const QList<ReportGap>& gaps)
{
    ReportTable t = table(QStringLiteral("gaps"), QT_TRANSLATE_NOOP("Meridian::Reports", "Gaps in the data"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "From"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "To"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Duration (h)"), ValueKind::Hours) });
    for (const ReportGap& g : gaps)
        t.rows.append({ g.fromMs, g.toMs, double(g.toMs - g.fromMs) / HourMs });
    return t;
}

ReportTable parametersTable(const ReportData& data)
{
    auto iso
        = [](qint64 ms) { return ms ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString(); };
    ReportTable t = table(QStringLiteral("report"), QT_TRANSLATE_NOOP("Meridian::Reports", "Report parameters"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Key")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Value")) });
    // Keys are machine-readable and stay English: scripts read this table.
    const QList<std::pair<const char*, QString>> rows = {
        { "type", data.parameters.type },
        { "scope", data.parameters.scope.toString() },
        { "range_from", iso(data.parameters.fromMs) },
        { "range_to", iso(data.parameters.toMs) },
        { "data_from", iso(data.coveredFromMs) },
        { "data_to", iso(data.coveredToMs) },
        { "gaps", QString::number(data.gaps.size()) },
        { "language", data.parameters.language },
        { "console_version", data.consoleVersion },
        { "generated_at", iso(data.generatedAtMs) },
    };
    for (const auto& [key, value] : rows)
        t.rows.append({ QString::fromLatin1(key), value });
    return t;
}

} // namespace Meridian::Reports
