// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/availabilityreport.h"
#include "core/reports/capacityreport.h"
#include "core/reports/faultsreport.h"
#include "core/reports/jobsreport.h"
#include "core/reports/latencyreport.h"
#include "core/reports/report.h"
#include "core/reports/reportsupport.h"

#include <QDateTime>

namespace Meridian::Reports {

namespace {
struct Entry
{
    const char* type;
    std::function<std::unique_ptr<Report>()> create;
};

// The report types in menu order. A new report is one entry here.
const QList<Entry>& entries()
{
    static const QList<Entry> list = {
        { "capacity", [] { return std::make_unique<CapacityReport>(); } },
        { "availability", [] { return std::make_unique<AvailabilityReport>(); } },
        { "jobs", [] { return std::make_unique<JobsReport>(); } },
        { "faults", [] { return std::make_unique<FaultsReport>(); } },
        { "latency", [] { return std::make_unique<LatencyReport>(); } },
    };
    return list;
}
} // namespace

ReportContext::ReportContext(CacheReader* cache, const std::atomic<bool>* cancel, std::function<void(int)> progress)
    : m_cache(cache)
    , m_cancel(cancel)
    , m_progress(std::move(progress))
{ }

void ReportContext::progress(int percent) const
{
    if (m_progress)
        m_progress(std::clamp(percent, 0, 100));
}

QStringList Registry::types()
{
    QStringList out;
    for (const Entry& e : entries())
        out.append(QLatin1String(e.type));
    return out;
}

std::unique_ptr<Report> Registry::create(const QString& type)
{
    for (const Entry& e : entries()) {
        if (type == QLatin1String(e.type))
            return e.create();
    }
    return nullptr;
}

std::optional<ReportData> generate(ReportParameters parameters, const ReportContext& context)
{
    const std::unique_ptr<Report> report = Registry::create(parameters.type);
    if (!report)
        return std::nullopt;
    if (parameters.relativeSpanMs > 0) {
        const auto newest = newestDataMs(parameters, context);
        if (!newest)
            return std::nullopt;
        // No data at all: end now, so the report says "no data" for the range a user asked for.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        parameters.toMs = *newest > 0 ? *newest : now / MinuteMs * MinuteMs;
        // The newest minute is still filling: end it now, not in the future (the data never ends after the
        // report was generated). An agent clock ahead of ours by more than that keeps its own end.
        if (parameters.toMs > now && parameters.toMs - MinuteMs <= now)
            parameters.toMs = now;
        parameters.fromMs = parameters.toMs - parameters.relativeSpanMs;
    }
    std::optional<ReportData> data = report->compute(parameters, context);
    if (!data)
        return std::nullopt;
    data->parameters = parameters;
    data->title = report->title();
    data->generatedAtMs = QDateTime::currentMSecsSinceEpoch();
    data->consoleVersion = QStringLiteral(MERIDIAN_VERSION);
    context.progress(100);
    return data;
}

} // namespace Meridian::Reports
