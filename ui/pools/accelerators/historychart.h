// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cache/cachetypes.h"
#include "ui/charts/chart.h"

#include <QPointF>
#include <QTimer>

class QCPGraph;

namespace Meridian {

// One metric of one accelerator over time. Owns its plot. Raw samples are a
// line; decimated buckets add a min/max band around the line of each
// bucket's last value. Gaps (no samples) break the line, never drop to 0.
// The user pans (drag) and zooms (wheel) horizontally; once they stop,
// viewRangeChanged asks the owner for data at the new range's resolution.
class HistoryChart : public Chart
{
    Q_OBJECT
public:
    explicit HistoryChart(QWidget* parent = nullptr);
    ~HistoryChart() override;

    // `scale` multiplies every value (bytes → GiB); `unit` labels the axis.
    void setSeries(const MetricSeries& series, double scale, const QString& unit);
    // The newest live sample (from the store), drawn as a marker past the cache's end.
    void setLivePoint(qint64 timestampMs, double value);
    void clear(const QString& emptyText = {});

    QList<QPointF> plottedPoints() const; ///< (ms, value) of the main line, gaps left out (tests)
    bool hasBand() const;

Q_SIGNALS:
    void viewRangeChanged(qint64 fromMs, qint64 toMs);

protected:
    void restyle() override;

private:
    void onRangeChanged();

    QCPGraph* m_line = nullptr;
    QCPGraph* m_min = nullptr;
    QCPGraph* m_max = nullptr;
    QCPGraph* m_live = nullptr;
    QTimer m_rangeTimer;
    double m_scale = 1;
    bool m_settingRange = false;
};

} // namespace Meridian
