// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Value types of the SQLite cache: history series, event filters and the
// writer's tunables. The numeric metric ids are stored on disk: never renumber.

#include "core/protocol/protocoltypes.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <limits>
#include <utility>

namespace Meridian {

// Per-node history series (accelerator index -1 on disk).
enum class NodeMetric : quint8 {
    CpuUtilization = 1,
    MemoryUsedBytes = 2,
    MemoryTotalBytes = 3,
    Load1 = 4,
    NetRxBytesPerSecond = 5,
    NetTxBytesPerSecond = 6,
    DiskReadBytesPerSecond = 7,
    DiskWriteBytesPerSecond = 8,
};

// Per-accelerator history series.
enum class AcceleratorMetric : quint8 {
    Utilization = 1,
    MemoryUsedBytes = 2,
    TemperatureC = 3,
    PowerW = 4,
    EccSingleBitTotal = 5,
    EccDoubleBitTotal = 6,
    Health = 7, ///< AcceleratorHealth as a number (0 unknown … 3 faulty)
};

QString metricName(NodeMetric metric); ///< untranslated key, e.g. "cpu_utilization"
QString metricName(AcceleratorMetric metric);

// One decimation bucket: min/max of the raw samples inside it (equal when the
// bucket holds one sample). Missing samples are absent, never zero.
struct MetricPoint
{
    qint64 timestampMs = 0; ///< agent clock: first sample in the bucket
    float min = 0;
    float max = 0;
    float last = 0;
};

struct MetricSeries
{
    QString nodeId;
    int accelerator = -1; ///< -1: a node metric
    int metric = 0; ///< NodeMetric or AcceleratorMetric value
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 bucketMs = 0; ///< 0: raw samples, no decimation
    int rawSamples = 0; ///< samples read before decimation
    QList<MetricPoint> points; ///< ascending
};

struct EventFilter
{
    qint64 fromMs = 0;
    qint64 toMs = std::numeric_limits<qint64>::max();
    QString nodeId; ///< empty: all nodes
    QString kind; ///< empty: all kinds
    Protocol::Severity minSeverity = Protocol::Severity::Info;
    int limit = 1000; ///< newest first, at most this many
};

using CacheCursors = QHash<QString /*nodeId*/, std::pair<QString /*instance*/, qint64 /*seq*/>>;

struct CacheOptions
{
    int batchIntervalMs = 500; ///< longest a queued row waits for its transaction
    int batchRows = 50000; ///< commit early once this many rows are pending
    qint64 rawRetentionMs = 48LL * 3600 * 1000; ///< metric history, behind the newest sample
    qint64 rollupRetentionMs = 30LL * 24 * 3600 * 1000; ///< capacity rollups and events
    qint64 snapshotIntervalMs = 15000; ///< rewrite an unchanged node's snapshot at most this often
    int retentionIdleMs = 10000; ///< run a retention step after this long without writes
    qint64 maxPageCount = 0; ///< >0: cap metrics.db pages (tests simulate a full disk)
    bool recordCommitTimes = false; ///< keep every commit's duration (benchmarks)
};

struct CacheStatistics
{
    qint64 commits = 0;
    qint64 samples = 0; ///< ticks accepted into history
    qint64 values = 0; ///< metric values accepted into history
    qint64 duplicateSamples = 0; ///< ignored: seq at or below the cursor
    qint64 rejectedSamples = 0; ///< ignored: timestamp went backwards
    qint64 chunkRows = 0;
    qint64 failures = 0;
    QList<double> commitMs; ///< filled when CacheOptions::recordCommitTimes
    QList<int> commitRows;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::MetricSeries)
