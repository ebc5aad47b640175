// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Layout of metric history in metrics.db: one row per series per time window,
// key (t0, series). t0 is the window start; windows are WindowMs long and
// shifted by a per-node phase so that not every node closes its window in the
// same commit. Per node and window, a "timeline" series (metric 0, accelerator
// -1) holds the sample times as int32 offsets from t0; every other series holds
// float32 values aligned with the timeline (NaN = missing). All little-endian.

#include "core/protocol/protocoltypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace Meridian::History {

inline constexpr qint64 WindowMs = 5 * 60 * 1000;
inline constexpr int TimelineMetric = 0;
inline constexpr int MetricStride = 16; ///< series slot = (accelerator + 1) * MetricStride + metric
inline constexpr int MaxAcceleratorIndex = 255; ///< samples beyond it are not kept in history
inline constexpr int MaxSamplesPerWindow = 30000; ///< 10 ms apart: far below any collection interval

qint64 phaseOf(const QString& nodeId); ///< stable over versions: stored keys depend on it
qint64 windowStart(qint64 timestampMs, qint64 phase);
inline int slotOf(int accelerator, int metric)
{
    return (accelerator + 1) * MetricStride + metric;
}
inline int acceleratorOfSlot(int slot)
{
    return slot / MetricStride - 1;
}
inline int metricOfSlot(int slot)
{
    return slot % MetricStride;
}

QByteArray encodeTimeline(const QList<qint32>& offsets);
QByteArray encodeValues(const std::vector<float>& values);
bool decodeTimeline(const QByteArray& blob, int n, QList<qint32>* offsets);
bool decodeValues(const QByteArray& blob, int n, std::vector<float>* values);

// The open (not yet persisted) window of one node.
class WindowBuffer
{
public:
    qint64 t0() const { return m_t0; }
    bool isOpen() const { return m_t0 >= 0; }
    int size() const { return int(m_offsets.size()); }
    qint64 lastTimestamp() const { return m_offsets.isEmpty() ? -1 : m_t0 + m_offsets.constLast(); }
    const QList<qint32>& offsets() const { return m_offsets; }
    const std::vector<std::vector<float>>& seriesValues() const { return m_slots; }

    void reset(qint64 t0);
    void close() { reset(-1); }
    // Closes and gives the memory back. A closed window waits in RAM only until its commit; keeping
    // its capacity as well doubled the writer's working set (two full windows per node: ~840 MB
    // at 25,000 nodes) for nothing.
    void release();
    // Appends one tick; the caller checks that it falls in this window after
    // the last one. Returns the number of values kept.
    int append(const Protocol::Sample& sample);
    // Restores a window persisted earlier (after a restart) before appending to it.
    void restore(const QList<qint32>& offsets, int slot, std::vector<float> values);

private:
    qint64 m_t0 = -1;
    QList<qint32> m_offsets;
    std::vector<std::vector<float>> m_slots; ///< empty vector: series absent in this window
};

} // namespace Meridian::History
