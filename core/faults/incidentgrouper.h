// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Groups faults into incidents (pure, no Qt event loop): many chips of one
// node, many nodes of one rack, a burst of node losses across one region (a
// power domain), many links of one site. Each observation joins at most one
// incident, at the moment it opens; incidents keep stable ids.

#include "core/faults/faulttypes.h"

#include <QHash>
#include <QSet>

namespace Meridian::Faults {

class FaultMap;

struct GroupingOptions
{
    qint64 nodeWindowMs = 10 * 60 * 1000; ///< chip faults of one node within this of the incident's last opening
    qint64 rackWindowMs = 2 * 60 * 1000; ///< node losses of one rack within this of the last opening
    qint64 burstWindowMs = 30 * 1000; ///< node losses of one region within this of the incident's first: one cause
    qint64 siteWindowMs = 2 * 60 * 1000; ///< site links sharing a site within this of the last opening
};

class IncidentGrouper
{
public:
    explicit IncidentGrouper(const FaultMap* model = nullptr, GroupingOptions options = {});

    // Adds an open (or already cleared) fault; returns its incident's id. The
    // model, when given, escalates the action of a fault repeating on the same
    // chip (or node) within its repeat window.
    int add(FaultObservation observation);
    // Marks observation `index` cleared; returns its incident's id (0: unknown or already cleared).
    int clear(int index, qint64 clearedMs);
    // Acknowledges an incident; a key not seen yet is remembered for when it appears (restored acks).
    bool acknowledge(int incidentId, const QString& note);
    void acknowledgeKey(const QString& key, const QString& note);

    const QList<FaultObservation>& observations() const { return m_observations; }
    const QList<Incident>& incidents() const { return m_incidents; } ///< incident id = index + 1
    const Incident* incident(int id) const;
    int incidentOf(int observationIndex) const { return m_incidentOf.value(observationIndex); }
    QSet<QString> nodesOf(int incidentId) const; ///< node ids of the members

private:
    enum class Family : quint8 { Chip, NodeLoss, SiteLink };
    struct Extent
    {
        Family family = Family::Chip;
        QSet<QString> nodes, pools, racks, sites;
        QSet<int> accelerators;
        qint64 lastOpenedMs = 0;
    };
    static Family familyOf(const FaultObservation& o);
    int findIncident(const FaultObservation& o) const;
    int newIncident(const FaultObservation& o, Family family);
    void join(int id, int index);
    void refresh(Incident& incident, const Extent& extent) const;

    const FaultMap* m_model;
    GroupingOptions m_options;
    QList<FaultObservation> m_observations;
    QList<Incident> m_incidents;
    QList<Extent> m_extents; ///< parallel to m_incidents
    QHash<int, int> m_incidentOf; ///< observation index → incident id
    // Candidates for joining, by grouping key → newest incident id.
    QHash<QString, int> m_byNode, m_byRack, m_byRegion, m_bySite;
    QHash<QString, QList<qint64>> m_repeats; ///< node|accelerator|kind → opening times
    QHash<QString, QString> m_pendingAcks; ///< incident key → note
};

} // namespace Meridian::Faults
