// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QPalette;

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

} // namespace GridColors
} // namespace Meridian
