// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobutilizationchart.h"

#include "core/session/fleethistory.h"
#include "core/util/whenready.h"
#include "ui/charts/customplot.h"

namespace Meridian {
namespace {
constexpr int MaxPoints = 400;
}

JobUtilizationChart::JobUtilizationChart(FleetHistory* history, QWidget* parent)
    : Chart(parent)
    , m_history(history)
{
    m_graph = plot()->addGraph();
    m_graph->setLineStyle(QCPGraph::lsLine);
    m_graph->setPen(QPen(QColor(0x43, 0xa0, 0x47), 1.5));
    m_graph->setName(tr("Mean utilization (%)")); // the value under the mouse
    plot()->yAxis->setRange(0, 100);
    plot()->yAxis->setLabel(tr("Utilization (%)"));
    setEmptyText(tr("No cached utilization for this job's accelerators"));
}

int JobUtilizationChart::pointCount() const
{
    return m_graph->dataCount();
}

void JobUtilizationChart::show(const QList<QPair<QString, int>>& accelerators, qint64 fromMs, qint64 toMs)
{
    const quint64 generation = ++m_generation;
    m_sums.clear();
    m_graph->data()->clear();
    showEmpty();
    requestReplot();
    m_pending = 0;
    if (!m_history || accelerators.isEmpty() || toMs <= fromMs)
        return;
    // One bucket grid for all series, so means line up.
    const qint64 bucket = std::max<qint64>(5000, (toMs - fromMs) / MaxPoints);
    for (const auto& [node, index] : accelerators.mid(0, MaxSeries)) {
        ++m_pending;
        whenReady(
            this, m_history->accelerator(node, index, AcceleratorMetric::Utilization, fromMs, toMs, MaxPoints),
            [this, generation, bucket, fromMs](const MetricSeries& series) {
                if (generation != m_generation)
                    return;
                for (const MetricPoint& p : series.points) {
                    auto& slot = m_sums[fromMs + (p.timestampMs - fromMs) / bucket * bucket];
                    slot.first += p.last;
                    ++slot.second;
                }
                if (--m_pending == 0)
                    finish();
            },
            [this, generation] {
                if (generation == m_generation && --m_pending == 0)
                    finish();
            });
    }
}

void JobUtilizationChart::finish()
{
    QVector<double> keys, values;
    keys.reserve(m_sums.size());
    values.reserve(m_sums.size());
    for (auto it = m_sums.cbegin(); it != m_sums.cend(); ++it) {
        keys.append(double(it.key()) / 1000.0);
        values.append(it->first / it->second);
    }
    m_graph->setData(keys, values, true);
    if (!keys.isEmpty()) {
        plot()->xAxis->setRange(keys.first(), std::max(keys.last(), keys.first() + 60));
        showPlot();
    }
    requestReplot();
}

} // namespace Meridian
