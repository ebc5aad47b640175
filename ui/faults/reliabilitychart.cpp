// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/reliabilitychart.h"

#include "core/util/whenready.h"
#include "ui/charts/customplot.h"
#include "ui/charts/seriesstyle.h"

#include <QComboBox>
#include <QHBoxLayout>

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
    : Chart(parent)
    , m_metricBox(new QComboBox(this))
    , m_rangeBox(new QComboBox(this))
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
    addBar(bar);
    plot()->legend->setVisible(true);
    plot()->legend->setBrush(Qt::NoBrush);
    plot()->legend->setBorderPen(Qt::NoPen);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot()->yAxis->setNumberFormat(QStringLiteral("f"));
    plot()->yAxis->setNumberPrecision(1);
    setMinimumHeight(200);
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, &ReliabilityChart::rebuild);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this, &ReliabilityChart::recompute);
    retranslate();
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
    plot()->clearGraphs();
    double maxValue = 0;
    bool any = false;
    for (int i = 0; i < m_buckets.size(); ++i) {
        const PoolBuckets& p = m_buckets[i];
        QCPGraph* g = plot()->addGraph();
        g->setName(p.pool);
        g->setPen(seriesPen(seriesColor(i), i, 2));
        // Points as well as lines: a bucket between two gaps still shows. Pattern and marker
        // shape per pool: pools are told apart without their colours.
        g->setScatterStyle(seriesMarker(seriesColor(i), i, 6));
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
        plot()->xAxis->setRange(p.startMs.first() / 1000.0, (p.startMs.last() + m_bucketMs) / 1000.0);
    }
    if (auto ticker = plot()->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(QStringLiteral("MM-dd"));
    plot()->yAxis->setRange(0, std::max(1.0, maxValue * 1.15));
    plot()->yAxis->setLabel(mttr ? tr("MTTR (hours)") : tr("Between incidents (hours)"));
    if (any)
        showPlot();
    else
        showEmpty();
    requestReplot();
}

void ReliabilityChart::retranslate()
{
    m_metricBox->setItemText(0, tr("MTTR per pool"));
    m_metricBox->setItemText(1, tr("Time between incidents per pool"));
    m_rangeBox->setItemText(0, tr("Per day, 14 days"));
    m_rangeBox->setItemText(1, tr("Per week, 12 weeks"));
    setEmptyText(tr("No figures in this range (MTTR needs resolved incidents, time between incidents any incident)"));
    if (!m_buckets.isEmpty())
        rebuild();
}

} // namespace Meridian::Faults
