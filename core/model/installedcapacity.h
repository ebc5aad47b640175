// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Rollup minutes counted as the store counts a node (capacityByModel(), fleettypes.h), so that a report, a
// chart of the past and the Overview give one total for one scope.

#include "core/model/fleettypes.h"

namespace Meridian {

// A rollup minute (the chips that reported in it) counted over the `installed` accelerators of its scope
// (inventory: the Overview's total), of which `downChips` are on nodes known to be down then. A down node's
// source sends no samples, so its chips are missing from the rollup: they are faulty, as capacityByModel()
// counts a down node's chips. Any other chip missing from the minute is unknown (its history is still
// loading, or its node was silent): in the total, in no other class — never faulty, never zero.
ModelCapacity countInstalled(const CapacityPoint& reported, int installed, int downChips);

} // namespace Meridian
