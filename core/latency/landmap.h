// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The land layer of the latency map: rings of lon/lat points read from the
// compact resource tools/mapdata/convert_world_atlas.py writes from Natural
// Earth (via world-atlas). Land and coastline only: no political borders.

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>

namespace Meridian {

struct LandMap
{
    QList<QList<QPointF>> rings; ///< x = longitude, y = latitude (degrees); closed implicitly
    QRectF box; ///< the clip box of the conversion (x = lon, y = lat)
    int pointCount() const;

    // Parses the "MLND" format; refuses (with *error) anything malformed or over the caps.
    static bool parse(const QByteArray& data, LandMap* out, QString* error);
    static LandMap load(const QString& path, QString* error); ///< a file or a ":/…" resource
};

} // namespace Meridian
