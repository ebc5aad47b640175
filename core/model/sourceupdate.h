// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"
#include "core/model/nodefacts.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QStringList>

#include <algorithm>
#include <optional>

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

// How a source's own reading goes, beside its nodes' statuses (which say whether each node answers): what the
// status line shows and what `meridian report --config` waits for. Any kind of source may send it; a source
// that does sends the whole of it each time (the store keeps the newest per source).
struct SourceProgress
{
    QString problem; ///< why the source's newest round failed (its nodes carry it too); empty: the round was good
    QStringList warnings; ///< the engine's warnings about its newest answers (a partial answer); empty: none
    // Reading history from the engine (range queries): the instants [historyFromMs, historyToMs] are being
    // brought into the cache and everything up to historyDoneMs is in. historyToMs 0: no history to read.
    qint64 historyFromMs = 0;
    qint64 historyToMs = 0;
    qint64 historyDoneMs = 0;
    bool historyCaughtUp = false; ///< nothing left to read: the source's live rounds extend history now
    QString historyProblem; ///< the last history request failed (it is asked again later); empty: none
    // Share of the history being read that is in, 0..1; -1 when no reading has started.
    double historyShare() const
    {
        if (historyCaughtUp)
            return 1.0;
        if (historyToMs <= historyFromMs)
            return -1.0;
        return std::clamp(double(historyDoneMs - historyFromMs) / double(historyToMs - historyFromMs), 0.0, 1.0);
    }
    friend bool operator==(const SourceProgress&, const SourceProgress&) = default;
};

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
    std::optional<SourceProgress> progress; ///< the source's own state; absent: unchanged (or never sent)
    // What this kind of source may say about its nodes: how the store merges them with other sources'.
    SourceClaims claims = SourceClaims::nodeAgent();
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::SourceUpdate)
