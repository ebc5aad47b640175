// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The value types of agent protocol v1 (docs/protocol.md). Shared by the agent,
// the fleet simulator and the console's core; Qt Core only.
//
// Missing values are NaN (encoded as JSON null), never zero: a collector that
// could not read a value says so.

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <cmath>
#include <limits>

namespace Meridian::Protocol {

inline constexpr int Version = 1;
inline constexpr double Missing = std::numeric_limits<double>::quiet_NaN();
inline bool isMissing(double v)
{
    return std::isnan(v);
}

enum class AcceleratorHealth : quint8 {
    Unknown, ///< the agent could not read the chip's health
    Healthy,
    Warning, ///< sub-health: degraded but usable (rising SBE, link errors)
    Faulty, ///< unusable until recovered
};

enum class NodeState : quint8 {
    Up,
    Degraded, ///< some accelerators faulty, node still usable
    Down, ///< heartbeat lost (reported by a gateway for a node it fronts)
    Draining, ///< no new placements
};

enum class Severity : quint8 { Info, Warning, Critical };

struct AcceleratorInfo
{
    int index = 0;
    QString vendor; ///< "huawei", "nvidia", "cambricon", "hygon", "kunlunxin"
    QString model; ///< "Ascend 910B", "H800", …
    QString uuid; ///< vendor serial / UUID (vdie_id on Ascend)
    qint64 memoryBytes = 0;
    friend bool operator==(const AcceleratorInfo&, const AcceleratorInfo&) = default;
};

struct NodeInventory
{
    QString nodeId;
    QString hostname;
    QString region;
    QString pool;
    QString rack;
    QMap<QString, QString> labels;
    int cpuCount = 0;
    qint64 memoryBytes = 0;
    QList<AcceleratorInfo> accelerators;
    QString agentVersion;
    QString bootId;
    friend bool operator==(const NodeInventory&, const NodeInventory&) = default;
};

struct NodeMetrics
{
    double cpuUtilization = Missing; ///< percent 0–100
    double memoryUsedBytes = Missing;
    double memoryTotalBytes = Missing;
    double load1 = Missing;
    double netRxBytesPerSecond = Missing;
    double netTxBytesPerSecond = Missing;
    double diskReadBytesPerSecond = Missing;
    double diskWriteBytesPerSecond = Missing;
    double uptimeSeconds = Missing;
};

struct AcceleratorSample
{
    int index = 0;
    AcceleratorHealth health = AcceleratorHealth::Unknown;
    double utilization = Missing; ///< percent 0–100
    double memoryUsedBytes = Missing;
    double temperatureC = Missing;
    double powerW = Missing;
    double eccSingleBitTotal = Missing; ///< lifetime counter
    double eccDoubleBitTotal = Missing; ///< lifetime counter
    QString jobId; ///< empty: not allocated
};

// One collection tick of a node: what the ring buffer keeps and /samples returns.
struct Sample
{
    qint64 seq = 0; ///< monotonic per agent instance; cursor for /samples
    qint64 timestampMs = 0; ///< the agent's clock, ms since the epoch
    NodeState state = NodeState::Up;
    NodeMetrics node;
    QList<AcceleratorSample> accelerators;
};

struct JobPlacement
{
    QString jobId;
    QString name;
    QString tenant;
    QString user; ///< who submitted it; empty: not described
    QString kind; ///< "training", "inference", "other"
    QString state; ///< "queued", "running", "checkpointing", "recovering", …
    QList<int> accelerators; ///< indexes on this node
    qint64 startedMs = 0;
    qint64 lastCheckpointMs = 0; ///< 0: none yet
};

struct ProbeResult
{
    QString peer; ///< node id of the peer agent
    qint64 windowEndMs = 0;
    double p50Ms = Missing;
    double p90Ms = Missing;
    double p99Ms = Missing;
    double maxMs = Missing;
    double loss = Missing; ///< fraction 0–1
    int count = 0;
};

struct Event
{
    qint64 id = 0; ///< monotonic per agent (or simulator)
    qint64 timestampMs = 0;
    QString kind; ///< "node-down", "hbm-ecc", "link-down", "thermal", "job-interrupted", …
    Severity severity = Severity::Info;
    QString nodeId;
    int accelerator = -1; ///< -1: the node as a whole
    QString message; ///< English, for people and older consoles
    QString messageKey; ///< what message says, for translation (peermessages.h); empty: free text
    QStringList messageArgs; ///< the key's arguments, in order
    QString code; ///< vendor fault code or Xid, when there is one
    bool cleared = false; ///< true when this event ends an earlier fault of the same kind
};

struct Snapshot
{
    QString instanceId; ///< random per agent process start: cursors are only valid within one
    Sample sample; ///< the newest tick
    QString stateReason; ///< English, for people and older consoles
    QString stateReasonKey; ///< for translation (peermessages.h); empty: free text
    QStringList stateReasonArgs;
    QList<Event> faults; ///< faults open right now on this node (the events that opened them)
    QList<JobPlacement> jobs;
    QList<ProbeResult> probes;
    qint64 newestEventId = 0;
    qint64 oldestSeq = 0; ///< the oldest tick still in the agent's ring buffer
};

struct SamplesPage
{
    QString instanceId;
    qint64 oldestSeq = 0;
    qint64 newestSeq = 0;
    bool more = false; ///< a page limit cut the answer: ask again from the last seq
    QList<Sample> samples;
};

struct EventsPage
{
    qint64 newestId = 0;
    bool more = false;
    QList<Event> events;
};

// One node in a batched /api/v1/nodes answer.
struct NodeRecord
{
    QString nodeId; ///< always sent ("id"); empty here → taken from the inventory
    NodeInventory inventory; ///< empty nodeId → unchanged since the client's cursor
    bool inventoryIncluded = false;
    Snapshot snapshot;
};

struct NodesPage
{
    QString cursor; ///< opaque: pass back as ?since= for the next poll
    bool more = false; ///< more changed nodes: ask again at once with the cursor
    qint64 timestampMs = 0;
    QList<NodeRecord> nodes;
};

// One stretch of a job's run: from a (re)start to an interruption or its end.
struct JobSegment
{
    qint64 startMs = 0;
    qint64 endMs = 0; ///< 0: still running
    QString endReason; ///< "interrupted", "requeued", "completed", "failed", "cancelled"; empty while open
    qint64 restoredCheckpointMs = 0; ///< checkpoint the segment resumed from (0: fresh start)
    friend bool operator==(const JobSegment&, const JobSegment&) = default;
};

// One interruption of a job, linked to the fault event that caused it when there is one.
struct JobInterruption
{
    qint64 atMs = 0;
    QString cause; ///< "chip-fault on node-0042 accelerator 3", "requeued by operator"
    qint64 faultEventId = 0; ///< id in the fleet's event log; 0: no fault (an action)
    QString nodeId; ///< where it happened; empty: not on one node
    qint64 lastCheckpointMs = 0; ///< the checkpoint work resumes from (0: none, restart from scratch)
    qint64 recoveredMs = 0; ///< when the job ran again; 0: not (yet)
    friend bool operator==(const JobInterruption&, const JobInterruption&) = default;
};

// A job as the scheduler sees it (served by whatever fronts a fleet: the
// simulator, later a Slurm adapter). Queued and recovering jobs are placed on
// no node, so node snapshots alone cannot count them.
struct JobRecord
{
    QString jobId;
    QString name;
    QString tenant;
    QString user;
    QString kind; ///< "training", "inference", "other"
    QString state; ///< "queued", "running", "checkpointing", "recovering", "failed", "completed", "cancelled"
    QString region;
    QString pool;
    QString model; ///< accelerator model requested
    int acceleratorsRequested = 0;
    int acceleratorsAllocated = 0;
    QStringList nodes;
    qint64 submitMs = 0;
    qint64 startMs = 0; ///< 0: not started
    qint64 endMs = 0; ///< 0: not ended
    // When the scheduler expects a running job to end (the simulator's planned end, Slurm's start + time
    // limit); 0: unknown (agents, unlimited jobs). Optional on the wire ("expectedEndMs"); the planner's wait.
    qint64 expectedEndMs = 0;
    qint64 lastCheckpointMs = 0;
    int interruptions = 0;
    // History (optional on the wire: absent from sources that do not know it).
    QList<JobSegment> segments; ///< ascending by start
    QList<JobInterruption> interruptionLog; ///< ascending by time
    QList<qint64> checkpoints; ///< completed checkpoints, ascending; only in a job's detail document
};

// GET /api/v1/jobs/ID: one job with its full history.
struct JobDetail
{
    qint64 timestampMs = 0;
    JobRecord job;
};

struct JobsPage
{
    QString cursor; ///< opaque; pass back as ?since= to get only jobs changed since
    bool more = false;
    qint64 timestampMs = 0;
    QList<JobRecord> jobs;
};

struct FleetEntry
{
    QString nodeId;
    QString basePath; ///< "/n/NODE-ID/" relative to the fleet's URL
    QString region;
    QString pool;
    QString rack;
};

QString toString(AcceleratorHealth health);
QString toString(NodeState state);
QString toString(Severity severity);
bool fromString(const QString& text, AcceleratorHealth* out);
bool fromString(const QString& text, NodeState* out);
bool fromString(const QString& text, Severity* out);

} // namespace Meridian::Protocol
