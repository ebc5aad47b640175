// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One pair's p50/p99 (ms, left axis) and loss (%, right axis) over a chosen
// range, with the pair class's target as a line and violating windows marked.

#include "core/latency/latencytargets.h"
#include "ui/charts/chart.h"

#include <functional>

class QButtonGroup;
class QLabel;

namespace Meridian {

class PairHistoryChart : public Chart
{
    Q_OBJECT
public:
    using Source = std::function<QList<PairPoint>(qint64 fromMs, qint64 toMs)>;

    explicit PairHistoryChart(QWidget* parent = nullptr);

    // `title` is translated already; `source` answers from the history at once.
    void showPair(const QString& title, const LatencyTarget& target, Source source);
    void refresh();
    QString title() const;
    int pointCount() const { return m_points; }
    int violationCount() const { return m_violations; }

private:
    void setRange(qint64 rangeMs);

    QLabel* m_title;
    QButtonGroup* m_ranges;
    LatencyTarget m_target;
    Source m_source;
    qint64 m_rangeMs = 3600 * 1000;
    int m_points = 0;
    int m_violations = 0;
};

} // namespace Meridian
