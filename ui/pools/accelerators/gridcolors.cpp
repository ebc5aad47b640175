// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/gridcolors.h"

#include "ui/common/theme.h"
#include "ui/pools/accelerators/acceleratorgrid.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>

namespace Meridian::GridColors {

Scale scale(GridMetric metric)
{
    switch (metric) {
    case GridMetric::Utilization:
    case GridMetric::Memory:
        return { 0, 100, QStringLiteral("%") };
    case GridMetric::Temperature:
        return { 30, 95, QStringLiteral("°C") };
    case GridMetric::Health:
        return { 0, 2, {} };
    }
    return {};
}

QColor viridis(double t)
{
    // Nine samples of matplotlib's viridis; linear in between.
    static constexpr std::array<QRgb, 9> Stops { 0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962,
        0xaddc30, 0xfde725 };
    t = std::clamp(t, 0.0, 1.0) * (Stops.size() - 1);
    const int i = std::min(int(t), int(Stops.size()) - 2);
    const double f = t - i;
    const QRgb a = Stops[i], b = Stops[i + 1];
    auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return QColor(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

QColor missing(const QPalette& palette)
{
    return palette.color(QPalette::Midlight);
}

QColor hatch(const QPalette& palette)
{
    return palette.color(QPalette::Mid);
}

QColor color(GridMetric metric, float value, const QPalette& palette)
{
    if (std::isnan(value))
        return missing(palette);
    if (metric == GridMetric::Health) {
        if (value >= 1.5f)
            return Theme::color(Theme::State::Down, palette);
        if (value >= 0.5f)
            return Theme::color(Theme::State::Degraded, palette);
        return Theme::color(Theme::State::Ok, palette);
    }
    const Scale s = scale(metric);
    return viridis((value - s.min) / (s.max - s.min));
}

void paintHealthMark(QPainter& p, const QRect& cell, float value, const QPalette& palette)
{
    if (std::isnan(value) || value < 0.5f || cell.width() < 8 || cell.height() < 8)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF box
        = QRectF(cell).adjusted(cell.width() * 0.3, cell.height() * 0.3, -cell.width() * 0.3, -cell.height() * 0.3);
    const qreal width = std::max(1.0, cell.width() / 10.0);
    p.setPen(QPen(palette.color(QPalette::Base), width, Qt::SolidLine, Qt::RoundCap));
    if (value >= 1.5f) {
        p.drawLine(box.topLeft(), box.bottomRight());
        p.drawLine(box.topRight(), box.bottomLeft());
    } else {
        p.setBrush(palette.color(QPalette::Base));
        const qreal r = std::max(1.0, box.width() / 3);
        p.drawEllipse(box.center(), r, r);
    }
    p.restore();
}

} // namespace Meridian::GridColors
