// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Capacity history as the Overview counts it now. While the console fills the history from its sources
// (a fresh cache), a minute holds only the nodes filled so far: drawn as it is, the chart falls towards
// zero and shows a smaller total than the cards. Each minute is counted against the chips installed now
// (countInstalled(), core/model/installedcapacity.h); a minute with chips that are neither reported nor on
// a node that is down now is not loaded: it is left out (a gap), never drawn short.

#include "core/model/fleettypes.h"

namespace Meridian {

class FleetStore;

struct LoadedCapacity
{
    CapacitySeries series; ///< the loaded minutes, each with the installed total (down nodes' chips faulty)
    int partialMinutes = 0; ///< minutes left out
    qint64 newestPartialMs = 0; ///< the newest of them; 0: none
};

// region and model empty: all.
LoadedCapacity loadedCapacity(
    const CapacitySeries& series, const FleetStore& store, const QString& region = {}, const QString& model = {});

} // namespace Meridian
