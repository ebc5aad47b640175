// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Colours of the latency views: a 256-entry table for heatmap indexes (0 =
// no data) and the colour of a pair against its target.

#include "core/latency/latencytargets.h"

#include <QColor>
#include <QList>
#include <QRgb>

namespace Meridian::LatencyColors {

QList<QRgb> heatmapTable(); ///< index 0 grey (missing), 1–255 green → yellow → red → purple
QColor againstTarget(const PairStats& stats, const LatencyTarget& target); ///< grey when missing
QColor siteHealth(int nodes, int nodesDown);

} // namespace Meridian::LatencyColors
