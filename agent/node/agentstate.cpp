// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/agentstate.h"

#include "core/protocol/peermessages.h"

namespace Meridian::Agent {

AgentState::AgentState(QString instanceId, qsizetype historySize, qsizetype eventCapacity)
    : m_instanceId(std::move(instanceId))
    , m_ring(historySize)
    , m_events(eventCapacity)
{ }

void AgentState::commit(TickUpdate update)
{
    std::lock_guard lock(m_mutex);
    for (Protocol::Event& e : update.events)
        m_events.append(std::move(e));
    m_ring.append(std::move(update.sample));
    m_inventory = std::move(update.inventory);
    m_stateReason = std::move(update.stateReason);
    m_jobs = std::move(update.jobs);
    m_accelerators = std::move(update.accelerators);
    ++m_collections;
    if (update.collectionError)
        ++m_collectionErrors;
}

Protocol::NodeInventory AgentState::inventory() const
{
    std::lock_guard lock(m_mutex);
    return m_inventory;
}

Protocol::Snapshot AgentState::snapshot() const
{
    std::lock_guard lock(m_mutex);
    Protocol::Snapshot s;
    s.instanceId = m_instanceId;
    if (const Protocol::Sample* latest = m_ring.latest())
        s.sample = *latest;
    s.stateReason = m_stateReason;
    const Protocol::PeerMessage reason = Protocol::matchPeerMessage(m_stateReason); // its key, for translation
    s.stateReasonKey = reason.key;
    s.stateReasonArgs = reason.args;
    s.faults = m_events.openFaults();
    s.jobs = m_jobs;
    s.newestEventId = m_events.newestId();
    s.oldestSeq = m_ring.oldestSeq();
    s.probes = m_probes;
    return s;
}

void AgentState::setProbes(QList<Protocol::ProbeResult> probes)
{
    std::lock_guard lock(m_mutex);
    m_probes = std::move(probes);
}

Protocol::SamplesPage AgentState::samples(qint64 since, qsizetype limit) const
{
    std::lock_guard lock(m_mutex);
    Protocol::SamplesPage page;
    page.instanceId = m_instanceId;
    page.oldestSeq = m_ring.oldestSeq();
    page.newestSeq = m_ring.newestSeq();
    page.samples = m_ring.since(since, limit, &page.more);
    return page;
}

Protocol::EventsPage AgentState::events(qint64 since, qsizetype limit) const
{
    std::lock_guard lock(m_mutex);
    Protocol::EventsPage page;
    page.newestId = m_events.newestId();
    page.events = m_events.since(since, limit, &page.more);
    return page;
}

ScrapeView AgentState::scrapeView() const
{
    std::lock_guard lock(m_mutex);
    return { m_inventory, m_accelerators, m_collections, m_collectionErrors, m_ring.size() };
}

bool AgentState::isFaultOpen(const QString& kind, int accelerator) const
{
    std::lock_guard lock(m_mutex);
    return m_events.isOpen(kind, accelerator);
}

} // namespace Meridian::Agent
