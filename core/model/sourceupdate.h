// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"
#include "core/model/nodefacts.h"

#include <QList>
#include <QMetaType>
#include <QStringList>

namespace Meridian {

// One batch from a source's worker thread to the store (and, in parallel, to
// the cache writer): everything learned in one poll round. Values only.
struct NodeUpdate
{
    QString nodeId;
    bool hasInventory = false;
    Protocol::NodeInventory inventory;
    bool hasSnapshot = false;
    Protocol::Snapshot snapshot;
    AgentStatus status = AgentStatus::Up;
    QString error; ///< the reason when status is not Up
    qint64 polledAtMs = 0; ///< console clock; for staleness bookkeeping only
};

struct SourceUpdate
{
    QString source;
    QList<NodeUpdate> nodes;
    bool hasJobs = false;
    bool jobsComplete = false; ///< true: `jobs` is the full list (replace), false: changes only
    QList<Protocol::JobRecord> jobs;
    QList<Protocol::Event> events; ///< new events, ascending id per node
    QList<std::pair<QString, Protocol::Sample>>
        samples; ///< (node id, sample) history to persist, ascending seq per node
    QStringList removedNodes; ///< ids this source no longer reports (e.g. an agent's placeholder once its id is known)
    // (node id, probe window) from a front's probe history (/api/v1/probe-history): for the
    // cache only, ascending window end per node, whole minutes per update; the store ignores them.
    QList<std::pair<QString, Protocol::ProbeResult>> probeHistory;
    // What this kind of source may say about its nodes: how the store merges them with other sources'.
    SourceClaims claims = SourceClaims::nodeAgent();
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::SourceUpdate)
