// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Deterministic job lists for the jobs page's tests and benchmarks: finished
// jobs spread over the past 90 days and running ones, every few interrupted
// with a checkpoint and a recovery (some over the 10-minute target).

#include "core/protocol/protocoltypes.h"

#include <QList>

namespace Meridian::TestJobs {

inline constexpr qint64 NowMs = 1767225600000LL; // 2026-01-01
inline constexpr qint64 Minute = 60000;
inline constexpr qint64 Hour = 60 * Minute;

inline Protocol::JobRecord job(int i, bool running)
{
    static const char* const states[] = { "completed", "completed", "completed", "failed", "cancelled" };
    static const char* const tenants[] = { "acme", "zenith", "orbit", "lumen", "kite", "nova", "delta" };
    Protocol::JobRecord j;
    j.jobId = QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0'));
    j.kind = i % 4 == 3 ? QStringLiteral("inference") : QStringLiteral("training");
    j.name = (j.kind == QLatin1String("training") ? QStringLiteral("llm-pretrain-%1b") : QStringLiteral("chat-api-%1"))
                 .arg(7 + i % 60);
    j.tenant = QLatin1String(tenants[i % 7]);
    j.user = j.tenant + QStringLiteral("-u%1").arg(i % 40);
    j.region = QStringLiteral("region-%1").arg(i % 5);
    j.pool = j.region + QStringLiteral("-pool-%1").arg(i % 3);
    j.model = QStringLiteral("Ascend 910B");
    j.acceleratorsRequested = 8 << (i % 6);
    const qint64 length = (2 + (i * 7) % 90) * Hour;
    const qint64 end = running ? 0 : NowMs - qint64((i * 7919LL) % (90 * 24)) * Hour;
    j.startMs = (running ? NowMs : end) - length;
    j.submitMs = j.startMs - (i % 30) * Minute;
    j.endMs = end;
    j.state = running ? (i % 13 == 0 ? QStringLiteral("recovering") : QStringLiteral("running"))
                      : QLatin1String(states[i % 5]);
    const qint64 stop = running ? NowMs : end;
    const int interruptions = i % 3 == 0 ? 1 + i % 4 : 0;
    qint64 segStart = j.startMs;
    for (int k = 0; k < interruptions; ++k) {
        const qint64 at = j.startMs + length * (k + 1) / (interruptions + 1);
        const qint64 recovery = ((i + k) % 5 == 0 ? 25 : 4) * Minute;
        const bool last = k + 1 == interruptions;
        const bool open = running && last && j.state == QLatin1String("recovering");
        j.segments.append({ segStart, at, QStringLiteral("interrupted"), k == 0 ? 0 : segStart - 20 * Minute });
        j.interruptionLog.append({ at, QStringLiteral("chip-fault on node-%1 accelerator %2").arg(i % 500).arg(k % 8),
            1000 + i * 4 + k, QStringLiteral("node-%1").arg(i % 500), at - 15 * Minute, open ? 0 : at + recovery });
        segStart = at + recovery;
    }
    j.interruptions = interruptions;
    if (j.state != QLatin1String("recovering"))
        j.segments.append({ segStart, running ? 0 : stop, running ? QString() : j.state, 0 });
    j.lastCheckpointMs = stop - 20 * Minute;
    if (running && j.state == QLatin1String("running")) {
        j.acceleratorsAllocated = j.acceleratorsRequested;
        for (int n = 0; n < j.acceleratorsRequested / 8 && n < 64; ++n)
            j.nodes.append(QStringLiteral("node-%1").arg((i * 8 + n) % 25000));
    }
    return j;
}

// `finished` past jobs followed by `running` live ones.
inline QList<Protocol::JobRecord> jobs(int finished, int running)
{
    QList<Protocol::JobRecord> out;
    out.reserve(finished + running);
    for (int i = 0; i < finished; ++i)
        out.append(job(i, false));
    for (int i = 0; i < running; ++i)
        out.append(job(finished + i, true));
    return out;
}

} // namespace Meridian::TestJobs
