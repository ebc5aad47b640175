// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Colours of the latency views, from the theme's colour-blind-safe palette: a pair by where it stands
// against its target (core/latency/latencytargets.h, verdict()), a site by its health. The matrix uses
// the same colours as 256-entry table indexes: 0 = no data, then one index per verdict, worse higher.

#include "core/latency/latencytargets.h"
#include "ui/common/theme.h"

#include <QColor>
#include <QList>
#include <QRgb>

class QPalette;

namespace Meridian::LatencyColors {

QColor verdictColor(TargetVerdict verdict, const QPalette& palette);
quint8 verdictIndex(TargetVerdict verdict); ///< the matrix's cell index: NoData 0, Within 1 … Lost 4
QList<QRgb> verdictTable(const QPalette& palette); ///< 256 entries, verdictIndex() → verdictColor()
Theme::State siteHealth(int nodes, int nodesDown); ///< unknown without nodes; down from 10 % of nodes down

} // namespace Meridian::LatencyColors
