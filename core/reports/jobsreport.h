// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/report.h"

namespace Meridian::Reports {

// Jobs: jobs by state and kind, goodput per job and in aggregate (core/jobs
// jobfigures, on each job's history cut at the end of the range), interruptions
// in the range by cause with the linked fault's class, work lost, and the
// longest uninterrupted runs. From the cached jobs and their history (state.db
// job_history) and the cached events. See docs/reports.md for the definitions.
class JobsReport : public Report
{
public:
    static constexpr qint64 RecoveryTargetMs = 10 * 60 * 1000;

    QString type() const override { return QStringLiteral("jobs"); }
    const char* title() const override;
    std::optional<ReportData> compute(const ReportParameters& parameters, const ReportContext& context) const override;
};

// A job's record as it stood at `endMs`: segments, interruptions and recoveries
// after it removed, an end after it undone. What jobfigures then derives covers
// the job's life up to the end of the range only.
Protocol::JobRecord jobAsOf(const Protocol::JobRecord& job, qint64 endMs);

} // namespace Meridian::Reports
