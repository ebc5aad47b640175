// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/chart.h"

#include <QList>
#include <QMap>
#include <QPair>

class QCPGraph;

namespace Meridian {

class FleetHistory;

// Mean utilization of a job's accelerators over its life, from the cache's
// history (agent clock). Up to MaxSeries accelerators are sampled: a
// 1,024-accelerator job is summarised, not queried chip by chip.
class JobUtilizationChart : public Chart
{
    Q_OBJECT
public:
    static constexpr int MaxSeries = 32;

    explicit JobUtilizationChart(FleetHistory* history, QWidget* parent = nullptr);

    // (node, accelerator index) pairs; the time range is the job's life.
    void show(const QList<QPair<QString, int>>& accelerators, qint64 fromMs, qint64 toMs);
    int pointCount() const;

private:
    void finish();

    FleetHistory* m_history;
    QCPGraph* m_graph;
    quint64 m_generation = 0;
    int m_pending = 0;
    QMap<qint64, QPair<double, int>> m_sums; ///< bucket start → (sum, count)
};

} // namespace Meridian
