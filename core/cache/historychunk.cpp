// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/historychunk.h"

#include "core/cache/cachetypes.h"

#include <QtEndian>

#include <cmath>
#include <limits>

namespace Meridian::History {

namespace {
constexpr float NaN = std::numeric_limits<float>::quiet_NaN();
}

qint64 phaseOf(const QString& nodeId)
{
    // FNV-1a over UTF-16 units: qHash is seeded per process and must not be used here.
    quint64 h = 1469598103934665603ULL;
    for (const QChar c : nodeId) {
        h ^= c.unicode();
        h *= 1099511628211ULL;
    }
    return qint64(h % quint64(WindowMs / 1000)) * 1000;
}

qint64 windowStart(qint64 timestampMs, qint64 phase)
{
    const qint64 shifted = timestampMs - phase;
    const qint64 floorDiv = shifted >= 0 ? shifted / WindowMs : -((-shifted + WindowMs - 1) / WindowMs);
    return floorDiv * WindowMs + phase;
}

QByteArray encodeTimeline(const QList<qint32>& offsets)
{
    QByteArray blob(offsets.size() * qsizetype(sizeof(qint32)), Qt::Uninitialized);
    qToLittleEndian<qint32>(offsets.constData(), offsets.size(), blob.data());
    return blob;
}

QByteArray encodeValues(const std::vector<float>& values)
{
    QByteArray blob(qsizetype(values.size() * sizeof(float)), Qt::Uninitialized);
    qToLittleEndian<float>(values.data(), qsizetype(values.size()), blob.data());
    return blob;
}

bool decodeTimeline(const QByteArray& blob, int n, QList<qint32>* offsets)
{
    if (n < 0 || n > MaxSamplesPerWindow || blob.size() != qsizetype(n) * qsizetype(sizeof(qint32)))
        return false;
    offsets->resize(n);
    qFromLittleEndian<qint32>(blob.constData(), n, offsets->data());
    return true;
}

bool decodeValues(const QByteArray& blob, int n, std::vector<float>* values)
{
    if (n < 0 || n > MaxSamplesPerWindow || blob.size() != qsizetype(n) * qsizetype(sizeof(float)))
        return false;
    values->resize(size_t(n));
    qFromLittleEndian<float>(blob.constData(), n, values->data());
    return true;
}

void WindowBuffer::reset(qint64 t0)
{
    m_t0 = t0;
    m_offsets.clear();
    for (std::vector<float>& s : m_slots)
        s.clear();
}

void WindowBuffer::release()
{
    m_t0 = -1;
    m_offsets = {};
    m_slots = {};
}

int WindowBuffer::append(const Protocol::Sample& sample)
{
    m_offsets.append(qint32(sample.timestampMs - m_t0));
    const size_t n = size_t(m_offsets.size());
    // Grow every present series by one missing value; put() overwrites it.
    for (std::vector<float>& s : m_slots) {
        if (!s.empty())
            s.push_back(NaN);
    }
    const Protocol::NodeMetrics& m = sample.node;
    const double nodeValues[] = { m.cpuUtilization, m.memoryUsedBytes, m.memoryTotalBytes, m.load1,
        m.netRxBytesPerSecond, m.netTxBytesPerSecond, m.diskReadBytesPerSecond, m.diskWriteBytesPerSecond };
    int kept = 0;
    auto put = [&](int slot, double v) {
        if (std::isnan(v))
            return; // a series never seen in this window stays absent
        if (size_t(slot) >= m_slots.size())
            m_slots.resize(size_t(slot) + 1);
        std::vector<float>& s = m_slots[size_t(slot)];
        if (s.empty())
            s.assign(n, NaN); // first value of this series in the window
        s[n - 1] = float(v);
        ++kept;
    };
    for (int i = 0; i < 8; ++i)
        put(slotOf(-1, i + 1), nodeValues[i]);
    for (const Protocol::AcceleratorSample& a : sample.accelerators) {
        if (a.index < 0 || a.index > MaxAcceleratorIndex)
            continue;
        const double values[] = { a.utilization, a.memoryUsedBytes, a.temperatureC, a.powerW, a.eccSingleBitTotal,
            a.eccDoubleBitTotal, double(int(a.health)) };
        for (int i = 0; i < 7; ++i)
            put(slotOf(a.index, i + 1), values[i]);
    }
    return kept;
}

void WindowBuffer::restore(const QList<qint32>& offsets, int slot, std::vector<float> values)
{
    if (slot == slotOf(-1, TimelineMetric)) {
        m_offsets = offsets;
        return;
    }
    if (size_t(slot) >= m_slots.size())
        m_slots.resize(size_t(slot) + 1);
    m_slots[size_t(slot)] = std::move(values);
}

} // namespace Meridian::History
