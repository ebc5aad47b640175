// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"
#include "ui/charts/chart.h"

#include <memory>

class QCPPainter;

namespace Meridian::Reports {

class ReportText;

// A report's line chart (availability per hour or day): the console's
// time-plot set-up, one graph per line, NaN breaking a line (a gap).
class ReportLineChart : public Chart
{
    Q_OBJECT
public:
    explicit ReportLineChart(QWidget* parent = nullptr);
    void setChart(const ReportChart& chart, const ReportText& text);
};

// The chart that draws `chart` with the console's chart classes (StackedCapacityChart
// or ReportLineChart), labelled in the report's language and on a UTC time axis.
std::unique_ptr<Chart> createChartWidget(const ReportChart& chart, const ReportText& text);
// Draws a chart from createChartWidget() as vectors (QCustomPlot::toPainter); the
// painter is the PDF's own, in QCustomPlot's vectorized mode (as QCustomPlot::savePdf does).
void paintChart(Chart* chart, QCPPainter* painter, const QRectF& rect);

} // namespace Meridian::Reports
