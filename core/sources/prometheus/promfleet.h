// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// From exporter series to the console's nodes: the instant queries one poll round asks (a fixed handful,
// whatever the fleet's size) and the mapping of their answers, once, into Protocol inventories and samples.
//
// Identity and topology come from labels (docs/sources.md, "Prometheus"): a node is its `node` label (renamed
// by TopologyLabels::node), else the host part of `instance`, else dcgm-exporter's `Hostname`; region, pool and
// rack from their labels (renamed likewise; absent: the node is unassigned and counted, never dropped). An
// accelerator is its UUID (`UUID` for DCGM, `vdie_id` for Ascend, `uuid` for meridian's own names), else its
// index label (`gpu`, `id`, `index`) on its node; its model is `modelName` / `model_name` / `model`.
//
// Values: node_exporter and meridian-agent host metrics; DCGM, npu-exporter and meridian accelerator metrics
// (utilization, memory, temperature, power, health, lifetime ECC). The exporter-only fault counters (Xid,
// NVLink CRC/replay, retired pages pending, row-remap failure, thermal violation; HCCS CRC summed over links,
// RoCE errors and retries, optical RX power as the weakest lane, link and health status) go into
// NodeReading::faultCounters under the metric names the fault map's counter rules use. NaN, ±Inf,
// npu-exporter's −1 and DCGM's "not supported" sentinels are missing, never values.

#include "core/protocol/protocoltypes.h"
#include "core/sources/prometheus/promvector.h"
#include "core/sources/prometheus/topologylabels.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace Meridian::Prometheus {

enum class Query : quint8 { Up, HostMetrics, HostCpu, Dcgm, Npu, Meridian, Count };

struct QuerySpec
{
    Query query;
    QString promql;
};

// The instant queries of one poll round; their number does not depend on the fleet's size.
const QList<QuerySpec>& pollQueries();
// The labels a vector decoder keeps for these queries.
QStringList wantedLabels(const TopologyLabels& labels);

// One node as one poll round saw it.
struct NodeReading
{
    Protocol::NodeInventory inventory;
    Protocol::Sample sample;
    int targetsUp = 0; ///< scrape targets of this node with up == 1
    int targetsDown = 0; ///< … with up == 0
    bool hasHostMetrics = false; ///< node_exporter (or meridian-agent) series seen
    bool hasAcceleratorMetrics = false;
    bool hasJobLabels = false; ///< a chip's series named the job holding it (promfleet.cpp: holderOf)
    // Exporter-only fault counters per accelerator (its index in the inventory): metric name → value (NaN:
    // no data), named as the fault map's counter rules (resources/faults/faultmap.json) name them.
    QHash<int, QMap<QString, double>> faultCounters;
    bool unassigned() const { return inventory.region.isEmpty(); }
};

// Maps the answers of one round (in pollQueries() order; a failed query's vector empty) into nodes by id.
QHash<QString, NodeReading> assembleNodes(
    const QList<std::pair<Query, Vector>>& answers, const TopologyLabels& labels, qint64 evaluatedMs);

// The host part of an `instance` label ("10.0.0.5:9100" → "10.0.0.5", "[::1]:9100" → "::1").
QString hostOfInstance(const QString& instance);

} // namespace Meridian::Prometheus
