// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// MTTR or time between incidents per pool over time: per-day buckets over the last 14 days or
// per-week buckets over the last 12 weeks, one line per pool (the pools with
// the most incidents, at most 8). Bucketing runs on the thread pool; a newer
// request drops older answers; each answer costs one queued replot. Buckets
// without a figure are gaps (NaN), never zero.

#include "core/faults/reliabilityseries.h"
#include "ui/charts/chart.h"

class QComboBox;

namespace Meridian::Faults {

class ReliabilityChart : public Chart
{
    Q_OBJECT
public:
    enum class Metric { Mttr, BetweenIncidents };
    enum class Range { Days, Weeks };

    explicit ReliabilityChart(QWidget* parent = nullptr);
    // The incidents (value copy) and "now" on the agents' clock; buckets are computed off the UI thread.
    void setIncidents(const QList<IncidentSpan>& incidents, qint64 nowMs);
    void setMetric(Metric metric);
    void setRange(Range range);
    const QList<PoolBuckets>& shown() const { return m_buckets; }

Q_SIGNALS:
    void updated(); ///< new buckets are on the plot (tests)

protected:
    void retranslate() override;

private:
    void recompute();
    void rebuild();

    QComboBox* m_metricBox;
    QComboBox* m_rangeBox;
    QList<IncidentSpan> m_incidents;
    qint64 m_nowMs = 0;
    QList<PoolBuckets> m_buckets;
    qint64 m_bucketMs = 0;
    int m_generation = 0;
};

} // namespace Meridian::Faults
