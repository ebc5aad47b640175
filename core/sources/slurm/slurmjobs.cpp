// SPDX-License-Identifier: GPL-3.0-or-later
// GET /slurm/vX/jobs, /slurm/vX/job/{id} (slurmctld's view) and /slurmdb/vX/jobs (the accounting records).

#include "core/sources/slurm/hostlist.h"
#include "core/sources/slurm/slurmanswer_p.h"
#include "core/sources/slurm/slurmstates_p.h"
#include "core/sources/slurm/slurmtext_p.h"

namespace Meridian::Slurm {

using namespace Detail;

namespace {

constexpr qint64 MaxId = 0xffffffffLL; // job ids are uint32
constexpr qint64 MaxMinutes = 0xffffffffLL;

// v0.0.38 and v0.0.39 dump a wait status (768 = exit 3, 15 = killed by SIGTERM); 0xfffffffe is NO_VAL.
void applyWaitStatus(const Number& status, Job* job)
{
    if (status.kind != Number::Set || status.value >= 0xfffffffeLL)
        return;
    const int termSignal = int(status.value & 0x7f);
    if (termSignal == 0)
        job->exitCode = int((status.value >> 8) & 0xff);
    else if (termSignal != 0x7f)
        job->exitSignal = termSignal;
}

// v0.0.40+ (and the slurmdb records of every version): {"status", "return_code", "signal"}.
void readVerboseExitCode(ApiVersion version, Reader r, Job* job)
{
    const Number code = r.number("return_code", 0, 255);
    if (code.kind == Number::Set)
        job->exitCode = int(code.value);
    Reader signal = r.object("signal");
    // "signal_id" (a plain number) up to v0.0.39, "id" (a no_val number) from v0.0.40.
    const Key key = version <= ApiVersion::V0039 ? "signal_id" : "id";
    const Number id = signal.number(key, 0, 255);
    if (id.kind == Number::Set && id.value > 0) {
        job->exitSignal = int(id.value);
        // Signalled, not exited: a return_code beside it (v0.0.38's slurmdb writes 0) says nothing.
        job->exitCode = -1;
    }
}

void expandNodes(Reader& r, Key key, Job* job)
{
    job->nodesExpression = r.string(key);
    if (job->nodesExpression == u"None assigned") // slurmdb's words for a job that never ran
        job->nodesExpression.clear();
    const HostlistExpansion nodes = expandHostlist(job->nodesExpression, r.limits().maxHostlistNames);
    if (!nodes.ok())
        r.fail(key, nodes.error);
    job->nodes = nodes.names;
}

qint64 minutesOrUnlimited(const Number& n)
{
    return n.kind == Number::Set ? n.value : Unlimited;
}

// gres_detail holds one string per allocated node, in the order of the job's nodes.
void readGresDetail(Reader& r, Job* job)
{
    const QStringList detail = r.strings("gres_detail");
    for (qsizetype i = 0; i < detail.size() && i < job->nodes.size(); ++i) {
        const GresParse parsed = parseGres(detail[i]);
        if (!parsed.ok()) {
            r.failAt(QStringLiteral("gres_detail[%1]").arg(i), parsed.error);
            return;
        }
        job->allocatedGres.append({ job->nodes[i], parsed.gres });
    }
}

Job readControllerJob(ApiVersion version, Reader& r)
{
    Job job;
    job.id = r.integer("job_id", 1, MaxId);
    if (job.id == 0)
        r.fail("job_id", Text::tr("missing"));
    job.arrayJobId = r.integer("array_job_id", 0, MaxId);
    job.arrayTaskId = r.integer("array_task_id", 0, MaxId, -1);
    job.hetJobId = r.integer("het_job_id", 0, MaxId);
    job.hetJobOffset = job.hetJobId > 0 ? r.integer("het_job_offset", 0, MaxId, -1) : -1;
    job.name = r.string("name");
    // One word up to v0.0.39, an array of words from v0.0.40.
    const QStringList words
        = version <= ApiVersion::V0039 ? QStringList { r.string("job_state") } : r.strings("job_state");
    applyJobStateWords(words, &job.state, &job.stateFlags);
    job.reason = r.string("state_reason");
    job.reasonDescription = r.string("state_description");
    job.user = r.string("user_name");
    job.account = r.string("account");
    job.partition = r.string("partition");
    job.qos = r.string("qos");
    expandNodes(r, "nodes", &job);
    const GresParse perNode = parseGres(r.string("tres_per_node"));
    if (!perNode.ok())
        r.fail("tres_per_node", perNode.error);
    job.gresPerNode = perNode.gres;
    readGresDetail(r, &job);
    const GresParse allocated = parseTresGres(r.string("tres_alloc_str"));
    if (!allocated.ok())
        r.fail("tres_alloc_str", allocated.error);
    job.gpusAllocated = gresCount(allocated.gres);
    job.submitTime = r.time("submit_time");
    job.eligibleTime = r.time("eligible_time");
    job.startTime = r.time("start_time");
    job.endTime = r.time("end_time");
    job.timeLimitMinutes = minutesOrUnlimited(r.number("time_limit", 0, MaxMinutes));
    job.restartCount = int(r.integer("restart_cnt", 0, 1 << 30));
    job.requeue = r.boolean("requeue");
    if (version <= ApiVersion::V0039)
        applyWaitStatus(r.number("exit_code", 0, MaxId), &job);
    else
        readVerboseExitCode(version, r.object("exit_code"), &job);
    job.flags = r.strings("flags");
    job.failedNode = r.string("failed_node");
    return job;
}

Job readSlurmdbJob(ApiVersion version, Reader& r)
{
    Job job;
    job.id = r.integer("job_id", 1, MaxId);
    if (job.id == 0)
        r.fail("job_id", Text::tr("missing"));
    Reader array = r.object("array");
    job.arrayJobId = array.integer("job_id", 0, MaxId);
    job.arrayTaskId = array.integer("task_id", 0, MaxId, -1);
    Reader het = r.object("het");
    job.hetJobId = het.integer("job_id", 0, MaxId);
    job.hetJobOffset = job.hetJobId > 0 ? het.integer("job_offset", 0, MaxId, -1) : -1;
    job.name = r.string("name");
    Reader state = r.object("state");
    const QStringList words
        = version <= ApiVersion::V0039 ? QStringList { state.string("current") } : state.strings("current");
    applyJobStateWords(words, &job.state, &job.stateFlags);
    job.reason = state.string("reason");
    job.user = r.string("user");
    job.account = r.string("account");
    job.partition = r.string("partition");
    job.qos = r.string("qos");
    expandNodes(r, "nodes", &job);
    Reader time = r.object("time");
    job.submitTime = time.time("submission");
    job.eligibleTime = time.time("eligible");
    job.startTime = time.time("start");
    job.endTime = time.time("end");
    job.elapsedSeconds = time.integer("elapsed", 0, qint64(1) << 40, -1);
    job.timeLimitMinutes = minutesOrUnlimited(time.number("limit", 0, MaxMinutes));
    readVerboseExitCode(version, r.object("exit_code"), &job);
    job.flags = r.strings("flags");
    job.failedNode = r.string("failed_node");
    // tres.allocated: [{"type": "gres", "name": "gpu", "count": 2}, …]
    Reader tres = r.object("tres");
    const JsonArray allocated = tres.array("allocated", r.limits().maxListItems);
    for (qsizetype i = 0; i < allocated.size() && tres.ok(); ++i) {
        Reader t = tres.element("allocated", allocated, i);
        const qint64 count = t.integer("count", 0, qint64(1) << 62);
        if (t.string("type") == u"gres" && t.string("name") == u"gpu")
            job.gpusAllocated += count;
    }
    return job;
}

} // namespace

Decoded<QList<Job>> decodeJobs(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    return decodeList<Job>(version, httpStatus, body, limits, "jobs", readControllerJob);
}

Decoded<Job> decodeJob(ApiVersion version, qint64 jobId, int httpStatus, const QByteArray& body, const Limits& limits)
{
    Decoded<QList<Job>> all = decodeJobs(version, httpStatus, body, limits);
    Decoded<Job> out;
    out.info = std::move(all.info);
    out.failure = all.failure;
    out.error = std::move(all.error);
    if (!out.ok())
        return out;
    for (Job& job : all.value) {
        if (job.id == jobId) {
            out.value = std::move(job);
            return out;
        }
    }
    setFailure(&out, Failure::Malformed, Text::tr("slurmrestd's answer does not hold job %1").arg(jobId));
    return out;
}

Decoded<QList<Job>> decodeSlurmdbJobs(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    return decodeList<Job>(version, httpStatus, body, limits, "jobs", readSlurmdbJob);
}

} // namespace Meridian::Slurm
