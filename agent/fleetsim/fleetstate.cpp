// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/fleetstate.h"

#include "core/protocol/jsonwriter.h"
#include "core/protocol/peermessages.h"
#include "core/protocol/protocoljson.h"

#include <algorithm>

namespace Meridian::Sim {
namespace {

// Cursors: "<instance>:v<version>" after a complete answer; "<instance>:c<since>.<version>.<next>"
// while paging (since -1: a full answer with inventories).
struct Cursor
{
    qint64 since = -1;
    qint64 version = 0;
    int next = 0;
    bool paging = false;
};

Cursor parseCursor(const QString& text, const QString& instance)
{
    Cursor c;
    if (!text.startsWith(instance + u':'))
        return c; // absent, foreign or from an earlier run: start over with everything
    const QStringView rest = QStringView(text).sliced(instance.size() + 1);
    bool ok = false;
    if (rest.startsWith(u'v')) {
        const qint64 v = rest.sliced(1).toLongLong(&ok);
        if (ok && v >= 0)
            c.since = v;
        return c;
    }
    if (rest.startsWith(u'c')) {
        const auto parts = rest.sliced(1).split(u'.');
        if (parts.size() != 3)
            return c;
        bool ok1 = false, ok2 = false, ok3 = false;
        const qint64 since = parts[0].toLongLong(&ok1);
        const qint64 version = parts[1].toLongLong(&ok2);
        const int next = parts[2].toInt(&ok3);
        if (ok1 && ok2 && ok3 && since >= -1 && version >= 0 && next >= 0) {
            c.since = since;
            c.version = version;
            c.next = next;
            c.paging = true;
        }
    }
    return c;
}

} // namespace

FleetState::FleetState(std::shared_ptr<const Topology> topology, quint64 seed, const FleetEventLog* log,
    std::shared_ptr<InventoryCache> inventories)
    : m_topology(std::move(topology))
    , m_model(*m_topology, seed)
    , m_log(log)
    , m_inventories(std::move(inventories))
{
    const size_t n = size_t(m_topology->nodeCount());
    m_snapshotOnce = std::make_unique<std::once_flag[]>(n);
    m_snapshotJson.resize(n);
}

FleetState::~FleetState() = default;

Protocol::Sample FleetState::sample(int node, qint64 s) const
{
    // The newest sample is the state's own instant; older ones sit on the tick grid.
    return m_model.sample(node, *nodes[size_t(node)], s, s >= seq ? timeMs : clock.timeOf(s));
}

Protocol::NodeInventory FleetState::inventory(int node) const
{
    return m_topology->inventory(node, nodes[size_t(node)]->bootCount);
}

Protocol::Snapshot FleetState::snapshot(int node) const
{
    const NodeTimeline& tl = *nodes[size_t(node)];
    Protocol::Snapshot s;
    s.instanceId = instance;
    s.sample = sample(node, seq);
    if (s.sample.state == Protocol::NodeState::Down) {
        s.stateReasonKey = QStringLiteral("node.heartbeat-lost");
    } else if (s.sample.state == Protocol::NodeState::Degraded) {
        const auto faulty = std::count_if(s.sample.accelerators.cbegin(), s.sample.accelerators.cend(),
            [](const auto& a) { return a.health == Protocol::AcceleratorHealth::Faulty; });
        s.stateReasonKey = QStringLiteral("node.accelerators-faulty");
        s.stateReasonArgs = { QString::number(faulty) };
    } else if (s.sample.state == Protocol::NodeState::Draining) {
        const DrainRecord* d = NodeBehaviour::drainAt(tl, s.sample.timestampMs);
        const bool because = d && !d->reason.isEmpty();
        s.stateReasonKey = because ? QStringLiteral("node.drained-because") : QStringLiteral("node.drained");
        if (because)
            s.stateReasonArgs = { d->reason };
    }
    // The English text from the key's template: what older consoles show.
    s.stateReason = Protocol::PeerMessage { s.stateReasonKey, s.stateReasonArgs }.english();
    s.faults = m_model.openFaults(node, tl, timeMs);
    s.jobs = m_model.placements(tl, timeMs);
    s.probes = m_model.probes(node, tl, timeMs, [this](int peer) { return isDown(peer); });
    applyLinks(*m_topology, m_model.seed(), links.get(), node, timeMs, &s.probes);
    for (auto it = tl.eventIds.rbegin(); it != tl.eventIds.rend(); ++it) {
        if (*it <= newestEventId) {
            s.newestEventId = *it;
            break;
        }
    }
    s.oldestSeq = oldestSeq;
    return s;
}

Protocol::SamplesPage FleetState::samples(int node, qint64 since, int limit) const
{
    Protocol::SamplesPage page;
    page.instanceId = instance;
    page.oldestSeq = oldestSeq;
    page.newestSeq = seq;
    for (qint64 s = std::max(since + 1, oldestSeq); s <= seq; ++s) {
        if (page.samples.size() >= limit) {
            page.more = true;
            break;
        }
        page.samples.append(sample(node, s));
    }
    return page;
}

Protocol::EventsPage FleetState::nodeEvents(int node, qint64 since, int limit) const
{
    return m_log->page(nodes[size_t(node)]->eventIds, since, limit, newestEventId);
}

Protocol::EventsPage FleetState::events(qint64 since, int limit) const
{
    return m_log->page(since, limit, newestEventId);
}

QByteArray FleetState::snapshotDocument(int node) const
{
    return Protocol::Json::writeSnapshot(snapshot(node));
}

QByteArray FleetState::samplesDocument(int node, qint64 since, int limit) const
{
    return Protocol::Json::writeSamplesPage(samples(node, since, limit));
}

// Fragments are written by the streaming encoder (tests/protocol/tst_jsonwriter
// proves it byte-identical to Json::toJson): QJsonObject trees cost several
// seconds of CPU per tick at 25,000 nodes.
QByteArray FleetState::snapshotFragment(int node) const
{
    std::call_once(m_snapshotOnce[size_t(node)], [&] {
        QByteArray json;
        json.reserve(2048);
        Protocol::Json::appendSnapshot(json, snapshot(node));
        json.squeeze();
        m_snapshotJson[size_t(node)] = std::move(json);
    });
    return m_snapshotJson[size_t(node)];
}

QByteArray FleetState::inventoryFragment(int node) const
{
    return m_inventories->get(node, nodes[size_t(node)]->bootCount, [&] {
        QByteArray json;
        json.reserve(2048);
        Protocol::Json::appendInventory(json, inventory(node));
        json.squeeze();
        return json;
    });
}

QByteArray FleetState::assembleNodes(
    const std::vector<int>& list, bool allInventories, qint64 since, const QString& cursor, bool more) const
{
    // The node records are spliced in from cached fragments; the page's own
    // fields come from the protocol encoder.
    Protocol::NodesPage header;
    header.cursor = cursor;
    header.more = more;
    header.timestampMs = timeMs;

    std::vector<QByteArray> snapshots(list.size());
    qsizetype size = 256 + cursor.size();
    for (size_t k = 0; k < list.size(); ++k) {
        snapshots[k] = snapshotFragment(list[k]);
        size += snapshots[k].size() + 64;
        if (allInventories || inventoryChanged[size_t(list[k])] > since)
            size += inventoryFragment(list[k]).size();
    }
    QByteArray out;
    out.reserve(size);
    Protocol::Json::appendNodesPageHead(out, header);
    for (size_t k = 0; k < list.size(); ++k) {
        const int node = list[k];
        if (k > 0)
            out.append(',');
        out.append("{\"id\":");
        Protocol::JsonWriter::appendString(out, m_topology->nodes()[size_t(node)].id);
        if (allInventories || inventoryChanged[size_t(node)] > since) {
            out.append(",\"inventory\":");
            out.append(inventoryFragment(node));
        }
        out.append(",\"snapshot\":");
        out.append(snapshots[k]);
        out.append('}');
    }
    Protocol::Json::appendNodesPageTail(out, header);
    return out;
}

QByteArray FleetState::nodesDocument(const QString& sinceText, qint64 limit) const
{
    const Cursor c = parseCursor(sinceText, instance);
    const int count = m_topology->nodeCount();
    const bool full = c.since < 0;
    if (full && !c.paging && limit >= count) {
        std::call_once(m_fullOnce, [&] {
            std::vector<int> all(static_cast<size_t>(count));
            for (int i = 0; i < count; ++i)
                all[size_t(i)] = i;
            m_fullNodes
                = assembleNodes(all, true, -1, instance + QStringLiteral(":v") + QString::number(version), false);
        });
        return m_fullNodes;
    }
    std::vector<int> list;
    int i = c.paging ? std::min(c.next, count) : 0;
    for (; i < count; ++i) {
        if (!full && nodeChanged[size_t(i)] <= c.since)
            continue;
        if (qint64(list.size()) >= limit)
            break;
        list.push_back(i);
    }
    const qint64 firstVersion = c.paging ? c.version : version;
    const bool more = i < count;
    const QString cursor = more ? QString(instance + QStringLiteral(":c%1.%2.%3").arg(c.since).arg(firstVersion).arg(i))
                                : QString(instance + QStringLiteral(":v") + QString::number(firstVersion));
    return assembleNodes(list, full, c.since, cursor, more);
}

QByteArray FleetState::jobsDocument(const QString& sinceText) const
{
    const Cursor c = parseCursor(sinceText, instance);
    Protocol::JobsPage page;
    page.cursor = instance + QStringLiteral(":v") + QString::number(version);
    page.timestampMs = timeMs;
    for (const JobView& j : jobs)
        if (c.paging || c.since < 0 || j.changedVersion > c.since)
            page.jobs.append(j.record);
    return Protocol::Json::document(Protocol::Json::toJson(page));
}

QByteArray FleetState::truthDocument() const
{
    std::call_once(m_truthOnce, [&] { m_truth = truthJson(*this); });
    return m_truth;
}

} // namespace Meridian::Sim
