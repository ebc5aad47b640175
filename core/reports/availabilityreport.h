// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

namespace Meridian::Reports {

// Availability: node availability (node-down incidents over the minutes with
// data), accelerator availability (1 − faulty / total chip-minutes from the
// rollups), MTBF and MTTR per pool from the cached fault events, the share of
// job interruptions recovered within the 10-minute target, and the longest
// uninterrupted training runs (job history). See docs/reports.md for the formulas.
class AvailabilityReport : public Report
{
public:
    static constexpr qint64 RecoveryTargetMs = 10 * 60 * 1000;
    static constexpr qint64 LookbackMs = 7LL * 24 * 3600 * 1000; ///< faults opened before the range still count

    QString type() const override { return QStringLiteral("availability"); }
    const char* title() const override;
    std::optional<ReportData> compute(const ReportParameters& parameters, const ReportContext& context) const override;
};

} // namespace Meridian::Reports
