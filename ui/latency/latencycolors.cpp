// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencycolors.h"

#include <QPalette>

namespace Meridian::LatencyColors {

QColor verdictColor(TargetVerdict verdict, const QPalette& palette)
{
    switch (verdict) {
    case TargetVerdict::Within:
        return Theme::color(Theme::State::Ok, palette);
    case TargetVerdict::Near:
        return Theme::color(Theme::State::Warning, palette);
    case TargetVerdict::Over:
        return Theme::color(Theme::State::Critical, palette);
    case TargetVerdict::Lost:
        // Worse than over: the strongest contrast there is (and drawn dashed on the map).
        return Theme::isDark(palette) ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x1a, 0x1a, 0x1a);
    case TargetVerdict::NoData:
        break;
    }
    return Theme::isDark(palette) ? QColor(0x60, 0x60, 0x60) : QColor(0xd8, 0xd8, 0xd8);
}

quint8 verdictIndex(TargetVerdict verdict)
{
    return quint8(verdict);
}

QList<QRgb> verdictTable(const QPalette& palette)
{
    QList<QRgb> table(256, verdictColor(TargetVerdict::Lost, palette).rgb());
    for (TargetVerdict v :
        { TargetVerdict::NoData, TargetVerdict::Within, TargetVerdict::Near, TargetVerdict::Over, TargetVerdict::Lost })
        table[verdictIndex(v)] = verdictColor(v, palette).rgb();
    return table;
}

Theme::State siteHealth(int nodes, int nodesDown)
{
    if (nodes <= 0)
        return Theme::State::Unknown;
    const double down = double(nodesDown) / nodes;
    return down == 0 ? Theme::State::Ok : down < 0.1 ? Theme::State::Degraded : Theme::State::Down;
}

} // namespace Meridian::LatencyColors
