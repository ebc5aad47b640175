// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simjobhistory.h"

#include <QJsonArray>

#include <algorithm>

namespace Meridian::Sim {

void JobHistory::open(qint64 startMs, qint64 restoredCheckpointMs)
{
    close(startMs, QStringLiteral("interrupted"));
    segments.push_back({ startMs, 0, QString(), restoredCheckpointMs });
}

void JobHistory::close(qint64 endMs, const QString& reason)
{
    if (segments.empty() || segments.back().endMs != 0)
        return;
    segments.back().endMs = std::max(endMs, segments.back().startMs);
    segments.back().endReason = reason;
}

void JobHistory::interrupt(const Protocol::JobInterruption& interruption, qint64 lost)
{
    close(interruption.atMs, QStringLiteral("interrupted"));
    interrupts.push_back(interruption);
    lostWorkMs += lost;
}

void JobHistory::recovered(qint64 atMs)
{
    if (interrupts.empty() || interrupts.back().recoveredMs != 0)
        return;
    interrupts.back().recoveredMs = atMs;
    recoveryMs.push_back(atMs - interrupts.back().atMs);
}

void JobHistory::synthesizePrior(
    qint64 startMs, qint64 placedAtMs, qint64 restoredCheckpointMs, int count, bool training)
{
    if (count <= 0 || placedAtMs <= startMs)
        return;
    const qint64 span = placedAtMs - startMs;
    for (int i = 0; i < count; ++i) {
        const qint64 partStart = startMs + span * i / count;
        const qint64 partEnd = startMs + span * (i + 1) / count;
        const qint64 gap = std::min<qint64>(5 * 60 * 1000, (partEnd - partStart) / 4);
        const qint64 at = partEnd - gap;
        segments.push_back({ partStart, at, QStringLiteral("interrupted"),
            i == 0                 ? 0
                : segments.empty() ? 0
                                   : interrupts.back().lastCheckpointMs });
        Protocol::JobInterruption in;
        in.atMs = at;
        in.cause = QStringLiteral("fault before the simulation began");
        in.recoveredMs = partEnd;
        if (training)
            in.lastCheckpointMs
                = i + 1 == count ? std::min(restoredCheckpointMs, at) : partStart + (at - partStart) / 2;
        const qint64 lost = training ? at - std::max(partStart, in.lastCheckpointMs) : 0;
        interrupts.push_back(in);
        lostWorkMs += std::max<qint64>(0, lost);
        recoveryMs.push_back(partEnd - at);
    }
}

QList<qint64> checkpointTimes(
    const JobSpec& spec, const std::vector<Protocol::JobSegment>& segments, qint64 nowMs, int cap)
{
    QList<qint64> out;
    if (!spec.training || spec.checkpointIntervalMs <= 0)
        return out;
    // Newest first, so the cap keeps the recent ones; reversed at the end.
    for (auto s = segments.rbegin(); s != segments.rend() && out.size() < cap; ++s) {
        const qint64 end = s->endMs > 0 ? s->endMs : nowMs;
        if (end <= s->startMs)
            continue;
        for (qint64 k = (end - s->startMs) / spec.checkpointIntervalMs; k >= 1 && out.size() < cap; --k)
            out.append(s->startMs + k * spec.checkpointIntervalMs);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

QJsonObject jobTruthJson(
    const Protocol::JobRecord& record, const JobHistory& history, qint64 nowMs, const JobSpec* spec)
{
    // Independent of the core's formulas: run time is summed here, lost work
    // and recovery times are what the scheduler recorded when they happened.
    const qint64 end = record.endMs > 0 ? record.endMs : nowMs;
    qint64 run = 0, longest = 0;
    for (const Protocol::JobSegment& s : history.segments) {
        const qint64 length = std::max<qint64>(0, (s.endMs > 0 ? s.endMs : end) - s.startMs);
        run += length;
        longest = std::max(longest, length);
    }
    const qint64 wall = record.startMs > 0 ? end - record.startMs : -1;
    QJsonArray recoveries;
    for (qint64 r : history.recoveryMs)
        recoveries.append(r);
    QJsonObject o { { QStringLiteral("id"), record.jobId }, { QStringLiteral("state"), record.state },
        { QStringLiteral("segments"), int(history.segments.size()) },
        { QStringLiteral("interruptions"), record.interruptions }, { QStringLiteral("wallMs"), wall },
        { QStringLiteral("productiveMs"), run - history.lostWorkMs },
        { QStringLiteral("lostWorkMs"), history.lostWorkMs },
        { QStringLiteral("longestRunMs"), history.segments.empty() ? -1 : longest },
        { QStringLiteral("recoveriesMs"), recoveries } };
    o.insert(QStringLiteral("goodput"),
        wall > 0 && !history.segments.empty()
            ? QJsonValue(std::clamp(double(run - history.lostWorkMs) / double(wall), 0.0, 1.0))
            : QJsonValue(QJsonValue::Null));
    if (spec) {
        // Compact on purpose: a few spans and one interval per job, not every checkpoint.
        QJsonArray spans;
        for (const Protocol::JobSegment& s : history.segments)
            spans.append(QJsonObject { { QStringLiteral("start"), s.startMs }, { QStringLiteral("end"), s.endMs },
                { QStringLiteral("reason"), s.endReason } });
        o.insert(QStringLiteral("spans"), spans);
        o.insert(QStringLiteral("checkpointIntervalMs"), spec->training ? spec->checkpointIntervalMs : 0);
    }
    return o;
}

} // namespace Meridian::Sim
