// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/latencyreport.h"

#include "core/latency/latencymatrix.h"
#include "core/reports/reportsupport.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <limits>
#include <utility>

namespace Meridian::Reports {

namespace {

constexpr qint64 MaxViolationRows = 5000; ///< the list stays printable; the counts stay exact

bool hasData(const PairPoint& p)
{
    return !std::isnan(p.p50Ms) || !std::isnan(p.loss);
}

// Nearest rank: the smallest value with at least q of the values at or below it. NaN when empty.
double percentile(QList<double> values, double q)
{
    if (values.isEmpty())
        return Protocol::Missing;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(q * double(values.size()))));
    return values[std::min(rank, values.size()) - 1];
}

struct Run
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    double worstP50 = Protocol::Missing;
    double worstLoss = Protocol::Missing;
};

struct Day
{
    QList<double> p50, p99; ///< emptied once the day's percentiles are taken
    double p50Ms = Protocol::Missing, p99Ms = Protocol::Missing;
    int minutes = 0;
    int violating = 0;
};

// Everything the report says about one ordered site pair over the range.
struct PairResult
{
    QString from, to;
    PairClass pairClass = PairClass::CrossRegion;
    int minutes = 0; ///< minutes with probes
    int within = 0;
    int violating = 0;
    double p50Ms = Protocol::Missing, p99Ms = Protocol::Missing; ///< over the range
    double lossSum = 0;
    int lossCount = 0;
    QList<Run> runs;
    QMap<qint64, Day> days;
    QList<ReportGap> gaps;
};

// Per chart bucket: minutes within target, minutes probed (all pairs).
using Buckets = QMap<qint64, std::pair<double, double>>;

double maxOf(double a, double b)
{
    return std::isnan(a) ? b : (std::isnan(b) ? a : std::max(a, b));
}

// One pair's minutes in [fromMs, toMs); adds them to the chart's buckets and the report's minutes.
// Only the results are kept: 30 days of a hundred pairs stay small.
PairResult evaluate(const QList<PairPoint>& points, const LatencyTarget& target, qint64 fromMs, qint64 toMs,
    qint64 bucket, Buckets* buckets, QSet<qint64>* anyMinute)
{
    PairResult r;
    QList<double> p50, p99;
    CapacitySeries minutes; // the pair's minutes with probes, for coverage() and its gaps
    qint64 previous = std::numeric_limits<qint64>::min();
    bool inRun = false;
    for (const PairPoint& p : points) {
        const qint64 t = p.timestampMs / MinuteMs * MinuteMs;
        if (t < fromMs || t >= toMs || t == previous || !hasData(p))
            continue;
        const bool contiguous = previous != std::numeric_limits<qint64>::min() && t - previous == MinuteMs;
        previous = t;
        minutes.points.append(CapacityPoint { t, 0, 0, 0, 0 });
        ++r.minutes;
        const bool bad = violates(p, target);
        auto& b = (*buckets)[bucketStart(t, fromMs, bucket)];
        b.first += bad ? 0 : 1;
        b.second += 1;
        anyMinute->insert(t);
        Day& day = r.days[t / DayMs * DayMs];
        ++day.minutes;
        if (!std::isnan(p.p50Ms)) {
            p50.append(p.p50Ms);
            day.p50.append(p.p50Ms);
        }
        if (!std::isnan(p.p99Ms)) {
            p99.append(p.p99Ms);
            day.p99.append(p.p99Ms);
        }
        if (!std::isnan(p.loss)) {
            r.lossSum += p.loss;
            ++r.lossCount;
        }
        if (!bad) {
            ++r.within;
            inRun = false;
            continue;
        }
        ++r.violating;
        ++day.violating;
        // A violation is a run of violating minutes; a minute without probes ends it.
        if (!inRun || !contiguous)
            r.runs.append({ t, t, Protocol::Missing, Protocol::Missing });
        inRun = true;
        Run& run = r.runs.last();
        run.toMs = t + MinuteMs;
        run.worstP50 = maxOf(run.worstP50, p.p50Ms);
        run.worstLoss = maxOf(run.worstLoss, p.loss);
    }
    r.p50Ms = percentile(std::move(p50), 0.5);
    r.p99Ms = percentile(std::move(p99), 0.99);
    for (Day& day : r.days) {
        day.p50Ms = percentile(std::exchange(day.p50, {}), 0.5);
        day.p99Ms = percentile(std::exchange(day.p99, {}), 0.99);
    }
    ReportData scratch;
    coverage(minutes, fromMs, toMs, &scratch);
    r.gaps = scratch.gaps;
    return r;
}

QVariant percentOf(double fraction)
{
    return std::isnan(fraction) ? QVariant() : QVariant(fraction * 100);
}

// The sites of the scope's nodes (inventory labels, as the Latency page sees them).
QSet<QString> scopeSites(const CacheReader::State& state, const LatencyTopology& topo, const ReportScope& scope)
{
    QSet<QString> sites;
    for (const FleetNode& n : state.nodes) {
        if (!n.inventory.nodeId.isEmpty() && scope.contains(n.inventory.region, n.inventory.pool)) {
            const int node = topo.nodeIndex.value(n.inventory.nodeId, -1);
            if (node >= 0)
                sites.insert(topo.id(LatencyLevel::Site, topo.siteOf(LatencyLevel::Node, node)));
        }
    }
    return sites;
}

// Every ordered pair of sites touching the scope.
QList<std::pair<int, int>> candidatePairs(const LatencyTopology& topo, const QSet<QString>& scopeSites)
{
    QList<std::pair<int, int>> candidates;
    for (int a = 0; a < topo.sites.size(); ++a) {
        for (int b = 0; b < topo.sites.size(); ++b) {
            if (a != b && (scopeSites.contains(topo.sites[a].id) || scopeSites.contains(topo.sites[b].id)))
                candidates.append({ a, b });
        }
    }
    return candidates;
}

// The pairs probed in the range, the chart's buckets and the minutes any pair was probed in.
struct PairResults
{
    QList<PairResult> pairs;
    Buckets perBucket; ///< within, probed
    QSet<qint64> anyMinute;
};

// One pair after the other (a pair never probed in the range is not listed). nullopt: cancelled.
std::optional<PairResults> evaluatePairs(const ReportParameters& p, const ReportContext& context,
    const LatencyTopology& topo, const QList<std::pair<int, int>>& candidates, const LatencyTargets& targets,
    qint64 bucket)
{
    PairResults results;
    for (qint64 b : bucketStarts(p.fromMs, p.toMs, bucket))
        results.perBucket.insert(b, { 0, 0 });
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const auto [a, b] = candidates[i];
        const auto points = context.wait(context.cache()->probeHistory(
            true, topo.sites[a].id, topo.sites[b].id, p.fromMs / MinuteMs * MinuteMs, p.toMs - 1));
        if (!points)
            return std::nullopt;
        context.progress(5 + int(85 * (i + 1) / candidates.size()));
        const PairClass c = topo.classify(LatencyLevel::Site, a, b);
        PairResult r
            = evaluate(*points, targets.target(c), p.fromMs, p.toMs, bucket, &results.perBucket, &results.anyMinute);
        if (r.minutes == 0)
            continue;
        r.from = topo.sites[a].id;
        r.to = topo.sites[b].id;
        r.pairClass = c;
        results.pairs.append(std::move(r));
    }
    return results;
}

// The minutes in which any pair in scope was probed, as a series coverage() reads.
CapacitySeries minuteSeries(const QSet<qint64>& anyMinute)
{
    CapacitySeries series;
    QList<qint64> minutes = anyMinute.values();
    std::sort(minutes.begin(), minutes.end());
    for (qint64 t : std::as_const(minutes))
        series.points.append(CapacityPoint { t, 0, 0, 0, 0 });
    return series;
}

qint64 longestRunMs(const PairResult& r)
{
    qint64 longest = 0;
    for (const Run& run : r.runs)
        longest = std::max(longest, run.toMs - run.fromMs);
    return longest;
}

ReportTable pairsTable(const QList<PairResult>& pairs, double rangeMinutes)
{
    ReportTable t
        = table(QStringLiteral("latency_pairs"), QT_TRANSLATE_NOOP("Meridian::Reports", "Latency by site pair"),
            { col(QT_TRANSLATE_NOOP("Meridian::Reports", "From site")),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "To site")),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pair class")),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Within target"), ValueKind::Percent),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Violating"), ValueKind::Percent),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "No data"), ValueKind::Percent),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "p50 (ms)"), ValueKind::Number),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "p99 (ms)"), ValueKind::Number),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean loss"), ValueKind::Percent),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Violations"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Longest violation (min)"), ValueKind::Integer) });
    // The targets themselves are in latency_targets: here the text columns keep their width.
    for (const PairResult& r : pairs)
        t.rows.append({ r.from, r.to, pairClassKey(r.pairClass), r.within / rangeMinutes * 100,
            r.violating / rangeMinutes * 100, (rangeMinutes - r.minutes) / rangeMinutes * 100, r.p50Ms, r.p99Ms,
            percentOf(ratio(r.lossSum, r.lossCount)), qint64(r.runs.size()), longestRunMs(r) / MinuteMs });
    return t;
}

ReportTable dailyTable(const QList<PairResult>& pairs)
{
    ReportTable t = table(QStringLiteral("latency_daily"), QT_TRANSLATE_NOOP("Meridian::Reports", "Latency per day"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "From site")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "To site")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Day"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "p50 (ms)"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "p99 (ms)"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Minutes with data"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Violating minutes"), ValueKind::Integer) });
    for (const PairResult& r : pairs) {
        for (auto it = r.days.cbegin(); it != r.days.cend(); ++it)
            t.rows.append({ r.from, r.to, it.key(), it->p50Ms, it->p99Ms, qint64(it->minutes), qint64(it->violating) });
    }
    return t;
}

// Every violation of every pair by start time, up to MaxViolationRows.
ReportTable violationsTable(const QList<PairResult>& pairs)
{
    ReportTable t = table(QStringLiteral("latency_violations"), QT_TRANSLATE_NOOP("Meridian::Reports", "Violations"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "From site")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "To site")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "From"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "To"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Minutes"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Worst p50 (ms)"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Worst loss"), ValueKind::Percent) });
    QList<std::tuple<qint64, QString, QString, Run>> allRuns;
    for (const PairResult& r : pairs) {
        for (const Run& run : r.runs)
            allRuns.append({ run.fromMs, r.from, r.to, run });
    }
    std::sort(allRuns.begin(), allRuns.end(), [](const auto& x, const auto& y) {
        return std::tie(std::get<0>(x), std::get<1>(x), std::get<2>(x))
            < std::tie(std::get<0>(y), std::get<1>(y), std::get<2>(y));
    });
    for (qsizetype i = 0; i < std::min<qsizetype>(allRuns.size(), MaxViolationRows); ++i) {
        const auto& [start, from, to, run] = allRuns[i];
        t.rows.append({ from, to, run.fromMs, run.toMs, (run.toMs - run.fromMs) / MinuteMs,
            std::isnan(run.worstP50) ? QVariant() : QVariant(run.worstP50), percentOf(run.worstLoss) });
    }
    return t;
}

ReportTable pairGapsTable(const QList<PairResult>& pairs)
{
    ReportTable t = table(QStringLiteral("latency_pair_gaps"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Site pairs without probes"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "From site")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "To site")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "From"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "To"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Duration (h)"), ValueKind::Hours) });
    for (const PairResult& r : pairs) {
        for (const ReportGap& g : r.gaps)
            t.rows.append({ r.from, r.to, g.fromMs, g.toMs, double(g.toMs - g.fromMs) / HourMs });
    }
    return t;
}

ReportTable targetsTable(const LatencyTargets& targets)
{
    ReportTable t = table(QStringLiteral("latency_targets"), QT_TRANSLATE_NOOP("Meridian::Reports", "Latency targets"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pair class")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Target p50 (ms)"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Target loss"), ValueKind::Percent) });
    for (int c = 0; c < PairClassCount; ++c) {
        const LatencyTarget& target = targets.target(PairClass(c));
        t.rows.append({ pairClassKey(PairClass(c)), std::isnan(target.p50Ms) ? QVariant() : QVariant(target.p50Ms),
            percentOf(target.loss) });
    }
    return t;
}

// Share of the probed pair-minutes within target per hour or day (NaN: nothing probed).
ReportChart withinTargetChart(const Buckets& perBucket, qint64 bucket)
{
    ReportChart chart;
    chart.id = QStringLiteral("latency_within_target");
    chart.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Share of probed minutes within target");
    chart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Within target (%)");
    ReportLine line;
    line.name = QT_TRANSLATE_NOOP("Meridian::Reports", "All site pairs in scope");
    for (auto it = perBucket.cbegin(); it != perBucket.cend(); ++it)
        line.points.append({ it.key() + bucket / 2, ratio(it->first, it->second) * 100 });
    chart.lines.append(line);
    return chart;
}

QList<ReportFigure> keyFigures(const QList<PairResult>& pairs, double rangeMinutes)
{
    double withinSum = 0, violatingSum = 0;
    qint64 runCount = 0, longestMs = 0;
    int pairsViolating = 0, pairsWithGaps = 0;
    for (const PairResult& r : pairs) {
        withinSum += r.within;
        violatingSum += r.violating;
        runCount += r.runs.size();
        longestMs = std::max(longestMs, longestRunMs(r));
        pairsViolating += r.runs.isEmpty() ? 0 : 1;
        pairsWithGaps += r.gaps.isEmpty() ? 0 : 1;
    }
    const double pairMinutes = rangeMinutes * double(pairs.size());
    return {
        { QStringLiteral("pairs"), QT_TRANSLATE_NOOP("Meridian::Reports", "Site pairs probed"), qint64(pairs.size()),
            ValueKind::Integer },
        { QStringLiteral("within_target"), QT_TRANSLATE_NOOP("Meridian::Reports", "Within target"),
            ratio(withinSum, pairMinutes) * 100, ValueKind::Percent },
        { QStringLiteral("violating"), QT_TRANSLATE_NOOP("Meridian::Reports", "Violating"),
            ratio(violatingSum, pairMinutes) * 100, ValueKind::Percent },
        { QStringLiteral("no_data"), QT_TRANSLATE_NOOP("Meridian::Reports", "No probes"),
            ratio(pairMinutes - withinSum - violatingSum, pairMinutes) * 100, ValueKind::Percent },
        { QStringLiteral("violations"), QT_TRANSLATE_NOOP("Meridian::Reports", "Violations"), runCount,
            ValueKind::Integer },
        { QStringLiteral("longest_violation"), QT_TRANSLATE_NOOP("Meridian::Reports", "Longest violation (min)"),
            longestMs / MinuteMs, ValueKind::Integer },
        { QStringLiteral("pairs_violating"), QT_TRANSLATE_NOOP("Meridian::Reports", "Site pairs with violations"),
            qint64(pairsViolating), ValueKind::Integer },
        { QStringLiteral("pairs_with_gaps"), QT_TRANSLATE_NOOP("Meridian::Reports", "Site pairs with gaps"),
            qint64(pairsWithGaps), ValueKind::Integer },
    };
}

} // namespace

LatencyReport::LatencyReport()
    : m_targets(loadTargets())
{ }

LatencyTargets LatencyReport::loadTargets()
{
    // The same file the Latency page reads (docs/configuration.md): one set of targets.
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                             .filePath(QStringLiteral("latency-targets.json"));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString error;
    const LatencyTargets t = LatencyTargets::fromJson(f.read(64 * 1024 + 1), &error);
    return error.isEmpty() ? t : LatencyTargets();
}

const char* LatencyReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Latency between sites");
}

std::optional<ReportData> LatencyReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    // Not startRun(): the report's data are the minutes some pair was probed, not the scope's capacity.
    const auto state = context.wait(context.cache()->lastState());
    if (!state)
        return std::nullopt;
    QHash<QString, FleetNode> nodes;
    for (const FleetNode& n : state->nodes)
        nodes.insert(n.inventory.nodeId, n);
    const LatencyMatrix matrix = LatencyMatrix::build(nodes);
    const LatencyTopology& topo = matrix.topology();
    const QList<std::pair<int, int>> candidates = candidatePairs(topo, scopeSites(*state, topo, p.scope));
    context.progress(5);
    const qint64 bucket = bucketFor(p.fromMs, p.toMs);
    const auto results = evaluatePairs(p, context, topo, candidates, m_targets, bucket);
    if (!results)
        return std::nullopt;

    ReportData data;
    coverage(minuteSeries(results->anyMinute), p.fromMs, p.toMs, &data);
    if (data.isEmpty())
        return data;
    const double rangeMinutes = double(p.toMs - p.fromMs) / MinuteMs;
    const QList<PairResult>& pairs = results->pairs;
    data.figures = keyFigures(pairs, rangeMinutes);
    data.charts.append(withinTargetChart(results->perBucket, bucket));
    data.tables = { pairsTable(pairs, rangeMinutes), dailyTable(pairs), violationsTable(pairs), pairGapsTable(pairs),
        targetsTable(m_targets), gapsTable(data.gaps) };
    return data;
}

} // namespace Meridian::Reports
