// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the planner's inputs come from: the store's nodes and jobs (the same values every page reads) and the
// availability report's per-pool fault figures (docs/reports.md: faults and MTBF), never a second formula.

#include "core/planner/plannertypes.h"

namespace Meridian {
class FleetStore;
namespace Reports {
struct ReportData;
}
} // namespace Meridian

namespace Meridian::Planner {

// The availability report's range the planner asks for: a week of fault history.
inline constexpr qint64 RiskWindowMs = 7LL * 24 * 3600 * 1000;

// The store's nodes and jobs and the sources' clock (the newest sample); risk, families and the latency matrix
// are left for the caller (the matrix is built on the worker).
PlannerInputs inputsFrom(const FleetStore& store);
qint64 sourcesNowMs(const QHash<QString, FleetNode>& nodes); ///< newest sample time; 0: none

// Per pool: faults opened and MTBF from the report's "availability_by_pool" table. A pool the table lacks has
// no entry (its risk is unknown).
QHash<QString, PoolRisk> riskFrom(const Reports::ReportData& availability);

} // namespace Meridian::Planner
