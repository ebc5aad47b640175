// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The map draws one line per site pair: the worse of its two directions (lost, then over, near,
// within its target; ties by the higher ratio to the target), so a line's colour never hides a
// direction that breaks its target.

#include "core/latency/latencymatrix.h"
#include "core/latency/latencytargets.h"

#include <QList>

#include <utility>

namespace Meridian {

struct MapPair
{
    std::pair<int, int> worse; ///< site indexes (from, to) of the worse direction
    TargetVerdict verdict = TargetVerdict::NoData; ///< the worse direction's
    int violations = 0; ///< directions that break their target (0–2)
};

// Site pairs of `matrix` whose both sites are on the map (`mapIndex[site] >= 0`), in a stable order.
QList<MapPair> mapPairs(const LatencyMatrix& matrix, const LatencyTargets& targets, const QList<int>& mapIndex);

} // namespace Meridian
