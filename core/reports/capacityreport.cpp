// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/capacityreport.h"

#include "core/capacity/idletracker.h"
#include "core/capacity/poolcapacity.h"
#include "core/model/installedcapacity.h"
#include "core/reports/reportsupport.h"
#include "core/store/fleetaggregate.h"

#include <QMap>
#include <QSet>

namespace Meridian::Reports {

namespace {

// A key's installed accelerators (inventory, counted as the Overview counts them) and those on nodes down
// at the end of the data (the cache's last state).
struct InstalledChips
{
    int total = 0;
    int down = 0;
};

struct KeyFigures
{
    CapacityPoint last; ///< at the scope's last minute
    bool hasLast = false;
    double allocatedSum = 0;
    double faultySum = 0;
    double totalSum = 0;
    int peakAllocated = 0;
    int minutes = 0;
};

// Every minute counted against the installed chips, as the Overview counts them (countInstalled()). Only the
// last minute knows which nodes are down (the cache's last state); before it, a chip missing from a minute is
// unknown and left out of the means. The scope's last minute is known whenever the scope had data then.
KeyFigures figuresOf(const CapacitySeries& s, qint64 lastMinuteMs, const InstalledChips& installed)
{
    KeyFigures f;
    for (const CapacityPoint& reported : s.points) {
        const ModelCapacity p = countInstalled(reported, installed.total, 0);
        f.allocatedSum += p.allocated;
        f.faultySum += p.faulty;
        f.totalSum += p.total - p.unknown;
        f.peakAllocated = std::max(f.peakAllocated, p.allocated);
        ++f.minutes;
    }
    CapacityPoint last;
    if (!s.points.isEmpty() && s.points.last().timestampMs == lastMinuteMs)
        last = s.points.last();
    const ModelCapacity c = countInstalled(last, installed.total, installed.down);
    f.last = { lastMinuteMs, c.total, c.allocated, c.free, c.faulty, last.nodesReporting };
    f.hasLast = c.total > 0;
    return f;
}

QVariant lastOr(const KeyFigures& f, int value)
{
    return f.hasLast ? QVariant(qint64(value)) : QVariant(); // absent at the end: missing, not 0
}

struct IdleResult
{
    QList<IdleAccelerator> idle;
    QHash<QString, int> perKey; ///< "region/pool/model" → idle chips
};

// The session's IdleTracker replayed over the cache: the same runs, the same history queries
// (IdleTracker::historyQueries()), so the report and Pools → Capacity count the same chips.
std::optional<IdleResult> detectIdle(
    const QList<FleetNode>& nodes, const ReportContext& context, const std::function<void(int)>& progress)
{
    IdleTracker tracker;
    QHash<QString, QString> keyOfNode;
    for (const FleetNode& n : nodes) {
        tracker.observe(n.inventory.nodeId, n.snapshot, &n.inventory);
        keyOfNode.insert(n.inventory.nodeId, n.inventory.region + QLatin1Char('/') + n.inventory.pool);
    }
    const QList<IdleTracker::HistoryQuery> queries = tracker.historyQueries();
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const IdleTracker::HistoryQuery& q = queries[i];
        const auto series = context.wait(context.cache()->acceleratorHistory(
            q.nodeId, q.accelerator, AcceleratorMetric::Utilization, q.fromMs, q.toMs, q.maxPoints));
        if (!series)
            return std::nullopt;
        tracker.applyHistory(q.nodeId, q.accelerator, q.jobId, *series);
        progress(int(100 * (i + 1) / queries.size()));
    }
    IdleResult r;
    r.idle = tracker.idle();
    for (const IdleAccelerator& a : r.idle)
        ++r.perKey[keyOfNode.value(a.nodeId) + QLatin1Char('/') + a.model];
    return r;
}

using PoolKey = std::pair<QString, QString>;
using PoolModelFigures = std::tuple<QString, QString, QString, KeyFigures>; ///< region, pool, model

// The scope's nodes, the models each pool has installed (sorted: the same order every run), and the
// installed chips counted as the Overview counts them: the same aggregate over the cache's last state.
struct CapacityScope
{
    QList<FleetNode> nodes;
    QMap<PoolKey, QSet<QString>> modelsByPool;
    FleetAggregate installed;
    FleetAggregate down; ///< the nodes that are down

    InstalledChips installedIn(const QString& region, const QString& pool, const QString& model) const
    {
        auto sum = [&](const FleetAggregate& fleet) {
            int total = 0;
            for (const ModelCapacity& m : capacityByModel(fleet, region, pool))
                total += model.isEmpty() || m.model == model ? m.total : 0;
            return total;
        };
        return { sum(installed), sum(down) };
    }
};

CapacityScope capacityScope(const ReportRun& run)
{
    CapacityScope s;
    for (const FleetNode& n : run.state.nodes) {
        if (!run.inScope(n))
            continue;
        s.nodes.append(n);
        s.installed.put(n.inventory.nodeId, &n);
        if (n.snapshot.sample.seq > 0 && n.snapshot.sample.state == Protocol::NodeState::Down)
            s.down.put(n.inventory.nodeId, &n);
        for (const Protocol::AcceleratorInfo& a : n.inventory.accelerators)
            s.modelsByPool[{ n.inventory.region, n.inventory.pool }].insert(a.model);
    }
    return s;
}

// Per (region, pool, model) from its own rollup key. nullopt: cancelled.
std::optional<QList<PoolModelFigures>> poolModelFigures(
    const ReportRun& run, const CapacityScope& scope, qint64 lastMinute)
{
    const QMap<PoolKey, QSet<QString>>& modelsByPool = scope.modelsByPool;
    const ReportParameters& p = run.p;
    QList<PoolModelFigures> keys;
    int done = 0;
    const int keyCount = std::max<int>(1, [&] {
        int n = 0;
        for (const auto& m : modelsByPool)
            n += int(m.size());
        return n;
    }());
    for (auto it = modelsByPool.cbegin(); it != modelsByPool.cend(); ++it) {
        QStringList models = it.value().values();
        models.sort();
        for (const QString& model : models) {
            const auto s = run.context.wait(
                run.context.cache()->poolCapacityHistory(p.fromMs, p.toMs - 1, it.key().first, it.key().second, model));
            if (!s)
                return std::nullopt;
            const InstalledChips installed = scope.installedIn(it.key().first, it.key().second, model);
            keys.append({ it.key().first, it.key().second, model, figuresOf(*s, lastMinute, installed) });
            run.context.progress(10 + 50 * ++done / keyCount);
        }
    }
    return keys;
}

QList<ReportColumn> byPoolColumns()
{
    return { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Model")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Total"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Used"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated but idle"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Free"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Faulty"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean allocated"), ValueKind::Percent),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Peak allocated"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean faulty"), ValueKind::Percent) };
}

QVariant usedOr(const KeyFigures& f, int idleChips)
{
    return f.hasLast ? QVariant(qint64(f.last.allocated - idleChips)) : QVariant();
}

ReportTable capacityByPoolTable(const QList<PoolModelFigures>& keys, const IdleResult& idle)
{
    ReportTable t = table(QStringLiteral("capacity_by_pool_model"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity by pool and model"), byPoolColumns());
    for (const auto& [region, pool, model, f] : keys) {
        const int idleChips = idle.perKey.value(region + QLatin1Char('/') + pool + QLatin1Char('/') + model);
        t.rows.append({ region, pool, model, lastOr(f, f.last.total), lastOr(f, f.last.allocated), usedOr(f, idleChips),
            qint64(idleChips), lastOr(f, f.last.free), lastOr(f, f.last.faulty),
            ratio(f.allocatedSum, f.totalSum) * 100, qint64(f.peakAllocated), ratio(f.faultySum, f.totalSum) * 100 });
    }
    return t;
}

ReportTable byModelTable(const QList<PoolModelFigures>& keys, const IdleResult& idle)
{
    QMap<QString, std::pair<KeyFigures, int>> byModelSum; // model → summed figures, idle
    for (const auto& [region, pool, model, f] : keys) {
        auto& [sum, idleSum] = byModelSum[model];
        sum.hasLast = sum.hasLast || f.hasLast;
        sum.last.total += f.last.total;
        sum.last.allocated += f.last.allocated;
        sum.last.free += f.last.free;
        sum.last.faulty += f.last.faulty;
        sum.allocatedSum += f.allocatedSum;
        sum.totalSum += f.totalSum;
        sum.faultySum += f.faultySum;
        idleSum += idle.perKey.value(region + QLatin1Char('/') + pool + QLatin1Char('/') + model);
    }
    const QList<ReportColumn> c = byPoolColumns();
    ReportTable t
        = table(QStringLiteral("capacity_by_model"), QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity by model"),
            { c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[11] });
    for (auto it = byModelSum.cbegin(); it != byModelSum.cend(); ++it) {
        const KeyFigures& f = it->first;
        t.rows.append({ it.key(), lastOr(f, f.last.total), lastOr(f, f.last.allocated), usedOr(f, it->second),
            qint64(it->second), lastOr(f, f.last.free), lastOr(f, f.last.faulty),
            ratio(f.allocatedSum, f.totalSum) * 100, ratio(f.faultySum, f.totalSum) * 100 });
    }
    return t;
}

// Means per bucket; a bucket without a minute of data is a row of missing values.
ReportTable trendTable(const ReportRun& run, int installed)
{
    ReportTable t = table(QStringLiteral("capacity_trend"), QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity trend"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "From"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean total"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean allocated"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean free"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean faulty"), ValueKind::Number),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Minutes with data"), ValueKind::Integer) });
    QMap<qint64, std::array<double, 5>> sums;
    for (qint64 b : run.buckets())
        sums.insert(b, { 0, 0, 0, 0, 0 });
    for (const CapacityPoint& reported : run.scope.points) {
        const ModelCapacity pt = countInstalled(reported, installed, 0);
        auto& s = sums[bucketStart(reported.timestampMs, run.p.fromMs, run.bucket)];
        s[0] += pt.total;
        s[1] += pt.allocated;
        s[2] += pt.free;
        s[3] += pt.faulty;
        s[4] += 1;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const auto& s = it.value();
        const double n = s[4];
        t.rows.append({ it.key(), ratio(s[0], n), ratio(s[1], n), ratio(s[2], n), ratio(s[3], n), qint64(n) });
    }
    return t;
}

ReportTable idleTable(const IdleResult& idle)
{
    ReportTable t = table(QStringLiteral("allocated_idle"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated but idle accelerators"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Node")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerator"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Model")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Job")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Idle since"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean utilization"), ValueKind::Percent) });
    for (const IdleAccelerator& a : idle.idle)
        t.rows.append({ a.nodeId, qint64(a.accelerator), a.model, a.jobId, a.idleSinceMs, a.meanUtilization });
    return t;
}

// The end of the data, and means over the minutes that have data.
QList<ReportFigure> capacityKeyFigures(const ReportRun& run, const KeyFigures& all, const IdleResult& idle)
{
    return {
        { QStringLiteral("total"), QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerators"), qint64(all.last.total),
            ValueKind::Integer },
        { QStringLiteral("allocated"), QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated"), qint64(all.last.allocated),
            ValueKind::Integer },
        { QStringLiteral("free"), QT_TRANSLATE_NOOP("Meridian::Reports", "Free"), qint64(all.last.free),
            ValueKind::Integer },
        { QStringLiteral("faulty"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faulty"), qint64(all.last.faulty),
            ValueKind::Integer },
        { QStringLiteral("idle"), QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated but idle"),
            qint64(idle.idle.size()), ValueKind::Integer },
        { QStringLiteral("mean_allocated"), QT_TRANSLATE_NOOP("Meridian::Reports", "Mean allocated"),
            ratio(all.allocatedSum, all.totalSum) * 100, ValueKind::Percent },
        { QStringLiteral("peak_allocated"), QT_TRANSLATE_NOOP("Meridian::Reports", "Peak allocated"),
            qint64(all.peakAllocated), ValueKind::Integer },
        { QStringLiteral("coverage"), QT_TRANSLATE_NOOP("Meridian::Reports", "Minutes with data"),
            ratio(all.minutes, double(run.p.toMs - run.p.fromMs) / MinuteMs) * 100, ValueKind::Percent },
    };
}

ReportChart capacityChart(const CapacitySeries& scope)
{
    ReportChart chart;
    chart.id = QStringLiteral("capacity");
    chart.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity over the range");
    chart.kind = ReportChart::Kind::StackedCapacity;
    chart.capacity = scope;
    return chart;
}

} // namespace

const char* CapacityReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity and utilization");
}

std::optional<ReportData> CapacityReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    auto run = startRun(p, context, { 10, 10 });
    if (!run)
        return std::nullopt;
    if (run->data.isEmpty())
        return run->data;
    const CapacityScope scope = capacityScope(*run);
    const qint64 lastMinute = run->scope.points.last().timestampMs;
    const auto keys = poolModelFigures(*run, scope, lastMinute);
    if (!keys)
        return std::nullopt;
    const auto idle = detectIdle(scope.nodes, context, [&](int pc) { context.progress(60 + pc * 3 / 10); });
    if (!idle)
        return std::nullopt;

    ReportData& data = run->data;
    const InstalledChips installed = scope.installedIn({}, {}, {});
    data.figures = capacityKeyFigures(*run, figuresOf(run->scope, lastMinute, installed), *idle);
    data.charts.append(capacityChart(run->scope));
    data.tables = { capacityByPoolTable(*keys, *idle), byModelTable(*keys, *idle), trendTable(*run, installed.total),
        idleTable(*idle), gapsTable(data.gaps) };
    return std::move(data);
}

} // namespace Meridian::Reports
