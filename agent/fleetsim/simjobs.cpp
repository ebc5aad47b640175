// SPDX-License-Identifier: GPL-3.0-or-later
// The scheduler half of the simulation: training jobs on whole nodes of one
// pool, inference services as replicas packed onto free accelerators, a FIFO
// queue with backfill, interruption by faults and recovery from the last checkpoint.
#include "agent/fleetsim/nodebehaviour.h"
#include "agent/fleetsim/simulation.h"

#include <algorithm>
#include <bit>
#include <map>

namespace Meridian::Sim {
namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

const char* const TrainingKinds[] = { "llm-pretrain", "moe-pretrain", "sft", "rlhf", "vision-pretrain", "asr-finetune",
    "embedding-train", "code-llm-sft", "multimodal-pretrain", "distill" };
const char* const ServiceKinds[] = { "chat-api", "embedding-api", "rerank", "asr-stream", "ocr", "search-summarize",
    "code-assist", "image-gen", "translate", "risk-scoring" };
const int ParamSizes[] = { 7, 13, 32, 70, 110, 235, 671 };

quint16 fullMask(int accelerators)
{
    return quint16((1u << accelerators) - 1);
}

} // namespace

std::shared_ptr<JobSpec> Simulation::newSpec(int pool)
{
    const PoolInfo& p = m_topology->pools()[size_t(pool)];
    auto spec = std::make_shared<JobSpec>();
    spec->index = int(m_jobs.size());
    spec->id = QStringLiteral("job-%1").arg(m_jobs.size() + 1, 6, 10, QLatin1Char('0'));
    const QStringList& tenants = m_topology->scenario().tenants;
    spec->tenant = tenants.at(m_rng.range(0, int(tenants.size()) - 1));
    spec->user = spec->tenant + QStringLiteral("-u") + QString::number(m_rng.range(1, 40));
    spec->pool = pool;
    spec->training = p.training;
    if (p.training) {
        spec->name = QLatin1String(TrainingKinds[m_rng.range(0, 9)]) + u'-'
            + QString::number(ParamSizes[m_rng.range(0, 6)]) + u'b';
        spec->checkpointIntervalMs = qint64(m_rng.range(10, 60)) * Minute;
        spec->checkpointDurationMs = qint64(m_rng.range(30, 120)) * 1000;
        spec->memoryFraction = m_rng.uniform(0.78, 0.95);
        spec->utilization = m_rng.uniform(88, 96);
        spec->idle = m_rng.chance(0.03);
    } else {
        spec->name = QLatin1String(ServiceKinds[m_rng.range(0, 9)]) + u'-' + spec->tenant;
        spec->memoryFraction = m_rng.uniform(0.4, 0.8);
        spec->idle = m_rng.chance(0.06);
    }
    return spec;
}

int Simulation::drawSize(int pool, int* perReplica)
{
    const PoolInfo& p = m_topology->pools()[size_t(pool)];
    const int perNode = m_topology->scenario().models[p.model].perNode;
    if (p.training) {
        *perReplica = perNode;
        // Powers of two of whole nodes, up to half the pool and 8,192 accelerators.
        std::vector<int> options;
        const int maxNodes = std::max(1, p.nodeCount / 2);
        for (int n = 1; n <= maxNodes && n * perNode <= 8192; n *= 2)
            options.push_back(n);
        std::vector<int> big;
        std::copy_if(options.begin(), options.end(), std::back_inserter(big), [&](int n) { return n * perNode >= 64; });
        const std::vector<int>& from = big.empty() ? options : big;
        const double u = m_rng.uniform();
        return from[std::min(from.size() - 1, size_t(u * u * double(from.size())))] * perNode;
    }
    const int choices[] = { 1, 1, 2, 4, 8 };
    *perReplica = std::min(perNode, choices[m_rng.range(0, 4)]);
    const int maxReplicas = std::clamp(int(p.nodeCount * perNode * 0.12) / *perReplica, 2, 64);
    return m_rng.range(2, maxReplicas) * *perReplica;
}

qint64 Simulation::drawDurationMs(bool training)
{
    const double u = m_rng.uniform();
    if (training) {
        if (u < 0.4)
            return qint64(m_rng.uniform(2, 12) * Hour);
        if (u < 0.85)
            return qint64(m_rng.uniform(1, 5) * Day);
        return qint64(m_rng.uniform(5, 21) * Day);
    }
    return u < 0.2 ? qint64(m_rng.uniform(1, 6) * Hour) : qint64(m_rng.uniform(2, 30) * Day);
}

int Simulation::newJob(int pool, qint64 submitMs)
{
    Job job;
    auto spec = newSpec(pool);
    job.size = drawSize(pool, &job.perReplica);
    job.submitMs = submitMs;
    job.workLeftMs = drawDurationMs(spec->training);
    job.spec = std::move(spec);
    m_jobs.push_back(std::move(job));
    return int(m_jobs.size()) - 1;
}

void Simulation::initialFill()
{
    for (size_t p = 0; p < m_topology->pools().size(); ++p) {
        const PoolInfo& pool = m_topology->pools()[p];
        const int perNode = m_topology->scenario().models[pool.model].perNode;
        const double target = pool.targetLoad * pool.nodeCount * perNode;
        int allocated = 0;
        int misses = 0;
        while (allocated < target && misses < 3) {
            const int j = newJob(int(p), 0);
            Job& job = m_jobs[size_t(j)];
            const qint64 duration = job.workLeftMs;
            const qint64 elapsed = qint64(m_rng.uniform(0.05, 0.95) * double(duration));
            job.startMs = m_now - elapsed;
            job.submitMs = job.startMs - qint64(m_rng.uniform(0, 2) * Hour);
            // Some jobs restarted recently (an earlier fault); the rest run since their start.
            job.placedAtMs = m_rng.chance(0.3) ? m_now - qint64(m_rng.uniform(0, double(std::min(elapsed, 6 * Hour))))
                                               : job.startMs;
            job.restoredCheckpointMs = job.placedAtMs > job.startMs ? job.placedAtMs - m_rng.range(1, 30) * Minute : 0;
            job.interruptions = job.placedAtMs > job.startMs ? m_rng.range(1, 4) : 0;
            job.workLeftMs = duration - elapsed;
            if (place(j, false)) {
                editHistory(job).synthesizePrior(
                    job.startMs, job.placedAtMs, job.restoredCheckpointMs, job.interruptions, job.spec->training);
                startJob(j, false);
                allocated += job.size;
                ++m_initialJobs[p];
            } else {
                ++misses;
                job.startMs = job.placedAtMs = job.restoredCheckpointMs = 0;
                job.interruptions = 0;
                job.workLeftMs = duration;
                job.submitMs = m_now - qint64(m_rng.uniform(0, 3) * Hour);
                if (misses <= 2 && (pool.training || misses == 1)) {
                    m_queues[p].push_back(j);
                    schedule(job.submitMs + qint64(m_rng.uniform(12, 48) * Hour), EventType::JobEnd, j, job.generation);
                } else {
                    job.visible = false; // never submitted
                }
            }
        }
        const qint64 meanDuration = pool.training ? 60 * Hour : 8 * Day;
        schedule(m_now + qint64(m_rng.exponential(double(meanDuration) / std::max(1, m_initialJobs[p]))),
            EventType::JobArrival, qint64(p));
    }
}

bool Simulation::place(int j, bool honourReservations)
{
    Job& job = m_jobs[size_t(j)];
    const int pool = job.spec->pool;
    const PoolInfo& p = m_topology->pools()[size_t(pool)];
    const int perNode = m_topology->scenario().models[p.model].perNode;
    const quint16 full = fullMask(perNode);
    auto usable = [&](int node) -> quint16 {
        const NodeWork& w = m_work[size_t(node)];
        return w.down || w.drained ? 0 : quint16(full & ~(w.allocated | w.faulty | w.warning));
    };
    // Recovering jobs get their capacity back before queued ones start.
    int reserved = 0;
    if (honourReservations) {
        for (const Job& other : m_jobs)
            if (other.state == JobState::Recovering && other.spec->pool == pool)
                reserved += other.size;
    }

    std::map<int, quint16> chosen;
    if (p.training) {
        const int need = job.size / perNode;
        int freeNodes = 0;
        for (int n = p.firstNode; n < p.firstNode + p.nodeCount; ++n)
            freeNodes += usable(n) == full && m_work[size_t(n)].allocated == 0 ? 1 : 0;
        if (freeNodes * perNode < job.size + reserved)
            return false;
        for (int n = p.firstNode; n < p.firstNode + p.nodeCount && int(chosen.size()) < need; ++n)
            if (usable(n) == full && m_work[size_t(n)].allocated == 0)
                chosen[n] = full;
    } else {
        int freeAcc = 0;
        for (int n = p.firstNode; n < p.firstNode + p.nodeCount; ++n)
            freeAcc += std::popcount(unsigned(usable(n)));
        if (freeAcc < job.size + reserved)
            return false;
        const int replicas = job.size / job.perReplica;
        for (int r = 0; r < replicas; ++r) {
            bool placed = false;
            for (int n = p.firstNode; n < p.firstNode + p.nodeCount && !placed; ++n) {
                quint16 avail = quint16(usable(n) & ~chosen[n]);
                if (std::popcount(unsigned(avail)) < job.perReplica)
                    continue;
                for (int k = 0; k < job.perReplica; ++k) {
                    const quint16 bit = quint16(avail & -avail);
                    chosen[n] |= bit;
                    avail &= quint16(~bit);
                }
                placed = true;
            }
            if (!placed)
                return false;
        }
    }
    // Callers set placedAtMs (and restoredCheckpointMs) before placing.
    if (job.startMs == 0)
        job.startMs = job.placedAtMs;
    job.placement.clear();
    job.nodeIds.clear();
    for (const auto& [node, mask] : chosen) {
        if (mask == 0)
            continue;
        Alloc alloc;
        alloc.job = job.spec;
        alloc.mask = mask;
        alloc.from = job.placedAtMs;
        alloc.jobStartMs = job.startMs;
        alloc.restoredCheckpointMs = job.restoredCheckpointMs;
        mutableNode(node).allocs.push_back(std::move(alloc));
        m_work[size_t(node)].allocated |= mask;
        job.placement.emplace_back(node, mask);
        job.nodeIds.append(m_topology->nodes()[size_t(node)].id);
    }
    return true;
}

void Simulation::release(int j)
{
    Job& job = m_jobs[size_t(j)];
    for (const auto& [node, mask] : job.placement) {
        NodeTimeline& tl = mutableNode(node);
        for (Alloc& a : tl.allocs)
            if (a.job == job.spec && a.to == Open)
                a.to = m_now;
        m_work[size_t(node)].allocated &= quint16(~mask);
    }
    job.placement.clear();
    job.nodeIds.clear();
}

void Simulation::startJob(int j, bool recovered)
{
    Job& job = m_jobs[size_t(j)];
    job.state = JobState::Running;
    job.endAtMs = m_now + std::max<qint64>(Minute, job.workLeftMs);
    ++job.generation;
    schedule(job.endAtMs, EventType::JobEnd, j, job.generation);
    JobHistory& history = editHistory(job);
    if (recovered)
        history.recovered(m_now);
    history.open(job.placedAtMs, job.restoredCheckpointMs);
    if (recovered && !job.placement.empty())
        logEvent(job.placement.front().first, QStringLiteral("job-recovered"), Protocol::Severity::Info, -1,
            QStringLiteral("job %1 (%2) resumed on %3 accelerators after %4 s, from the checkpoint of %5")
                .arg(job.spec->id, job.spec->name)
                .arg(job.size)
                .arg((m_now - job.interruptedAtMs) / 1000)
                .arg(job.restoredCheckpointMs > 0 ? QStringLiteral("%1 min before the fault")
                                                        .arg((job.interruptedAtMs - job.restoredCheckpointMs) / Minute)
                                                  : QStringLiteral("the start (none written)")));
}

void Simulation::interruptJob(int j, int node, const QString& cause)
{
    Job& job = m_jobs[size_t(j)];
    if (job.state != JobState::Running)
        return;
    const JobPhase phase = jobPhase(*job.spec, job.placedAtMs, job.restoredCheckpointMs, m_now);
    const qint64 resumeFrom = phase.lastCheckpointMs > 0 ? phase.lastCheckpointMs : job.placedAtMs;
    const qint64 lost = job.spec->training ? m_now - std::max(resumeFrom, job.placedAtMs) : 0;
    job.lastCheckpointMs = phase.lastCheckpointMs;
    job.workLeftMs = std::max<qint64>(Minute, job.endAtMs - m_now + lost);
    {
        // The fault that caused this was logged just now on this node: link its event.
        Protocol::JobInterruption in;
        in.atMs = m_now;
        in.cause = cause;
        in.nodeId = m_topology->nodes()[size_t(node)].id;
        in.lastCheckpointMs = phase.lastCheckpointMs;
        const auto& faults = m_nodes[size_t(node)]->faults;
        if (!faults.empty() && faults.back().from == m_now)
            in.faultEventId = faults.back().id;
        editHistory(job).interrupt(in, lost);
    }
    release(j);
    job.state = JobState::Recovering;
    ++job.interruptions;
    ++job.generation;
    job.interruptedAtMs = m_now;
    // Most recoveries finish within the 10-minute target; some take much longer.
    const qint64 delay = job.spec->training
        ? (m_rng.chance(0.8) ? qint64(m_rng.uniform(1, 10) * Minute) : qint64(m_rng.uniform(10, 45) * Minute))
        : qint64(m_rng.uniform(0.5, 3) * Minute);
    schedule(m_now + delay, EventType::JobRecover, j, job.generation);
    logEvent(node, QStringLiteral("job-interrupted"), Protocol::Severity::Warning, -1,
        QStringLiteral("job %1 (%2) interrupted by %3; %4 accelerators released, last checkpoint %5")
            .arg(job.spec->id, job.spec->name, cause)
            .arg(job.size)
            .arg(job.lastCheckpointMs > 0 ? QStringLiteral("%1 s ago").arg((m_now - job.lastCheckpointMs) / 1000)
                                          : QStringLiteral("none")));
}

void Simulation::finishJob(int j, JobState outcome)
{
    Job& job = m_jobs[size_t(j)];
    if (job.state == JobState::Running)
        release(j);
    editHistory(job).close(m_now,
        outcome == JobState::Completed    ? QStringLiteral("completed")
            : outcome == JobState::Failed ? QStringLiteral("failed")
                                          : QStringLiteral("cancelled"));
    auto& queue = m_queues[size_t(job.spec->pool)];
    queue.erase(std::remove(queue.begin(), queue.end(), j), queue.end());
    job.state = outcome;
    job.endMs = m_now;
    ++job.generation;
    scheduleQueued(job.spec->pool);
    // Teams resubmit: demand keeps each pool near its target load.
    schedule(m_now + qint64(m_rng.exponential(30 * Minute)), EventType::JobArrival, job.spec->pool, 1);
}

void Simulation::scheduleQueued(int pool)
{
    auto& queue = m_queues[size_t(pool)];
    for (auto it = queue.begin(); it != queue.end();) {
        const int j = *it;
        m_jobs[size_t(j)].placedAtMs = m_now;
        m_jobs[size_t(j)].restoredCheckpointMs = 0;
        if (place(j, true)) {
            it = queue.erase(it);
            startJob(j, false);
        } else {
            ++it; // backfill: smaller jobs behind may still fit
        }
    }
}

void Simulation::onJobArrival(int pool, bool replacement)
{
    const int j = newJob(pool, m_now);
    m_queues[size_t(pool)].push_back(j);
    schedule(m_now + qint64(m_rng.uniform(12, 48) * Hour), EventType::JobEnd, j, m_jobs[size_t(j)].generation);
    scheduleQueued(pool);
    if (replacement)
        return;
    const bool training = m_topology->pools()[size_t(pool)].training;
    const qint64 meanDuration = training ? 60 * Hour : 8 * Day;
    schedule(m_now + qint64(m_rng.exponential(double(meanDuration) / std::max(1, m_initialJobs[size_t(pool)]))),
        EventType::JobArrival, pool);
}

void Simulation::onJobEnd(int j, int generation)
{
    Job& job = m_jobs[size_t(j)];
    if (job.generation != generation)
        return; // superseded (placed, interrupted or finished since)
    if (job.state == JobState::Queued) {
        finishJob(j, JobState::Cancelled); // waited too long: the owner gave up
        return;
    }
    if (job.state != JobState::Running)
        return;
    const double u = m_rng.uniform();
    const JobState outcome = job.spec->training ? (u < 0.85 ? JobState::Completed
                                     : u < 0.94             ? JobState::Failed
                                                            : JobState::Cancelled)
                                                : (u < 0.5         ? JobState::Completed
                                                        : u < 0.55 ? JobState::Failed
                                                                   : JobState::Cancelled);
    finishJob(j, outcome);
}

void Simulation::onJobRecover(int j, int generation)
{
    Job& job = m_jobs[size_t(j)];
    if (job.generation != generation || job.state != JobState::Recovering)
        return;
    const qint64 placedBefore = job.placedAtMs;
    const qint64 restoredBefore = job.restoredCheckpointMs;
    job.placedAtMs = m_now;
    job.restoredCheckpointMs = job.lastCheckpointMs;
    if (place(j, false)) {
        startJob(j, true);
        return;
    }
    job.placedAtMs = placedBefore;
    job.restoredCheckpointMs = restoredBefore;
    schedule(m_now + Minute, EventType::JobRecover, j, generation); // wait for capacity
}

Protocol::JobRecord Simulation::jobRecord(const Job& job, qint64 t) const
{
    const PoolInfo& pool = m_topology->pools()[size_t(job.spec->pool)];
    Protocol::JobRecord r;
    r.jobId = job.spec->id;
    r.name = job.spec->name;
    r.tenant = job.spec->tenant;
    r.user = job.spec->user;
    r.kind = job.spec->training ? QStringLiteral("training") : QStringLiteral("inference");
    r.region = pool.region;
    r.pool = pool.name;
    r.model = m_topology->scenario().models[pool.model].model;
    r.acceleratorsRequested = job.size;
    r.submitMs = std::max<qint64>(0, job.submitMs);
    r.startMs = job.startMs;
    r.endMs = job.endMs;
    r.interruptions = job.interruptions;
    r.lastCheckpointMs = job.lastCheckpointMs;
    r.segments = QList<Protocol::JobSegment>(job.history->segments.begin(), job.history->segments.end());
    r.interruptionLog
        = QList<Protocol::JobInterruption>(job.history->interrupts.begin(), job.history->interrupts.end());
    switch (job.state) {
    case JobState::Queued:
        r.state = QStringLiteral("queued");
        break;
    case JobState::Running: {
        const JobPhase phase = jobPhase(*job.spec, job.placedAtMs, job.restoredCheckpointMs, t);
        r.state = phase.checkpointing ? QStringLiteral("checkpointing") : QStringLiteral("running");
        r.lastCheckpointMs = phase.lastCheckpointMs;
        r.acceleratorsAllocated = job.size;
        r.nodes = job.nodeIds;
        r.expectedEndMs = job.endAtMs; // the planned end, unless a fault interrupts it first
        break;
    }
    case JobState::Recovering:
        r.state = QStringLiteral("recovering");
        break;
    case JobState::Failed:
        r.state = QStringLiteral("failed");
        break;
    case JobState::Completed:
        r.state = QStringLiteral("completed");
        break;
    case JobState::Cancelled:
        r.state = QStringLiteral("cancelled");
        break;
    }
    return r;
}

} // namespace Meridian::Sim
