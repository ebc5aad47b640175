// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simulation.h"

#include "core/protocol/peermessages.h"

#include <algorithm>

namespace Meridian::Sim {
namespace {

constexpr qint64 PruneEveryMs = 5 * 60 * 1000;
constexpr qint64 MinFinishedJobRetentionMs = 6 * 3600 * 1000;
constexpr qsizetype MaxEvents = 500000;

bool sameRecord(const Protocol::JobRecord& a, const Protocol::JobRecord& b)
{
    return a.state == b.state && a.acceleratorsAllocated == b.acceleratorsAllocated && a.startMs == b.startMs
        && a.endMs == b.endMs && a.expectedEndMs == b.expectedEndMs && a.lastCheckpointMs == b.lastCheckpointMs
        && a.interruptions == b.interruptions && a.nodes == b.nodes && a.jobId == b.jobId;
}

} // namespace

Simulation::Simulation(std::shared_ptr<const Topology> topology, SimOptions options)
    : m_topology(std::move(topology))
    , m_options(options)
    , m_rng(options.seed)
{
    m_clock.intervalMs = std::max<qint64>(100, options.intervalMs);
    const qint64 historyTicks = std::max<qint64>(0, options.historyMs) / m_clock.intervalMs;
    m_clock.originMs = options.startMs - historyTicks * m_clock.intervalMs;
    m_keepMs = std::max<qint64>(historyTicks * m_clock.intervalMs, 3600 * 1000);
    m_instance = QStringLiteral("sim-")
        + QString::number(hashOf({ options.seed, quint64(options.startMs), 0x5001 }) >> 16, 16)
              .rightJustified(12, u'0');

    const size_t n = size_t(m_topology->nodeCount());
    m_nodes.reserve(n);
    for (size_t i = 0; i < n; ++i)
        m_nodes.push_back(std::make_shared<NodeTimeline>());
    m_work.resize(n);
    m_nodeChanged.assign(n, 0);
    m_inventoryChanged.assign(n, 0);
    m_touched.assign(n, 0);
    m_inventories = std::make_shared<InventoryCache>(int(n));
    m_queues.resize(m_topology->pools().size());
    m_initialJobs.assign(m_topology->pools().size(), 0);

    m_now = m_clock.originMs;
    m_lastPruneMs = m_now;
    initialFill();
    schedule(m_now + qint64(m_rng.exponential(3600000.0 / faultsPerHour())), EventType::RandomFault, 0);
    advanceTo(options.startMs);
    prune();

    m_paused = options.paused;
    m_simBase = m_now;
    m_realBase = std::chrono::steady_clock::now();
    publish(true);
}

Simulation::~Simulation()
{
    stop();
}

void Simulation::start()
{
    std::lock_guard lock(m_mutex);
    m_realBase = std::chrono::steady_clock::now();
    m_thread = std::thread([this] { run(); });
}

void Simulation::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::shared_ptr<const FleetState> Simulation::state() const
{
    std::lock_guard lock(m_stateMutex);
    return m_state;
}

qint64 Simulation::simNowLocked() const
{
    if (m_paused)
        return m_simBase;
    const auto elapsed
        = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_realBase).count();
    return std::max(m_now, m_simBase + qint64(elapsed * m_options.speed));
}

void Simulation::run()
{
    // Large fleets publish at most about once a second, however fast the clock runs.
    const auto minGap = std::chrono::milliseconds(std::clamp(m_topology->nodeCount() / 25, 50, 1000));
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_paused) {
            m_wake.wait(lock);
            continue;
        }
        const qint64 now = simNowLocked();
        const qint64 boundary = m_clock.timeOf(m_clock.seqAt(m_now) + 1);
        if (now >= boundary) {
            advanceTo(m_clock.timeOf(m_clock.seqAt(now)));
            publish(true);
            m_wake.wait_for(lock, minGap, [this] { return m_stopping; });
        } else {
            const double realMs = double(boundary - now) / m_options.speed;
            m_wake.wait_for(lock, std::chrono::microseconds(qint64(std::max(1.0, realMs) * 1000)));
        }
    }
}

void Simulation::schedule(qint64 time, EventType type, qint64 a, qint64 b)
{
    m_events.push({ std::max(time, m_now), m_order++, type, a, b });
}

void Simulation::advanceTo(qint64 t)
{
    while (!m_events.empty() && m_events.top().time <= t) {
        const SimEvent ev = m_events.top();
        m_events.pop();
        m_now = std::max(m_now, ev.time);
        switch (ev.type) {
        case EventType::JobArrival:
            onJobArrival(int(ev.a), ev.b != 0);
            break;
        case EventType::JobEnd:
            onJobEnd(int(ev.a), int(ev.b));
            break;
        case EventType::JobRecover:
            onJobRecover(int(ev.a), int(ev.b));
            break;
        case EventType::RandomFault:
            onRandomFault();
            break;
        case EventType::FaultClear:
            onFaultClear(int(ev.b), ev.a);
            break;
        }
        if (m_now - m_lastPruneMs >= PruneEveryMs) {
            prune();
            m_lastPruneMs = m_now;
        }
    }
    m_now = std::max(m_now, t);
    if (m_now - m_lastPruneMs >= PruneEveryMs) {
        prune();
        m_lastPruneMs = m_now;
    }
}

NodeTimeline& Simulation::mutableNode(int node)
{
    auto& ptr = m_nodes[size_t(node)];
    // Published states hold the old version; copy before changing (copy-on-write).
    if (ptr.use_count() > 1)
        ptr = std::make_shared<NodeTimeline>(*ptr);
    m_touched[size_t(node)] = 1;
    return *ptr;
}

qint64 Simulation::logEvent(int node, const QString& kind, Protocol::Severity severity, int accelerator,
    const QString& message, const QString& code, bool cleared)
{
    Protocol::Event e;
    e.timestampMs = m_now;
    e.kind = kind;
    e.severity = severity;
    e.nodeId = m_topology->nodes()[size_t(node)].id;
    e.accelerator = accelerator;
    e.message = message;
    // The key of the shared template the text was made from: the console translates by it.
    const Protocol::PeerMessage keyed = Protocol::matchPeerMessage(e.message);
    e.messageKey = keyed.key;
    e.messageArgs = keyed.args;
    e.code = code;
    e.cleared = cleared;
    const qint64 id = m_log.append(std::move(e));
    mutableNode(node).eventIds.push_back(id);
    return id;
}

void Simulation::publish(bool tick)
{
    ++m_version;
    auto st = std::make_shared<FleetState>(m_topology, m_options.seed, &m_log, m_inventories);
    st->timeMs = m_now;
    st->version = m_version;
    st->seq = m_clock.seqAt(m_now);
    st->oldestSeq = std::max<qint64>(1, st->seq - m_keepMs / m_clock.intervalMs);
    st->clock = m_clock;
    st->instance = m_instance;
    st->paused = m_paused;
    st->speed = m_options.speed;
    st->links = m_links;
    st->linkHistory = m_linkHistory;
    const bool all = tick || st->seq != m_lastPublishedSeq;
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (all || m_touched[i])
            m_nodeChanged[i] = m_version;
        m_touched[i] = 0;
    }
    st->nodes.assign(m_nodes.begin(), m_nodes.end());
    st->nodeChanged = m_nodeChanged;
    st->inventoryChanged = m_inventoryChanged;
    st->jobs.reserve(m_jobs.size());
    for (Job& job : m_jobs) {
        if (!job.visible)
            continue;
        Protocol::JobRecord record = jobRecord(job, m_now);
        if (job.changedVersion == 0 || !sameRecord(record, job.published)) {
            job.changedVersion = m_version;
            job.published = record;
        }
        st->jobs.push_back({ std::move(record), job.changedVersion, job.spec, job.history });
    }
    st->newestEventId = m_log.nextId() - 1;
    m_lastPublishedSeq = st->seq;
    std::lock_guard lock(m_stateMutex);
    m_state = std::move(st);
}

void Simulation::prune()
{
    const qint64 windowStart = m_now - m_keepMs - 2 * m_clock.intervalMs;
    const qint64 firstEvent = m_log.firstId();
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const NodeTimeline& tl = *m_nodes[i];
        const bool stale
            = std::any_of(tl.allocs.begin(), tl.allocs.end(), [&](const Alloc& a) { return a.to < windowStart; })
            || std::any_of(tl.faults.begin(), tl.faults.end(), [&](const FaultRecord& f) { return f.to < windowStart; })
            || (tl.boots.size() > 1 && tl.boots[1] <= windowStart)
            || (!tl.eventIds.empty() && tl.eventIds.front() < firstEvent);
        if (!stale)
            continue;
        NodeTimeline& m = mutableNode(int(i));
        m_touched[i] = 0; // pruning changes nothing a client can see
        std::erase_if(m.allocs, [&](const Alloc& a) { return a.to < windowStart; });
        std::erase_if(m.faults, [&](const FaultRecord& f) {
            if (f.to >= windowStart)
                return false;
            if (f.accelerator >= 0) { // keep the lifetime ECC counters rising
                m.sbeBase[size_t(f.accelerator)] += quint32(f.sbeAdd);
                m.dbeBase[size_t(f.accelerator)] += quint32(f.dbeAdd);
            }
            return true;
        });
        while (m.boots.size() > 1 && m.boots[1] <= windowStart)
            m.boots.erase(m.boots.begin());
        std::erase_if(m.eventIds, [&](qint64 id) { return id < firstEvent; });
    }
    const qint64 jobCutoff = m_now - std::max(m_keepMs, MinFinishedJobRetentionMs);
    for (Job& job : m_jobs) {
        if (job.visible && job.endMs > 0 && job.endMs < jobCutoff) {
            job.visible = false;
            job.published = {};
            job.nodeIds.clear();
        }
    }
    m_log.prune(windowStart, MaxEvents);
}

ApiResult Simulation::control(std::optional<bool> paused, std::optional<qint64> stepMs)
{
    std::unique_lock lock(m_mutex);
    ApiResult result;
    if (paused && *paused && !m_paused) {
        m_simBase = simNowLocked();
        m_paused = true;
        advanceTo(m_simBase);
    } else if (paused && !*paused && m_paused) {
        m_realBase = std::chrono::steady_clock::now();
        m_simBase = m_now;
        m_paused = false;
    }
    if (stepMs) {
        if (!m_paused) {
            result.status = 409;
            result.error = QStringLiteral("step needs a paused clock: send {\"paused\": true} first");
            return result;
        }
        m_simBase = m_now + *stepMs;
        advanceTo(m_simBase);
    }
    publish(false);
    result.id = m_now;
    lock.unlock();
    m_wake.notify_all();
    return result;
}

} // namespace Meridian::Sim
