// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/incidentgrouper.h"

#include "core/faults/faultmap.h"

namespace Meridian::Faults {
namespace {

QString rackKey(const FaultObservation& o)
{
    return o.region + QLatin1Char('|') + o.pool + QLatin1Char('|') + o.rack;
}

int severityRank(Protocol::Severity s)
{
    return int(s);
}

} // namespace

IncidentGrouper::IncidentGrouper(const FaultMap* model, GroupingOptions options)
    : m_model(model)
    , m_options(options)
{ }

IncidentGrouper::Family IncidentGrouper::familyOf(const FaultObservation& o)
{
    switch (o.fault.component) {
    case Component::SiteLink:
        return Family::SiteLink;
    case Component::Node:
    case Component::Rack:
        return o.accelerator < 0 ? Family::NodeLoss : Family::Chip;
    default:
        return Family::Chip;
    }
}

const Incident* IncidentGrouper::incident(int id) const
{
    return id >= 1 && id <= m_incidents.size() ? &m_incidents[id - 1] : nullptr;
}

QSet<QString> IncidentGrouper::nodesOf(int incidentId) const
{
    return incidentId >= 1 && incidentId <= m_extents.size() ? m_extents[incidentId - 1].nodes : QSet<QString>();
}

int IncidentGrouper::findIncident(const FaultObservation& o) const
{
    const qint64 t = o.openedMs;
    auto usable = [&](int id, qint64 window, bool fromFirst) {
        if (id <= 0)
            return false;
        const Incident& inc = m_incidents[id - 1];
        const Extent& ext = m_extents[id - 1];
        if (inc.resolvedMs != 0 || ext.family != familyOf(o))
            return false;
        const qint64 since = fromFirst ? inc.firstSeenMs : ext.lastOpenedMs;
        return t - since <= window && since - t <= window;
    };
    switch (familyOf(o)) {
    case Family::Chip: {
        const int id = m_byNode.value(o.nodeId);
        return usable(id, m_options.nodeWindowMs, false) ? id : 0;
    }
    case Family::NodeLoss: {
        const int rack = m_byRack.value(rackKey(o));
        if (usable(rack, m_options.rackWindowMs, false))
            return rack;
        const int region = m_byRegion.value(o.region);
        return usable(region, m_options.burstWindowMs, true) ? region : 0;
    }
    case Family::SiteLink:
        for (const QString& site : { o.fromSite, o.toSite }) {
            const int id = m_bySite.value(site);
            if (usable(id, m_options.siteWindowMs, false))
                return id;
        }
        return 0;
    }
    return 0;
}

int IncidentGrouper::newIncident(const FaultObservation& o, Family family)
{
    Incident inc;
    inc.id = int(m_incidents.size()) + 1;
    inc.key = o.key;
    inc.firstSeenMs = o.openedMs;
    inc.region = o.region;
    const auto ack = m_pendingAcks.constFind(o.key);
    if (ack != m_pendingAcks.cend()) {
        inc.acknowledged = true;
        inc.note = *ack;
    }
    m_incidents.append(inc);
    Extent ext;
    ext.family = family;
    m_extents.append(ext);
    return inc.id;
}

int IncidentGrouper::add(FaultObservation o)
{
    if (m_model) {
        // Frequency escalation: the same fault on the same chip (or node) again and again.
        const QString repeatKey
            = o.nodeId + QLatin1Char('|') + QString::number(o.accelerator) + QLatin1Char('|') + o.kind;
        QList<qint64>& times = m_repeats[repeatKey];
        times.append(o.openedMs);
        const qint64 window = m_model->repeatWindowMs();
        times.removeIf([&](qint64 at) { return o.openedMs - at > window; });
        o.fault.action = m_model->escalate(o.fault.action, int(times.size()));
    }
    const int index = int(m_observations.size());
    m_observations.append(o);
    const Family family = familyOf(o);
    int id = findIncident(o);
    if (id == 0)
        id = newIncident(o, family);
    join(id, index);
    switch (family) {
    case Family::Chip:
        m_byNode.insert(o.nodeId, id);
        break;
    case Family::NodeLoss:
        m_byRack.insert(rackKey(o), id);
        if (m_byRegion.value(o.region) == 0 || !incident(m_byRegion.value(o.region))
            || incident(m_byRegion.value(o.region))->resolvedMs != 0
            || o.openedMs - incident(m_byRegion.value(o.region))->firstSeenMs > m_options.burstWindowMs)
            m_byRegion.insert(o.region, id);
        break;
    case Family::SiteLink:
        m_bySite.insert(o.fromSite, id);
        m_bySite.insert(o.toSite, id);
        break;
    }
    return id;
}

void IncidentGrouper::join(int id, int index)
{
    Incident& inc = m_incidents[id - 1];
    Extent& ext = m_extents[id - 1];
    const FaultObservation& o = m_observations[index];
    m_incidentOf.insert(index, id);
    inc.members.append(index);
    if (o.isOpen())
        ++inc.openMembers;
    inc.firstSeenMs = std::min(inc.firstSeenMs, o.openedMs);
    inc.lastSeenMs = std::max({ inc.lastSeenMs, o.openedMs, o.clearedMs });
    ext.lastOpenedMs = std::max(ext.lastOpenedMs, o.openedMs);
    if (!o.nodeId.isEmpty())
        ext.nodes.insert(o.nodeId);
    if (!o.pool.isEmpty())
        ext.pools.insert(o.pool);
    if (!o.rack.isEmpty())
        ext.racks.insert(o.region + QLatin1Char('|') + o.pool + QLatin1Char('|') + o.rack);
    if (o.accelerator >= 0)
        ext.accelerators.insert(o.accelerator);
    if (!o.fromSite.isEmpty()) {
        ext.sites.insert(o.fromSite);
        ext.sites.insert(o.toSite);
    }
    // The worst member speaks for the incident.
    const bool worse = inc.members.size() == 1 || severityRank(o.fault.severity) > severityRank(inc.severity)
        || (o.fault.severity == inc.severity && o.fault.action > inc.action);
    if (worse) {
        inc.severity = o.fault.severity;
        inc.action = o.fault.action;
        inc.component = o.fault.component;
        inc.title = o.fault.title;
        inc.message = o.message;
    }
    if (inc.members.size() == 1) {
        inc.pool = o.pool;
        inc.rack = o.rack;
        inc.nodeId = o.nodeId;
        inc.site = o.fromSite;
    }
    refresh(inc, ext);
}

void IncidentGrouper::refresh(Incident& inc, const Extent& ext) const
{
    inc.nodeCount = int(ext.nodes.size());
    if (ext.pools.size() > 1)
        inc.pool.clear();
    if (ext.racks.size() > 1)
        inc.rack.clear();
    if (ext.nodes.size() > 1)
        inc.nodeId.clear();
    switch (ext.family) {
    case Family::Chip:
        inc.scope = ext.accelerators.size() <= 1 && !ext.accelerators.isEmpty() ? IncidentScope::Accelerator
                                                                                : IncidentScope::Node;
        break;
    case Family::NodeLoss:
        inc.scope = ext.nodes.size() <= 1 ? IncidentScope::Node
            : ext.racks.size() <= 1       ? IncidentScope::Rack
                                          : IncidentScope::Region;
        if (inc.scope != IncidentScope::Node)
            inc.component = Component::Rack;
        break;
    case Family::SiteLink:
        inc.scope = inc.members.size() > 1 ? IncidentScope::Site : IncidentScope::SiteLink;
        if (inc.scope == IncidentScope::Site) {
            // The site every member shares.
            for (const QString& s : ext.sites) {
                bool all = true;
                for (int m : inc.members)
                    all = all && (m_observations[m].fromSite == s || m_observations[m].toSite == s);
                if (all)
                    inc.site = s;
            }
        }
        break;
    }
    if (inc.openMembers == 0)
        inc.state = IncidentState::Resolved;
    else if (inc.openMembers < inc.members.size())
        inc.state = IncidentState::Recovering;
    else
        inc.state = inc.acknowledged ? IncidentState::Acknowledged : IncidentState::Open;
}

int IncidentGrouper::clear(int index, qint64 clearedMs)
{
    if (index < 0 || index >= m_observations.size() || !m_observations[index].isOpen())
        return 0;
    FaultObservation& o = m_observations[index];
    o.clearedMs = std::max(clearedMs, o.openedMs + 1);
    const int id = m_incidentOf.value(index);
    Incident& inc = m_incidents[id - 1];
    --inc.openMembers;
    inc.lastSeenMs = std::max(inc.lastSeenMs, o.clearedMs);
    if (inc.openMembers == 0)
        inc.resolvedMs = inc.lastSeenMs;
    refresh(inc, m_extents[id - 1]);
    return id;
}

bool IncidentGrouper::acknowledge(int incidentId, const QString& note)
{
    if (incidentId < 1 || incidentId > m_incidents.size())
        return false;
    Incident& inc = m_incidents[incidentId - 1];
    inc.acknowledged = true;
    inc.note = note;
    m_pendingAcks.insert(inc.key, note);
    refresh(inc, m_extents[incidentId - 1]);
    return true;
}

void IncidentGrouper::acknowledgeKey(const QString& key, const QString& note)
{
    m_pendingAcks.insert(key, note);
    for (Incident& inc : m_incidents) {
        if (inc.key == key) {
            inc.acknowledged = true;
            inc.note = note;
            refresh(inc, m_extents[inc.id - 1]);
        }
    }
}

} // namespace Meridian::Faults
