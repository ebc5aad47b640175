// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

namespace Meridian::Reports {

// Capacity and utilization: per region / pool / model total, allocated, used,
// free and faulty at the end of the data, their means and peaks over the
// range, allocated-but-idle accelerators, and the trend per hour or day.
// Everything comes from the per-minute capacity rollups; "idle" from the last
// cached snapshots extended back through the utilization history (IdleTracker).
class CapacityReport : public Report
{
public:
    QString type() const override { return QStringLiteral("capacity"); }
    const char* title() const override;
    std::optional<ReportData> compute(const ReportParameters& parameters, const ReportContext& context) const override;
};

} // namespace Meridian::Reports
