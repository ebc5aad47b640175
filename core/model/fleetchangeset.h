// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QSet>
#include <QString>

namespace Meridian {

// What changed in the fleet store since the last change set. The store emits
// at most one per coalescing interval, however many updates arrived.
struct FleetChangeSet
{
    QSet<QString> addedNodes;
    QSet<QString> updatedNodes; ///< snapshot or status changed
    QSet<QString> removedNodes;
    bool inventoryChanged = false; ///< a node's region/pool/rack/accelerators changed, or nodes came or went
    bool jobsChanged = false;
    bool statusChanged = false; ///< some agent's status changed
    bool restoredFromCache = false; ///< the change set carries the state loaded at start-up
    bool sourcesChanged = false; ///< a source's own progress (FleetStore::sourceProgress) changed
    bool isEmpty() const
    {
        return addedNodes.isEmpty() && updatedNodes.isEmpty() && removedNodes.isEmpty() && !inventoryChanged
            && !jobsChanged && !statusChanged && !restoredFromCache && !sourcesChanged;
    }
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::FleetChangeSet)
