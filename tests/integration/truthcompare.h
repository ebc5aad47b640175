// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Canonical text forms of the fleet's figures, as the console computes them
// (FleetStore::summary) and as the simulator knows them (/sim/truth), so a
// test can wait until they agree and then print any difference readably.

#include "core/store/fleetstore.h"

#include <QJsonObject>
#include <QStringList>

namespace Meridian::Test {

QStringList canonicalSummary(const FleetStore& store);
QStringList canonicalTruth(const QJsonObject& truth);

} // namespace Meridian::Test
