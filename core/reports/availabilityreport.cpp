// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/availabilityreport.h"

#include "core/model/installedcapacity.h"
#include "core/reports/faultspans.h"
#include "core/reports/reportsupport.h"

#include <QMap>

namespace Meridian::Reports {

namespace {

using PoolKey = std::pair<QString, QString>;

struct PoolFigures
{
    int nodes = 0;
    qint64 downMs = 0; ///< node-down time inside minutes with data
    int chips = 0; ///< installed accelerators (inventory)
    double chipMinutes = 0;
    double faultyChipMinutes = 0; ///< faulty, or not reported at all (its node down or silent)
    int opened = 0; ///< faults opened in the range
    int repaired = 0; ///< faults cleared in the range
    qint64 repairMsSum = 0;
    int interruptions = 0;
    int withinTarget = 0;
};

// The scope's pools and which pool each node is in (sorted: the same row order every run).
struct ScopePools
{
    QHash<QString, PoolKey> poolOfNode;
    QHash<QString, int> chipsOfNode; ///< installed, counted as the Overview counts them
    QMap<PoolKey, PoolFigures> pools;
};

// When a node was down (node-down faults) and how many chips that took away.
struct DownSpan
{
    qint64 fromMs = 0;
    qint64 toMs = 0; ///< an open fault: the end of the data
    int chips = 0;
};
using DownSpans = QMap<PoolKey, QList<DownSpan>>;

DownSpans downSpans(const ReportRun& run, const ScopePools& scope, const QList<FaultSpan>& spans)
{
    DownSpans out;
    for (const FaultSpan& f : spans) {
        const auto pool = scope.poolOfNode.constFind(f.nodeId);
        if (f.kind != QLatin1String("node-down") || pool == scope.poolOfNode.constEnd())
            continue;
        out[*pool].append(
            { f.openedMs, f.isClosed() ? f.clearedMs : run.data.coveredToMs, scope.chipsOfNode.value(f.nodeId) });
    }
    return out;
}

// Chips on nodes down during the minute [minuteMs, +1 min).
int downChipsAt(const QList<DownSpan>& spans, qint64 minuteMs)
{
    int chips = 0;
    for (const DownSpan& d : spans) {
        if (d.fromMs < minuteMs + MinuteMs && d.toMs > minuteMs)
            chips += d.chips;
    }
    return chips;
}

ScopePools scopePools(const ReportRun& run)
{
    ScopePools s;
    for (const FleetNode& n : run.state.nodes) {
        if (!run.inScope(n))
            continue;
        const PoolKey key { n.inventory.region, n.inventory.pool };
        s.poolOfNode.insert(n.inventory.nodeId, key);
        ++s.pools[key].nodes;
        int chips = 0;
        for (const ModelCapacity& m : capacityByModel(n))
            chips += m.total; // installed, counted as the Overview counts them
        s.chipsOfNode.insert(n.inventory.nodeId, chips);
        s.pools[key].chips += chips;
    }
    return s;
}

// Accelerator availability per pool: chip-minutes over the scope's minutes with data, each minute
// counted by countInstalled() against the pool's installed chips: a chip its pool's rollup lacks is
// unavailable when its node was down. A minute with a chip that is neither reported nor down (history
// still loading, a silent node) is not complete for the pool and not counted — never as a fault, and
// not as the down chips alone either. False: cancelled.
using ChipMinutesByBucket = QMap<qint64, std::pair<double, double>>; ///< bucket → known, unavailable chip-minutes

bool addChipMinutes(
    const ReportRun& run, const DownSpans& down, QMap<PoolKey, PoolFigures>* pools, ChipMinutesByBucket* byBucket)
{
    const ReportParameters& p = run.p;
    int done = 0;
    for (auto it = pools->begin(); it != pools->end(); ++it) {
        const auto s = run.context.wait(
            run.context.cache()->poolCapacityHistory(p.fromMs, p.toMs - 1, it.key().first, it.key().second));
        if (!s)
            return false;
        QHash<qint64, CapacityPoint> byMinute;
        for (const CapacityPoint& pt : s->points)
            byMinute.insert(pt.timestampMs, pt);
        const QList<DownSpan> spans = down.value(it.key());
        for (const CapacityPoint& minute : run.scope.points) {
            const ModelCapacity c
                = countInstalled(byMinute.value(minute.timestampMs), it->chips, downChipsAt(spans, minute.timestampMs));
            if (c.unknown > 0)
                continue; // not complete for this pool: not counted, neither way
            it->chipMinutes += c.total;
            it->faultyChipMinutes += c.faulty;
            auto& bucket = (*byBucket)[bucketStart(minute.timestampMs, p.fromMs, run.bucket)];
            bucket.first += c.total;
            bucket.second += c.faulty;
        }
        run.context.progress(55 + 25 * ++done / int(pools->size()));
    }
    return true;
}

struct FaultCounts
{
    QMap<QString, std::array<qint64, 3>> byKind; ///< kind → opened, repaired, repair ms
    QMap<qint64, qint64> downByBucket; ///< node-down ms inside minutes with data
};

// Faults opened and repaired in the range, and node-down time, per pool and per kind.
FaultCounts countFaults(
    const ReportRun& run, const CoveredMinutes& covered, const QList<FaultSpan>& spans, ScopePools* scope)
{
    const ReportParameters& p = run.p;
    FaultCounts counts;
    for (const FaultSpan& i : spans) {
        const auto pool = scope->poolOfNode.constFind(i.nodeId);
        if (pool == scope->poolOfNode.constEnd())
            continue; // outside the scope (or a node the cache has no inventory for)
        PoolFigures& f = scope->pools[*pool];
        const bool openedIn = i.openedMs >= p.fromMs && i.openedMs < p.toMs;
        const bool repairedIn = i.isClosed() && i.clearedMs >= p.fromMs && i.clearedMs < p.toMs;
        if (openedIn) {
            ++f.opened;
            ++counts.byKind[i.kind][0];
        }
        if (repairedIn) {
            ++f.repaired;
            f.repairMsSum += i.clearedMs - i.openedMs;
            ++counts.byKind[i.kind][1];
            counts.byKind[i.kind][2] += i.clearedMs - i.openedMs;
        }
        if (i.kind == QLatin1String("node-down")) {
            // Still open: down until the end of the data, not beyond (what came after is unknown).
            const qint64 end = i.isClosed() ? i.clearedMs : run.data.coveredToMs;
            f.downMs += covered.coveredMs(i.openedMs, end);
            for (qint64 b = bucketStart(std::max(i.openedMs, p.fromMs), p.fromMs, run.bucket);
                 b < std::min(end, p.toMs); b += run.bucket)
                counts.downByBucket[b] += covered.coveredMs(std::max(i.openedMs, b), std::min(end, b + run.bucket));
        }
    }
    return counts;
}

// Job interruptions per pool, and the uninterrupted training runs, longest first, from the
// job history (absent: no rows, not zeros).
QList<JobRun> countJobs(const ReportRun& run, QMap<PoolKey, PoolFigures>* pools)
{
    const ReportParameters& p = run.p;
    QList<JobRun> runs;
    for (const Protocol::JobRecord& j : run.state.jobs) {
        const auto pool = pools->find({ j.region, j.pool });
        if (pool == pools->end())
            continue;
        for (const Protocol::JobInterruption& x : j.interruptionLog) {
            if (x.atMs < p.fromMs || x.atMs >= p.toMs)
                continue;
            ++pool->interruptions;
            if (x.recoveredMs > 0 && x.recoveredMs - x.atMs <= AvailabilityReport::RecoveryTargetMs)
                ++pool->withinTarget;
        }
        if (j.kind != QLatin1String("training"))
            continue;
        for (const Protocol::JobSegment& s : j.segments) {
            const qint64 end = s.endMs > 0 ? s.endMs : run.data.coveredToMs;
            if (end <= p.fromMs || s.startMs >= p.toMs || end <= s.startMs)
                continue;
            runs.append({ &j, s, end - s.startMs });
        }
    }
    sortLongestFirst(&runs);
    return runs;
}

PoolFigures& operator+=(PoolFigures& all, const PoolFigures& f)
{
    all.nodes += f.nodes;
    all.chips += f.chips;
    all.downMs += f.downMs;
    all.chipMinutes += f.chipMinutes;
    all.faultyChipMinutes += f.faultyChipMinutes;
    all.opened += f.opened;
    all.repaired += f.repaired;
    all.repairMsSum += f.repairMsSum;
    all.interruptions += f.interruptions;
    all.withinTarget += f.withinTarget;
    return all;
}

ReportTable availabilityByPoolTable(const QMap<PoolKey, PoolFigures>& pools, qint64 coveredMs)
{
    ReportTable t = table(QStringLiteral("availability_by_pool"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Availability by pool"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Node availability"), ValueKind::Percent),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerator availability"), ValueKind::Percent),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "MTBF (h)"), ValueKind::Hours),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "MTTR (min)"), ValueKind::Minutes),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Recovered within 10 min"), ValueKind::Percent),
            // The observation behind MTBF (its numerator): the planner needs it when a pool had no fault.
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Up node-hours"), ValueKind::Hours) });
    for (auto it = pools.cbegin(); it != pools.cend(); ++it) {
        const PoolFigures& f = it.value();
        const double nodeMs = double(f.nodes) * double(coveredMs);
        const double upHours = (nodeMs - double(f.downMs)) / HourMs;
        t.rows.append({ it.key().first, it.key().second, qint64(f.nodes), (1 - ratio(f.downMs, nodeMs)) * 100,
            (1 - ratio(f.faultyChipMinutes, f.chipMinutes)) * 100, qint64(f.opened), ratio(upHours, f.opened),
            ratio(double(f.repairMsSum) / MinuteMs, f.repaired), qint64(f.interruptions),
            ratio(f.withinTarget, f.interruptions) * 100, upHours });
    }
    return t;
}

ReportTable availabilityKindsTable(const QMap<QString, std::array<qint64, 3>>& byKind)
{
    ReportTable t = table(QStringLiteral("incidents_by_kind"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults by kind"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Repaired"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "MTTR (min)"), ValueKind::Minutes) });
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        t.rows.append(
            { it.key(), it.value()[0], it.value()[1], ratio(double(it.value()[2]) / MinuteMs, double(it.value()[1])) });
    return t;
}

ReportTable availabilityLongestTable(const QList<JobRun>& runs)
{
    ReportTable t = table(QStringLiteral("longest_runs"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Longest uninterrupted training runs"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Job")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Name")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Start"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "End"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Duration (h)"), ValueKind::Hours),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Ended by")) });
    for (qsizetype i = 0; i < std::min<qsizetype>(runs.size(), 10); ++i) {
        const JobRun& r = runs[i];
        t.rows.append({ r.job->jobId, r.job->name, r.job->pool, r.segment.startMs,
            r.segment.endMs > 0 ? QVariant(r.segment.endMs) : QVariant(), double(r.durationMs) / HourMs,
            r.segment.endReason });
    }
    return t;
}

// Availability per bucket over the minutes with data in it.
ReportChart availabilityChart(const ReportRun& run, const CoveredMinutes& covered, const PoolFigures& all,
    const FaultCounts& faults, const ChipMinutesByBucket& chips)
{
    ReportLine nodeLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Node availability"), {} };
    ReportLine chipLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerator availability"), {} };
    for (qint64 b : run.buckets()) {
        const double nodeMs = double(all.nodes) * double(covered.coveredMs(b, b + run.bucket));
        nodeLine.points.append({ b, (1 - ratio(double(faults.downByBucket.value(b)), nodeMs)) * 100 });
        const auto c = chips.value(b, { 0.0, 0.0 });
        chipLine.points.append({ b, (1 - ratio(c.second, c.first)) * 100 }); // no known chip-minute: missing
    }
    ReportChart chart;
    chart.id = QStringLiteral("availability");
    chart.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Availability over the range");
    chart.lines = { nodeLine, chipLine };
    chart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Availability (%)");
    return chart;
}

QList<ReportFigure> availabilityKeyFigures(const PoolFigures& all, qint64 coveredMs, const QList<JobRun>& runs)
{
    const double allNodeMs = double(all.nodes) * double(coveredMs);
    return {
        { QStringLiteral("nodes"), QT_TRANSLATE_NOOP("Meridian::Reports", "Nodes"), qint64(all.nodes),
            ValueKind::Integer },
        { QStringLiteral("node_availability"), QT_TRANSLATE_NOOP("Meridian::Reports", "Node availability"),
            (1 - ratio(all.downMs, allNodeMs)) * 100, ValueKind::Percent },
        { QStringLiteral("accelerator_availability"),
            QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerator availability"),
            (1 - ratio(all.faultyChipMinutes, all.chipMinutes)) * 100, ValueKind::Percent },
        { QStringLiteral("incidents"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faults"), qint64(all.opened),
            ValueKind::Integer },
        { QStringLiteral("mtbf"), QT_TRANSLATE_NOOP("Meridian::Reports", "MTBF (h)"),
            ratio((allNodeMs - double(all.downMs)) / HourMs, all.opened), ValueKind::Hours },
        { QStringLiteral("mttr"), QT_TRANSLATE_NOOP("Meridian::Reports", "MTTR (min)"),
            ratio(double(all.repairMsSum) / MinuteMs, all.repaired), ValueKind::Minutes },
        { QStringLiteral("recovered_within_target"), QT_TRANSLATE_NOOP("Meridian::Reports", "Recovered within 10 min"),
            ratio(all.withinTarget, all.interruptions) * 100, ValueKind::Percent },
        { QStringLiteral("longest_run"), QT_TRANSLATE_NOOP("Meridian::Reports", "Longest uninterrupted run (h)"),
            longestRunHours(runs), ValueKind::Hours },
    };
}

} // namespace

const char* AvailabilityReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Availability");
}

std::optional<ReportData> AvailabilityReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    auto run = startRun(p, context, { 5, 15 });
    if (!run)
        return std::nullopt;
    if (run->data.isEmpty())
        return run->data;
    const CoveredMinutes covered(run->scope, p.fromMs, p.toMs);
    ScopePools scope = scopePools(*run);
    const auto events
        = readEvents(p.fromMs - LookbackMs, p.toMs - 1, context, [&](int pc) { context.progress(15 + pc * 4 / 10); });
    if (!events)
        return std::nullopt;
    const QList<FaultSpan> spans = pairFaultSpans(*events);
    ChipMinutesByBucket chips;
    if (!addChipMinutes(*run, downSpans(*run, scope, spans), &scope.pools, &chips))
        return std::nullopt;
    const FaultCounts faults = countFaults(*run, covered, spans, &scope);
    context.progress(85);
    const QList<JobRun> runs = countJobs(*run, &scope.pools);

    PoolFigures all;
    for (const PoolFigures& f : std::as_const(scope.pools))
        all += f;
    ReportData& data = run->data;
    data.charts.append(availabilityChart(*run, covered, all, faults, chips));
    data.figures = availabilityKeyFigures(all, covered.totalMs(), runs);
    data.tables = { availabilityByPoolTable(scope.pools, covered.totalMs()), availabilityKindsTable(faults.byKind),
        availabilityLongestTable(runs), gapsTable(data.gaps) };
    return std::move(data);
}

} // namespace Meridian::Reports
