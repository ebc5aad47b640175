// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/landmap.h"

#include <QFile>
#include <QtEndian>

namespace Meridian {
namespace {

constexpr qsizetype MaxBytes = 16 * 1024 * 1024;
constexpr quint32 MaxRings = 200000;

class Cursor
{
public:
    explicit Cursor(const QByteArray& data)
        : m_data(data)
    { }
    bool has(qsizetype n) const { return m_pos + n <= m_data.size(); }
    quint16 u16() { return qFromLittleEndian<quint16>(take(2)); }
    qint16 i16() { return qFromLittleEndian<qint16>(take(2)); }
    quint32 u32() { return qFromLittleEndian<quint32>(take(4)); }
    qsizetype remaining() const { return m_data.size() - m_pos; }

private:
    const char* take(qsizetype n)
    {
        const char* p = m_data.constData() + m_pos;
        m_pos += n;
        return p;
    }
    const QByteArray& m_data;
    qsizetype m_pos = 4;
};

bool validLonLat(qint16 lon, qint16 lat)
{
    return lon >= -18000 && lon <= 18000 && lat >= -9000 && lat <= 9000;
}

} // namespace

int LandMap::pointCount() const
{
    int n = 0;
    for (const QList<QPointF>& r : rings)
        n += int(r.size());
    return n;
}

bool LandMap::parse(const QByteArray& data, LandMap* result, QString* error)
{
    *result = {};
    LandMap parsed;
    LandMap* out = &parsed; // handed over only when the whole file is good
    if (data.size() > MaxBytes) {
        *error = QStringLiteral("map data larger than 16 MiB");
        return false;
    }
    if (!data.startsWith("MLND") || data.size() < 4 + 8 + 8) {
        *error = QStringLiteral("not a Meridian map file (magic MLND)");
        return false;
    }
    Cursor c(data);
    const quint16 version = c.u16();
    c.u16();
    const quint32 ringCount = c.u32();
    if (version != 1) {
        *error = QStringLiteral("map file version %1 is not supported").arg(version);
        return false;
    }
    if (ringCount > MaxRings) {
        *error = QStringLiteral("map file claims %1 rings").arg(ringCount);
        return false;
    }
    const qint16 b[4] = { c.i16(), c.i16(), c.i16(), c.i16() };
    if (!validLonLat(b[0], b[1]) || !validLonLat(b[2], b[3]) || b[0] >= b[2] || b[1] >= b[3]) {
        *error = QStringLiteral("map file has an invalid box");
        return false;
    }
    out->box = QRectF(QPointF(b[0] / 100.0, b[1] / 100.0), QPointF(b[2] / 100.0, b[3] / 100.0));
    out->rings.reserve(ringCount);
    for (quint32 r = 0; r < ringCount; ++r) {
        if (!c.has(4)) {
            *error = QStringLiteral("map file truncated at ring %1").arg(r);
            return false;
        }
        const quint32 n = c.u32();
        if (n < 3 || qint64(n) * 4 > c.remaining()) {
            *error = QStringLiteral("map file ring %1 has a bad point count %2").arg(r).arg(n);
            return false;
        }
        QList<QPointF> ring;
        ring.reserve(n);
        for (quint32 i = 0; i < n; ++i) {
            const qint16 lon = c.i16(), lat = c.i16();
            if (!validLonLat(lon, lat)) {
                *error = QStringLiteral("map file ring %1 has a point out of range").arg(r);
                return false;
            }
            ring.append(QPointF(lon / 100.0, lat / 100.0));
        }
        out->rings.append(ring);
    }
    if (c.remaining() != 0) {
        *error = QStringLiteral("map file has %1 trailing bytes").arg(c.remaining());
        return false;
    }
    *result = std::move(parsed);
    return true;
}

LandMap LandMap::load(const QString& path, QString* error)
{
    LandMap map;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return map;
    }
    parse(f.read(MaxBytes + 1), &map, error);
    return map;
}

} // namespace Meridian
