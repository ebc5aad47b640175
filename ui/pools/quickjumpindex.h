// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Meridian {

class FleetStore;

// Something the quick jump (Ctrl+K) can go to.
struct JumpTarget
{
    enum Kind { Region, Pool, Rack, Node, Accelerator };
    Kind kind = Region;
    QString region;
    QString pool;
    QString rack;
    QString nodeId;
    int accelerator = -1;
    QString label; ///< what matched, as shown: "node-0001#3"
    QString detail; ///< where it is: "East China / wuhu-train / r01"
};

// Matches a query against the store's regions, pools, racks, nodes (id or
// host name) and accelerators ("host#3", "node-id#3" or the UUID):
// case-insensitive, exact before prefix before substring, then by kind.
// Computed per query from the store; no index to keep in step.
QList<JumpTarget> searchJumpTargets(const FleetStore& store, const QString& query, int limit = 50);

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::JumpTarget)
