// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QPainter;
class QPalette;
class QRect;

namespace Meridian {

enum class GridMetric;

// The grid's colour scales. Continuous metrics use a perceptually even scale
// (viridis) whose low end is dark violet, so "0 %" never looks like "missing";
// missing is the palette's mid grey, hatched where the cell is large enough.
namespace GridColors {

struct Scale
{
    double min = 0;
    double max = 100;
    QString unit; ///< "%", "°C"; empty for health
};
Scale scale(GridMetric metric);
QColor color(GridMetric metric, float value, const QPalette& palette); ///< value NaN → missing()
QColor missing(const QPalette& palette);
QColor hatch(const QPalette& palette); ///< the lines drawn over missing cells
QColor viridis(double t); ///< t in [0, 1]
// Health is not told by colour alone: a warning cell carries a dot, a faulty one a cross, drawn thin
// in the base colour so the state's colour stays the cell's dominant one. Nothing below 8 px.
void paintHealthMark(QPainter& painter, const QRect& cell, float value, const QPalette& palette);

} // namespace GridColors
} // namespace Meridian
