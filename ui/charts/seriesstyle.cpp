// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/charts/seriesstyle.h"

#include <array>

namespace Meridian {

namespace {
constexpr std::array Patterns { Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine };
constexpr std::array Shapes { QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
    QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross, QCPScatterStyle::ssTriangleInverted };
} // namespace

QPen seriesPen(const QColor& color, int index, qreal width)
{
    QPen pen(color, width, Patterns[size_t(index) % Patterns.size()]);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QCPScatterStyle::ScatterShape seriesShape(int index)
{
    return Shapes[size_t(index) % Shapes.size()];
}

QCPScatterStyle seriesMarker(const QColor& color, int index, double size)
{
    return QCPScatterStyle(seriesShape(index), color, color, size);
}

} // namespace Meridian
