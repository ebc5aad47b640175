// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The event-driven fleet: a simulated clock, a scheduler placing training
// jobs and inference services, faults arriving at realistic rates and being
// repaired, and per-node timelines recording all of it. After each tick it
// publishes an immutable FleetState; everything else reads only that.

#include "agent/fleetsim/fleeteventlog.h"
#include "agent/fleetsim/fleetstate.h"
#include "agent/fleetsim/options.h"
#include "agent/fleetsim/simjobhistory.h"
#include "agent/fleetsim/simlinks.h"
#include "agent/fleetsim/simrandom.h"
#include "agent/fleetsim/timeline.h"
#include "agent/fleetsim/topology.h"

#include <QStringList>
#include <queue>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace Meridian::Sim {

struct ApiResult
{
    int status = 200;
    QString error;
    qint64 id = 0;
    int count = 0;
};

class Simulation
{
public:
    Simulation(std::shared_ptr<const Topology> topology, SimOptions options);
    ~Simulation();
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    void start(); ///< starts the clock thread
    void stop();

    std::shared_ptr<const FleetState> state() const;
    const Topology& topology() const { return *m_topology; }

    // Control from HTTP workers; each publishes a new state before returning.
    ApiResult injectFault(const QString& nodeId, const QString& kind, int accelerator, int bits);
    ApiResult clearFault(qint64 id);
    ApiResult clearNode(const QString& nodeId);
    ApiResult control(std::optional<bool> paused, std::optional<qint64> stepMs);
    // simlinkfaults.cpp: kind "link-degrade" (factor: RTT multiplier) or "link-cut" between two sites.
    ApiResult injectLink(const QString& siteA, const QString& siteB, const QString& kind, double factor);
    // simjobactions.cpp: "cancel" or "requeue" a job as its scheduler; dryRun: only describe what would happen.
    struct JobActionResult
    {
        int status = 200;
        QString error;
        QJsonObject body; ///< the preview, or the outcome
    };
    JobActionResult jobAction(const QString& jobId, const QString& action, bool dryRun);
    // simnodeactions.cpp: "drain" (no new placements; running jobs finish) or "resume" a node; dryRun: preview.
    JobActionResult nodeAction(const QString& nodeId, const QString& action, const QString& reason, bool dryRun);

private:
    enum class JobState : quint8 { Queued, Running, Recovering, Failed, Completed, Cancelled };
    enum class EventType : quint8 { JobArrival, JobEnd, JobRecover, RandomFault, FaultClear };

    struct Job
    {
        std::shared_ptr<const JobSpec> spec;
        JobState state = JobState::Queued;
        int size = 0; ///< accelerators requested
        int perReplica = 8; ///< training: whole nodes; inference: accelerators per replica
        qint64 submitMs = 0, startMs = 0, endMs = 0, placedAtMs = 0, endAtMs = 0;
        qint64 restoredCheckpointMs = 0, lastCheckpointMs = 0, workLeftMs = 0, interruptedAtMs = 0;
        int interruptions = 0;
        int generation = 0;
        bool visible = true;
        std::vector<std::pair<int, quint16>> placement; ///< node, accelerators
        QStringList nodeIds;
        std::shared_ptr<const JobHistory> history = std::make_shared<JobHistory>(); ///< copied on change
        Protocol::JobRecord published; ///< as last published, to find what changed
        qint64 changedVersion = 0;
    };

    struct NodeWork
    {
        quint16 allocated = 0, faulty = 0, warning = 0;
        bool down = false;
        bool drained = false; ///< an operator's drain: the scheduler places nothing here
    };

    struct SimEvent
    {
        qint64 time;
        quint64 order; ///< ties break by insertion: deterministic
        EventType type;
        qint64 a; ///< pool, job, node or fault id
        qint64 b; ///< job generation or node
        bool operator>(const SimEvent& o) const { return time != o.time ? time > o.time : order > o.order; }
    };

    struct FaultParams
    {
        QString kind;
        int accelerator = -1;
        bool faulty = false;
        Protocol::Severity severity = Protocol::Severity::Warning;
        QString code;
        QString message;
        int sbeAdd = 0, dbeAdd = 0;
    };

    // simulation.cpp: clock, events, publishing, pruning
    void run();
    qint64 simNowLocked() const;
    void advanceTo(qint64 t);
    void schedule(qint64 time, EventType type, qint64 a, qint64 b = 0);
    void publish(bool tick);
    void prune();
    NodeTimeline& mutableNode(int node);
    qint64 logEvent(int node, const QString& kind, Protocol::Severity severity, int accelerator, const QString& message,
        const QString& code = {}, bool cleared = false);

    // simjobs.cpp: jobs and scheduler
    void initialFill();
    std::shared_ptr<JobSpec> newSpec(int pool);
    int newJob(int pool, qint64 submitMs);
    int drawSize(int pool, int* perReplica);
    qint64 drawDurationMs(bool training);
    bool place(int job, bool honourReservations);
    void release(int job);
    void startJob(int job, bool recovered);
    void interruptJob(int job, int node, const QString& cause);
    void finishJob(int job, JobState outcome);
    void scheduleQueued(int pool);
    void onJobArrival(int pool, bool replacement);
    void onJobEnd(int job, int generation);
    void onJobRecover(int job, int generation);
    Protocol::JobRecord jobRecord(const Job& job, qint64 t) const;
    JobHistory& editHistory(Job& job); ///< copy-on-write: published states share the old one
    int jobIndex(const QString& jobId) const; ///< -1: unknown

    // simfaults.cpp: faults
    qint64 applyFault(int node, const FaultParams& params, bool injected, qint64 group);
    bool clearFaultRecord(int node, qint64 id);
    void recomputeNodeWork(int node);
    void onRandomFault();
    void onFaultClear(int node, qint64 id);
    FaultParams randomFaultParams(int node, const QString& kind);
    double faultsPerHour() const;
    bool clearLinkLocked(qint64 id); ///< simlinkfaults.cpp

    std::shared_ptr<const Topology> m_topology;
    SimOptions m_options;
    StateClock m_clock;
    QString m_instance;
    qint64 m_keepMs = 0;

    mutable std::mutex m_mutex; // everything below is the simulation thread's (or a control call's) under this lock
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
    bool m_paused = false;
    qint64 m_simBase = 0;
    std::chrono::steady_clock::time_point m_realBase;

    Rng m_rng;
    qint64 m_now = 0;
    quint64 m_order = 0;
    std::priority_queue<SimEvent, std::vector<SimEvent>, std::greater<>> m_events;
    std::vector<std::shared_ptr<NodeTimeline>> m_nodes;
    std::vector<NodeWork> m_work;
    std::vector<Job> m_jobs;
    std::vector<std::deque<int>> m_queues; ///< per pool, FIFO
    std::vector<int> m_initialJobs; ///< per pool: sets the arrival rate
    std::vector<qint64> m_nodeChanged;
    std::vector<qint64> m_inventoryChanged;
    std::vector<char> m_touched; ///< nodes changed since the last publish
    FleetEventLog m_log;
    qint64 m_version = 0;
    qint64 m_lastPublishedSeq = 0;
    qint64 m_lastPruneMs = 0;

    std::shared_ptr<InventoryCache> m_inventories;
    std::shared_ptr<const LinkFaults> m_links; ///< open link faults, shared with published states
    std::shared_ptr<const LinkFaults> m_linkHistory; ///< cleared ones with their spans, shared likewise
    mutable std::mutex m_stateMutex;
    std::shared_ptr<const FleetState> m_state;
};

} // namespace Meridian::Sim
