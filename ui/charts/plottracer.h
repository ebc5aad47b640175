// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QCPGraph;
class QCPItemStraightLine;
class QCustomPlot;
class QMouseEvent;

namespace Meridian {

// The values under the mouse on a time plot: a vertical line at the mouse's time and a tooltip
// with that time and each named series' value there. In a gap (a NaN break, or no sample within
// a few of the series' usual steps) the series reads "no data", never a neighbour's value.
// Graphs with an empty name are left out (QCustomPlot names a new graph "Graph n": charts name
// each of theirs). Chart installs one on every plot, so every chart class shares it.
class PlotTracer : public QObject
{
    Q_OBJECT
public:
    explicit PlotTracer(QCustomPlot* plot);

    // The tooltip's text at `key` (seconds since the epoch, the x axis of every time plot).
    QString describe(double key) const;
    // A graph's value at `key`, or NaN when it has no sample there.
    static double valueAt(const QCPGraph* graph, double key);
    bool isShown() const; ///< the line is drawn (tests)

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void follow(QMouseEvent* event);
    void hide();

    QCustomPlot* m_plot;
    QCPItemStraightLine* m_line;
};

} // namespace Meridian
