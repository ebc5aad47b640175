// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The counter rules (faultmap.json "counters") fed from live agent data: the
// lifetime ECC counters and temperatures every agent and the simulator report
// per accelerator in their samples (Protocol::AcceleratorSample), under the
// exporter metric names the rules are written for (npu-exporter on Ascend,
// DCGM on NVIDIA). Each node's newest sample steps stepCounter() once per
// series; what the rules open stays open here until they clear it (status,
// above/below) or, for one-shot rises and Xid codes, until the counter has
// been quiet for QuietMs. The tracker turns the open conditions into faults.

#include "core/faults/counterwatch.h"
#include "core/model/sourceupdate.h"

#include <QHash>

namespace Meridian::Faults {

struct CounterSeries
{
    QString metric; ///< the exporter's name, as in the rule
    int accelerator = -1;
    double value = Protocol::Missing;
};

// The counters a sample carries for an accelerator `vendor` ("huawei", "nvidia"); none for other vendors.
QList<CounterSeries> countersOf(const QString& vendor, const Protocol::AcceleratorSample& accelerator);

class CounterFeed
{
public:
    static constexpr qint64 QuietMs = 10 * 60 * 1000;

    explicit CounterFeed(const FaultMap& model)
        : m_model(model)
    { }

    // Steps every series of `sample` once (a sample already seen is ignored). `vendorOf(index)` names
    // each accelerator's vendor. Returns true when the node's open conditions changed.
    template <typename VendorOf> bool step(const QString& nodeId, const Protocol::Sample& sample, VendorOf vendorOf)
    {
        NodeCounters& n = m_nodes[nodeId];
        if (sample.timestampMs <= n.lastMs)
            return false;
        n.lastMs = sample.timestampMs;
        bool changed = false;
        for (const Protocol::AcceleratorSample& a : sample.accelerators)
            changed |= stepAccelerator(nodeId, &n, vendorOf(a.index), a, sample.timestampMs);
        changed |= expireQuiet(&n, sample.timestampMs);
        return changed;
    }
    // Steps a metrics source's exporter-only counters (SourceUpdate::faultCounters) through the rules named by
    // their metrics, once per reading time. Returns true when the node's open conditions changed.
    bool stepExporter(const ExporterCounters& counters);
    // Open conditions of a node: key ("ctr|NODE|ACC|RULE") → the event that opened it (agent clock).
    QList<std::pair<QString, Protocol::Event>> open(const QString& nodeId) const;
    void forget(const QString& nodeId) { m_nodes.remove(nodeId); }

private:
    struct Open
    {
        Protocol::Event event;
        qint64 lastRiseMs = 0; ///< 0: closes only on its clearing event
    };
    struct NodeCounters
    {
        qint64 lastMs = 0; ///< newest sample stepped
        qint64 lastExporterMs = 0; ///< newest exporter counters stepped
        QHash<int, CounterState> states; ///< accelerator * 8 + series index
        QHash<QString, Open> open;
    };
    // Per sample and accelerator: no string building unless an event happens (a tick names every node).
    bool stepAccelerator(const QString& nodeId, NodeCounters* node, const QString& vendor,
        const Protocol::AcceleratorSample& accelerator, qint64 timestampMs);
    // One reading of one series through its rule; `state` keys the series' memory in node->states.
    bool stepSeries(const QString& nodeId, NodeCounters* node, const CounterRule& rule, const QString& metric,
        int accelerator, int state, double value, qint64 timestampMs);
    bool expireQuiet(NodeCounters* node, qint64 nowMs);
    // A vendor's counters that have a rule, named once: per sample only the values are read.
    struct VendorSeries
    {
        int field = 0; ///< Protocol::Exporter::ChipField
        QString metric;
        const CounterRule* rule = nullptr;
        int slot = 0; ///< the series' index among the vendor's counters: its memory is accelerator * 8 + slot
    };
    const QList<VendorSeries>& seriesOf(const QString& vendor);

    const FaultMap& m_model;
    QHash<QString, NodeCounters> m_nodes;
    QHash<QString, QList<VendorSeries>> m_series;
};

} // namespace Meridian::Faults
