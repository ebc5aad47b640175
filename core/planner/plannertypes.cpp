// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/plannertypes.h"

namespace Meridian::Planner {

QString poolKey(const QString& region, const QString& pool)
{
    return region + u'|' + pool;
}

FitState PlanAnswer::best() const
{
    FitState best = FitState::Never;
    for (const Candidate& c : candidates)
        if (!c.latency.violates && int(c.wait.state) < int(best))
            best = c.wait.state;
    return best;
}

QString describe(const PlanProblem& p)
{
    switch (p.kind) {
    case PlanProblem::Kind::Invalid:
        return p.detail;
    case PlanProblem::Kind::UnknownFamily:
        return QStringLiteral("no model family is called %1").arg(p.detail);
    case PlanProblem::Kind::NoQualifyingChips:
        return QStringLiteral("no pool has %1 with enough memory per chip").arg(p.detail);
    case PlanProblem::Kind::TooSmall:
        return QStringLiteral("no pool is large enough: the largest has %1 qualifying %2").arg(p.largest).arg(p.detail);
    case PlanProblem::Kind::AllExcluded:
        return QStringLiteral("the region allow/deny lists leave no pool");
    }
    return {};
}

} // namespace Meridian::Planner
