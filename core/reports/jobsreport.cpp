// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/jobsreport.h"

#include "core/faults/faultmap.h"
#include "core/jobs/jobfigures.h"
#include "core/reports/faultspans.h"
#include "core/reports/reportclock.h"
#include "core/reports/reportsupport.h"

#include <QMap>

namespace Meridian::Reports {

namespace {

const char* const States[] = { "queued", "running", "recovering", "completed", "failed", "cancelled" };

ReportColumn col(const char* title, ValueKind kind = ValueKind::Text)
{
    return { title, kind };
}

QVariant hoursOrMissing(qint64 ms)
{
    return ms < 0 ? QVariant() : QVariant(double(ms) / HourMs);
}

bool inRange(const Protocol::JobRecord& j, qint64 fromMs, qint64 toMs)
{
    const qint64 born = j.submitMs > 0 ? j.submitMs : j.startMs;
    return born > 0 && born < toMs && (j.endMs == 0 || j.endMs >= fromMs);
}

struct Cause
{
    int count = 0;
    qint64 lostMs = 0;
    int recovered = 0;
    qint64 recoveryMsSum = 0;
    int withinTarget = 0;
};

} // namespace

Protocol::JobRecord jobAsOf(const Protocol::JobRecord& job, qint64 endMs)
{
    Protocol::JobRecord j = job;
    if (j.endMs >= endMs)
        j.endMs = 0;
    if (j.startMs >= endMs)
        j.startMs = 0;
    QList<Protocol::JobSegment> segments;
    for (Protocol::JobSegment s : std::as_const(j.segments)) {
        if (s.startMs >= endMs)
            continue;
        if (s.endMs >= endMs) {
            s.endMs = 0;
            s.endReason.clear();
        }
        segments.append(s);
    }
    j.segments = segments;
    QList<Protocol::JobInterruption> log;
    for (Protocol::JobInterruption in : std::as_const(j.interruptionLog)) {
        if (in.atMs >= endMs)
            continue;
        if (in.recoveredMs >= endMs)
            in.recoveredMs = 0;
        log.append(in);
    }
    // Only a job with a log knows which of its interruptions came later.
    if (!j.interruptionLog.isEmpty())
        j.interruptions = std::max(0, j.interruptions - int(j.interruptionLog.size() - log.size()));
    j.interruptionLog = log;
    return j;
}

const char* JobsReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs");
}

std::optional<ReportData> JobsReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    ReportData data;
    const auto scope = scopeCapacity(p, context);
    if (!scope)
        return std::nullopt;
    coverage(*scope, p.fromMs, p.toMs, &data);
    context.progress(5);
    if (data.isEmpty())
        return data;

    const auto state = context.wait(context.cache()->lastState());
    if (!state)
        return std::nullopt;
    context.progress(25);
    const qint64 nowMs = sourceNowMs(*state, p, data.coveredToMs);
    QHash<QString, QString> vendorOfNode;
    for (const FleetNode& n : state->nodes) {
        if (!n.inventory.accelerators.isEmpty())
            vendorOfNode.insert(n.inventory.nodeId, n.inventory.accelerators.first().vendor);
    }

    // Interruptions link their fault event by id: read the events of the range.
    const auto events = readEvents(p.fromMs, p.toMs - 1, context, [&](int pc) { context.progress(25 + pc / 2); });
    if (!events)
        return std::nullopt;
    QHash<std::pair<QString, qint64>, const Protocol::Event*> eventById;
    for (const Protocol::Event& e : *events)
        eventById.insert({ e.nodeId, e.id }, &e);
    context.progress(80);

    QList<Protocol::JobRecord> jobs; // as of the end of the range, sorted by id
    for (const Protocol::JobRecord& j : state->jobs) {
        if (p.scope.contains(j.region, j.pool) && inRange(j, p.fromMs, p.toMs))
            jobs.append(jobAsOf(j, p.toMs));
    }
    std::sort(jobs.begin(), jobs.end(),
        [](const Protocol::JobRecord& a, const Protocol::JobRecord& b) { return a.jobId < b.jobId; });

    const qint64 bucket = bucketFor(p.fromMs, p.toMs);
    QMap<qint64, std::pair<int, qint64>> perBucket; // interruptions, work lost ms
    QMap<std::pair<QString, QString>, Cause> causes; // (cause, fault class)
    QMap<QString, std::array<int, 7>> byKind; // kind → jobs, then one per state
    struct Run
    {
        const Protocol::JobRecord* job;
        Protocol::JobSegment segment;
        qint64 durationMs;
    };
    QList<Run> runs;
    int interruptions = 0, recovered = 0, withinTarget = 0;
    qint64 lostMs = 0, recoveryMsSum = 0;
    double lostAccMs = 0;

    ReportTable perJob;
    perJob.id = QStringLiteral("jobs");
    perJob.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs that ran in the range");
    perJob.columns = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Job")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Name")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Tenant")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "State")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerators"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Start"), ValueKind::Timestamp),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "End"), ValueKind::Timestamp),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Wall time (h)"), ValueKind::Hours),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Goodput"), ValueKind::Percent),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), ValueKind::Hours),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Longest run (h)"), ValueKind::Hours) };

    for (const Protocol::JobRecord& j : std::as_const(jobs)) {
        const Jobs::JobFigures f = Jobs::figures(j, nowMs);
        auto& k = byKind[j.kind.isEmpty() ? QStringLiteral("other") : j.kind];
        ++k[0];
        const QString st = Jobs::isRunning(j.state) ? QStringLiteral("running") : j.state;
        for (int s = 0; s < 6; ++s)
            k[s + 1] += st == QLatin1String(States[s]) ? 1 : 0;

        // Jobs that never started (queued, cancelled while queued) are counted above, not listed.
        if (j.startMs > 0)
            perJob.rows.append({ j.jobId, j.name, j.tenant, j.kind, j.state, j.region, j.pool,
                qint64(j.acceleratorsRequested), j.startMs > 0 ? QVariant(j.startMs) : QVariant(),
                j.endMs > 0 ? QVariant(j.endMs) : QVariant(), hoursOrMissing(f.wallMs), f.goodput * 100,
                qint64(f.interruptions), f.hasHistory ? QVariant(double(f.lostWorkMs) / HourMs) : QVariant(),
                hoursOrMissing(f.longestRunMs) });

        for (qsizetype i = 0; i < j.interruptionLog.size() && i < f.recoveries.size(); ++i) {
            const Protocol::JobInterruption& in = j.interruptionLog[i];
            if (in.atMs < p.fromMs)
                continue;
            const Jobs::Recovery& r = f.recoveries[i];
            QString cause = in.cause, faultClass;
            if (in.faultEventId > 0) {
                const Protocol::Event* e = eventById.value({ in.nodeId, in.faultEventId });
                if (e) {
                    cause = e->kind;
                    faultClass
                        = Faults::toKey(Faults::FaultMap::builtIn()
                                            .classify(vendorOfNode.value(e->nodeId), e->kind, e->code, e->severity)
                                            .component);
                } else {
                    cause = in.cause.section(QLatin1Char(' '), 0, 0); // "chip-fault on node-…": its kind
                }
            }
            Cause& c = causes[{ cause, faultClass }];
            ++c.count;
            c.lostMs += r.lostWorkMs;
            ++interruptions;
            lostMs += r.lostWorkMs;
            lostAccMs += double(r.lostWorkMs) * std::max(1, j.acceleratorsRequested);
            if (!r.open) {
                ++c.recovered;
                ++recovered;
                c.recoveryMsSum += r.durationMs;
                recoveryMsSum += r.durationMs;
                c.withinTarget += r.overTarget() ? 0 : 1;
                withinTarget += r.overTarget() ? 0 : 1;
            }
            auto& b = perBucket[bucketStart(in.atMs, p.fromMs, bucket)];
            ++b.first;
            b.second += r.lostWorkMs;
        }
        for (const Protocol::JobSegment& s : j.segments) {
            const qint64 end = s.endMs > 0 ? s.endMs : std::max(nowMs, s.startMs);
            if (end <= p.fromMs || end <= s.startMs)
                continue;
            runs.append({ &j, s, end - s.startMs });
        }
    }
    context.progress(90);
    std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
        return std::tie(b.durationMs, a.job->jobId, a.segment.startMs)
            < std::tie(a.durationMs, b.job->jobId, b.segment.startMs);
    });
    const Jobs::AggregateFigures all = Jobs::aggregate(jobs, nowMs);

    ReportTable kinds;
    kinds.id = QStringLiteral("jobs_by_kind_state");
    kinds.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs by kind and state");
    kinds.columns = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Queued"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Running"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Recovering"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Completed"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Failed"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Cancelled"), ValueKind::Integer) };
    std::array<int, 7> total {};
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        QVariantList row { it.key() };
        for (int i = 0; i < 7; ++i) {
            row.append(qint64(it.value()[i]));
            total[i] += it.value()[i];
        }
        kinds.rows.append(row);
    }

    ReportTable causeTable;
    causeTable.id = QStringLiteral("interruption_causes");
    causeTable.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions by cause");
    causeTable.columns = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Cause")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Fault class")),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), ValueKind::Integer),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), ValueKind::Hours),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean recovery (min)"), ValueKind::Minutes),
        col(QT_TRANSLATE_NOOP("Meridian::Reports", "Recovered within 10 min"), ValueKind::Percent) };
    for (auto it = causes.cbegin(); it != causes.cend(); ++it) {
        const Cause& c = it.value();
        causeTable.rows.append({ it.key().first, it.key().second.isEmpty() ? QVariant() : QVariant(it.key().second),
            qint64(c.count), double(c.lostMs) / HourMs, ratio(double(c.recoveryMsSum) / MinuteMs, c.recovered),
            ratio(c.withinTarget, c.count) * 100 });
    }

    ReportTable longest;
    longest.id = QStringLiteral("longest_runs");
    longest.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Longest uninterrupted runs");
    longest.columns
        = { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Job")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Name")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Start"), ValueKind::Timestamp),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "End"), ValueKind::Timestamp),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Duration (h)"), ValueKind::Hours),
              col(QT_TRANSLATE_NOOP("Meridian::Reports", "Ended by")) };
    for (qsizetype i = 0; i < std::min<qsizetype>(runs.size(), 10); ++i) {
        const Run& r = runs[i];
        longest.rows.append({ r.job->jobId, r.job->name, r.job->kind, r.job->pool, r.segment.startMs,
            r.segment.endMs > 0 ? QVariant(r.segment.endMs) : QVariant(), double(r.durationMs) / HourMs,
            r.segment.endReason });
    }

    // Per bucket over the whole range: the job history (the scheduler's account) and the
    // event log are read by cursor, so they span the console's own gaps in the samples.
    ReportLine interruptionLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), {} };
    ReportLine lostLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), {} };
    for (qint64 b = bucketStart(p.fromMs, p.fromMs, bucket); b < p.toMs; b += bucket) {
        const auto v = perBucket.value(b, { 0, 0 });
        interruptionLine.points.append({ b, double(v.first) });
        lostLine.points.append({ b, double(v.second) / HourMs });
    }
    ReportChart interruptionChart;
    interruptionChart.id = QStringLiteral("interruptions");
    interruptionChart.title = bucket == DayMs ? QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions per day")
                                              : QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions per hour");
    interruptionChart.lines = { interruptionLine };
    interruptionChart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions");
    ReportChart lostChart;
    lostChart.id = QStringLiteral("work_lost");
    lostChart.title = bucket == DayMs ? QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost per day")
                                      : QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost per hour");
    lostChart.lines = { lostLine };
    lostChart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)");
    data.charts = { interruptionChart, lostChart };

    data.figures = {
        { QStringLiteral("jobs"), QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs"), qint64(total[0]),
            ValueKind::Integer },
        { QStringLiteral("queued"), QT_TRANSLATE_NOOP("Meridian::Reports", "Queued"), qint64(total[1]),
            ValueKind::Integer },
        { QStringLiteral("running"), QT_TRANSLATE_NOOP("Meridian::Reports", "Running"), qint64(total[2]),
            ValueKind::Integer },
        { QStringLiteral("recovering"), QT_TRANSLATE_NOOP("Meridian::Reports", "Recovering"), qint64(total[3]),
            ValueKind::Integer },
        { QStringLiteral("completed"), QT_TRANSLATE_NOOP("Meridian::Reports", "Completed"), qint64(total[4]),
            ValueKind::Integer },
        { QStringLiteral("failed"), QT_TRANSLATE_NOOP("Meridian::Reports", "Failed"), qint64(total[5]),
            ValueKind::Integer },
        { QStringLiteral("cancelled"), QT_TRANSLATE_NOOP("Meridian::Reports", "Cancelled"), qint64(total[6]),
            ValueKind::Integer },
        { QStringLiteral("goodput"), QT_TRANSLATE_NOOP("Meridian::Reports", "Goodput"), all.goodput * 100,
            ValueKind::Percent },
        { QStringLiteral("interruptions"), QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"),
            qint64(interruptions), ValueKind::Integer },
        { QStringLiteral("work_lost"), QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), double(lostMs) / HourMs,
            ValueKind::Hours },
        { QStringLiteral("work_lost_accelerator_hours"),
            QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (accelerator-hours)"), lostAccMs / HourMs,
            ValueKind::Hours },
        { QStringLiteral("mean_recovery"), QT_TRANSLATE_NOOP("Meridian::Reports", "Mean recovery (min)"),
            ratio(double(recoveryMsSum) / MinuteMs, recovered), ValueKind::Minutes },
        { QStringLiteral("recovered_within_target"), QT_TRANSLATE_NOOP("Meridian::Reports", "Recovered within 10 min"),
            ratio(withinTarget, interruptions) * 100, ValueKind::Percent },
        { QStringLiteral("longest_run"), QT_TRANSLATE_NOOP("Meridian::Reports", "Longest uninterrupted run (h)"),
            runs.isEmpty() ? QVariant() : QVariant(double(runs.first().durationMs) / HourMs), ValueKind::Hours },
    };
    data.tables = { kinds, causeTable, longest, perJob, gapsTable(data.gaps) };
    return data;
}

} // namespace Meridian::Reports
