// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/installedcapacity.h"

#include <algorithm>

namespace Meridian {

ModelCapacity countInstalled(const CapacityPoint& reported, int installed, int downChips)
{
    ModelCapacity c;
    const int unreported = std::max(0, installed - reported.total);
    const int down = std::clamp(downChips, 0, unreported);
    c.total = reported.total + unreported;
    c.allocated = reported.allocated;
    c.free = reported.free;
    c.faulty = reported.faulty + down;
    c.unknown = unreported - down;
    return c;
}

} // namespace Meridian
