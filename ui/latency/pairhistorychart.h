// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One pair's p50/p99 (ms, left axis) and loss (%, right axis) over a chosen
// range, with the pair class's target as a line and violating windows marked.

#include "core/latency/latencytargets.h"

#include <QWidget>

#include <functional>

class QButtonGroup;
class QCustomPlot;
class QLabel;
class QStackedLayout;

namespace Meridian {

class PairHistoryChart : public QWidget
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
    QCustomPlot* plot() const { return m_plot; }

private:
    void setRange(qint64 rangeMs);

    QLabel* m_title;
    QButtonGroup* m_ranges;
    QCustomPlot* m_plot;
    QLabel* m_empty;
    QStackedLayout* m_stack;
    LatencyTarget m_target;
    Source m_source;
    qint64 m_rangeMs = 3600 * 1000;
    int m_points = 0;
    int m_violations = 0;
};

} // namespace Meridian
