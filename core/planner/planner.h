// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The placement planner's answer as pure functions of value types (docs/planner.md has every definition):
// the page (on a worker), the command and the tests call the same code.

#include "core/planner/plannertypes.h"

#include <utility>

namespace Meridian::Planner {

inline constexpr double DefaultLostWorkShare = 0.01;

// Enough history for a fault rate (docs/planner.md, "Risk"): at least a node-day of observed up node-hours, and
// at least this many faults or — with fewer — at least as many node-hours as the job itself will run.
inline constexpr int MinFaultsForRate = 3;
inline constexpr double MinObservedNodeHours = 24;
// The two-sided confidence of the rate's (exact, Garwood) Poisson interval.
inline constexpr double RiskConfidence = 0.90;
// The risk score of a candidate whose risk is unknown (no or too short history): that of one expected
// interruption, the middle of the scale — neither best nor worst.
inline constexpr double UnknownRiskScore = 0.5;

// The ranked answer to `request` over `inputs` (inputs.latency: LatencyMatrix::buildSites(inputs.nodes) or build(),
// when the request names an anchor).
PlanAnswer plan(const PlannerInputs& inputs, const PlacementRequest& request, const PlannerWeights& weights = {},
    double lostWorkShare = DefaultLostWorkShare);

// Re-scores and re-ranks an answer with other weights (the page's sliders): no fleet pass.
void rerank(PlanAnswer* answer, const PlannerWeights& weights);

// The factors' scores, 0–1, and their weighted mean (docs/planner.md, "Scores"); exposed for the tests.
FactorScores score(const Candidate& candidate, const PlannerWeights& weights);

// Expected interruptions, checkpoint interval and the recovery figures from a pool's measured history.
RiskFactor riskOf(
    const PoolRisk* history, int nodes, qint64 durationMs, const QList<qint64>& recoveriesMs, double lostWorkShare);

// The exact Poisson interval for a mean, given `count` events, at two-sided `confidence`: {low, high}.
std::pair<double, double> poissonInterval(int count, double confidence = RiskConfidence);

// Nearest-rank median (the reports' rule); NaN for none.
double medianMs(QList<qint64> values);

} // namespace Meridian::Planner
