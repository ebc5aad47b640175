// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `meridian plan --json`: the ranked answer for scripts (docs/planner.md, "meridian plan"). Unknown figures are
// null, never 0.

#include "core/planner/plannertypes.h"

#include <QJsonObject>

namespace Meridian {

class PlanJsonWriter
{
public:
    static QJsonObject toJson(const Planner::PlanAnswer& answer);
};

} // namespace Meridian
