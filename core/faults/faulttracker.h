// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Live faults and incidents, on the UI thread, fed by the store's change sets:
// each changed node's open faults (Snapshot.faults, the events that opened
// them) are diffed against what the tracker knew; an agent that stops
// answering becomes a heartbeat-loss fault; gateways whose probes to another
// region are all lost open a site-link fault. Work per change set is
// proportional to the nodes it names, never to the fleet.

#include "core/faults/counterfeed.h"
#include "core/faults/faultmap.h"
#include "core/faults/incidentgrouper.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace Meridian {

struct FleetChangeSet;
class FleetStore;

namespace Faults {

class FaultTracker : public QObject
{
    Q_OBJECT
public:
    explicit FaultTracker(FleetStore* store, QObject* parent = nullptr);
    FaultTracker(FleetStore* store, const FaultMap& model, GroupingOptions options, QObject* parent = nullptr);

    const IncidentGrouper& grouper() const { return m_grouper; }
    const FaultMap& model() const { return m_model; }
    const FleetStore* store() const { return m_store; }
    int incidentCount() const { return int(m_grouper.incidents().size()); }

    void acknowledge(int incidentId, const QString& note);
    // Acknowledgements kept in the cache (incident key → note), applied as their incidents appear.
    void restoreAcknowledgements(const QHash<QString, QString>& acks);

Q_SIGNALS:
    // `changed`: ids of existing incidents that changed; ids above `previousCount` are new.
    void incidentsChanged(const QList<int>& changed, int previousCount);

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void scanNode(const QString& nodeId, QSet<int>* changed);
    void scanProbes(const QString& nodeId, QSet<int>* changed);
    void forgetNode(const QString& nodeId, qint64 atMs, QSet<int>* changed);

    FleetStore* m_store;
    const FaultMap& m_model;
    IncidentGrouper m_grouper;
    CounterFeed m_counters; ///< the counter rules over the nodes' samples
    QHash<QString, QHash<QString, int>> m_open; ///< node → (fault key → observation index)
    QHash<QString, QSet<QString>> m_cutReporters; ///< "A|B" site pair → nodes whose probes across it are all lost
    QHash<QString, int> m_siteOpen; ///< "A|B" → observation index
};

} // namespace Faults
} // namespace Meridian
