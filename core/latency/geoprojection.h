// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Equirectangular projection with a standard parallel (plate carrée stretched by
// cos φ0): simple, invertible, and close to true shape across China's 35° of
// latitude. Map units are degrees of longitude at the equator; y grows south
// so that the result can be drawn directly.

#include <QList>
#include <QPointF>
#include <QRectF>

namespace Meridian {

class GeoProjection
{
public:
    explicit GeoProjection(double centerLongitude = 105.0, double standardLatitude = 35.0);

    QPointF project(double longitude, double latitude) const;
    void unproject(const QPointF& p, double* longitude, double* latitude) const;
    QRectF project(const QRectF& lonLatBox) const; ///< box x = lon, y = lat (min corner)

    // Points along the great circle from a to b (lon/lat), projected; n ≥ 2.
    QList<QPointF> greatCircle(double lon1, double lat1, double lon2, double lat2, int n) const;

private:
    double m_lon0;
    double m_cos;
};

} // namespace Meridian
