// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/capacitychart.h"

#include "ui/charts/timeplot.h"
#include "ui/common/theme.h"

#include <QEvent>
#include <QLabel>
#include <QStackedLayout>
#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace Meridian {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 RollupStepMs = 60'000; // the cache's rollups are per minute
} // namespace

CapacityChart::CapacityChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_emptyLabel(new QLabel(this))
    , m_stack(new QStackedLayout(this))
{
    TimePlot::setUp(m_plot, m_emptyLabel, m_stack);
    setMinimumHeight(220);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop);
    m_plot->axisRect()->setMargins(QMargins(0, 0, 12, 0));

    m_total = m_plot->addGraph();
    m_allocated = m_plot->addGraph();
    m_free = m_plot->addGraph();
    m_faulty = m_plot->addGraph();
    for (QCPGraph* graph : { m_total, m_allocated, m_free, m_faulty })
        graph->setLineStyle(QCPGraph::lsLine);

    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(4);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    // Legend in its own row above the axis rect, so it never covers data.
    m_plot->plotLayout()->insertRow(0);
    auto* legendCell = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 0, legendCell);
    legendCell->addElement(0, 0, m_plot->legend);
    legendCell->addElement(0, 1, new QCPLayoutElement(m_plot)); // takes the spare width
    legendCell->setColumnStretchFactor(0, 0.01);
    legendCell->setMargins(QMargins(0, 0, 0, 0));
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 0));

    updateTexts();
    updateColors();
    showEmpty(true);
}

CapacityChart::~CapacityChart() = default;

void CapacityChart::updateTexts()
{
    m_total->setName(tr("Total"));
    m_allocated->setName(tr("Allocated"));
    m_free->setName(tr("Free"));
    m_faulty->setName(tr("Faulty"));
    m_plot->yAxis->setLabel(tr("Accelerators"));
    // Keep the legend as wide as its entries, at the left, instead of spread over the row.
    m_plot->legend->setMaximumSize(m_plot->legend->minimumOuterSizeHint());
    if (m_emptyLabel->text().isEmpty())
        m_emptyLabel->setText(tr("No history in the cache yet"));
}

void CapacityChart::setEmptyText(const QString& text)
{
    m_emptyLabel->setText(text);
}

void CapacityChart::showEmpty(bool empty)
{
    m_empty = empty;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_emptyLabel) : m_plot);
}

void CapacityChart::clear()
{
    for (QCPGraph* graph : { m_total, m_allocated, m_free, m_faulty })
        graph->data()->clear();
    showEmpty(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
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
    m_plot->xAxis->setRange(from, std::max(to, from + 60));
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (ticker)
        ticker->setDateTimeFormat(to - from > 86400 * 1.5 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    m_plot->yAxis->setRange(0, std::max(1.0, maxValue * 1.08));
    showEmpty(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CapacityChart::updateColors()
{
    const QPalette pal = palette();
    m_plot->setBackground(pal.color(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.color(QPalette::Base));
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Text);
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

    QPen totalPen(Theme::totalColor(pal), 1, Qt::DashLine);
    m_total->setPen(totalPen);
    m_allocated->setPen(QPen(Theme::allocatedColor(pal), 1));
    m_free->setPen(QPen(Theme::freeColor(pal), 1));
    m_faulty->setPen(QPen(Theme::faultyColor(pal), 1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CapacityChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    else if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

} // namespace Meridian
