// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCustomPlot;
class QLabel;
class QStackedLayout;

namespace Meridian::TimePlot {

// What every time-series chart here shares: the plot and its "nothing to show"
// label in one stacked layout, dense-data settings (no antialiasing, cached
// labels, fast polylines — cheap replots of days of minute data, docs/performance.md) and a local-time date axis.
void setUp(QCustomPlot* plot, QLabel* emptyLabel, QStackedLayout* stack);

} // namespace Meridian::TimePlot
