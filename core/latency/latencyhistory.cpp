// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/latencyhistory.h"

#include <algorithm>

namespace Meridian {

QString LatencyHistory::key(LatencyLevel level, const QString& from, const QString& to)
{
    return QString::number(int(level)) + QLatin1Char('|') + from + QLatin1Char('|') + to;
}

void LatencyHistory::record(const LatencyMatrix& matrix)
{
    const LatencyTopology& t = matrix.topology();
    for (LatencyLevel level : { LatencyLevel::Site, LatencyLevel::Pool, LatencyLevel::Node }) {
        const int cap = level == LatencyLevel::Node ? m_maxNodePoints : m_maxPoints;
        const auto& pairs = matrix.pairs(level);
        for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
            const int a = int(it.key() >> 32), b = int(it.key() & 0xffffffffu);
            QList<PairPoint>& series = m_series[key(level, t.id(level, a), t.id(level, b))];
            const PairPoint p { it->windowEndMs, it->p50Ms, it->p99Ms, it->loss };
            if (!series.isEmpty() && series.last().timestampMs >= p.timestampMs) {
                if (series.last().timestampMs == p.timestampMs)
                    series.last() = p; // the same window, more probes folded in
                continue;
            }
            series.append(p);
            if (series.size() > cap)
                series.remove(0, series.size() - cap);
        }
    }
}

QList<PairPoint> LatencyHistory::points(
    LatencyLevel level, const QString& from, const QString& to, qint64 fromMs, qint64 toMs) const
{
    const QList<PairPoint> series = m_series.value(key(level, from, to));
    const auto lo = std::lower_bound(
        series.cbegin(), series.cend(), fromMs, [](const PairPoint& p, qint64 t) { return p.timestampMs < t; });
    QList<PairPoint> out;
    for (auto it = lo; it != series.cend() && it->timestampMs <= toMs; ++it)
        out.append(*it);
    return out;
}

} // namespace Meridian
