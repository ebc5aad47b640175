// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/plottracer.h"

#include "ui/charts/customplot.h"

#include <QDateTime>
#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Meridian {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
// Two samples further apart than this many usual steps have a gap between them.
constexpr double GapSteps = 3.0;

// The median spacing of a graph's keys, sampled: a week of minutes is 10,000 points.
double usualStep(const QCPGraphDataContainer& data)
{
    const int n = data.size();
    if (n < 2)
        return 0;
    const int samples = std::min(n - 1, 256);
    QList<double> steps;
    steps.reserve(samples);
    for (int s = 0; s < samples; ++s) {
        const int i = 1 + int(qint64(s) * (n - 1) / samples);
        const double step = data.at(i)->key - data.at(i - 1)->key;
        if (step > 0)
            steps.append(step);
    }
    if (steps.isEmpty())
        return 0;
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    return steps.at(steps.size() / 2);
}

QString formatValue(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = value == std::floor(value) || magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
    return QLocale().toString(value, 'f', decimals);
}
} // namespace

PlotTracer::PlotTracer(QCustomPlot* plot)
    : QObject(plot)
    , m_plot(plot)
    , m_line(new QCPItemStraightLine(plot))
{
    m_line->setLayer(QStringLiteral("overlay"));
    m_line->setSelectable(false);
    m_line->setVisible(false);
    QPen pen(QColor(128, 128, 128, 160), 1, Qt::DashLine);
    m_line->setPen(pen);
    plot->setMouseTracking(true);
    plot->installEventFilter(this);
}

double PlotTracer::valueAt(const QCPGraph* graph, double key)
{
    const QCPGraphDataContainer& data = *graph->data();
    if (data.isEmpty() || key < data.constBegin()->key || key > (data.constEnd() - 1)->key)
        return NaN;
    auto after = std::lower_bound(
        data.constBegin(), data.constEnd(), key, [](const QCPGraphData& d, double k) { return d.key < k; });
    if (after == data.constEnd())
        --after;
    auto before = after == data.constBegin() ? after : after - 1;
    if (after->key == key)
        return after->value;
    // A NaN on either side is the break a chart writes into a gap.
    if (std::isnan(before->value) || std::isnan(after->value))
        return NaN;
    const auto nearest = key - before->key <= after->key - key ? before : after;
    const double step = usualStep(data);
    const bool scatterOnly = graph->lineStyle() == QCPGraph::lsNone;
    // Markers only (violations, a live point): a value only right at one of them.
    if (scatterOnly)
        return step > 0 && std::abs(nearest->key - key) <= step / 2 ? nearest->value : NaN;
    if (step > 0 && after->key - before->key > GapSteps * step && std::abs(nearest->key - key) > step / 2)
        return NaN;
    return nearest->value;
}

QString PlotTracer::describe(double key) const
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(std::llround(key * 1000)));
    QStringList lines { QLocale().toString(time, QLocale::ShortFormat) };
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        const QCPGraph* graph = m_plot->graph(i);
        if (graph->name().isEmpty() || !graph->visible())
            continue;
        const double value = valueAt(graph, key);
        if (graph->lineStyle() == QCPGraph::lsNone && std::isnan(value))
            continue; // no marker here: nothing to say
        lines.append(tr("%1: %2").arg(graph->name(), std::isnan(value) ? tr("no data") : formatValue(value)));
    }
    return lines.join(QLatin1Char('\n'));
}

bool PlotTracer::isShown() const
{
    return m_line->visible();
}

bool PlotTracer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_plot) {
        if (event->type() == QEvent::MouseMove)
            follow(static_cast<QMouseEvent*>(event));
        else if (event->type() == QEvent::Leave)
            hide();
    }
    return QObject::eventFilter(watched, event);
}

void PlotTracer::follow(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    if (m_plot->graphCount() == 0 || !m_plot->axisRect()->rect().contains(pos)) {
        hide();
        return;
    }
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    m_line->point1->setCoords(key, 0);
    m_line->point2->setCoords(key, 1);
    m_line->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    QToolTip::showText(event->globalPosition().toPoint(), describe(key), m_plot);
}

void PlotTracer::hide()
{
    if (!m_line->visible())
        return;
    m_line->setVisible(false);
    QToolTip::hideText();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace Meridian
