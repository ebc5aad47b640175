// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/charts/customplot.h"

#include <QColor>
#include <QPen>

namespace Meridian {

// Lines of one plot told apart by more than colour: the n-th series gets its own dash
// pattern and marker shape, which the legend shows beside its text (colour-blind readers,
// grey-scale print).
QPen seriesPen(const QColor& color, int index, qreal width = 1.5);
QCPScatterStyle::ScatterShape seriesShape(int index);
QCPScatterStyle seriesMarker(const QColor& color, int index, double size = 6);

} // namespace Meridian
