// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `meridian plan`'s ranked answer as a table for people (docs/planner.md): every factor of every candidate, in the
// command's language.

#include "core/planner/plannertypes.h"

class QTextStream;

namespace Meridian {

class PlanTableWriter
{
public:
    explicit PlanTableWriter(QTextStream& out)
        : m_out(out)
    { }
    void write(const Planner::PlanAnswer& answer);

private:
    QTextStream& m_out;
};

} // namespace Meridian
