// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the planner's two benchmarks print and how they summarise repeated runs.

#include <QList>

#include <algorithm>
#include <cstdio>

namespace Meridian::PlannerBench {

inline double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

inline void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}

} // namespace Meridian::PlannerBench
