// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The console's domain model: value types the fleet store holds and hands to
// the UI. Built from protocol types plus what the console knows about each
// agent (its status, when it was last seen, whether the state came from cache).

#include "core/protocol/protocoltypes.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QVarLengthArray>

namespace Meridian {

using Protocol::AcceleratorHealth;
using Protocol::NodeState;

enum class AgentStatus : quint8 {
    Unknown, ///< known from the cache only; not polled yet in this session
    Up,
    Stale, ///< answered before, but not within the stale threshold (2 poll intervals)
    Unreachable, ///< connection refused, timed out, or 5xx
    Unauthorized, ///< 401/403: the token is wrong or missing
    BadPayload, ///< answered with something that is not valid protocol v1
};
QString toString(AgentStatus status); ///< untranslated key ("up", "bad-payload", …)

// How an accelerator counts in capacity figures. One definition, used by the
// store, the cache rollups and (mirrored) by the simulator's ground truth:
// faulty = health Faulty or on a node that is Down; allocated = has a job and
// is not faulty; free = the rest.
enum class CapacityClass : quint8 { Free, Allocated, Faulty };
CapacityClass classify(const Protocol::AcceleratorSample& sample, NodeState nodeState);

// Registers the core's value types for queued signals and QVariant; idempotent.
void registerCoreMetaTypes();

struct FleetNode
{
    Protocol::NodeInventory inventory;
    Protocol::Snapshot snapshot; ///< the last good one; sample.seq == 0 → none yet
    AgentStatus status = AgentStatus::Unknown;
    QString lastError; ///< why the status is not Up, for tooltips and check-agent
    qint64 lastSeenMs = 0; ///< agent clock of the last good snapshot
    qint64 lastPollMs = 0; ///< console clock of the last attempt (status bookkeeping only)
    QString source; ///< name of the source that reports this node
    // Bumped by the store whenever the inventory changes, so that views can skip
    // rebuilding what derives from it on the far more frequent snapshot updates.
    quint32 inventoryRevision = 0;
};

struct ModelCapacity
{
    QString model;
    QString vendor;
    int total = 0;
    int allocated = 0;
    int free = 0;
    int faulty = 0;
    int unknown = 0; ///< no sample yet (never answered): counted in total, in no other class
};

// A node's accelerators counted per model with the capacity definitions above.
// A chip without a sample is faulty when its node is known to be down, else
// unknown. The one place this rule lives: the store's region aggregates and the
// per-pool capacity index both use it.
using NodeCapacity = QVarLengthArray<ModelCapacity, 2>;
NodeCapacity capacityByModel(const FleetNode& node);

struct JobCounts
{
    int queued = 0;
    int running = 0; ///< running + checkpointing
    int recovering = 0;
    int failed = 0;
    int completed = 0;
    int cancelled = 0;
};

struct RegionSummary
{
    QString region; ///< empty: the whole fleet
    QList<ModelCapacity> models; ///< sorted by total, largest first
    int nodesUp = 0;
    int nodesDown = 0;
    int nodesReporting = 0; ///< nodes whose agent status is Up
    int nodesTotal = 0;
    JobCounts jobs;
    int openFaults = 0;
    qint64 newestDataMs = 0; ///< agent time of the freshest snapshot counted
    qint64 oldestDataMs = 0; ///< agent time of the stalest snapshot counted
};

struct AgentStatusCounts
{
    int up = 0;
    int stale = 0;
    int unreachable = 0;
    int unauthorized = 0;
    int badPayload = 0;
    int unknown = 0;
    int total() const { return up + stale + unreachable + unauthorized + badPayload + unknown; }
};

// Capacity over time for one scope, from the cache's per-minute rollups.
struct CapacityPoint
{
    qint64 timestampMs = 0;
    int total = 0;
    int allocated = 0;
    int free = 0;
    int faulty = 0;
    int nodesReporting = 0;
};

struct CapacitySeries
{
    QString region; ///< empty: fleet
    QString model; ///< empty: all models
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QList<CapacityPoint> points; ///< ascending; a missing minute is absent, not zero
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::CapacitySeries)
