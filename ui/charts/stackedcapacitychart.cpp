// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/stackedcapacitychart.h"

#include "ui/charts/timeplot.h"
#include "ui/common/theme.h"

#include <QEvent>
#include <QLabel>
#include <QStackedLayout>
#include <qcustomplot.h>

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
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_emptyLabel(new QLabel(this))
    , m_stack(new QStackedLayout(this))
{
    TimePlot::setUp(m_plot, m_emptyLabel, m_stack);
    setMinimumHeight(200);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);

    // Drawing order bottom-up; each band fills down to the edge below it.
    m_faulty = m_plot->addGraph();
    m_allocated = m_plot->addGraph();
    m_free = m_plot->addGraph();
    m_allocated->setChannelFillGraph(m_faulty);
    m_free->setChannelFillGraph(m_allocated);
    for (QCPGraph* graph : { m_faulty, m_allocated, m_free })
        graph->setLineStyle(QCPGraph::lsStepLeft);

    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(3);
    m_plot->plotLayout()->insertRow(0);
    auto* legendCell = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 0, legendCell);
    legendCell->addElement(0, 0, m_plot->legend);
    legendCell->addElement(0, 1, new QCPLayoutElement(m_plot));
    legendCell->setColumnStretchFactor(0, 0.01);
    legendCell->setMargins(QMargins(0, 0, 0, 0));
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);

    updateTexts();
    updateColors();
    showEmpty(true);
}

StackedCapacityChart::~StackedCapacityChart() = default;

void StackedCapacityChart::updateTexts()
{
    m_faulty->setName(tr("Faulty"));
    m_allocated->setName(tr("Allocated"));
    m_free->setName(tr("Free"));
    m_plot->yAxis->setLabel(tr("Accelerators"));
    m_plot->legend->setMaximumSize(m_plot->legend->minimumOuterSizeHint());
    m_emptyLabel->setText(tr("No capacity history for this scope in the cache yet"));
}

void StackedCapacityChart::showEmpty(bool empty)
{
    m_empty = empty;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_emptyLabel) : m_plot);
}

void StackedCapacityChart::clear()
{
    for (QCPGraph* graph : { m_faulty, m_allocated, m_free })
        graph->data()->clear();
    showEmpty(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
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
    m_plot->xAxis->setRange(from, std::max(to, from + 60));
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(to - from > 86400 * 1.5 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    m_plot->yAxis->setRange(0, std::max(1.0, maxValue * 1.08));
    showEmpty(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void StackedCapacityChart::updateColors()
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    m_plot->setBackground(base);
    m_plot->axisRect()->setBackground(base);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(40);
    for (QCPAxis* axis : { m_plot->xAxis, m_plot->yAxis }) {
        axis->setBasePen(QPen(pal.color(QPalette::Mid), 1));
        axis->setTickPen(QPen(pal.color(QPalette::Mid), 1));
        axis->setSubTickPen(QPen(pal.color(QPalette::Mid), 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
    }
    m_plot->legend->setTextColor(text);
    const std::pair<QCPGraph*, QColor> bands[] = { { m_faulty, Theme::faultyColor(pal) },
        { m_allocated, Theme::allocatedColor(pal) }, { m_free, Theme::freeColor(pal) } };
    for (const auto& [graph, color] : bands) {
        graph->setPen(QPen(color, 1));
        graph->setBrush(bandColor(color, base));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void StackedCapacityChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    else if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

} // namespace Meridian
