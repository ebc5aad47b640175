// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/reliabilitychart.h"

#include "core/util/whenready.h"
#include "ui/charts/timeplot.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace Meridian::Faults {
namespace {
constexpr qint64 Day = 24LL * 3600 * 1000;
constexpr double HourMs = 3600.0 * 1000;

QColor seriesColor(int i)
{
    static const QColor colors[]
        = { QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e),
              QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf) };
    return colors[i % 8];
}
} // namespace

ReliabilityChart::ReliabilityChart(QWidget* parent)
    : QWidget(parent)
    , m_metricBox(new QComboBox(this))
    , m_rangeBox(new QComboBox(this))
    , m_plot(new QCustomPlot)
    , m_emptyLabel(new QLabel)
{
    setObjectName(QStringLiteral("reliabilityChart"));
    m_metricBox->setObjectName(QStringLiteral("reliabilityMetric"));
    m_rangeBox->setObjectName(QStringLiteral("reliabilityRange"));
    m_metricBox->addItem(QString(), int(Metric::Mttr));
    m_metricBox->addItem(QString(), int(Metric::BetweenIncidents));
    m_rangeBox->addItem(QString(), int(Range::Days));
    m_rangeBox->addItem(QString(), int(Range::Weeks));
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_metricBox);
    bar->addWidget(m_rangeBox);
    bar->addStretch(1);
    auto* plotHost = new QWidget(this);
    m_stack = new QStackedLayout(plotHost);
    TimePlot::setUp(m_plot, m_emptyLabel, m_stack);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(plotHost, 1);
    setMinimumHeight(200);
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, &ReliabilityChart::rebuild);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, &ReliabilityChart::recompute);
    updateTexts();
    m_stack->setCurrentWidget(m_emptyLabel);
}

void ReliabilityChart::setIncidents(const QList<IncidentSpan>& incidents, qint64 nowMs)
{
    m_incidents = incidents;
    m_nowMs = nowMs;
    recompute();
}

void ReliabilityChart::setMetric(Metric metric)
{
    m_metricBox->setCurrentIndex(m_metricBox->findData(int(metric)));
}

void ReliabilityChart::setRange(Range range)
{
    m_rangeBox->setCurrentIndex(m_rangeBox->findData(int(range)));
}

bool ReliabilityChart::isEmptyShown() const
{
    return m_stack->currentWidget() == m_emptyLabel;
}

void ReliabilityChart::recompute()
{
    if (m_nowMs <= 0)
        return;
    const bool weeks = Range(m_rangeBox->currentData().toInt()) == Range::Weeks;
    const qint64 bucket = weeks ? 7 * Day : Day;
    const qint64 from = m_nowMs - (weeks ? 12 : 14) * bucket + 1;
    const int generation = ++m_generation;
    whenReady(this, reliabilityBucketsAsync(m_incidents, from, m_nowMs + 1, bucket),
        [this, generation, bucket](const QList<PoolBuckets>& buckets) {
            if (generation != m_generation)
                return; // a newer request is on its way
            m_buckets = buckets;
            m_bucketMs = bucket;
            rebuild();
            Q_EMIT updated();
        });
}

void ReliabilityChart::rebuild()
{
    const bool mttr = Metric(m_metricBox->currentData().toInt()) == Metric::Mttr;
    m_plot->clearGraphs();
    double maxValue = 0;
    bool any = false;
    for (int i = 0; i < m_buckets.size(); ++i) {
        const PoolBuckets& p = m_buckets[i];
        QCPGraph* g = m_plot->addGraph();
        g->setName(p.pool);
        g->setPen(QPen(seriesColor(i), 2));
        // Points as well as lines: a bucket between two gaps still shows.
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(i), 6));
        QList<QCPGraphData> data;
        for (int b = 0; b < p.startMs.size(); ++b) {
            const double v = (mttr ? p.mttrMs : p.betweenIncidentsMs).value(b) / HourMs; // NaN stays NaN: a gap
            data.append(QCPGraphData((p.startMs[b] + m_bucketMs / 2) / 1000.0, v));
            if (!std::isnan(v)) {
                maxValue = std::max(maxValue, v);
                any = true;
            }
        }
        g->data()->set(data, true);
    }
    if (!m_buckets.isEmpty()) {
        const PoolBuckets& p = m_buckets.first();
        m_plot->xAxis->setRange(p.startMs.first() / 1000.0, (p.startMs.last() + m_bucketMs) / 1000.0);
    }
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(QStringLiteral("MM-dd"));
    m_plot->yAxis->setRange(0, std::max(1.0, maxValue * 1.15));
    m_plot->yAxis->setLabel(mttr ? tr("MTTR (hours)") : tr("Between incidents (hours)"));
    m_stack->setCurrentWidget(any ? static_cast<QWidget*>(m_plot) : m_emptyLabel);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReliabilityChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void ReliabilityChart::updateTexts()
{
    m_metricBox->setItemText(0, tr("MTTR per pool"));
    m_metricBox->setItemText(1, tr("Time between incidents per pool"));
    m_rangeBox->setItemText(0, tr("Per day, 14 days"));
    m_rangeBox->setItemText(1, tr("Per week, 12 weeks"));
    m_emptyLabel->setText(
        tr("No figures in this range (MTTR needs resolved incidents, time between incidents any incident)"));
    if (!m_buckets.isEmpty())
        rebuild();
}

} // namespace Meridian::Faults
