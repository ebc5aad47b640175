// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Meridian {

// `meridian plan --model MODEL|--family NAME --count N [--whole-nodes] [--min-mem GiB] --duration 7d
//  [--near SITE --max-rtt 10ms | --pair-class CLASS] [--config FILE | --demo] [--json]`: the placement planner's
// ranked answer (docs/planner.md) without a window. Exit 0: a candidate fits now; 3: none now, one later (or
// when jobs of unknown end finish); 1: none at all (or the fleet could not be read); 2: bad arguments.
int runPlan(const QStringList& arguments);

} // namespace Meridian
