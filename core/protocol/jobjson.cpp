// SPDX-License-Identifier: GPL-3.0-or-later
// The job(-history) codec of protocol v1: JobRecord with its segments,
// interruptions and checkpoints, JobsPage and JobDetail.
#include "core/protocol/jsonreader_p.h"
#include "core/protocol/protocoljson.h"

#include <QJsonArray>

namespace Meridian::Protocol::Json {

using namespace Meridian::Protocol::Detail;

QJsonObject toJson(const JobRecord& j)
{
    QJsonObject o { { QStringLiteral("id"), j.jobId }, { QStringLiteral("name"), j.name },
        { QStringLiteral("tenant"), j.tenant }, { QStringLiteral("user"), j.user }, { QStringLiteral("kind"), j.kind },
        { QStringLiteral("state"), j.state }, { QStringLiteral("region"), j.region },
        { QStringLiteral("pool"), j.pool }, { QStringLiteral("model"), j.model },
        { QStringLiteral("requested"), j.acceleratorsRequested },
        { QStringLiteral("allocated"), j.acceleratorsAllocated },
        { QStringLiteral("nodes"), QJsonArray::fromStringList(j.nodes) }, { QStringLiteral("submitMs"), j.submitMs },
        { QStringLiteral("startMs"), j.startMs }, { QStringLiteral("endMs"), j.endMs },
        { QStringLiteral("lastCheckpointMs"), j.lastCheckpointMs },
        { QStringLiteral("interruptions"), j.interruptions } };
    // Optional keys are omitted when empty: older documents stay byte-identical.
    if (j.expectedEndMs > 0)
        o.insert(QStringLiteral("expectedEndMs"), j.expectedEndMs);
    if (!j.segments.isEmpty()) {
        QJsonArray segments;
        for (const JobSegment& s : j.segments)
            segments.append(QJsonObject { { QStringLiteral("start"), s.startMs }, { QStringLiteral("end"), s.endMs },
                { QStringLiteral("reason"), s.endReason }, { QStringLiteral("restored"), s.restoredCheckpointMs } });
        o.insert(QStringLiteral("segments"), segments);
    }
    if (!j.interruptionLog.isEmpty()) {
        QJsonArray interrupts;
        for (const JobInterruption& i : j.interruptionLog)
            interrupts.append(QJsonObject { { QStringLiteral("ts"), i.atMs }, { QStringLiteral("cause"), i.cause },
                { QStringLiteral("fault"), i.faultEventId }, { QStringLiteral("node"), i.nodeId },
                { QStringLiteral("checkpoint"), i.lastCheckpointMs }, { QStringLiteral("recovered"), i.recoveredMs } });
        o.insert(QStringLiteral("interrupts"), interrupts);
    }
    if (!j.checkpoints.isEmpty()) {
        QJsonArray checkpoints;
        for (qint64 c : j.checkpoints)
            checkpoints.append(c);
        o.insert(QStringLiteral("checkpoints"), checkpoints);
    }
    return o;
}

QJsonObject toJson(const JobsPage& page)
{
    QJsonArray jobs;
    for (const JobRecord& j : page.jobs)
        jobs.append(toJson(j));
    return QJsonObject { { QStringLiteral("cursor"), page.cursor }, { QStringLiteral("more"), page.more },
        { QStringLiteral("ts"), page.timestampMs }, { QStringLiteral("jobs"), jobs } };
}

QJsonObject toJson(const JobDetail& detail)
{
    return QJsonObject { { QStringLiteral("ts"), detail.timestampMs }, { QStringLiteral("job"), toJson(detail.job) } };
}

namespace {

JobRecord jobRecordFromJson(Reader& c)
{
    JobRecord j;
    j.jobId = c.string(QStringLiteral("id"));
    j.name = c.string(QStringLiteral("name"), false);
    j.tenant = c.string(QStringLiteral("tenant"), false);
    j.user = c.string(QStringLiteral("user"), false);
    j.kind = c.string(QStringLiteral("kind"));
    j.state = c.string(QStringLiteral("state"));
    j.region = c.string(QStringLiteral("region"), false);
    j.pool = c.string(QStringLiteral("pool"), false);
    j.model = c.string(QStringLiteral("model"), false);
    j.acceleratorsRequested = int(c.integer(QStringLiteral("requested"), 0, 10000000));
    j.acceleratorsAllocated = int(c.integer(QStringLiteral("allocated"), 0, 10000000));
    const QJsonArray nodes = c.array(QStringLiteral("nodes"), 100000, false);
    for (qsizetype i = 0; i < nodes.size() && c.ok(); ++i) {
        if (!nodes.at(i).isString() || nodes.at(i).toString().size() > c.limits().maxStringLength)
            c.fail(indexed(QStringLiteral("nodes"), i), QStringLiteral("expected a node id"));
        else
            j.nodes.append(nodes.at(i).toString());
    }
    j.submitMs = c.integer(QStringLiteral("submitMs"), 0, MaxTimestampMs, false);
    j.startMs = c.integer(QStringLiteral("startMs"), 0, MaxTimestampMs, false);
    j.endMs = c.integer(QStringLiteral("endMs"), 0, MaxTimestampMs, false);
    j.expectedEndMs = c.integer(QStringLiteral("expectedEndMs"), 0, MaxTimestampMs, false);
    j.lastCheckpointMs = c.integer(QStringLiteral("lastCheckpointMs"), 0, MaxTimestampMs, false);
    j.interruptions = int(c.integer(QStringLiteral("interruptions"), 0, 1000000, false));

    static const QStringList reasons { QString(), QStringLiteral("interrupted"), QStringLiteral("requeued"),
        QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("cancelled") };
    const QJsonArray segments = c.array(QStringLiteral("segments"), c.limits().maxJobSegments, false);
    forEachObject(c, QStringLiteral("segments"), segments, [&](Reader& s) {
        JobSegment seg;
        seg.startMs = s.integer(QStringLiteral("start"), 0, MaxTimestampMs);
        seg.endMs = s.integer(QStringLiteral("end"), 0, MaxTimestampMs);
        seg.endReason = s.string(QStringLiteral("reason"), false, 32);
        seg.restoredCheckpointMs = s.integer(QStringLiteral("restored"), 0, MaxTimestampMs, false);
        if (s.ok() && !reasons.contains(seg.endReason))
            s.fail(QStringLiteral("reason"), QStringLiteral("unknown value \"%1\"").arg(seg.endReason));
        else if (s.ok() && seg.endMs != 0 && seg.endMs < seg.startMs)
            s.fail(QStringLiteral("end"), QStringLiteral("ends before it starts"));
        j.segments.append(seg);
    });
    const QJsonArray interrupts = c.array(QStringLiteral("interrupts"), c.limits().maxJobSegments, false);
    forEachObject(c, QStringLiteral("interrupts"), interrupts, [&](Reader& s) {
        JobInterruption in;
        in.atMs = s.integer(QStringLiteral("ts"), 0, MaxTimestampMs);
        in.cause = s.string(QStringLiteral("cause"), false, s.limits().maxMessageLength);
        in.faultEventId = s.integer(QStringLiteral("fault"), 0, MaxSeq, false);
        in.nodeId = s.string(QStringLiteral("node"), false);
        in.lastCheckpointMs = s.integer(QStringLiteral("checkpoint"), 0, MaxTimestampMs, false);
        in.recoveredMs = s.integer(QStringLiteral("recovered"), 0, MaxTimestampMs, false);
        if (s.ok() && in.recoveredMs != 0 && in.recoveredMs < in.atMs)
            s.fail(QStringLiteral("recovered"), QStringLiteral("recovered before it was interrupted"));
        j.interruptionLog.append(in);
    });
    const QJsonArray checkpoints = c.array(QStringLiteral("checkpoints"), c.limits().maxJobCheckpoints, false);
    j.checkpoints.reserve(checkpoints.size());
    for (qsizetype i = 0; i < checkpoints.size() && c.ok(); ++i)
        j.checkpoints.append(
            c.checkInteger(indexed(QStringLiteral("checkpoints"), i), checkpoints.at(i), 0, MaxTimestampMs));
    return j;
}

} // namespace

DecodeResult decode(const QJsonObject& json, JobsPage* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("jobs"), &result, limits);
    JobsPage page;
    page.cursor = r.string(QStringLiteral("cursor"));
    page.more = r.boolean(QStringLiteral("more"));
    page.timestampMs = r.timestamp(QStringLiteral("ts"));
    const QJsonArray jobs = r.array(QStringLiteral("jobs"), limits.maxJobsPerPage);
    page.jobs.reserve(jobs.size());
    forEachObject(r, QStringLiteral("jobs"), jobs, [&](Reader& c) { page.jobs.append(jobRecordFromJson(c)); });
    if (result)
        *out = std::move(page);
    return result;
}

DecodeResult decode(const QJsonObject& json, JobDetail* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QString(), &result, limits);
    JobDetail detail;
    detail.timestampMs = r.timestamp(QStringLiteral("ts"));
    const QJsonObject job = r.object(QStringLiteral("job"));
    if (r.ok()) {
        Reader c(job, QStringLiteral("job"), &result, limits);
        detail.job = jobRecordFromJson(c);
    }
    if (result)
        *out = std::move(detail);
    return result;
}

} // namespace Meridian::Protocol::Json
