// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/latency/latencytargets.h"
#include "core/reports/report.h"

namespace Meridian::Reports {

// Latency per ordered site pair (row probes column, as on the Latency page), from the
// cache's per-minute site-pair rollups (probe_site_1m): share of the range within the
// pair class's target, violating and without probes; p50/p99 per day; violations as
// runs of violating minutes. A minute without probes is a gap: never within target.
// See docs/reports.md for the definitions.
class LatencyReport : public Report
{
public:
    LatencyReport(); ///< the targets of the Latency page's file (latency-targets.json), else the defaults
    explicit LatencyReport(const LatencyTargets& targets)
        : m_targets(targets)
    { }

    QString type() const override { return QStringLiteral("latency"); }
    const char* title() const override;
    std::optional<ReportData> compute(const ReportParameters& parameters, const ReportContext& context) const override;

    // latency-targets.json in the console's configuration directory, else the defaults.
    static LatencyTargets loadTargets();

private:
    LatencyTargets m_targets;
};

} // namespace Meridian::Reports
