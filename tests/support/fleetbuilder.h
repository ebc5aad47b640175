// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test support: hand-made NodeUpdate values, said in a line.
//
//   const NodeUpdate n = FleetBuilder::node(QStringLiteral("e1")).region(east).pool(QStringLiteral("p1"))
//       .accelerators(8, QStringLiteral("Ascend 910B")).job(0, QStringLiteral("job-1")).at(t).build();
//
// A node starts as an answering agent (status Up) with an inventory and a snapshot (instance "i-<id>",
// seq 1) and nothing else: no accelerators, no timestamps, no state. What a test does not set stays at
// the protocol's defaults, so a test says every value its checks depend on.

#include "core/model/sourceupdate.h"

#include <QList>
#include <QString>

namespace Meridian::Test {

class NodeBuilder
{
public:
    explicit NodeBuilder(const QString& id)
    {
        m_node.nodeId = id;
        m_node.hasInventory = true;
        m_node.inventory.nodeId = id;
        m_node.hasSnapshot = true;
        m_node.snapshot.instanceId = QStringLiteral("i-") + id;
        m_node.snapshot.sample.seq = 1;
    }

    // Inventory.
    NodeBuilder& hostname(const QString& v) { return set(m_node.inventory.hostname, v); }
    NodeBuilder& region(const QString& v) { return set(m_node.inventory.region, v); }
    NodeBuilder& pool(const QString& v) { return set(m_node.inventory.pool, v); }
    NodeBuilder& rack(const QString& v) { return set(m_node.inventory.rack, v); }
    NodeBuilder& agentVersion(const QString& v) { return set(m_node.inventory.agentVersion, v); }
    NodeBuilder& label(const QString& key, const QString& value)
    {
        m_node.inventory.labels.insert(key, value);
        return *this;
    }
    NodeBuilder& host(int cpuCount, qint64 memoryBytes)
    {
        m_node.inventory.cpuCount = cpuCount;
        m_node.inventory.memoryBytes = memoryBytes;
        return *this;
    }
    // Adds `count` accelerators of one model, each in the inventory (uuid "<id>-<index>" unless
    // uuidPrefix is given) and in the sample (healthy, nothing else reported).
    NodeBuilder& accelerators(int count, const QString& model, const QString& vendor = QStringLiteral("huawei"),
        qint64 memoryBytes = qint64(64) << 30, const QString& uuidPrefix = {})
    {
        const QString prefix = uuidPrefix.isNull() ? m_node.nodeId + u'-' : uuidPrefix;
        for (int i = 0; i < count; ++i) {
            const int index = int(m_node.inventory.accelerators.size());
            m_node.inventory.accelerators.append(
                { index, vendor, model, prefix + QString::number(index), memoryBytes });
            m_node.snapshot.sample.accelerators.append(healthy(index));
        }
        return *this;
    }
    // A whole inventory made elsewhere (its node id is this node's); one healthy sample per accelerator.
    NodeBuilder& inventory(const Protocol::NodeInventory& inv)
    {
        m_node.inventory = inv;
        m_node.inventory.nodeId = m_node.nodeId;
        m_node.snapshot.sample.accelerators.clear();
        for (const Protocol::AcceleratorInfo& a : inv.accelerators)
            m_node.snapshot.sample.accelerators.append(healthy(a.index));
        return *this;
    }
    // A whole snapshot made elsewhere, as it is.
    NodeBuilder& snapshot(const Protocol::Snapshot& v) { return set(m_node.snapshot, v); }
    NodeBuilder& withoutInventory() { return set(m_node.hasInventory, false); }

    // Snapshot.
    NodeBuilder& instance(const QString& v) { return set(m_node.snapshot.instanceId, v); }
    NodeBuilder& seq(qint64 v) { return set(m_node.snapshot.sample.seq, v); }
    NodeBuilder& sampledAt(qint64 ms) { return set(m_node.snapshot.sample.timestampMs, ms); }
    NodeBuilder& polledAt(qint64 ms) { return set(m_node.polledAtMs, ms); }
    NodeBuilder& at(qint64 ms) { return sampledAt(ms).polledAt(ms); } ///< sampled and polled at ms
    NodeBuilder& state(Protocol::NodeState v) { return set(m_node.snapshot.sample.state, v); }
    NodeBuilder& health(int accelerator, Protocol::AcceleratorHealth v) { return set(sample(accelerator).health, v); }
    NodeBuilder& faulty(int accelerator) { return health(accelerator, Protocol::AcceleratorHealth::Faulty); }
    NodeBuilder& job(int accelerator, const QString& jobId) { return set(sample(accelerator).jobId, jobId); }
    NodeBuilder& utilization(double percent) ///< every accelerator
    {
        for (Protocol::AcceleratorSample& s : m_node.snapshot.sample.accelerators)
            s.utilization = percent;
        return *this;
    }
    // Anything else per accelerator: f(Protocol::AcceleratorSample&) for each, in index order.
    template <typename F> NodeBuilder& eachAccelerator(F f)
    {
        for (Protocol::AcceleratorSample& s : m_node.snapshot.sample.accelerators)
            f(s);
        return *this;
    }
    NodeBuilder& fault(const Protocol::Event& e)
    {
        m_node.snapshot.faults.append(e);
        return *this;
    }
    NodeBuilder& probes(const QList<Protocol::ProbeResult>& v) { return set(m_node.snapshot.probes, v); }
    NodeBuilder& withoutSnapshot() { return set(m_node.hasSnapshot, false); }

    // The console's view of the agent.
    NodeBuilder& status(AgentStatus v, const QString& error = {})
    {
        m_node.status = v;
        m_node.error = error;
        return *this;
    }

    NodeUpdate build() const { return m_node; }
    operator NodeUpdate() const { return m_node; }

private:
    template <typename T, typename V> NodeBuilder& set(T& field, const V& value)
    {
        field = value;
        return *this;
    }
    Protocol::AcceleratorSample& sample(int index) ///< by the accelerator's index; a test's mistake is fatal
    {
        for (Protocol::AcceleratorSample& s : m_node.snapshot.sample.accelerators)
            if (s.index == index)
                return s;
        qFatal("NodeBuilder: node %s has no accelerator %d", qPrintable(m_node.nodeId), index);
    }
    static Protocol::AcceleratorSample healthy(int index)
    {
        Protocol::AcceleratorSample s;
        s.index = index;
        s.health = Protocol::AcceleratorHealth::Healthy;
        return s;
    }

    NodeUpdate m_node;
};

// Nodes into one source's update.
class FleetBuilder
{
public:
    static NodeBuilder node(const QString& id) { return NodeBuilder(id); }

    explicit FleetBuilder(const QString& source = QStringLiteral("test")) { m_update.source = source; }
    FleetBuilder& add(const NodeUpdate& node)
    {
        m_update.nodes.append(node);
        return *this;
    }
    SourceUpdate build() const { return m_update; }

private:
    SourceUpdate m_update;
};

} // namespace Meridian::Test
