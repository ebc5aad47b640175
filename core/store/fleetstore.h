// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetchangeset.h"
#include "fleettypes.h"
#include "sourceupdate.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Meridian {

// Current state of the fleet, on the UI thread. Sources deliver SourceUpdate
// batches (queued, from their worker threads); the store merges them and
// publishes one coalesced FleetChangeSet per interval. Readers get values or
// const references valid until the next change set.
class FleetStore : public QObject
{
    Q_OBJECT
public:
    explicit FleetStore(QObject* parent = nullptr);

    // Coalescing interval; default 100 ms. Tests may set 0 (emit on the next event-loop pass).
    void setCoalescingInterval(int ms);

    const QHash<QString, FleetNode>& nodes() const { return m_nodes; }
    const FleetNode* node(const QString& nodeId) const;
    const QHash<QString, Protocol::JobRecord>& jobs() const { return m_jobs; }
    QStringList regions() const; ///< sorted

    RegionSummary summary(const QString& region = {}) const; ///< empty region: whole fleet
    AgentStatusCounts agentStatusCounts() const;
    qint64 newestDataMs() const; ///< agent time of the freshest snapshot, 0 if none

public Q_SLOTS:
    void applyUpdate(const Meridian::SourceUpdate& update);
    // Start-up: state loaded from the cache before any agent answers.
    void restore(const QList<Meridian::FleetNode>& nodes, const QList<Meridian::Protocol::JobRecord>& jobs);

Q_SIGNALS:
    void changed(const Meridian::FleetChangeSet& changes);

private:
    void schedule();
    void flush();

    QHash<QString, FleetNode> m_nodes;
    QHash<QString, Protocol::JobRecord> m_jobs;
    FleetChangeSet m_pending;
    QTimer m_flushTimer;
};

} // namespace Meridian
