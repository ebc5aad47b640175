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

namespace {

using KindStates = std::array<int, 7>; ///< jobs, then one per state (States)

// The jobs of the scope that lived in the range, as of its end, sorted by id.
QList<Protocol::JobRecord> jobsInRange(const ReportRun& run)
{
    QList<Protocol::JobRecord> jobs;
    for (const Protocol::JobRecord& j : run.state.jobs) {
        if (run.inScope(j.region, j.pool) && inRange(j, run.p.fromMs, run.p.toMs))
            jobs.append(jobAsOf(j, run.p.toMs));
    }
    std::sort(jobs.begin(), jobs.end(),
        [](const Protocol::JobRecord& a, const Protocol::JobRecord& b) { return a.jobId < b.jobId; });
    return jobs;
}

QMap<QString, KindStates> countByKind(const QList<Protocol::JobRecord>& jobs)
{
    QMap<QString, KindStates> byKind;
    for (const Protocol::JobRecord& j : jobs) {
        auto& k = byKind[j.kind.isEmpty() ? QStringLiteral("other") : j.kind];
        ++k[0];
        const QString st = Jobs::isRunning(j.state) ? QStringLiteral("running") : j.state;
        for (int s = 0; s < 6; ++s)
            k[s + 1] += st == QLatin1String(States[s]) ? 1 : 0;
    }
    return byKind;
}

// What interrupted the jobs: the linked fault event's kind and class when the event is known.
class CauseResolver
{
public:
    CauseResolver(const ReportRun& run, const QList<Protocol::Event>& events)
    {
        for (const FleetNode& n : run.state.nodes) {
            if (!n.inventory.accelerators.isEmpty())
                m_vendorOfNode.insert(n.inventory.nodeId, n.inventory.accelerators.first().vendor);
        }
        for (const Protocol::Event& e : events)
            m_eventById.insert({ e.nodeId, e.id }, &e);
    }

    // (cause, fault class); the class is empty when no fault event is linked.
    std::pair<QString, QString> causeOf(const Protocol::JobInterruption& in) const
    {
        if (in.faultEventId <= 0)
            return { in.cause, {} };
        const Protocol::Event* e = m_eventById.value({ in.nodeId, in.faultEventId });
        if (!e)
            return { in.cause.section(QLatin1Char(' '), 0, 0), {} }; // "chip-fault on node-…": its kind
        const auto component = Faults::FaultMap::builtIn()
                                   .classify(m_vendorOfNode.value(e->nodeId), e->kind, e->code, e->severity)
                                   .component;
        return { e->kind, Faults::toKey(component) };
    }

private:
    QHash<QString, QString> m_vendorOfNode;
    QHash<std::pair<QString, qint64>, const Protocol::Event*> m_eventById;
};

// The interruptions in the range: by cause, in total and per bucket.
struct Interruptions
{
    QMap<std::pair<QString, QString>, Cause> causes; ///< (cause, fault class)
    QMap<qint64, std::pair<int, qint64>> perBucket; ///< interruptions, work lost ms
    int count = 0, recovered = 0, withinTarget = 0;
    qint64 lostMs = 0, recoveryMsSum = 0;
    double lostAccMs = 0;
};

Interruptions countInterruptions(const ReportRun& run, const QList<Protocol::JobRecord>& jobs,
    const QList<Jobs::JobFigures>& figures, const CauseResolver& causes)
{
    Interruptions all;
    for (qsizetype n = 0; n < jobs.size(); ++n) {
        const Protocol::JobRecord& j = jobs[n];
        const Jobs::JobFigures& f = figures[n];
        for (qsizetype i = 0; i < j.interruptionLog.size() && i < f.recoveries.size(); ++i) {
            const Protocol::JobInterruption& in = j.interruptionLog[i];
            if (in.atMs < run.p.fromMs)
                continue;
            const Jobs::Recovery& r = f.recoveries[i];
            Cause& c = all.causes[causes.causeOf(in)];
            ++c.count;
            c.lostMs += r.lostWorkMs;
            ++all.count;
            all.lostMs += r.lostWorkMs;
            all.lostAccMs += double(r.lostWorkMs) * std::max(1, j.acceleratorsRequested);
            if (!r.open) {
                ++c.recovered;
                ++all.recovered;
                c.recoveryMsSum += r.durationMs;
                all.recoveryMsSum += r.durationMs;
                c.withinTarget += r.overTarget() ? 0 : 1;
                all.withinTarget += r.overTarget() ? 0 : 1;
            }
            auto& b = all.perBucket[bucketStart(in.atMs, run.p.fromMs, run.bucket)];
            ++b.first;
            b.second += r.lostWorkMs;
        }
    }
    return all;
}

// Every uninterrupted run that reaches into the range, longest first.
QList<JobRun> runsOf(const ReportRun& run, const QList<Protocol::JobRecord>& jobs, qint64 nowMs)
{
    QList<JobRun> runs;
    for (const Protocol::JobRecord& j : jobs) {
        for (const Protocol::JobSegment& s : j.segments) {
            const qint64 end = s.endMs > 0 ? s.endMs : std::max(nowMs, s.startMs);
            if (end <= run.p.fromMs || end <= s.startMs)
                continue;
            runs.append({ &j, s, end - s.startMs });
        }
    }
    sortLongestFirst(&runs);
    return runs;
}

// Jobs that never started (queued, cancelled while queued) are counted by kind, not listed.
ReportTable perJobTable(const QList<Protocol::JobRecord>& jobs, const QList<Jobs::JobFigures>& figures)
{
    ReportTable t = table(QStringLiteral("jobs"), QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs that ran in the range"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Job")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Name")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Tenant")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "State")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Region")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Accelerators"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Start"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "End"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Wall time (h)"), ValueKind::Hours),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Goodput"), ValueKind::Percent),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), ValueKind::Integer),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), ValueKind::Hours),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Longest run (h)"), ValueKind::Hours) });
    for (qsizetype n = 0; n < jobs.size(); ++n) {
        const Protocol::JobRecord& j = jobs[n];
        const Jobs::JobFigures& f = figures[n];
        if (j.startMs > 0)
            t.rows.append({ j.jobId, j.name, j.tenant, j.kind, j.state, j.region, j.pool,
                qint64(j.acceleratorsRequested), j.startMs > 0 ? QVariant(j.startMs) : QVariant(),
                j.endMs > 0 ? QVariant(j.endMs) : QVariant(), hoursOrMissing(f.wallMs), f.goodput * 100,
                qint64(f.interruptions), f.hasHistory ? QVariant(double(f.lostWorkMs) / HourMs) : QVariant(),
                hoursOrMissing(f.longestRunMs) });
    }
    return t;
}

ReportTable jobsKindsTable(const QMap<QString, KindStates>& byKind)
{
    ReportTable t
        = table(QStringLiteral("jobs_by_kind_state"), QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs by kind and state"),
            { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Queued"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Running"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Recovering"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Completed"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Failed"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Cancelled"), ValueKind::Integer) });
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        QVariantList row { it.key() };
        for (int count : it.value())
            row.append(qint64(count));
        t.rows.append(row);
    }
    return t;
}

ReportTable causesTable(const Interruptions& interruptions)
{
    ReportTable t
        = table(QStringLiteral("interruption_causes"), QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions by cause"),
            { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Cause")),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Fault class")),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), ValueKind::Integer),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), ValueKind::Hours),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Mean recovery (min)"), ValueKind::Minutes),
                col(QT_TRANSLATE_NOOP("Meridian::Reports", "Recovered within 10 min"), ValueKind::Percent) });
    for (auto it = interruptions.causes.cbegin(); it != interruptions.causes.cend(); ++it) {
        const Cause& c = it.value();
        t.rows.append({ it.key().first, it.key().second.isEmpty() ? QVariant() : QVariant(it.key().second),
            qint64(c.count), double(c.lostMs) / HourMs, ratio(double(c.recoveryMsSum) / MinuteMs, c.recovered),
            ratio(c.withinTarget, c.count) * 100 });
    }
    return t;
}

ReportTable jobsLongestTable(const QList<JobRun>& runs)
{
    ReportTable t = table(QStringLiteral("longest_runs"),
        QT_TRANSLATE_NOOP("Meridian::Reports", "Longest uninterrupted runs"),
        { col(QT_TRANSLATE_NOOP("Meridian::Reports", "Job")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Name")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Kind")), col(QT_TRANSLATE_NOOP("Meridian::Reports", "Pool")),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Start"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "End"), ValueKind::Timestamp),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Duration (h)"), ValueKind::Hours),
            col(QT_TRANSLATE_NOOP("Meridian::Reports", "Ended by")) });
    for (qsizetype i = 0; i < std::min<qsizetype>(runs.size(), 10); ++i) {
        const JobRun& r = runs[i];
        t.rows.append({ r.job->jobId, r.job->name, r.job->kind, r.job->pool, r.segment.startMs,
            r.segment.endMs > 0 ? QVariant(r.segment.endMs) : QVariant(), double(r.durationMs) / HourMs,
            r.segment.endReason });
    }
    return t;
}

// Per bucket over the whole range: the job history (the scheduler's account) and the
// event log are read by cursor, so they span the console's own gaps in the samples.
QList<ReportChart> charts(const ReportRun& run, const Interruptions& interruptions)
{
    ReportLine interruptionLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), {} };
    ReportLine lostLine { QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"), {} };
    for (qint64 b : run.buckets()) {
        const auto v = interruptions.perBucket.value(b, { 0, 0 });
        interruptionLine.points.append({ b, double(v.first) });
        lostLine.points.append({ b, double(v.second) / HourMs });
    }
    const bool daily = run.bucket == DayMs;
    ReportChart interruptionChart;
    interruptionChart.id = QStringLiteral("interruptions");
    interruptionChart.title = daily ? QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions per day")
                                    : QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions per hour");
    interruptionChart.lines = { interruptionLine };
    interruptionChart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions");
    ReportChart lostChart;
    lostChart.id = QStringLiteral("work_lost");
    lostChart.title = daily ? QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost per day")
                            : QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost per hour");
    lostChart.lines = { lostLine };
    lostChart.yLabel = QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)");
    return { interruptionChart, lostChart };
}

QList<ReportFigure> jobsKeyFigures(const QMap<QString, KindStates>& byKind, const Jobs::AggregateFigures& all,
    const Interruptions& interruptions, const QList<JobRun>& runs)
{
    KindStates total {};
    for (const KindStates& k : byKind) {
        for (int i = 0; i < 7; ++i)
            total[i] += k[i];
    }
    const Interruptions& x = interruptions;
    return {
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
        { QStringLiteral("interruptions"), QT_TRANSLATE_NOOP("Meridian::Reports", "Interruptions"), qint64(x.count),
            ValueKind::Integer },
        { QStringLiteral("work_lost"), QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (h)"),
            double(x.lostMs) / HourMs, ValueKind::Hours },
        { QStringLiteral("work_lost_accelerator_hours"),
            QT_TRANSLATE_NOOP("Meridian::Reports", "Work lost (accelerator-hours)"), x.lostAccMs / HourMs,
            ValueKind::Hours },
        { QStringLiteral("mean_recovery"), QT_TRANSLATE_NOOP("Meridian::Reports", "Mean recovery (min)"),
            ratio(double(x.recoveryMsSum) / MinuteMs, x.recovered), ValueKind::Minutes },
        { QStringLiteral("recovered_within_target"), QT_TRANSLATE_NOOP("Meridian::Reports", "Recovered within 10 min"),
            ratio(x.withinTarget, x.count) * 100, ValueKind::Percent },
        { QStringLiteral("longest_run"), QT_TRANSLATE_NOOP("Meridian::Reports", "Longest uninterrupted run (h)"),
            longestRunHours(runs), ValueKind::Hours },
    };
}

} // namespace

const char* JobsReport::title() const
{
    return QT_TRANSLATE_NOOP("Meridian::Reports", "Jobs");
}

std::optional<ReportData> JobsReport::compute(const ReportParameters& p, const ReportContext& context) const
{
    auto run = startRun(p, context, { 5, 25 });
    if (!run)
        return std::nullopt;
    if (run->data.isEmpty())
        return run->data;
    // Interruptions link their fault event by id: read the events of the range.
    const auto events = readEvents(p.fromMs, p.toMs - 1, context, [&](int pc) { context.progress(25 + pc / 2); });
    if (!events)
        return std::nullopt;
    const CauseResolver causes(*run, *events);
    context.progress(80);

    const qint64 nowMs = sourceNowMs(run->state, p, run->data.coveredToMs);
    const QList<Protocol::JobRecord> jobs = jobsInRange(*run);
    QList<Jobs::JobFigures> figures;
    figures.reserve(jobs.size());
    for (const Protocol::JobRecord& j : jobs)
        figures.append(Jobs::figures(j, nowMs));
    const QMap<QString, KindStates> byKind = countByKind(jobs);
    const Interruptions interruptions = countInterruptions(*run, jobs, figures, causes);
    const QList<JobRun> runs = runsOf(*run, jobs, nowMs);
    context.progress(90);

    ReportData& data = run->data;
    data.charts = charts(*run, interruptions);
    data.figures = jobsKeyFigures(byKind, Jobs::aggregate(jobs, nowMs), interruptions, runs);
    data.tables = { jobsKindsTable(byKind), causesTable(interruptions), jobsLongestTable(runs),
        perJobTable(jobs, figures), gapsTable(data.gaps) };
    return std::move(data);
}

} // namespace Meridian::Reports
