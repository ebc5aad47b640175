// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/historyquery.h"

#include "core/cache/historychunk.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Meridian::History {

namespace {
constexpr qint64 MaxSpanMs = 400LL * 24 * 3600 * 1000; // caps the IN list of a single query
}

void decimate(const QList<std::pair<qint64, float>>& raw, MetricSeries* out, int maxPoints)
{
    out->rawSamples = int(raw.size());
    out->points.clear();
    maxPoints = std::max(maxPoints, 1);
    if (raw.size() <= maxPoints) {
        out->bucketMs = 0;
        out->points.reserve(raw.size());
        for (const auto& [ts, v] : raw)
            out->points.append({ ts, v, v, v });
        return;
    }
    const qint64 span = std::max<qint64>(out->toMs - out->fromMs + 1, 1);
    out->bucketMs = (span + maxPoints - 1) / maxPoints;
    qint64 current = -1;
    for (const auto& [ts, v] : raw) {
        const qint64 bucket = (ts - out->fromMs) / out->bucketMs;
        if (bucket != current || out->points.isEmpty()) {
            current = bucket;
            out->points.append({ ts, v, v, v });
            continue;
        }
        MetricPoint& p = out->points.last();
        p.min = std::min(p.min, v);
        p.max = std::max(p.max, v);
        p.last = v;
    }
}

MetricSeries readSeries(const QSqlDatabase& db, const QString& nodeId, int accelerator, int metric, qint64 fromMs,
    qint64 toMs, int maxPoints, const QList<std::pair<qint64, float>>& recent)
{
    MetricSeries out;
    out.nodeId = nodeId;
    out.accelerator = accelerator;
    out.metric = metric;
    out.fromMs = fromMs;
    out.toMs = toMs;
    if (toMs < fromMs || toMs - fromMs > MaxSpanMs || metric <= 0 || metric >= MetricStride)
        return out;

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, accelerator, metric FROM series WHERE node_id = ? AND"
                             " ((accelerator = -1 AND metric = 0) OR (accelerator = ? AND metric = ?))"));
    q.addBindValue(nodeId);
    q.addBindValue(accelerator);
    q.addBindValue(metric);
    qint64 timeline = 0;
    qint64 values = 0;
    if (!q.exec())
        return out;
    while (q.next()) {
        if (q.value(2).toInt() == TimelineMetric)
            timeline = q.value(0).toLongLong();
        else
            values = q.value(0).toLongLong();
    }
    QList<std::pair<qint64, float>> raw;
    auto appendRecent = [&] {
        // A partial window may be on disk too (flushed): only what is newer than it counts.
        const qint64 newest = raw.isEmpty() ? std::numeric_limits<qint64>::min() : raw.constLast().first;
        for (const auto& point : recent) {
            if (point.first > newest && point.first >= fromMs && point.first <= toMs && !std::isnan(point.second))
                raw.append(point);
        }
    };
    if (timeline == 0 || values == 0) {
        appendRecent(); // nothing persisted yet; RAM may hold the first minutes
        decimate(raw, &out, maxPoints);
        return out; // never recorded: absent, not zero
    }

    // One point lookup per window on the (t0, series) key.
    const qint64 phase = phaseOf(nodeId);
    QStringList windows;
    for (qint64 t0 = windowStart(fromMs, phase); t0 <= toMs; t0 += WindowMs)
        windows << QString::number(t0);
    q.setForwardOnly(true);
    // Our own integers, formatted: nothing from the caller reaches the SQL text.
    if (!q.exec(QStringLiteral("SELECT t0, series, n, data FROM chunk WHERE t0 IN (%1) AND series IN (%2, %3)"
                               " ORDER BY t0")
                    .arg(windows.join(QLatin1Char(',')))
                    .arg(timeline)
                    .arg(values)))
        return out;

    QList<qint32> offsets;
    std::vector<float> v;
    qint64 offsetsT0 = -1;
    qint64 valuesT0 = -1;
    auto emitWindow = [&] {
        if (offsetsT0 < 0 || offsetsT0 != valuesT0 || size_t(offsets.size()) != v.size())
            return;
        for (qsizetype i = 0; i < offsets.size(); ++i) {
            const qint64 ts = offsetsT0 + offsets[i];
            if (ts >= fromMs && ts <= toMs && !std::isnan(v[size_t(i)]))
                raw.append({ ts, v[size_t(i)] });
        }
    };
    while (q.next()) {
        const qint64 t0 = q.value(0).toLongLong();
        if (t0 != offsetsT0 && t0 != valuesT0) {
            emitWindow();
            offsetsT0 = valuesT0 = -1;
        }
        const int n = q.value(2).toInt();
        if (q.value(1).toLongLong() == timeline) {
            if (decodeTimeline(q.value(3).toByteArray(), n, &offsets))
                offsetsT0 = t0;
        } else if (decodeValues(q.value(3).toByteArray(), n, &v)) {
            valuesT0 = t0;
        }
    }
    emitWindow();
    appendRecent();
    decimate(raw, &out, maxPoints);
    return out;
}

} // namespace Meridian::History
