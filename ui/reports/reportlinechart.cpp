// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportlinechart.h"

#include "core/reports/reporttext.h"
#include "ui/charts/customplot.h"
#include "ui/charts/seriesstyle.h"
#include "ui/charts/stackedcapacitychart.h"

#include <QPainter>

namespace Meridian::Reports {

namespace {
// Reports state their times in UTC (reproducible wherever they are generated).
void useUtcAxis(QCustomPlot* plot)
{
    if (auto ticker = plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>()) {
        ticker->setDateTimeSpec(Qt::UTC);
        ticker->setDateTimeFormat(QStringLiteral("MM-dd\nHH:mm"));
    }
}

const QList<QColor>& lineColors()
{
    static const QList<QColor> colors
        = { QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c), QColor(0xff, 0x7f, 0x0e) };
    return colors;
}
} // namespace

ReportLineChart::ReportLineChart(QWidget* parent)
    : Chart(parent)
{
    useUtcAxis(plot());
    plot()->legend->setVisible(true);
    plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
}

void ReportLineChart::setChart(const ReportChart& chart, const ReportText& text)
{
    plot()->clearGraphs();
    double low = 100, high = 0;
    for (qsizetype i = 0; i < chart.lines.size(); ++i) {
        const ReportLine& line = chart.lines[i];
        QCPGraph* g = plot()->addGraph();
        g->setName(text.localized(line.name));
        g->setPen(seriesPen(lineColors()[i % lineColors().size()], int(i)));
        g->setLineStyle(QCPGraph::lsStepLeft);
        // A short range may hold a single bucket: a line of one point draws nothing, a marker does.
        g->setScatterStyle(QCPScatterStyle(seriesShape(int(i)), 4));
        QVector<double> x, y;
        for (const auto& [ms, v] : line.points) {
            x.append(double(ms) / 1000.0);
            y.append(v); // NaN: QCustomPlot leaves a gap
            if (!std::isnan(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
        // Each point is a bucket's start and the step holds its value to the next: the last bucket
        // gets its end too, or the line would stop a bucket before the data does.
        if (x.size() >= 2) {
            x.append(x.last() + (x.at(1) - x.at(0)));
            y.append(y.last());
        }
        g->setData(x, y, true);
    }
    plot()->yAxis->setLabel(text.localized(chart.yLabel));
    plot()->rescaleAxes();
    if (plot()->xAxis->range().size() < 60) { // one bucket: give the axis an hour around it
        const double centre = plot()->xAxis->range().center();
        plot()->xAxis->setRange(centre - 1800, centre + 1800);
    }
    if (high >= low)
        plot()->yAxis->setRange(std::max(0.0, low - (high - low) * 0.1 - 0.5), std::min(100.5, high + 0.5));
    showPlot();
}

std::unique_ptr<Chart> createChartWidget(const ReportChart& chart, const ReportText& text)
{
    if (chart.kind == ReportChart::Kind::StackedCapacity) {
        auto w = std::make_unique<StackedCapacityChart>();
        w->setSeries(chart.capacity);
        useUtcAxis(w->plot());
        // The chart names its bands in the console's language; a report uses its own.
        w->faultyGraph()->setName(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Faulty")));
        w->allocatedGraph()->setName(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Allocated")));
        w->freeGraph()->setName(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Free")));
        w->plot()->yAxis->setLabel(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerators")));
        return w;
    }
    auto w = std::make_unique<ReportLineChart>();
    w->setChart(chart, text);
    return w;
}

void paintChart(Chart* chart, QCPPainter* painter, const QRectF& rect)
{
    if (!chart)
        return;
    QCustomPlot* plot = chart->plot();
    // Pixels, not points: the PDF runs at 72 dpi (a pixel is a point), and a chart recorded
    // into a QPicture (recordCharts) keeps the same size whatever the screen's dpi.
    QFont font = painter->font();
    font.setPixelSize(7);
    for (QCPAxis* axis : { plot->xAxis, plot->yAxis }) {
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
    }
    plot->legend->setFont(font);
    plot->setNotAntialiasedElements(QCP::aeNone); // vector output: smooth lines cost nothing here
    painter->save();
    painter->translate(rect.topLeft());
    plot->toPainter(painter, int(rect.width()), int(rect.height()));
    painter->restore();
}

} // namespace Meridian::Reports
