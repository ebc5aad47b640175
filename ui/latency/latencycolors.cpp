// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencycolors.h"

#include <cmath>

namespace Meridian::LatencyColors {

QList<QRgb> heatmapTable()
{
    QList<QRgb> table(256);
    table[0] = qRgb(0xe4, 0xe4, 0xe4);
    // Hue from green (good) through yellow to red, then darker for the worst.
    for (int i = 1; i < 256; ++i) {
        const double f = (i - 1) / 254.0;
        const double hue = 120.0 * (1.0 - std::min(1.0, f / 0.92));
        const double value = f < 0.92 ? 0.85 : 0.85 - 0.4 * (f - 0.92) / 0.08;
        table[i] = QColor::fromHsvF(float(hue / 360.0), 0.8f, float(value)).rgb();
    }
    return table;
}

QColor againstTarget(const PairStats& stats, const LatencyTarget& target)
{
    if (!stats.hasData())
        return QColor(0x9e, 0x9e, 0x9e);
    if (!std::isnan(stats.loss) && stats.loss >= 0.999)
        return QColor(0x6a, 0x1b, 0x9a); // cut: nothing answers
    const bool lossy = !std::isnan(target.loss) && !std::isnan(stats.loss) && stats.loss > target.loss;
    const double ratio = std::isnan(target.p50Ms) || std::isnan(stats.p50Ms) ? 0.0 : stats.p50Ms / target.p50Ms;
    if (lossy || ratio > 1.0)
        return QColor(0xd3, 0x2f, 0x2f);
    if (ratio > 0.8)
        return QColor(0xf9, 0xa8, 0x25);
    return QColor(0x38, 0x8e, 0x3c);
}

QColor siteHealth(int nodes, int nodesDown)
{
    if (nodes <= 0)
        return QColor(0x9e, 0x9e, 0x9e);
    const double down = double(nodesDown) / nodes;
    return down == 0 ? QColor(0x19, 0x76, 0xd2) : down < 0.1 ? QColor(0xf9, 0xa8, 0x25) : QColor(0xd3, 0x2f, 0x2f);
}

} // namespace Meridian::LatencyColors
