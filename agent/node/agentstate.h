// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Everything the HTTP handlers read, behind one mutex. The collection timer
// commits one tick at a time; handlers copy what they need under the lock
// (implicitly shared Qt containers make that cheap) and encode outside it, so
// a slow client never holds up collection.

#include "agent/node/acceleratorreading.h"
#include "agent/node/nodeeventlog.h"
#include "agent/node/samplering.h"

#include <mutex>

namespace Meridian::Agent {

struct TickUpdate
{
    Protocol::NodeInventory inventory;
    Protocol::Sample sample;
    QString stateReason;
    QList<Protocol::JobPlacement> jobs;
    QList<AcceleratorReading> accelerators;
    QList<Protocol::Event> events;
    bool collectionError = false;
};

// What /metrics needs besides /proc.
struct ScrapeView
{
    Protocol::NodeInventory inventory;
    QList<AcceleratorReading> accelerators; ///< newest readings, jobId filled in
    qint64 collections = 0;
    qint64 collectionErrors = 0;
    qsizetype historySamples = 0;
};

class AgentState
{
public:
    AgentState(QString instanceId, qsizetype historySize, qsizetype eventCapacity = 10000);

    const QString& instanceId() const { return m_instanceId; }
    void commit(TickUpdate update);

    Protocol::NodeInventory inventory() const;
    Protocol::Snapshot snapshot() const;
    Protocol::SamplesPage samples(qint64 since, qsizetype limit) const;
    Protocol::EventsPage events(qint64 since, qsizetype limit) const;
    ScrapeView scrapeView() const;

    void setProbes(QList<Protocol::ProbeResult> probes); ///< the prober's newest window

    // For the collector's change detection: is this fault open now?
    bool isFaultOpen(const QString& kind, int accelerator) const;

private:
    const QString m_instanceId;
    mutable std::mutex m_mutex;
    SampleRing m_ring;
    NodeEventLog m_events;
    Protocol::NodeInventory m_inventory;
    QString m_stateReason;
    QList<Protocol::JobPlacement> m_jobs;
    QList<AcceleratorReading> m_accelerators;
    qint64 m_collections = 0;
    qint64 m_collectionErrors = 0;
    QList<Protocol::ProbeResult> m_probes;
};

} // namespace Meridian::Agent
