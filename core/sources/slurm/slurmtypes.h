// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What Meridian knows about a Slurm cluster, whatever slurmrestd API version said it (v0.0.38 to v0.0.41).
// Values only, Qt Core only. Times are seconds since the epoch as Slurm gives them (0: not known); minutes
// and counts are what Slurm counts. A fact a version does not carry keeps its default (see each field).

#include "core/sources/slurm/gres.h"

#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Slurm {

enum class ApiVersion : quint8 { Unknown, V0038, V0039, V0040, V0041 };

QString apiVersionName(ApiVersion version); ///< "v0.0.38"; empty for Unknown
ApiVersion apiVersionFromString(QStringView text); ///< "v0.0.38" or "0.0.38"; Unknown when not supported
QList<ApiVersion> supportedVersions(); ///< newest first: the order to probe in

inline constexpr qint64 Unlimited = -1; ///< a time limit or maximum that Slurm reports as infinite or unset

// The base state of a node (the first word of `sinfo -o %T`, without the flags).
enum class NodeState : quint8 { Unknown, Idle, Mixed, Allocated, Down, Error, Future };

// State flags of a node that the console acts on; any other flag is kept by name in Node::otherFlags.
enum class NodeFlag : quint32 {
    Drain = 1u << 0,
    Completing = 1u << 1,
    NotResponding = 1u << 2,
    Fail = 1u << 3,
    Maintenance = 1u << 4,
    Reserved = 1u << 5,
    Planned = 1u << 6,
    PoweredDown = 1u << 7,
    PoweringDown = 1u << 8,
    PoweringUp = 1u << 9,
    RebootRequested = 1u << 10,
    RebootIssued = 1u << 11,
    Cloud = 1u << 12,
    InvalidRegistration = 1u << 13,
};
Q_DECLARE_FLAGS(NodeFlags, NodeFlag)

struct Node
{
    QString name; ///< NodeName
    QString hostname; ///< NodeHostname
    QString address; ///< NodeAddr
    NodeState state = NodeState::Unknown;
    NodeFlags flags;
    QStringList otherFlags; ///< state flags not in NodeFlag, upper case as v0.0.40 spells them
    QString reason;
    QString reasonSetBy;
    qint64 reasonTime = 0;
    QStringList partitions;
    int cpus = 0;
    int allocCpus = 0;
    QStringList features; ///< available features
    GresList gres; ///< configured
    GresList gresUsed; ///< in use, with the indexes when Slurm gives them

    bool drained() const { return flags.testFlag(NodeFlag::Drain) && state == NodeState::Idle; }
    bool draining() const
    {
        return flags.testFlag(NodeFlag::Drain) && (state == NodeState::Mixed || state == NodeState::Allocated);
    }
    friend bool operator==(const Node&, const Node&) = default;
};

enum class PartitionState : quint8 {
    Unknown, ///< not reported (v0.0.39 does not carry a partition's state)
    Up,
    Down,
    Drain,
    Inactive,
};

struct Partition
{
    QString name;
    QString nodesExpression; ///< as Slurm wrote it, e.g. "gpu[001-128,131]"
    QStringList nodes; ///< expanded
    PartitionState state = PartitionState::Unknown;
    int totalNodes = 0;
    int totalCpus = 0;
    qint64 maxTimeMinutes = Unlimited;
    qint64 defaultTimeMinutes = Unlimited; ///< Unlimited also when no default is set
    qint64 maxNodesPerJob = Unlimited;
    qint64 minNodesPerJob = 0;
    GresList gres; ///< configured, from the partition's TRES ("gres/gpu=16")
    friend bool operator==(const Partition&, const Partition&) = default;
};

// The base state of a job (JOB_STATE_BASE); flags such as REQUEUED or COMPLETING are in Job::stateFlags.
enum class JobState : quint8 {
    Unknown, ///< also v0.0.38's flag-only words ("COMPLETING", "REQUEUED"), which hide the base state
    Pending,
    Running,
    Suspended,
    Completed,
    Cancelled,
    Failed,
    Timeout,
    NodeFail,
    Preempted,
    BootFail,
    Deadline,
    OutOfMemory,
};

// The GRES a job holds on one of its nodes (gres_detail), in the order of the job's nodes.
struct NodeGres
{
    QString node;
    GresList gres;
    friend bool operator==(const NodeGres&, const NodeGres&) = default;
};

// A job from slurmctld (jobs, job/{id}) or from the accounting database (slurmdb jobs).
struct Job
{
    qint64 id = 0;
    qint64 arrayJobId = 0; ///< 0: not part of an array
    qint64 arrayTaskId = -1; ///< -1: not an array task
    qint64 hetJobId = 0; ///< 0: not heterogeneous
    qint64 hetJobOffset = -1;
    QString name;
    JobState state = JobState::Unknown;
    QStringList stateFlags; ///< upper case: REQUEUED, COMPLETING, CONFIGURING, …
    QString reason; ///< state_reason; "None" is kept as Slurm says it
    QString reasonDescription; ///< state_description, what squeue prints instead when set ("ReqNodeNotAvail,
                               ///< UnavailableNodes:n[1,4]")
    QString user;
    QString account;
    QString partition;
    QString qos; ///< the quality of service it runs under ("normal"); empty when not said
    QString nodesExpression;
    QStringList nodes; ///< expanded; empty while pending
    GresList gresPerNode; ///< requested per node (tres_per_node)
    QList<NodeGres> allocatedGres; ///< per node with indexes (gres_detail); slurmctld answers only
    qint64 gpusAllocated = 0; ///< whole job, from the allocated TRES
    qint64 submitTime = 0;
    qint64 eligibleTime = 0;
    qint64 startTime = 0; ///< for a pending job: Slurm's expected start, or 0
    qint64 endTime = 0; ///< for a running job: its expected end
    qint64 elapsedSeconds = -1; ///< slurmdb only; -1: not reported
    qint64 timeLimitMinutes = Unlimited;
    int restartCount = 0; ///< times requeued (slurmctld answers only)
    bool requeue = false; ///< may be requeued (slurmctld answers only)
    int exitCode = -1; ///< the batch script's exit status; -1: not known (or it was signalled)
    int exitSignal = 0; ///< the signal that ended it; 0: none
    QStringList flags;
    QString failedNode; ///< v0.0.39+: the node whose failure ended the job
    friend bool operator==(const Job&, const Job&) = default;
};

QString nodeStateName(NodeState state); ///< "idle", "mixed", … as sinfo prints them
QString partitionStateName(PartitionState state); ///< "UP", "DOWN", …
QString jobStateName(JobState state); ///< "PENDING", "RUNNING", … as squeue prints them
/// Running or suspended: the job holds its nodes and their GPUs (a suspended job keeps its allocation).
bool jobHoldsNodes(const Job& job);
QString nodeFlagName(NodeFlag flag); ///< "DRAIN", "NOT_RESPONDING", …

} // namespace Meridian::Slurm

Q_DECLARE_OPERATORS_FOR_FLAGS(Meridian::Slurm::NodeFlags)
