// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The legends of the latency map and matrix, painted in a corner of the view: what a line's or a
// cell's colour says against the pair's target (the same verdicts, core/latency/latencytargets.h),
// and on the map what a site's colour, shape and size say.

#include "core/latency/latencytargets.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QFont;
class QPainter;
class QPalette;
class QRectF;
class QPointF;
class QSizeF;

namespace Meridian {

class LatencyLegend
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::LatencyLegend)
public:
    static QString verdictName(TargetVerdict verdict);

    // Map: lines, site health and site size; `radius(capacity)` is the map's own size rule.
    struct SiteSizes
    {
        int smallCapacity = 0, largeCapacity = 0;
        double smallRadius = 4, largeRadius = 10;
    };
    static QSizeF mapSize(const QFont& font, const SiteSizes& sizes);
    static void paintMap(QPainter& p, const QPointF& topLeft, const QPalette& palette, const SiteSizes& sizes);

    // Matrix: one swatch per verdict, stacked, with the caption on top.
    static int matrixWidth(const QFont& font);
    static void paintMatrix(QPainter& p, const QRectF& area, const QPalette& palette);

private:
    static QList<TargetVerdict> verdicts();
};

} // namespace Meridian
