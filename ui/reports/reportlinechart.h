// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

#include <QWidget>

class QCPPainter;
class QCustomPlot;
class QLabel;
class QStackedLayout;

namespace Meridian::Reports {

class ReportText;

// A report's line chart (availability per hour or day): the console's
// time-plot set-up, one graph per line, NaN breaking a line (a gap).
class ReportLineChart : public QWidget
{
    Q_OBJECT
public:
    explicit ReportLineChart(QWidget* parent = nullptr);
    void setChart(const ReportChart& chart, const ReportText& text);
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
    QLabel* m_emptyLabel;
    QStackedLayout* m_stack;
};

// The widget that draws `chart` with the console's chart classes (StackedCapacityChart
// or ReportLineChart), labelled in the report's language and on a UTC time axis.
std::unique_ptr<QWidget> createChartWidget(const ReportChart& chart, const ReportText& text);
// Draws a widget from createChartWidget() as vectors (QCustomPlot::toPainter); the
// painter is the PDF's own, in QCustomPlot's vectorized mode (as QCustomPlot::savePdf does).
void paintChart(QWidget* chartWidget, QCPPainter* painter, const QRectF& rect);

} // namespace Meridian::Reports
