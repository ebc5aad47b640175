// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The planner's factors in words, translated: one place for the page's table, its "why this rank" and tooltips.

#include "core/planner/plannertypes.h"

namespace Meridian::PlannerText {

QString pool(const Planner::Candidate& c); ///< the pool, or "a + b (spanning)"
QString spans(const Planner::Candidate& c, bool wholeNodes); ///< "a: 16 chips, b: 10 chips"; empty for one pool
QString fit(const Planner::Candidate& c, bool wholeNodes); ///< "300 free chips, but only 31 whole nodes"
QString when(const Planner::Candidate& c); ///< "in 2 h 5 min (3 jobs end by then, 1 queued ahead)"
QString latency(const Planner::Candidate& c);
QString risk(const Planner::Candidate& c);
QString why(const Planner::Candidate& c, const Planner::PlannerWeights& w, bool wholeNodes); ///< rich text
QString problem(const Planner::PlanProblem& p);

} // namespace Meridian::PlannerText
