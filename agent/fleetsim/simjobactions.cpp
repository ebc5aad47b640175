// SPDX-License-Identifier: GPL-3.0-or-later
// Operator actions on jobs, the simulator acting as the scheduler: cancel ends
// a job at once; requeue stops it, releases its accelerators and places it
// again from its last checkpoint (the job is "recovering" until placed). Each
// is previewable (dryRun) so a console can show what will happen first.
#include "agent/fleetsim/simulation.h"
#include "core/protocol/protocoljson.h"

#include <QJsonArray>

namespace Meridian::Sim {

JobHistory& Simulation::editHistory(Job& job)
{
    auto copy = std::make_shared<JobHistory>(*job.history);
    JobHistory& ref = *copy;
    job.history = std::move(copy);
    return ref;
}

int Simulation::jobIndex(const QString& jobId) const
{
    // Ids are "job-NNNNNN", numbered from 1 in creation order.
    if (!jobId.startsWith(QLatin1String("job-")) || jobId.size() > 32)
        return -1;
    bool ok = false;
    const qint64 n = QStringView(jobId).mid(4).toLongLong(&ok);
    if (!ok || n < 1 || n > qint64(m_jobs.size()))
        return -1;
    const Job& job = m_jobs[size_t(n - 1)];
    return job.visible && job.spec->id == jobId ? int(n - 1) : -1;
}

Simulation::JobActionResult Simulation::jobAction(const QString& jobId, const QString& action, bool dryRun)
{
    std::unique_lock lock(m_mutex);
    advanceTo(simNowLocked());
    const int j = jobIndex(jobId);
    if (j < 0)
        return { 404, QStringLiteral("no job \"%1\"").arg(jobId.left(64)), {} };
    const bool cancel = action == QLatin1String("cancel");
    if (!cancel && action != QLatin1String("requeue"))
        return { 400, QStringLiteral("action must be cancel or requeue"), {} };
    Job& job = m_jobs[size_t(j)];
    const Protocol::JobRecord before = jobRecord(job, m_now);
    const bool finished
        = job.state == JobState::Completed || job.state == JobState::Failed || job.state == JobState::Cancelled;
    if (finished)
        return { 409, QStringLiteral("job %1 has already ended (%2)").arg(jobId, before.state), {} };
    if (!cancel && job.state != JobState::Running)
        return { 409, QStringLiteral("only a running job can be requeued; %1 is %2").arg(jobId, before.state), {} };

    QJsonObject body { { QStringLiteral("job"), jobId }, { QStringLiteral("action"), action },
        { QStringLiteral("stateBefore"), before.state },
        { QStringLiteral("accelerators"), before.acceleratorsAllocated },
        { QStringLiteral("nodes"), QJsonArray::fromStringList(before.nodes) } };
    const qint64 sinceCheckpoint = before.lastCheckpointMs > 0 ? m_now - before.lastCheckpointMs : -1;
    body.insert(QStringLiteral("effect"),
        cancel ? QStringLiteral("the job ends as cancelled and releases %1 accelerators on %2 nodes")
                     .arg(before.acceleratorsAllocated)
                     .arg(before.nodes.size())
               : QStringLiteral("the job stops, releases %1 accelerators on %2 nodes and restarts from its last "
                                "checkpoint (%3)")
                     .arg(before.acceleratorsAllocated)
                     .arg(before.nodes.size())
                     .arg(sinceCheckpoint >= 0
                             ? QStringLiteral("%1 s of work since then is lost").arg(sinceCheckpoint / 1000)
                             : QStringLiteral("none: it restarts from the beginning")));
    if (dryRun) {
        body.insert(QStringLiteral("dryRun"), true);
        return { 200, {}, body };
    }
    if (cancel) {
        finishJob(j, JobState::Cancelled);
    } else {
        interruptJob(j, job.placement.front().first, QStringLiteral("requeued by an operator"));
        JobHistory& h = editHistory(job);
        h.segments.back().endReason = QStringLiteral("requeued");
        h.interrupts.back().faultEventId = 0;
        h.interrupts.back().nodeId.clear();
    }
    publish(false);
    body.insert(QStringLiteral("stateAfter"), jobRecord(job, m_now).state);
    body.insert(QStringLiteral("ts"), m_now);
    lock.unlock();
    m_wake.notify_all();
    return { 200, {}, body };
}

QByteArray FleetState::jobDetailDocument(const QString& jobId) const
{
    for (const JobView& j : jobs) {
        if (j.record.jobId != jobId)
            continue;
        Protocol::JobDetail detail;
        detail.timestampMs = timeMs;
        detail.job = j.record;
        if (j.spec && j.history)
            detail.job.checkpoints = checkpointTimes(*j.spec, j.history->segments, timeMs);
        return Protocol::Json::document(Protocol::Json::toJson(detail));
    }
    return {};
}

} // namespace Meridian::Sim
