// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/historychart.h"

#include "ui/charts/timeplot.h"
#include "ui/common/theme.h"

#include <QEvent>
#include <QLabel>
#include <QStackedLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Meridian {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 DefaultStepMs = 5000; // agents sample every 5 s

// The typical spacing of the points: the bucket width, or the median step of raw samples.
qint64 typicalStep(const MetricSeries& series)
{
    if (series.bucketMs > 0)
        return series.bucketMs;
    if (series.points.size() < 3)
        return DefaultStepMs;
    QList<qint64> steps;
    steps.reserve(series.points.size() - 1);
    for (qsizetype i = 1; i < series.points.size(); ++i)
        steps.append(series.points.at(i).timestampMs - series.points.at(i - 1).timestampMs);
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    return std::max<qint64>(1, steps.at(steps.size() / 2));
}
} // namespace

HistoryChart::HistoryChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_emptyLabel(new QLabel(this))
    , m_stack(new QStackedLayout(this))
{
    TimePlot::setUp(m_plot, m_emptyLabel, m_stack);
    setMinimumHeight(180);
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop);
    m_plot->axisRect()->setMargins(QMargins(0, 0, 12, 0));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    // Band first so the line is drawn over it.
    m_min = m_plot->addGraph();
    m_max = m_plot->addGraph();
    m_max->setChannelFillGraph(m_min);
    m_line = m_plot->addGraph();
    m_live = m_plot->addGraph();
    m_live->setLineStyle(QCPGraph::lsNone);
    m_live->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));

    m_rangeTimer.setSingleShot(true);
    m_rangeTimer.setInterval(300);
    connect(&m_rangeTimer, &QTimer::timeout, this, [this] {
        const QCPRange r = m_plot->xAxis->range();
        Q_EMIT viewRangeChanged(qint64(r.lower * 1000), qint64(r.upper * 1000));
    });
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &HistoryChart::onRangeChanged);

    updateColors();
    clear();
}

HistoryChart::~HistoryChart() = default;

void HistoryChart::onRangeChanged()
{
    if (!m_settingRange)
        m_rangeTimer.start(); // the user is dragging or zooming: ask once they pause
}

void HistoryChart::showEmpty(bool empty)
{
    m_empty = empty;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_emptyLabel) : m_plot);
}

void HistoryChart::clear(const QString& emptyText)
{
    for (QCPGraph* g : { m_line, m_min, m_max, m_live })
        g->data()->clear();
    m_emptyLabel->setText(emptyText.isEmpty() ? tr("No history in the cache for this range") : emptyText);
    showEmpty(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistoryChart::setSeries(const MetricSeries& series, double scale, const QString& unit)
{
    m_scale = scale;
    m_rangeTimer.stop();
    const bool band = series.bucketMs > 0;
    const qint64 step = typicalStep(series);
    const qsizetype n = series.points.size();
    QList<QCPGraphData> line, lo, hi;
    line.reserve(n + n / 8);
    if (band) {
        lo.reserve(n + n / 8);
        hi.reserve(n + n / 8);
    }
    qint64 previous = 0;
    double minValue = std::numeric_limits<double>::max(), maxValue = std::numeric_limits<double>::lowest();
    for (const MetricPoint& p : series.points) {
        if (previous != 0 && p.timestampMs - previous > step * 5 / 2) {
            // No samples here: NaN breaks the line (and the band) instead of bridging it.
            const double gapKey = (previous + step) / 1000.0;
            line.append(QCPGraphData(gapKey, NaN));
            if (band) {
                lo.append(QCPGraphData(gapKey, NaN));
                hi.append(QCPGraphData(gapKey, NaN));
            }
        }
        previous = p.timestampMs;
        const double key = p.timestampMs / 1000.0;
        line.append(QCPGraphData(key, p.last * scale));
        if (band) {
            lo.append(QCPGraphData(key, p.min * scale));
            hi.append(QCPGraphData(key, p.max * scale));
        }
        minValue = std::min(minValue, double(p.min) * scale);
        maxValue = std::max(maxValue, double(p.max) * scale);
    }
    m_line->data()->set(line, true);
    m_min->data()->set(lo, true);
    m_max->data()->set(hi, true);
    m_plot->yAxis->setLabel(unit);

    m_settingRange = true;
    const double from = series.fromMs / 1000.0;
    const double to = std::max(series.toMs / 1000.0, from + 60);
    m_plot->xAxis->setRange(from, to);
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (ticker)
        ticker->setDateTimeFormat(to - from > 86400 * 1.5 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    if (n > 0) {
        const double pad = std::max(1e-9, (maxValue - minValue) * 0.08);
        m_plot->yAxis->setRange(std::min(0.0, minValue - pad), maxValue + pad);
    }
    m_settingRange = false;
    if (n == 0 && m_live->data()->isEmpty())
        m_emptyLabel->setText(tr("No history in the cache for this range"));
    showEmpty(n == 0 && m_live->data()->isEmpty());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistoryChart::setLivePoint(qint64 timestampMs, double value)
{
    m_live->data()->clear();
    if (timestampMs > 0 && !std::isnan(value)) {
        m_live->addData(timestampMs / 1000.0, value * m_scale);
        if (m_empty) {
            m_settingRange = true;
            m_plot->xAxis->setRange(timestampMs / 1000.0 - 300, timestampMs / 1000.0 + 30);
            m_plot->yAxis->setRange(std::min(0.0, value * m_scale), std::max(1.0, value * m_scale * 1.1));
            m_settingRange = false;
            showEmpty(false);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<QPointF> HistoryChart::plottedPoints() const
{
    QList<QPointF> points;
    points.reserve(m_line->data()->size());
    for (auto it = m_line->data()->constBegin(); it != m_line->data()->constEnd(); ++it)
        if (!std::isnan(it->value))
            points.append(QPointF(it->key * 1000.0, it->value));
    return points;
}

bool HistoryChart::hasBand() const
{
    return !m_max->data()->isEmpty();
}

void HistoryChart::updateColors()
{
    const QPalette pal = palette();
    m_plot->setBackground(pal.color(QPalette::Base));
    m_plot->axisRect()->setBackground(pal.color(QPalette::Base));
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
    const QColor lineColor = Theme::color(Theme::Tone::Info, pal);
    m_line->setPen(QPen(lineColor, 1));
    QColor band = lineColor;
    band.setAlpha(60);
    m_min->setPen(Qt::NoPen);
    m_max->setPen(Qt::NoPen);
    m_max->setBrush(band);
    m_live->setPen(QPen(Theme::color(Theme::Tone::Good, pal), 1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistoryChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColors();
    QWidget::changeEvent(event);
}

} // namespace Meridian
