// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/capacitychart.h"

#include "ui/charts/customplot.h"
#include "ui/charts/seriesstyle.h"
#include "ui/common/theme.h"

#include <cmath>
#include <limits>

namespace Meridian {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 RollupStepMs = 60'000; // the cache's rollups are per minute
} // namespace

CapacityChart::CapacityChart(QWidget* parent)
    : Chart(parent)
{
    setMinimumHeight(220);
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));
    plot()->yAxis->setNumberPrecision(0);
    plot()->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop);
    plot()->axisRect()->setMargins(QMargins(0, 0, 12, 0));

    m_total = plot()->addGraph();
    m_allocated = plot()->addGraph();
    m_free = plot()->addGraph();
    m_faulty = plot()->addGraph();
    for (QCPGraph* graph : { m_total, m_allocated, m_free, m_faulty })
        graph->setLineStyle(QCPGraph::lsLine);

    plot()->legend->setVisible(true);
    plot()->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot()->legend->setWrap(4);
    plot()->legend->setBorderPen(Qt::NoPen);
    plot()->legend->setBrush(Qt::NoBrush);
    // Legend in its own row above the axis rect, so it never covers data.
    plot()->plotLayout()->insertRow(0);
    auto* legendCell = new QCPLayoutGrid;
    plot()->plotLayout()->addElement(0, 0, legendCell);
    legendCell->addElement(0, 0, plot()->legend);
    legendCell->addElement(0, 1, new QCPLayoutElement(plot())); // takes the spare width
    legendCell->setColumnStretchFactor(0, 0.01);
    legendCell->setMargins(QMargins(0, 0, 0, 0));
    plot()->plotLayout()->setRowStretchFactor(0, 0.001);
    plot()->legend->setMargins(QMargins(4, 2, 4, 0));

    retranslate();
    restyle();
}

CapacityChart::~CapacityChart() = default;

void CapacityChart::retranslate()
{
    m_total->setName(tr("Total"));
    m_allocated->setName(tr("Allocated"));
    m_free->setName(tr("Free"));
    m_faulty->setName(tr("Faulty"));
    plot()->yAxis->setLabel(tr("Accelerators"));
    // Keep the legend as wide as its entries, at the left, instead of spread over the row.
    plot()->legend->setMaximumSize(plot()->legend->minimumOuterSizeHint());
    if (emptyText().isEmpty())
        setEmptyText(tr("No history in the cache yet"));
}

void CapacityChart::clear()
{
    for (QCPGraph* graph : { m_total, m_allocated, m_free, m_faulty })
        graph->data()->clear();
    showEmpty();
    requestReplot();
}

void CapacityChart::setSeries(const CapacitySeries& series)
{
    if (series.points.isEmpty()) {
        clear();
        return;
    }
    const qsizetype n = series.points.size();
    QList<QCPGraphData> total, allocated, free, faulty;
    for (auto* list : { &total, &allocated, &free, &faulty })
        list->reserve(n + n / 8);
    qint64 previous = 0;
    double maxValue = 0;
    for (const CapacityPoint& p : series.points) {
        // A missing rollup minute (nothing reported) breaks the line: NaN, never zero.
        if (previous != 0 && p.timestampMs - previous > RollupStepMs * 5 / 2) {
            const double gapKey = (previous + RollupStepMs) / 1000.0;
            for (auto* list : { &total, &allocated, &free, &faulty })
                list->append(QCPGraphData(gapKey, NaN));
        }
        previous = p.timestampMs;
        const double key = p.timestampMs / 1000.0;
        total.append(QCPGraphData(key, p.total));
        allocated.append(QCPGraphData(key, p.allocated));
        free.append(QCPGraphData(key, p.free));
        faulty.append(QCPGraphData(key, p.faulty));
        maxValue = std::max(maxValue, double(p.total));
    }
    m_total->data()->set(total, true);
    m_allocated->data()->set(allocated, true);
    m_free->data()->set(free, true);
    m_faulty->data()->set(faulty, true);

    const double from = (series.fromMs > 0 ? series.fromMs : series.points.first().timestampMs) / 1000.0;
    const double to = (series.toMs > 0 ? series.toMs : series.points.last().timestampMs) / 1000.0;
    plot()->xAxis->setRange(from, std::max(to, from + 60));
    auto ticker = plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (ticker)
        ticker->setDateTimeFormat(to - from > 86400 * 1.5 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    plot()->yAxis->setRange(0, std::max(1.0, maxValue * 1.08));
    showPlot();
    requestReplot();
}

void CapacityChart::restyle()
{
    applyPaletteToPlot();
    const QPalette pal = palette();

    // Not by colour alone: each line has its own dash pattern, shown in the legend.
    m_total->setPen(seriesPen(Theme::totalColor(pal), 0, 1.5));
    m_allocated->setPen(seriesPen(Theme::allocatedColor(pal), 1));
    m_free->setPen(seriesPen(Theme::freeColor(pal), 2));
    m_faulty->setPen(seriesPen(Theme::faultyColor(pal), 3));
    requestReplot();
}

} // namespace Meridian
