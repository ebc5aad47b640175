// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/faulttracker.h"

#include "core/store/fleetstore.h"

#include <algorithm>

namespace Meridian::Faults {
namespace {

QString vendorOf(const FleetNode& node, int accelerator)
{
    const auto& accs = node.inventory.accelerators;
    for (const Protocol::AcceleratorInfo& a : accs)
        if (a.index == accelerator)
            return a.vendor;
    return accs.isEmpty() ? QString() : accs.first().vendor;
}

QString modelOf(const FleetNode& node, int accelerator)
{
    const auto& accs = node.inventory.accelerators;
    for (const Protocol::AcceleratorInfo& a : accs)
        if (a.index == accelerator)
            return a.model;
    return accs.isEmpty() ? QString() : accs.first().model;
}

} // namespace

FaultTracker::FaultTracker(FleetStore* store, QObject* parent)
    : FaultTracker(store, FaultMap::builtIn(), {}, parent)
{ }

FaultTracker::FaultTracker(FleetStore* store, const FaultMap& model, GroupingOptions options, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_model(model)
    , m_grouper(&model, options)
    , m_counters(model)
{
    connect(store, &FleetStore::changed, this, &FaultTracker::onStoreChanged);
    // What the store holds already (a page created after the first change sets).
    QSet<int> changed;
    for (auto it = store->nodes().cbegin(); it != store->nodes().cend(); ++it)
        scanNode(it.key(), &changed);
}

void FaultTracker::acknowledge(int incidentId, const QString& note)
{
    if (m_grouper.acknowledge(incidentId, note))
        Q_EMIT incidentsChanged({ incidentId }, incidentCount());
}

void FaultTracker::restoreAcknowledgements(const QHash<QString, QString>& acks)
{
    const int before = incidentCount();
    for (auto it = acks.cbegin(); it != acks.cend(); ++it)
        m_grouper.acknowledgeKey(it.key(), it.value());
    QList<int> all;
    for (int id = 1; id <= before; ++id)
        all.append(id);
    if (!all.isEmpty())
        Q_EMIT incidentsChanged(all, before);
}

void FaultTracker::onStoreChanged(const FleetChangeSet& changes)
{
    const int before = incidentCount();
    QSet<int> changed;
    // The state restored from the cache arrives as added nodes too, a slice per frame (FleetStore::flush).
    for (const QString& id : changes.addedNodes)
        scanNode(id, &changed);
    for (const QString& id : changes.updatedNodes)
        scanNode(id, &changed);
    for (const QString& id : changes.removedNodes)
        forgetNode(id, m_store->newestDataMs(), &changed);
    if (changed.isEmpty())
        return;
    QList<int> ids(changed.cbegin(), changed.cend());
    std::sort(ids.begin(), ids.end());
    Q_EMIT incidentsChanged(ids, before);
}

void FaultTracker::scanNode(const QString& nodeId, QSet<int>* changed)
{
    const FleetNode* node = m_store->node(nodeId);
    if (!node)
        return;
    QHash<QString, int>& open = m_open[nodeId];
    QSet<QString> present;
    auto observe = [&](const QString& key, const Protocol::Event& e) {
        present.insert(key);
        if (open.contains(key))
            return;
        FaultObservation o;
        o.key = key;
        o.eventId = e.id;
        o.nodeId = nodeId;
        o.region = node->inventory.region;
        o.pool = node->inventory.pool;
        o.rack = node->inventory.rack;
        o.accelerator = e.accelerator;
        o.vendor = vendorOf(*node, e.accelerator);
        o.model = modelOf(*node, e.accelerator);
        o.kind = e.kind;
        o.code = e.code;
        o.message = e.message;
        o.openedMs = e.timestampMs;
        o.fault = m_model.classify(o.vendor, e.kind, e.code, e.severity);
        const int index = int(m_grouper.observations().size());
        changed->insert(m_grouper.add(o));
        open.insert(key, index);
    };
    if (node->snapshot.sample.seq != 0) {
        for (const Protocol::Event& e : node->snapshot.faults)
            observe(node->source + QLatin1Char('|') + nodeId + QLatin1Char('|') + QString::number(e.id), e);
    }
    // The counter rules over the node's newest sample. A node that is down or silent reports no counters:
    // that is its own fault, not a counter going missing. The agent's own fault of the same kind on the
    // same chip already says it: no second fault from its counter.
    const bool reporting = node->status == AgentStatus::Up && node->snapshot.sample.state != Protocol::NodeState::Down;
    if (reporting) {
        m_counters.step(nodeId, node->snapshot.sample, [node](int index) { return vendorOf(*node, index); });
        // A metrics source's exporter-only counters, while that source is the one whose telemetry is shown
        // (its accelerator indexes are the node's).
        if (const ExporterCounters* c = m_store->faultCounters(nodeId); c && c->source == node->source)
            m_counters.stepExporter(*c);
    }
    for (const auto& [key, e] : m_counters.open(nodeId)) {
        const bool said = std::any_of(node->snapshot.faults.cbegin(), node->snapshot.faults.cend(),
            [&e](const Protocol::Event& f) { return f.kind == e.kind && f.accelerator == e.accelerator; });
        if (!said || open.contains(key))
            observe(key, e);
    }
    // The console's own observation: an agent that answered before and stopped.
    // A node its front already reports down carries a node-down fault: no second fault for the same loss.
    const bool silent = (node->status == AgentStatus::Unreachable || node->status == AgentStatus::Stale)
        && node->snapshot.sample.state != Protocol::NodeState::Down;
    const QString hbKey = QStringLiteral("hb|") + nodeId;
    if (silent && node->lastSeenMs > 0) {
        Protocol::Event e;
        e.kind = QStringLiteral("heartbeat-loss");
        e.severity = Protocol::Severity::Critical;
        e.message = node->lastError;
        // No agent clock for a silence: the newest agent time the console has (not its own clock).
        e.timestampMs = std::max(node->lastSeenMs, m_store->newestDataMs());
        observe(hbKey, e);
    } else if (open.contains(hbKey) && node->status == AgentStatus::Unknown) {
        present.insert(hbKey); // restored from the cache: not polled yet, still silent as far as we know
    }
    const qint64 now = node->snapshot.sample.timestampMs > 0 ? node->snapshot.sample.timestampMs : node->lastSeenMs;
    for (auto it = open.begin(); it != open.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        if (const int id = m_grouper.clear(it.value(), now))
            changed->insert(id);
        it = open.erase(it);
    }
    if (!node->snapshot.probes.isEmpty() || !m_cutReporters.isEmpty())
        scanProbes(nodeId, changed);
}

void FaultTracker::scanProbes(const QString& nodeId, QSet<int>* changed)
{
    const FleetNode* node = m_store->node(nodeId);
    const QString site = node->inventory.region;
    QSet<QString> cutNow;
    qint64 windowEnd = node->snapshot.sample.timestampMs;
    for (const Protocol::ProbeResult& p : node->snapshot.probes) {
        windowEnd = std::max(windowEnd, p.windowEndMs);
        // Only a lost probe needs its peer's site: a node probes dozens of peers, every tick.
        if (p.count <= 0 || p.loss < 1.0)
            continue;
        const FleetNode* peer = m_store->node(p.peer);
        if (peer && peer->inventory.region != site && !peer->inventory.region.isEmpty())
            cutNow.insert(site + QLatin1Char('|') + peer->inventory.region);
    }
    for (auto it = m_cutReporters.begin(); it != m_cutReporters.end(); ++it) {
        if (!cutNow.contains(it.key()) && it->remove(nodeId) && it->isEmpty()) {
            if (const int id = m_grouper.clear(m_siteOpen.take(it.key()), windowEnd))
                changed->insert(id);
        }
    }
    for (const QString& pair : cutNow) {
        QSet<QString>& reporters = m_cutReporters[pair];
        reporters.insert(nodeId);
        if (m_siteOpen.contains(pair))
            continue;
        const qsizetype bar = pair.indexOf(QLatin1Char('|'));
        FaultObservation o;
        o.key = QStringLiteral("site|") + pair;
        o.kind = QStringLiteral("link-cut");
        o.fromSite = pair.left(bar);
        o.toSite = pair.mid(bar + 1);
        o.region = o.fromSite;
        o.message = QStringLiteral("every probe from %1 to %2 lost").arg(o.fromSite, o.toSite);
        o.openedMs = windowEnd;
        o.fault = m_model.classify(QString(), o.kind, QString(), Protocol::Severity::Critical);
        m_siteOpen.insert(pair, int(m_grouper.observations().size()));
        changed->insert(m_grouper.add(o));
    }
}

void FaultTracker::forgetNode(const QString& nodeId, qint64 atMs, QSet<int>* changed)
{
    m_counters.forget(nodeId);
    const QHash<QString, int> open = m_open.take(nodeId);
    for (int index : open)
        if (const int id = m_grouper.clear(index, atMs))
            changed->insert(id);
}

} // namespace Meridian::Faults
