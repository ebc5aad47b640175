// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmmapping.h"

#include "core/util/units.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace Meridian {
namespace {

using Slurm::JobState;
using Slurm::NodeFlag;

using Units::SecondMs;
constexpr int MaxAcceleratorsPerNode = 1024; ///< a GRES count beyond this is garbage, not hardware

QString tr(const char* text)
{
    return QCoreApplication::translate("Meridian::SlurmMapping", text);
}

// Which of the node's GPUs each of its jobs holds: the indexes of gres_detail when Slurm gives them, else
// the lowest free ones in the number the job holds there (its GPUs spread evenly over its nodes).
QHash<int, const Slurm::Job*> holders(
    const QString& node, int gpus, const QList<const Slurm::Job*>& jobs, QHash<const Slurm::Job*, QList<int>>* held)
{
    QHash<int, const Slurm::Job*> byIndex;
    QList<std::pair<const Slurm::Job*, qint64>> unplaced;
    for (const Slurm::Job* job : jobs) {
        bool placed = false;
        for (const Slurm::NodeGres& ng : job->allocatedGres) {
            if (ng.node != node)
                continue;
            qint64 count = 0;
            for (const Slurm::Gres& g : ng.gres) {
                if (g.name != u"gpu")
                    continue;
                count += g.count;
                for (int index : g.indexes) {
                    if (index >= 0 && index < gpus && !byIndex.contains(index)) {
                        byIndex.insert(index, job);
                        (*held)[job].append(index);
                        placed = true;
                    }
                }
            }
            if (!placed && count > 0) {
                unplaced.append({ job, count });
                placed = true;
            }
        }
        if (const qint64 gpusOfJob = slurmJobGpus(*job); !placed && gpusOfJob > 0 && !job->nodes.isEmpty())
            unplaced.append({ job, std::max<qint64>(1, gpusOfJob / job->nodes.size()) });
    }
    for (const auto& [job, count] : std::as_const(unplaced)) {
        qint64 left = count;
        for (int index = 0; index < gpus && left > 0; ++index) {
            if (byIndex.contains(index))
                continue;
            byIndex.insert(index, job);
            (*held)[job].append(index);
            --left;
        }
    }
    return byIndex;
}

Protocol::NodeState nodeState(const Slurm::Node& node)
{
    const Slurm::NodeFlags flags = node.flags;
    if (node.state == Slurm::NodeState::Down || node.state == Slurm::NodeState::Error
        || node.state == Slurm::NodeState::Future || flags.testFlag(NodeFlag::NotResponding))
        return Protocol::NodeState::Down;
    if (flags.testFlag(NodeFlag::Drain) || flags.testFlag(NodeFlag::Fail))
        return Protocol::NodeState::Draining;
    return Protocol::NodeState::Up;
}

QString nodeReason(const Slurm::Node& node, Protocol::NodeState state)
{
    if (!node.reason.isEmpty())
        return node.reason;
    if (state == Protocol::NodeState::Down)
        return tr("down in Slurm (%1)").arg(slurmNodeStateText(node));
    if (state == Protocol::NodeState::Draining)
        return tr("drained in Slurm (%1)").arg(slurmNodeStateText(node));
    return {};
}

Protocol::NodeInventory inventoryOf(
    const Slurm::Node& node, const SlurmMapping& mapping, const QString& pool, const QString& version)
{
    Protocol::NodeInventory inv;
    inv.nodeId = node.name;
    inv.hostname = node.hostname.isEmpty() ? node.name : node.hostname;
    inv.region = mapping.region.isEmpty() ? mapping.source : mapping.region;
    inv.pool = pool;
    inv.labels.insert(QStringLiteral("slurm.partitions"), node.partitions.join(u','));
    if (!node.features.isEmpty())
        inv.labels.insert(QStringLiteral("slurm.features"), node.features.join(u','));
    inv.cpuCount = node.cpus;
    inv.agentVersion = version;
    int index = 0;
    for (const Slurm::Gres& g : node.gres) {
        if (g.name != u"gpu")
            continue;
        for (qint64 i = 0; i < g.count && index < MaxAcceleratorsPerNode; ++i, ++index) {
            Protocol::AcceleratorInfo a;
            a.index = index;
            a.model = g.type.isEmpty() ? QStringLiteral("gpu") : g.type;
            inv.accelerators.append(a);
        }
    }
    return inv;
}

Protocol::Snapshot snapshotOf(
    const Slurm::Node& node, const SlurmMapping& mapping, const QList<const Slurm::Job*>& jobs, int gpus)
{
    Protocol::Snapshot snap;
    snap.instanceId = QStringLiteral("slurm:") + mapping.source;
    snap.sample.seq = mapping.seq;
    snap.sample.timestampMs = mapping.nowMs;
    snap.sample.state = nodeState(node);
    snap.stateReason = nodeReason(node, snap.sample.state);
    QHash<const Slurm::Job*, QList<int>> held;
    const QHash<int, const Slurm::Job*> byIndex = holders(node.name, gpus, jobs, &held);
    for (int index = 0; index < gpus; ++index) {
        Protocol::AcceleratorSample s;
        s.index = index;
        if (const Slurm::Job* job = byIndex.value(index))
            s.jobId = QString::number(job->id);
        snap.sample.accelerators.append(s);
    }
    for (const Slurm::Job* job : jobs) {
        Protocol::JobPlacement p;
        p.jobId = QString::number(job->id);
        p.name = job->name;
        p.tenant = job->account;
        p.user = job->user;
        p.kind = QStringLiteral("other");
        p.state = slurmJobState(*job);
        p.accelerators = held.value(job);
        std::sort(p.accelerators.begin(), p.accelerators.end());
        p.startedMs = job->startTime * SecondMs;
        snap.jobs.append(p);
    }
    if (snap.sample.state == Protocol::NodeState::Down) {
        // The scheduler's word that the node is out: a fault of the node, for "jobs hit by this fault".
        Protocol::Event e;
        e.timestampMs = node.reasonTime > 0 ? node.reasonTime * SecondMs : mapping.nowMs;
        e.kind = QStringLiteral("node-down");
        e.severity = Protocol::Severity::Critical;
        e.nodeId = mapping.hostNames.value(node.name, node.name);
        e.message = snap.stateReason;
        snap.faults.append(e);
    }
    return snap;
}

Protocol::JobRecord jobRecord(
    const Slurm::Job& job, const SlurmMapping& mapping, const QHash<QString, QString>& poolOfNode)
{
    Protocol::JobRecord r;
    r.jobId = QString::number(job.id);
    r.name = job.name;
    r.tenant = job.account;
    r.user = job.user;
    r.kind = slurmJobKind(job, mapping.jobKinds);
    r.state = slurmJobState(job);
    r.region = mapping.region.isEmpty() ? mapping.source : mapping.region;
    // A running job's pool is its nodes'; a pending one's, its partition (the default mapping's pool name).
    r.pool = job.nodes.isEmpty() ? job.partition : poolOfNode.value(job.nodes.constFirst(), job.partition);
    for (const Slurm::Gres& g : job.gresPerNode) {
        if (g.name == u"gpu" && !g.type.isEmpty())
            r.model = g.type;
    }
    const qint64 perNode = Slurm::gresCount(job.gresPerNode);
    r.acceleratorsRequested = int(std::clamp<qint64>(perNode * std::max<qsizetype>(1, job.nodes.size()), 0, 1 << 20));
    r.acceleratorsAllocated = Slurm::jobHoldsNodes(job) ? int(std::clamp<qint64>(slurmJobGpus(job), 0, 1 << 20)) : 0;
    r.nodes = job.nodes;
    if (!mapping.hostNames.isEmpty()) {
        for (QString& node : r.nodes)
            node = mapping.hostNames.value(node, node);
    }
    r.submitMs = job.submitTime * SecondMs;
    const bool started = job.state != JobState::Pending && job.startTime > 0;
    r.startMs = started ? job.startTime * SecondMs : 0;
    const bool ended = started && !Slurm::jobHoldsNodes(job) && job.state != JobState::Unknown;
    r.endMs = ended && job.endTime > 0 ? job.endTime * SecondMs : 0;
    // A running job ends at the latest when its time limit runs out (the planner's wait); unlimited: unknown.
    if (started && !ended && job.timeLimitMinutes > 0)
        r.expectedEndMs = r.startMs + job.timeLimitMinutes * 60 * SecondMs;
    r.interruptions = job.restartCount;
    // One run, when Slurm's record is the whole story: a job that was never requeued. Earlier runs of a
    // requeued job are not in slurmctld's record (its start is the latest one): no segments then, and the
    // figures that need them are shown as missing instead of as one unbroken run.
    if (started && job.restartCount == 0) {
        Protocol::JobSegment s;
        s.startMs = r.startMs;
        s.endMs = r.endMs;
        if (ended)
            s.endReason = r.state;
        r.segments.append(s);
    }
    return r;
}

} // namespace

QString slurmPoolOf(const Slurm::Node& node, const QList<PoolRule>& rules)
{
    for (const PoolRule& rule : rules) {
        const bool match = rule.match == PoolRule::Match::NamePrefix ? node.name.startsWith(rule.value)
                                                                     : node.features.contains(rule.value);
        if (match)
            return rule.pool;
    }
    return node.partitions.isEmpty() ? QStringLiteral("slurm") : node.partitions.constFirst();
}

QString slurmJobKind(const Slurm::Job& job, const QList<JobKindRule>& rules)
{
    using Match = JobKindRule::Match;
    for (const JobKindRule& rule : rules) {
        const bool match = rule.match == Match::NamePrefix ? job.name.startsWith(rule.value)
                                                           : (rule.match == Match::Qos                ? job.qos
                                                                     : rule.match == Match::Partition ? job.partition
                                                                                                      : job.account)
                                                                 .compare(rule.value, Qt::CaseInsensitive)
                == 0;
        if (match)
            return rule.kind;
    }
    for (const QLatin1String kind : { QLatin1String("training"), QLatin1String("inference") }) {
        if (job.qos.compare(kind, Qt::CaseInsensitive) == 0)
            return kind;
    }
    return QStringLiteral("other");
}

QString slurmNodeStateText(const Slurm::Node& node)
{
    QStringList words { Slurm::nodeStateName(node.state) };
    for (quint32 bit = 1; bit != 0 && bit <= quint32(NodeFlag::InvalidRegistration); bit <<= 1) {
        if (node.flags.testFlag(NodeFlag(bit)))
            words.append(Slurm::nodeFlagName(NodeFlag(bit)));
    }
    words.append(node.otherFlags);
    return words.join(u'+');
}

QString slurmJobState(const Slurm::Job& job)
{
    switch (job.state) {
    case JobState::Pending:
        // Requeued (by an operator, a node failure or preemption) and waiting to run again.
        return job.restartCount > 0 ? QStringLiteral("recovering") : QStringLiteral("queued");
    case JobState::Running:
        return QStringLiteral("running");
    case JobState::Suspended:
        return QStringLiteral("queued");
    case JobState::Completed:
        return QStringLiteral("completed");
    case JobState::Cancelled:
        return QStringLiteral("cancelled");
    case JobState::Preempted:
        return job.requeue ? QStringLiteral("recovering") : QStringLiteral("failed");
    case JobState::Failed:
    case JobState::Timeout:
    case JobState::NodeFail:
    case JobState::BootFail:
    case JobState::Deadline:
    case JobState::OutOfMemory:
        return QStringLiteral("failed");
    case JobState::Unknown:
        break;
    }
    // v0.0.38's flag-only words (REQUEUED, COMPLETING) hide the base state.
    if (job.stateFlags.contains(QStringLiteral("REQUEUED")))
        return QStringLiteral("recovering");
    return job.nodes.isEmpty() ? QStringLiteral("queued") : QStringLiteral("running");
}

qint64 slurmJobGpus(const Slurm::Job& job)
{
    if (job.gpusAllocated > 0)
        return job.gpusAllocated;
    qint64 sum = 0;
    for (const Slurm::NodeGres& ng : job.allocatedGres)
        sum += Slurm::gresCount(ng.gres);
    if (sum > 0 || job.nodes.isEmpty())
        return sum;
    return Slurm::gresCount(job.gresPerNode) * job.nodes.size();
}

QString slurmVersionText(Slurm::ApiVersion version, const QString& release)
{
    const QString api = Slurm::apiVersionName(version);
    if (release.isEmpty())
        return api.isEmpty() ? QStringLiteral("Slurm") : QStringLiteral("Slurm, REST API %1").arg(api);
    return api.isEmpty() ? QStringLiteral("Slurm %1").arg(release)
                         : QStringLiteral("Slurm %1, REST API %2").arg(release, api);
}

SourceUpdate slurmUpdate(const SlurmView& view, const SlurmMapping& mapping)
{
    SourceUpdate u;
    u.claims = SourceClaims::scheduler();
    QHash<QString, QList<const Slurm::Job*>> jobsOnNode;
    for (const Slurm::Job& job : view.jobs) {
        if (!Slurm::jobHoldsNodes(job))
            continue;
        for (const QString& node : job.nodes)
            jobsOnNode[node].append(&job);
    }
    const QString version = slurmVersionText(view.version, view.release);
    QHash<QString, QString> poolOfNode;
    u.nodes.reserve(view.nodes.size());
    for (const Slurm::Node& node : view.nodes) {
        if (node.name.isEmpty())
            continue;
        const QString pool = slurmPoolOf(node, mapping.pools);
        poolOfNode.insert(node.name, pool);
        NodeUpdate n;
        n.nodeId = mapping.hostNames.value(node.name, node.name);
        n.hasInventory = true;
        n.inventory = inventoryOf(node, mapping, pool, version);
        n.hasSnapshot = true;
        n.snapshot = snapshotOf(node, mapping, jobsOnNode.value(node.name), int(n.inventory.accelerators.size()));
        n.status = AgentStatus::Up;
        n.polledAtMs = mapping.nowMs;
        u.nodes.append(std::move(n));
    }
    u.hasJobs = true;
    u.jobsComplete = true;
    u.jobs.reserve(view.jobs.size());
    for (const Slurm::Job& job : view.jobs)
        u.jobs.append(jobRecord(job, mapping, poolOfNode));
    return u;
}

} // namespace Meridian
