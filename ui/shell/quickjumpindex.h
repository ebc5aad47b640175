// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/common/navigator.h"

#include <QList>
#include <QString>

namespace Meridian {

class FleetStore;

// Matches a query against the store's regions, pools, racks, nodes (id or
// host name) and accelerators ("host#3", "node-id#3" or the UUID):
// case-insensitive, exact before prefix before substring, then by kind.
// Computed per query from the store; no index to keep in step.
QList<JumpTarget> searchJumpTargets(const FleetStore& store, const QString& query, int limit = 50);

} // namespace Meridian
