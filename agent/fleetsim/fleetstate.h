// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One published instant of the simulation. Immutable once published: HTTP
// workers read it without locks while the simulation builds the next one.
// Encodings are computed on first use and cached for the life of the state,
// so many consoles polling the same tick cost one encoding.

#include "agent/fleetsim/fleeteventlog.h"
#include "agent/fleetsim/nodebehaviour.h"
#include "agent/fleetsim/simlinks.h"
#include "agent/fleetsim/timeline.h"
#include "agent/fleetsim/topology.h"

#include <QByteArray>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace Meridian::Sim {

struct JobHistory; // simjobhistory.h

struct JobView
{
    Protocol::JobRecord record;
    qint64 changedVersion = 0;
    std::shared_ptr<const JobSpec> spec;
    std::shared_ptr<const JobHistory> history;
};

struct StateClock
{
    qint64 originMs = 0; ///< time of seq 1
    qint64 intervalMs = 5000;
    qint64 seqAt(qint64 t) const { return 1 + (t - originMs) / intervalMs; }
    qint64 timeOf(qint64 seq) const { return originMs + (seq - 1) * intervalMs; }
};

// Encoded inventories outlive states: they change only when a node reboots.
class InventoryCache
{
public:
    explicit InventoryCache(int nodes)
        : m_entries(size_t(nodes))
    { }
    template <typename Encode> QByteArray get(int node, int bootCount, Encode encode)
    {
        {
            std::lock_guard lock(m_mutex);
            const auto& e = m_entries[size_t(node)];
            if (e.first == bootCount + 1)
                return e.second;
        }
        QByteArray json = encode();
        std::lock_guard lock(m_mutex);
        m_entries[size_t(node)] = { bootCount + 1, json };
        return json;
    }

private:
    std::mutex m_mutex;
    std::vector<std::pair<int, QByteArray>> m_entries; ///< (bootCount + 1, JSON); 0: none yet
};

class FleetState
{
public:
    FleetState(std::shared_ptr<const Topology> topology, quint64 seed, const FleetEventLog* log,
        std::shared_ptr<InventoryCache> inventories);
    ~FleetState();

    // Filled by the simulation before publishing.
    qint64 timeMs = 0;
    qint64 version = 0;
    qint64 seq = 0;
    qint64 oldestSeq = 1;
    StateClock clock;
    QString instance;
    bool paused = false;
    double speed = 1;
    std::vector<TimelinePtr> nodes;
    std::vector<qint64> nodeChanged; ///< version of each node's last change
    std::vector<qint64> inventoryChanged; ///< version of each node's last inventory change (reboot)
    std::vector<JobView> jobs;
    qint64 newestEventId = 0;
    std::shared_ptr<const LinkFaults> links; ///< open link faults (null: none)
    std::shared_ptr<const LinkFaults> linkHistory; ///< cleared link faults with their spans (probe history)

    const Topology& topology() const { return *m_topology; }
    const NodeBehaviour& model() const { return m_model; }
    bool isDown(int node) const { return NodeBehaviour::isDown(*nodes[size_t(node)], timeMs); }

    Protocol::Snapshot snapshot(int node) const;
    Protocol::Sample sample(int node, qint64 seq) const; ///< seq in [oldestSeq, seq]
    Protocol::NodeInventory inventory(int node) const;
    Protocol::SamplesPage samples(int node, qint64 since, int limit) const;
    Protocol::EventsPage nodeEvents(int node, qint64 since, int limit) const;
    Protocol::EventsPage events(qint64 since, int limit) const;

    // Encoded answers (with "schema": 1 where they are documents).
    QByteArray snapshotDocument(int node) const;
    QByteArray samplesDocument(int node, qint64 since, int limit) const;
    QByteArray nodesDocument(const QString& since, qint64 limit) const;
    QByteArray jobsDocument(const QString& since) const;
    QByteArray jobDetailDocument(const QString& jobId) const; ///< empty: no such job (simjobactions.cpp)
    QByteArray truthDocument() const;

private:
    QByteArray snapshotFragment(int node) const; ///< compact JSON object, no schema; cached
    QByteArray inventoryFragment(int node) const; ///< cached
    QByteArray assembleNodes(
        const std::vector<int>& nodes, bool allInventories, qint64 since, const QString& cursor, bool more) const;

    std::shared_ptr<const Topology> m_topology;
    NodeBehaviour m_model;
    const FleetEventLog* m_log;
    mutable std::unique_ptr<std::once_flag[]> m_snapshotOnce;
    mutable std::vector<QByteArray> m_snapshotJson;
    std::shared_ptr<InventoryCache> m_inventories;
    mutable std::once_flag m_fullOnce;
    mutable QByteArray m_fullNodes;
    mutable std::once_flag m_truthOnce;
    mutable QByteArray m_truth;
};

// The truth document (see resources/scenarios/README.md), computed from the snapshots and jobs of `state`.
QByteArray truthJson(const FleetState& state);

} // namespace Meridian::Sim
