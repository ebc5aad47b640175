// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Now" for figures that run to the present (an open run segment, a fault not
// cleared yet): the sources' own clock — the newest sample any node of the
// scope reported — never the console's, and never past the range's end.

#include "core/cache/cachereader.h"
#include "core/reports/reporttypes.h"

#include <algorithm>

namespace Meridian::Reports {

inline qint64 sourceNowMs(const CacheReader::State& state, const ReportParameters& p, qint64 coveredToMs)
{
    qint64 newest = 0;
    for (const FleetNode& n : state.nodes) {
        if (p.scope.contains(n.inventory.region, n.inventory.pool))
            newest = std::max(newest, n.snapshot.sample.timestampMs);
    }
    // No snapshot cached (only rollups): the end of the data is the best we know.
    if (newest <= 0)
        newest = coveredToMs;
    return std::min(newest, p.toMs);
}

} // namespace Meridian::Reports
