// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/capacityreport.h"

#include "core/capacity/idletracker.h"
#include "core/reports/reportsupport.h"

#include <QMap>
#include <QSet>

namespace Meridian::Reports {

namespace {

constexpr qint64 IdleLookbackMs = DayMs;

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

KeyFigures figuresOf(const CapacitySeries& s, qint64 lastMinuteMs)
{
    KeyFigures f;
    for (const CapacityPoint& p : s.points) {
        f.allocatedSum += p.allocated;
        f.faultySum += p.faulty;
        f.totalSum += p.total;
        f.peakAllocated = std::max(f.peakAllocated, p.allocated);
        ++f.minutes;
    }
    if (!s.points.isEmpty() && s.points.last().timestampMs == lastMinuteMs) {
        f.last = s.points.last();
        f.hasLast = true;
    }
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

std::optional<IdleResult> detectIdle(
    const QList<FleetNode>& nodes, const ReportContext& context, const std::function<void(int)>& progress)
{
    IdleTracker tracker;
    struct Candidate
    {
        QString node;
        int index;
        QString job;
        qint64 ts;
    };
    QList<Candidate> candidates;
    QHash<QString, QString> keyOfNode;
    for (const FleetNode& n : nodes) {
        tracker.observe(n.inventory.nodeId, n.snapshot, &n.inventory);
        const Protocol::Sample& s = n.snapshot.sample;
        for (const Protocol::AcceleratorSample& a : s.accelerators) {
            if (classify(a, s.state) == CapacityClass::Allocated && !std::isnan(a.utilization)
                && a.utilization < tracker.threshold())
                candidates.append({ n.inventory.nodeId, a.index, a.jobId, s.timestampMs });
        }
        keyOfNode.insert(n.inventory.nodeId, n.inventory.region + QLatin1Char('/') + n.inventory.pool);
    }
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        const auto series = context.wait(context.cache()->acceleratorHistory(
            c.node, c.index, AcceleratorMetric::Utilization, c.ts - IdleLookbackMs, c.ts - 1, 0));
        if (!series)
            return std::nullopt;
        tracker.applyHistory(c.node, c.index, c.job, *series);
        progress(int(100 * (i + 1) / candidates.size()));
    }
    IdleResult r;
    r.idle = tracker.idle();
    for (const IdleAccelerator& a : r.idle)
        ++r.perKey[keyOfNode.value(a.nodeId) + QLatin1Char('/') + a.model];
    return r;
}

} // namespace

const char* CapacityReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity and utilization");
}

std::optional<ReportData> CapacityReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    ReportData data;
    const auto scope = scopeCapacity(p, context);
    if (!scope)
        return std::nullopt;
    coverage(*scope, p.fromMs, p.toMs, &data);
    context.progress(10);
    if (data.isEmpty())
        return data;

    const auto state = context.wait(context.cache()->lastState());
    if (!state)
        return std::nullopt;
    QList<FleetNode> nodes;
    QMap<std::pair<QString, QString>, QSet<QString>> modelsByPool; // sorted: same order every run
    for (const FleetNode& n : state->nodes) {
        if (!p.scope.contains(n.inventory.region, n.inventory.pool))
            continue;
        nodes.append(n);
        for (const Protocol::AcceleratorInfo& a : n.inventory.accelerators)
            modelsByPool[{ n.inventory.region, n.inventory.pool }].insert(a.model);
    }
    const qint64 lastMinute = scope->points.last().timestampMs;

    // Per (region, pool, model) from its own rollup key.
    ReportTable byPool;
    byPool.id = QStringLiteral("capacity_by_pool_model");
    byPool.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity by pool and model");
    byPool.columns = { { QT_TRANSLATE_NOOP("Meridian::Reports", "Region") },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Pool") }, { QT_TRANSLATE_NOOP("Meridian::Reports", "Model") },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Total"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Used"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated but idle"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Free"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Faulty"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean allocated"), ValueKind::Percent },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Peak allocated"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean faulty"), ValueKind::Percent } };
    QList<std::tuple<QString, QString, QString, KeyFigures>> keys;
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
            const auto s = context.wait(
                context.cache()->poolCapacityHistory(p.fromMs, p.toMs - 1, it.key().first, it.key().second, model));
            if (!s)
                return std::nullopt;
            keys.append({ it.key().first, it.key().second, model, figuresOf(*s, lastMinute) });
            context.progress(10 + 50 * ++done / keyCount);
        }
    }

    const auto idle = detectIdle(nodes, context, [&](int pc) { context.progress(60 + pc * 3 / 10); });
    if (!idle)
        return std::nullopt;

    QMap<QString, std::pair<KeyFigures, int>> byModelSum; // model → summed figures, idle
    for (const auto& [region, pool, model, f] : keys) {
        const int idleChips = idle->perKey.value(region + QLatin1Char('/') + pool + QLatin1Char('/') + model);
        byPool.rows.append({ region, pool, model, lastOr(f, f.last.total), lastOr(f, f.last.allocated),
            f.hasLast ? QVariant(qint64(f.last.allocated - idleChips)) : QVariant(), qint64(idleChips),
            lastOr(f, f.last.free), lastOr(f, f.last.faulty), ratio(f.allocatedSum, f.totalSum) * 100,
            qint64(f.peakAllocated), ratio(f.faultySum, f.totalSum) * 100 });
        auto& [sum, idleSum] = byModelSum[model];
        sum.hasLast = sum.hasLast || f.hasLast;
        sum.last.total += f.last.total;
        sum.last.allocated += f.last.allocated;
        sum.last.free += f.last.free;
        sum.last.faulty += f.last.faulty;
        sum.allocatedSum += f.allocatedSum;
        sum.totalSum += f.totalSum;
        sum.faultySum += f.faultySum;
        idleSum += idleChips;
    }
    ReportTable byModel;
    byModel.id = QStringLiteral("capacity_by_model");
    byModel.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity by model");
    byModel.columns = { byPool.columns[2], byPool.columns[3], byPool.columns[4], byPool.columns[5], byPool.columns[6],
        byPool.columns[7], byPool.columns[8], byPool.columns[9], byPool.columns[11] };
    for (auto it = byModelSum.cbegin(); it != byModelSum.cend(); ++it) {
        const KeyFigures& f = it->first;
        byModel.rows.append({ it.key(), lastOr(f, f.last.total), lastOr(f, f.last.allocated),
            f.hasLast ? QVariant(qint64(f.last.allocated - it->second)) : QVariant(), qint64(it->second),
            lastOr(f, f.last.free), lastOr(f, f.last.faulty), ratio(f.allocatedSum, f.totalSum) * 100,
            ratio(f.faultySum, f.totalSum) * 100 });
    }

    // Trend: means per bucket; a bucket without a minute of data is a row of missing values.
    ReportTable trend;
    trend.id = QStringLiteral("capacity_trend");
    trend.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity trend");
    trend.columns = { { QT_TRANSLATE_NOOP("Meridian::Reports", "From"), ValueKind::Timestamp },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean total"), ValueKind::Number },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean allocated"), ValueKind::Number },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean free"), ValueKind::Number },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean faulty"), ValueKind::Number },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Minutes with data"), ValueKind::Integer } };
    const qint64 bucket = bucketFor(p.fromMs, p.toMs);
    QMap<qint64, std::array<double, 5>> sums;
    for (qint64 b = bucketStart(p.fromMs, p.fromMs, bucket); b < p.toMs; b += bucket)
        sums.insert(b, { 0, 0, 0, 0, 0 });
    for (const CapacityPoint& pt : scope->points) {
        auto& s = sums[bucketStart(pt.timestampMs, p.fromMs, bucket)];
        s[0] += pt.total;
        s[1] += pt.allocated;
        s[2] += pt.free;
        s[3] += pt.faulty;
        s[4] += 1;
    }
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const auto& s = it.value();
        const double n = s[4];
        trend.rows.append({ it.key(), ratio(s[0], n), ratio(s[1], n), ratio(s[2], n), ratio(s[3], n), qint64(n) });
    }

    ReportTable idleTable;
    idleTable.id = QStringLiteral("allocated_idle");
    idleTable.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated but idle accelerators");
    idleTable.columns = { { QT_TRANSLATE_NOOP("Meridian::Reports", "Node") },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerator"), ValueKind::Integer },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Model") }, { QT_TRANSLATE_NOOP("Meridian::Reports", "Job") },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Idle since"), ValueKind::Timestamp },
        { QT_TRANSLATE_NOOP("Meridian::Reports", "Mean utilization"), ValueKind::Percent } };
    for (const IdleAccelerator& a : idle->idle)
        idleTable.rows.append({ a.nodeId, qint64(a.accelerator), a.model, a.jobId, a.idleSinceMs, a.meanUtilization });

    // Key figures: the end of the data, and means over the minutes that have data.
    const KeyFigures all = figuresOf(*scope, lastMinute);
    data.figures = {
        { QStringLiteral("total"), QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerators"), qint64(all.last.total),
            ValueKind::Integer },
        { QStringLiteral("allocated"), QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated"), qint64(all.last.allocated),
            ValueKind::Integer },
        { QStringLiteral("free"), QT_TRANSLATE_NOOP("Meridian::Reports", "Free"), qint64(all.last.free),
            ValueKind::Integer },
        { QStringLiteral("faulty"), QT_TRANSLATE_NOOP("Meridian::Reports", "Faulty"), qint64(all.last.faulty),
            ValueKind::Integer },
        { QStringLiteral("idle"), QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated but idle"),
            qint64(idle->idle.size()), ValueKind::Integer },
        { QStringLiteral("mean_allocated"), QT_TRANSLATE_NOOP("Meridian::Reports", "Mean allocated"),
            ratio(all.allocatedSum, all.totalSum) * 100, ValueKind::Percent },
        { QStringLiteral("peak_allocated"), QT_TRANSLATE_NOOP("Meridian::Reports", "Peak allocated"),
            qint64(all.peakAllocated), ValueKind::Integer },
        { QStringLiteral("coverage"), QT_TRANSLATE_NOOP("Meridian::Reports", "Minutes with data"),
            ratio(all.minutes, double(p.toMs - p.fromMs) / MinuteMs) * 100, ValueKind::Percent },
    };

    ReportChart chart;
    chart.id = QStringLiteral("capacity");
    chart.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Capacity over the range");
    chart.kind = ReportChart::Kind::StackedCapacity;
    chart.capacity = *scope;
    data.charts.append(chart);
    data.tables = { byPool, byModel, trend, idleTable, gapsTable(data.gaps) };
    return data;
}

} // namespace Meridian::Reports
