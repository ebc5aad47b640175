// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmjobhistory.h"

#include "core/util/units.h"

#include <QCoreApplication>
#include <QSet>

namespace Meridian {
namespace {

using Slurm::JobState;

using Units::SecondMs;
constexpr int MaxInterruptionsKept = 1000; ///< per job: a job requeued in a loop must not grow without end

QString tr(const char* text)
{
    return QCoreApplication::translate("Meridian::SlurmJobHistory", text);
}

bool isFinal(const Slurm::Job& job)
{
    switch (job.state) {
    case JobState::Completed:
    case JobState::Cancelled:
    case JobState::Failed:
    case JobState::Timeout:
    case JobState::NodeFail:
    case JobState::BootFail:
    case JobState::Deadline:
    case JobState::OutOfMemory:
        return true;
    case JobState::Preempted:
        return !job.requeue;
    default:
        return false;
    }
}

QString failedNodeOf(const Slurm::Job& job)
{
    if (!job.failedNode.isEmpty())
        return job.failedNode;
    return job.nodes.size() == 1 ? job.nodes.constFirst() : QString();
}

} // namespace

void SlurmJobHistory::interrupt(
    Track& t, const Slurm::Job& job, qint64 atMs, const QString& endReason, const QString& cause)
{
    if (t.openStartMs > 0) {
        t.closed.append({ t.openStartMs, std::max(atMs, t.openStartMs), endReason, 0 });
        t.openStartMs = 0;
    }
    if (t.interruptions.size() >= MaxInterruptionsKept)
        t.interruptions.removeFirst();
    Protocol::JobInterruption i;
    i.atMs = atMs;
    i.cause = cause;
    i.nodeId = failedNodeOf(job);
    t.interruptions.append(i);
}

void SlurmJobHistory::apply(const QList<Slurm::Job>& jobs, QList<Protocol::JobRecord>* records, qint64 nowMs)
{
    QSet<qint64> seen;
    for (qsizetype k = 0; k < jobs.size() && k < records->size(); ++k) {
        const Slurm::Job& job = jobs.at(k);
        Protocol::JobRecord& r = (*records)[k];
        seen.insert(job.id);
        auto it = m_tracks.find(job.id);
        if (it == m_tracks.end()) {
            Track t;
            t.complete = job.restartCount == 0;
            t.restarts = job.restartCount;
            it = m_tracks.insert(job.id, t);
        }
        Track& t = *it;
        const qint64 startMs = job.startTime * SecondMs;
        if (job.restartCount > t.restarts) {
            // Requeued since the last poll (perhaps more than once: only the last shows).
            const qint64 at = t.openStartMs > 0 ? nowMs : std::max<qint64>(startMs, nowMs);
            const QString cause = job.state == JobState::Preempted || job.reason == u"Preempted"
                ? tr("preempted and requeued by Slurm")
                : tr("requeued by Slurm (restart %1)").arg(job.restartCount);
            interrupt(t, job, at, QStringLiteral("requeued"), cause);
            t.restarts = job.restartCount;
        }
        if (Slurm::jobHoldsNodes(job) && startMs > 0 && startMs != t.openStartMs && !t.ended) {
            if (t.openStartMs > 0) // a restart between two polls: the old run ended when the new one began
                t.closed.append({ t.openStartMs, startMs, QStringLiteral("requeued"), 0 });
            t.openStartMs = startMs;
            if (!t.interruptions.isEmpty() && t.interruptions.last().recoveredMs == 0)
                t.interruptions.last().recoveredMs = startMs;
        }
        if (isFinal(job) && !t.ended) {
            t.ended = true;
            const qint64 endMs = job.endTime > 0 ? job.endTime * SecondMs : nowMs;
            if (job.state == JobState::NodeFail)
                interrupt(t, job, endMs, QStringLiteral("failed"), tr("node failure (NODE_FAIL)"));
            else if (t.openStartMs > 0)
                t.closed.append({ t.openStartMs, std::max(endMs, t.openStartMs), r.state, 0 });
            t.openStartMs = 0;
        }
        r.interruptions = std::max<int>(job.restartCount, int(t.interruptions.size()));
        r.interruptionLog = t.interruptions;
        r.segments.clear();
        if (!t.complete)
            continue;
        r.segments = t.closed;
        if (t.openStartMs > 0)
            r.segments.append({ t.openStartMs, 0, {}, 0 });
        if (r.segments.isEmpty() && isFinal(job) && startMs > 0)
            // Ended between two polls: its one run, as slurmctld recorded it.
            r.segments.append({ startMs, std::max(job.endTime * SecondMs, startMs), r.state, 0 });
    }
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (seen.contains(it.key()))
            ++it;
        else
            it = m_tracks.erase(it);
    }
}

} // namespace Meridian
