// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"
#include "core/model/nodefacts.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QStringList>

namespace Meridian {

// One batch from a source's worker thread to the store (and, in parallel, to
// the cache writer): everything learned in one poll round. Values only.
struct NodeUpdate
{
    QString nodeId;
    bool hasInventory = false;
    Protocol::NodeInventory inventory;
    bool hasSnapshot = false;
    Protocol::Snapshot snapshot;
    AgentStatus status = AgentStatus::Up;
    QString error; ///< the reason when status is not Up
    qint64 polledAtMs = 0; ///< console clock; for staleness bookkeeping only
};

// Exporter-only fault counters of one accelerator (Xid, NVLink/HCCS CRC, RoCE errors, optical power, retired
// pages, row remap …) as a metrics source reads them: metric name → value (NaN: no data), named as the fault
// map's counter rules name them (resources/faults/faultmap.json). Not sample fields: agents do not report them,
// nothing persists them; the store keeps each node's newest set for the fault tracker.
struct AcceleratorCounters
{
    int accelerator = -1; ///< index in the node's inventory as this source reports it
    QString vendor;
    QMap<QString, double> values;
};

struct ExporterCounters
{
    QString nodeId;
    QString source; ///< filled by the store: counters count only while this source reports the node's telemetry
    qint64 timestampMs = 0; ///< when they were read (the source's evaluation time)
    QList<AcceleratorCounters> accelerators;
};

// A span of one source's history, both ends included: every sample the source's engine holds for it has been
// delivered. A metrics source that reads history from its engine (Prometheus' range queries) says so with each
// batch; the cache keeps the newest span per source, so the next session fetches only what is not there yet.
struct HistorySpan
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool isValid() const { return toMs > 0 && fromMs <= toMs; }
    friend bool operator==(const HistorySpan&, const HistorySpan&) = default;
};

using HistorySpans = QHash<QString /*source*/, HistorySpan>;

struct SourceUpdate
{
    QString source;
    QList<NodeUpdate> nodes;
    bool hasJobs = false;
    bool jobsComplete = false; ///< true: `jobs` is the full list (replace), false: changes only
    QList<Protocol::JobRecord> jobs;
    QList<Protocol::Event> events; ///< new events, ascending id per node
    QList<std::pair<QString, Protocol::Sample>>
        samples; ///< (node id, sample) history to persist, ascending seq per node
    QStringList removedNodes; ///< ids this source no longer reports (e.g. an agent's placeholder once its id is known)
    // (node id, probe window) from a front's probe history (/api/v1/probe-history): for the
    // cache only, ascending window end per node, whole minutes per update; the store ignores them.
    QList<std::pair<QString, Protocol::ProbeResult>> probeHistory;
    QList<ExporterCounters> faultCounters; ///< per node, from a metrics source; for the fault tracker only
    // Once this update's samples are written, the source's history is complete over this span (invalid: no
    // claim). The cache keeps it, capped to what is durable, per source (CacheReader::historySpans()).
    HistorySpan historyComplete;
    // What this kind of source may say about its nodes: how the store merges them with other sources'.
    SourceClaims claims = SourceClaims::nodeAgent();
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::SourceUpdate)
