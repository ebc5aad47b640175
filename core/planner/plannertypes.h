// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The planner's inputs and its answer, as value types (docs/planner.md): the same values feed the page, the
// command and the tests. Every figure that cannot be known is NaN or an explicit "unknown" state, never 0.

#include "core/latency/latencymatrix.h"
#include "core/latency/latencytargets.h"
#include "core/model/fleettypes.h"
#include "core/planner/modelfamilies.h"
#include "core/planner/placementrequest.h"

#include <QHash>
#include <QList>
#include <QMetaType>

namespace Meridian::Planner {

// A pool's measured fault history (the availability report's figures over its window, docs/reports.md) and
// its jobs' recoveries.
struct PoolRisk
{
    int faults = -1; ///< faults opened in the window; -1: unknown (no data for the pool)
    double mtbfHours = Protocol::Missing; ///< the report's MTBF (up node-hours ÷ faults); NaN without faults
    qint64 windowMs = 0; ///< the report's range
    double upNodeHours = Protocol::Missing; ///< the report's up node-hours: the observation behind the rate
};

// Everything the planner reads, copied on the UI thread (implicitly shared: cheap) and read on a worker.
struct PlannerInputs
{
    QHash<QString, FleetNode> nodes; ///< the store's nodes
    QHash<QString, Protocol::JobRecord> jobs; ///< the store's jobs (with their expected ends)
    QHash<QString, PoolRisk> risk; ///< key: poolKey(region, pool)
    QList<ModelFamily> families;
    LatencyTargets targets;
    LatencyMatrix latency; ///< buildSites(`nodes`) on the planner's worker when the request names an anchor
    qint64 nowMs = 0; ///< the sources' clock (newest sample), never the console's
};
QString poolKey(const QString& region, const QString& pool);

// How much each factor counts in the score (docs/planner.md, "Weights"); normalised by their sum.
struct PlannerWeights
{
    double fit = 0.4;
    double wait = 0.2;
    double latency = 0.2;
    double risk = 0.2;
    friend bool operator==(const PlannerWeights&, const PlannerWeights&) = default;
};

enum class FitState : quint8 {
    Now, ///< fits on what is free now
    Later, ///< fits when known running jobs end (after the queue ahead)
    Unknown, ///< would need chips held by jobs whose end nobody knows
    Never, ///< the pool has too few qualifying chips (or whole nodes) even when empty
};

struct FitFactor
{
    int chips = 0; ///< qualifying chips in the pool (model, memory), any state
    int freeChips = 0; ///< of them free now (classify(): Free)
    int freeWholeNodes = 0; ///< up nodes whose every chip is free (and qualifies)
    int chipsPerNode = 0; ///< the pool's largest qualifying node
    int nodesNeeded = 0; ///< ⌈count ÷ chipsPerNode⌉: the job's node count (risk) and, whole nodes, the need
    int unknownChips = 0; ///< qualifying chips with no sample yet: in `chips`, never free
    bool fitsNow = false;
    // Enough free chips but too few free whole nodes ("300 free chips, but only 31 whole nodes").
    bool fragmented = false;
};

struct WaitFactor
{
    FitState state = FitState::Unknown;
    qint64 atMs = 0; ///< Later: when it fits (sources' clock); Now: nowMs
    qint64 waitMs = -1; ///< atMs − now; -1: not known
    int jobsEnding = 0; ///< running jobs that end in the pool by atMs (Later), or that must end
    int queuedAhead = 0; ///< queued jobs for this pool ahead of the request
    int queuedAheadChips = 0;
    int unknownEnds = 0; ///< running jobs in the pool with no expected end
};

struct LatencyFactor
{
    bool asked = false; ///< the request names an anchor site
    QString site; ///< the pool's site
    QString anchor;
    double p50Ms = Protocol::Missing;
    double p99Ms = Protocol::Missing;
    double loss = Protocol::Missing;
    double boundP99Ms = Protocol::Missing; ///< the request's bound (NaN: a pair class's target, or none)
    LatencyTarget classTarget; ///< the pair class's target (NaN fields: none)
    bool known = false; ///< probes exist between the pool's site and the anchor
    bool violates = false; ///< known and over the bound
};

// How much history a rate rests on, and whether it is enough for this job (docs/planner.md, "Risk").
enum class RiskHistory : quint8 {
    None, ///< the pool has no fault history at all
    TooShort, ///< observed, but too little: the rate is not shown as a number
    Enough,
};

struct RiskFactor
{
    RiskHistory history = RiskHistory::None;
    int observedFaults = -1; ///< faults opened in the report's window; -1: none known
    double observedNodeHours = Protocol::Missing; ///< up node-hours the faults were counted over
    // Enough history only (NaN otherwise): the measured rate and its Poisson interval (RiskConfidence).
    double faultsPerNodeHour = Protocol::Missing;
    double faultsPerNodeHourLow = Protocol::Missing;
    double faultsPerNodeHourHigh = Protocol::Missing;
    double expectedInterruptions = Protocol::Missing; ///< rate × nodes × duration hours
    double expectedInterruptionsLow = Protocol::Missing;
    double expectedInterruptionsHigh = Protocol::Missing;
    double checkpointIntervalHours = Protocol::Missing; ///< keeps expected lost work ≤ the chosen share; inf: any
    double lostWorkShare = 0.01;
    double medianRecoveryMs = Protocol::Missing; ///< nearest-rank median of the pool's closed job recoveries
    int recoveries = 0;
    bool recoveryOverTarget = false; ///< median > 10 min
};

struct FactorScores
{
    double fit = 0, wait = 0, latency = 0, risk = 0; ///< each 0–1 (docs/planner.md, "Scores")
    double total = 0; ///< weighted mean
};

struct Candidate
{
    QString region;
    QString pool; ///< the pool; spanning: the members joined by " + "
    // Spanning (docs/planner.md, "Spanning the pools of one site"): the member pools, and the share of the request
    // each takes (chips, or whole nodes with a whole-node request), in the order they are filled. Empty: one pool.
    QStringList spans;
    QList<int> spanShares;
    QStringList models; ///< the qualifying models present in the pool
    FitFactor fit;
    WaitFactor wait;
    LatencyFactor latency;
    RiskFactor risk;
    FactorScores scores;
    int rank = 0; ///< 1-based
    QStringList freeNodes; ///< nodes with free qualifying chips (whole-free first), for the Pools page
    bool spanning() const { return !spans.isEmpty(); }
};

// Why a request gets no (or fewer) candidates: shown by the command in English and by the page translated.
struct PlanProblem
{
    enum class Kind : quint8 {
        Invalid, ///< `detail`: validate()'s message
        UnknownFamily, ///< `detail`: the family name
        NoQualifyingChips, ///< no pool (allowed by the region lists) has the model with enough memory
        TooSmall, ///< pools have the model, none enough of it: `largest` chips (or whole nodes) in the largest
        AllExcluded, ///< the region lists leave no pool
    };
    Kind kind = Kind::Invalid;
    QString detail;
    int largest = 0;
    friend bool operator==(const PlanProblem&, const PlanProblem&) = default;
};
QString describe(const PlanProblem& problem); ///< English, for the command line

struct PlanAnswer
{
    PlacementRequest request;
    QStringList models; ///< the accepted models
    PlannerWeights weights;
    QList<Candidate> candidates; ///< ranked: fits first by score, never-fit and bound violators last
    QList<PlanProblem> problems; ///< why nothing (more) fits, or why the request cannot be answered
    int poolsExcluded = 0; ///< by the region allow/deny lists
    qint64 nowMs = 0;
    // The best state a candidate within the latency bound reaches (Never with none): the command's exit status.
    FitState best() const;
};

} // namespace Meridian::Planner

Q_DECLARE_METATYPE(Meridian::Planner::PlanAnswer)
