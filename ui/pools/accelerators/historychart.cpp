// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/historychart.h"

#include "ui/charts/customplot.h"
#include "ui/common/theme.h"

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
    : Chart(parent)
{
    setMinimumHeight(180);
    plot()->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom | QCP::msTop);
    plot()->axisRect()->setMargins(QMargins(0, 0, 12, 0));
    plot()->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot()->axisRect()->setRangeDrag(Qt::Horizontal);
    plot()->axisRect()->setRangeZoom(Qt::Horizontal);

    // Band first so the line is drawn over it.
    m_min = plot()->addGraph();
    m_max = plot()->addGraph();
    m_max->setChannelFillGraph(m_min);
    m_line = plot()->addGraph();
    m_live = plot()->addGraph();
    m_live->setLineStyle(QCPGraph::lsNone);
    m_live->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));

    m_rangeTimer.setSingleShot(true);
    m_rangeTimer.setInterval(300);
    connect(&m_rangeTimer, &QTimer::timeout, this, [this] {
        const QCPRange r = plot()->xAxis->range();
        Q_EMIT viewRangeChanged(qint64(r.lower * 1000), qint64(r.upper * 1000));
    });
    connect(plot()->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, &HistoryChart::onRangeChanged);

    restyle();
    clear();
}

HistoryChart::~HistoryChart() = default;

void HistoryChart::onRangeChanged()
{
    if (!m_settingRange)
        m_rangeTimer.start(); // the user is dragging or zooming: ask once they pause
}

void HistoryChart::clear(const QString& emptyText)
{
    for (QCPGraph* g : { m_line, m_min, m_max, m_live })
        g->data()->clear();
    showEmpty(emptyText.isEmpty() ? tr("No history in the cache for this range") : emptyText);
    requestReplot();
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
    plot()->yAxis->setLabel(unit);
    // Names for the values under the mouse: the line, and the band's edges when buckets have one.
    m_line->setName(unit);
    m_min->setName(band ? tr("minimum") : QString());
    m_max->setName(band ? tr("maximum") : QString());
    m_live->setName(tr("live"));

    m_settingRange = true;
    const double from = series.fromMs / 1000.0;
    const double to = std::max(series.toMs / 1000.0, from + 60);
    plot()->xAxis->setRange(from, to);
    auto ticker = plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (ticker)
        ticker->setDateTimeFormat(to - from > 86400 * 1.5 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    if (n > 0) {
        const double pad = std::max(1e-9, (maxValue - minValue) * 0.08);
        plot()->yAxis->setRange(std::min(0.0, minValue - pad), maxValue + pad);
    }
    m_settingRange = false;
    if (n == 0 && m_live->data()->isEmpty())
        showEmpty(tr("No history in the cache for this range"));
    else
        showPlot();
    requestReplot();
}

void HistoryChart::setLivePoint(qint64 timestampMs, double value)
{
    m_live->data()->clear();
    if (timestampMs > 0 && !std::isnan(value)) {
        m_live->addData(timestampMs / 1000.0, value * m_scale);
        if (isEmpty()) {
            m_settingRange = true;
            plot()->xAxis->setRange(timestampMs / 1000.0 - 300, timestampMs / 1000.0 + 30);
            plot()->yAxis->setRange(std::min(0.0, value * m_scale), std::max(1.0, value * m_scale * 1.1));
            m_settingRange = false;
            showPlot();
        }
    }
    requestReplot();
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

void HistoryChart::restyle()
{
    applyPaletteToPlot();
    const QPalette pal = palette();
    const QColor lineColor = Theme::color(Theme::Tone::Info, pal);
    m_line->setPen(QPen(lineColor, 1));
    QColor band = lineColor;
    band.setAlpha(60);
    m_min->setPen(Qt::NoPen);
    m_max->setPen(Qt::NoPen);
    m_max->setBrush(band);
    m_live->setPen(QPen(Theme::color(Theme::Tone::Good, pal), 1));
    requestReplot();
}

} // namespace Meridian
