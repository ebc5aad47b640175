// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

namespace Meridian::Reports {

// Faults: hardware faults opened in the range (the cached events paired into
// incidents, as availability counts them), by class (the fault model's
// component), kind, vendor and model, pool; the top offending nodes and links;
// counts, faults still open, time open and time to clear. See docs/reports.md.
class FaultsReport : public Report
{
public:
    static constexpr qint64 LookbackMs = 7LL * 24 * 3600 * 1000; ///< clearings of faults opened earlier
    static constexpr int TopCount = 10;

    QString type() const override { return QStringLiteral("faults"); }
    const char* title() const override;
    std::optional<ReportData> compute(const ReportParameters& parameters, const ReportContext& context) const override;
};

} // namespace Meridian::Reports
