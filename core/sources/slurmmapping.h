// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a Slurm cluster says, in the console's model: each Slurm node becomes a node whose allocation and
// scheduling state come from the scheduler (SourceClaims::scheduler()), each Slurm job a job record. Pure
// functions over decoded values (core/sources/slurm): no network, no state, so that a recorded answer and a
// live one map alike.

#include "core/model/sourceupdate.h"
#include "core/sources/slurm/slurmtypes.h"
#include "core/sources/sourceconfig.h"

#include <QList>
#include <QMap>
#include <QString>

namespace Meridian {

// One poll of a cluster: its nodes, partitions and jobs, as slurmrestd gave them.
struct SlurmView
{
    QList<Slurm::Node> nodes;
    QList<Slurm::Partition> partitions;
    QList<Slurm::Job> jobs;
    Slurm::ApiVersion version = Slurm::ApiVersion::Unknown;
    QString release; ///< Slurm's release ("22.05.8"); empty when not said
};

struct SlurmMapping
{
    QString source; ///< the source's name: the default region
    QString region; ///< empty: the source's name
    QList<PoolRule> pools; ///< overrides; else a node's pool is its first partition
    // NodeName → the host name the node is known by (SourceConfig::hostNames): the id of its NodeUpdate and
    // the names in job records. Its inventory keeps the NodeName: the name Slurm acts on.
    QMap<QString, QString> hostNames;
    QList<JobKindRule> jobKinds; ///< SourceConfig::jobKinds
    qint64 nowMs = 0; ///< the console's clock at the poll
    qint64 seq = 1; ///< the poll's number (> 0): a node's snapshot counts as "seen"
};

// The pool of a node: the first rule that matches it, else its first partition, else "slurm".
QString slurmPoolOf(const Slurm::Node& node, const QList<PoolRule>& rules);
// "idle+DRAIN", "mixed+COMPLETING": the state as sinfo's %T long form writes it (base state, then flags).
QString slurmNodeStateText(const Slurm::Node& node);
// The job's state in the console's words: queued, running, recovering (pending again after a requeue),
// completed, cancelled, failed.
QString slurmJobState(const Slurm::Job& job);
// "training", "inference" or "other": the first of RULES that matches the job, else its QOS when that is
// called "training" or "inference", else "other" (Slurm does not say).
QString slurmJobKind(const Slurm::Job& job, const QList<JobKindRule>& rules);
// The GPUs a job holds: from its allocated TRES, else (no accounting: slurmctld counts gres/gpu in TRES only
// with AccountingStorageTRES) from the GRES on each of its nodes, else its request per node times its nodes.
qint64 slurmJobGpus(const Slurm::Job& job);
// "Slurm 22.05.8, REST API v0.0.38": what a Slurm node reports as its software version.
QString slurmVersionText(Slurm::ApiVersion version, const QString& release);

// The whole view as one update: every node (inventory and snapshot) and the full job list.
SourceUpdate slurmUpdate(const SlurmView& view, const SlurmMapping& mapping);

} // namespace Meridian
