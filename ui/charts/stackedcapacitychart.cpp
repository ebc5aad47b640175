// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/stackedcapacitychart.h"

#include "ui/charts/customplot.h"
#include "ui/charts/seriesstyle.h"
#include "ui/common/theme.h"

#include <limits>

namespace Meridian {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 RollupStepMs = 60'000; // the cache's rollups are per minute

// An opaque band colour: the series colour mixed into the background, so the
// 1 px edge stays the strongest line and no alpha blending is needed.
QColor bandColor(const QColor& series, const QColor& background)
{
    constexpr double Mix = 0.35;
    return QColor::fromRgbF(float(series.redF() * Mix + background.redF() * (1 - Mix)),
        float(series.greenF() * Mix + background.greenF() * (1 - Mix)),
        float(series.blueF() * Mix + background.blueF() * (1 - Mix)));
}
} // namespace

StackedCapacityChart::StackedCapacityChart(QWidget* parent)
    : Chart(parent)
{
    setMinimumHeight(200);
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));
    plot()->yAxis->setNumberPrecision(0);

    // Drawing order bottom-up; each band fills down to the edge below it.
    m_faulty = plot()->addGraph();
    m_allocated = plot()->addGraph();
    m_free = plot()->addGraph();
    m_allocated->setChannelFillGraph(m_faulty);
    m_free->setChannelFillGraph(m_allocated);
    for (QCPGraph* graph : { m_faulty, m_allocated, m_free })
        graph->setLineStyle(QCPGraph::lsStepLeft);

    plot()->legend->setVisible(true);
    plot()->legend->setBorderPen(Qt::NoPen);
    plot()->legend->setBrush(Qt::NoBrush);
    plot()->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot()->legend->setWrap(3);
    plot()->plotLayout()->insertRow(0);
    auto* legendCell = new QCPLayoutGrid;
    plot()->plotLayout()->addElement(0, 0, legendCell);
    legendCell->addElement(0, 0, plot()->legend);
    legendCell->addElement(0, 1, new QCPLayoutElement(plot()));
    legendCell->setColumnStretchFactor(0, 0.01);
    legendCell->setMargins(QMargins(0, 0, 0, 0));
    plot()->plotLayout()->setRowStretchFactor(0, 0.001);

    retranslate();
    restyle();
}

StackedCapacityChart::~StackedCapacityChart() = default;

void StackedCapacityChart::retranslate()
{
    m_faulty->setName(tr("Faulty"));
    m_allocated->setName(tr("Allocated"));
    m_free->setName(tr("Free"));
    plot()->yAxis->setLabel(tr("Accelerators"));
    plot()->legend->setMaximumSize(plot()->legend->minimumOuterSizeHint());
    setEmptyText(tr("No capacity history for this scope in the cache yet"));
}

void StackedCapacityChart::clear()
{
    for (QCPGraph* graph : { m_faulty, m_allocated, m_free })
        graph->data()->clear();
    showEmpty();
    requestReplot();
}

void StackedCapacityChart::setSeries(const CapacitySeries& series)
{
    if (series.points.isEmpty()) {
        clear();
        return;
    }
    const qsizetype n = series.points.size();
    QList<QCPGraphData> faulty, allocated, free;
    for (auto* list : { &faulty, &allocated, &free })
        list->reserve(n + n / 8);
    qint64 previous = 0;
    double maxValue = 0;
    for (const CapacityPoint& p : series.points) {
        if (previous != 0 && p.timestampMs - previous > RollupStepMs * 5 / 2) {
            const double gapKey = (previous + RollupStepMs) / 1000.0;
            for (auto* list : { &faulty, &allocated, &free })
                list->append(QCPGraphData(gapKey, NaN));
        }
        previous = p.timestampMs;
        const double key = p.timestampMs / 1000.0;
        faulty.append(QCPGraphData(key, p.faulty));
        allocated.append(QCPGraphData(key, p.faulty + p.allocated));
        free.append(QCPGraphData(key, p.faulty + p.allocated + p.free));
        maxValue = std::max(maxValue, double(p.faulty + p.allocated + p.free));
    }
    m_faulty->data()->set(faulty, true);
    m_allocated->data()->set(allocated, true);
    m_free->data()->set(free, true);

    const double from = (series.fromMs > 0 ? series.fromMs : series.points.first().timestampMs) / 1000.0;
    const double to = (series.toMs > 0 ? series.toMs : series.points.last().timestampMs) / 1000.0;
    plot()->xAxis->setRange(from, std::max(to, from + 60));
    if (auto ticker = plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(to - from > 86400 * 1.5 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    plot()->yAxis->setRange(0, std::max(1.0, maxValue * 1.08));
    showPlot();
    requestReplot();
}

void StackedCapacityChart::restyle()
{
    applyPaletteToPlot();
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const std::pair<QCPGraph*, QColor> bands[] = { { m_faulty, Theme::faultyColor(pal) },
        { m_allocated, Theme::allocatedColor(pal) }, { m_free, Theme::freeColor(pal) } };
    int index = 1; // the patterns of the Overview's Allocated, Free, Faulty lines follow index 0 (Total)
    for (const auto& [graph, color] : bands) {
        graph->setPen(seriesPen(color, index++));
        graph->setBrush(bandColor(color, base));
    }
    requestReplot();
}

} // namespace Meridian
