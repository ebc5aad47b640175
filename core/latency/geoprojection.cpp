// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/geoprojection.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace Meridian {
namespace {

constexpr double Rad = std::numbers::pi / 180.0;

} // namespace

GeoProjection::GeoProjection(double centerLongitude, double standardLatitude)
    : m_lon0(centerLongitude)
    , m_cos(std::cos(standardLatitude * Rad))
{ }

QPointF GeoProjection::project(double longitude, double latitude) const
{
    return { (longitude - m_lon0) * m_cos, -latitude };
}

void GeoProjection::unproject(const QPointF& p, double* longitude, double* latitude) const
{
    *longitude = p.x() / m_cos + m_lon0;
    *latitude = -p.y();
}

QRectF GeoProjection::project(const QRectF& box) const
{
    return QRectF(project(box.left(), box.bottom()), project(box.right(), box.top())).normalized();
}

QList<QPointF> GeoProjection::greatCircle(double lon1, double lat1, double lon2, double lat2, int n) const
{
    // Spherical linear interpolation between the two unit vectors.
    const auto vec = [](double lon, double lat) {
        return std::array<double, 3> { std::cos(lat * Rad) * std::cos(lon * Rad),
            std::cos(lat * Rad) * std::sin(lon * Rad), std::sin(lat * Rad) };
    };
    const auto a = vec(lon1, lat1), b = vec(lon2, lat2);
    const double dot = std::clamp(a[0] * b[0] + a[1] * b[1] + a[2] * b[2], -1.0, 1.0);
    const double omega = std::acos(dot);
    n = std::max(2, n);
    QList<QPointF> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        const double t = double(i) / (n - 1);
        if (omega < 1e-9) {
            out.append(project(lon1 + t * (lon2 - lon1), lat1 + t * (lat2 - lat1)));
            continue;
        }
        const double s1 = std::sin((1 - t) * omega) / std::sin(omega), s2 = std::sin(t * omega) / std::sin(omega);
        const double x = s1 * a[0] + s2 * b[0], y = s1 * a[1] + s2 * b[1], z = s1 * a[2] + s2 * b[2];
        out.append(project(std::atan2(y, x) / Rad, std::atan2(z, std::hypot(x, y)) / Rad));
    }
    return out;
}

} // namespace Meridian
