// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/faultspans.h"

#include "core/cache/cachereader.h"
#include "core/reports/reportsupport.h"

#include <algorithm>

namespace Meridian::Reports {

namespace {
constexpr int EventPage = 100000; // the reader's cap per answer
} // namespace

std::optional<QList<Protocol::Event>> readEvents(
    qint64 fromMs, qint64 toMs, const ReportContext& context, const std::function<void(int)>& progress)
{
    QList<Protocol::Event> all;
    // A stack of windows: a window that fills a whole page is split in two, so
    // no answer is ever cut (the reader returns the newest rows of a full page).
    QList<std::pair<qint64, qint64>> windows;
    for (qint64 t = toMs; t >= fromMs; t -= DayMs)
        windows.append({ std::max(fromMs, t - DayMs + 1), t });
    const qsizetype days = std::max<qsizetype>(1, windows.size());
    qsizetype done = 0;
    while (!windows.isEmpty()) {
        const auto [a, b] = windows.takeLast();
        EventFilter filter;
        filter.fromMs = a;
        filter.toMs = b;
        filter.limit = EventPage;
        const auto page = context.wait(context.cache()->events(filter));
        if (!page)
            return std::nullopt;
        if (page->size() >= EventPage && b > a) {
            const qint64 mid = a + (b - a) / 2;
            windows.append({ mid + 1, b });
            windows.append({ a, mid });
            continue;
        }
        all.append(*page);
        progress(int(100 * std::min(++done, days) / days));
    }
    std::sort(all.begin(), all.end(), [](const Protocol::Event& x, const Protocol::Event& y) {
        return std::tie(x.timestampMs, x.nodeId, x.id) < std::tie(y.timestampMs, y.nodeId, y.id);
    });
    return all;
}

QList<FaultSpan> pairFaultSpans(const QList<Protocol::Event>& events)
{
    QList<FaultSpan> spans;
    QHash<QString, QList<qsizetype>> open; // node|kind|accelerator → open faults, oldest first
    auto keyOf = [](const Protocol::Event& e) -> QString {
        return e.nodeId + QLatin1Char('|') + e.kind + QLatin1Char('|') + QString::number(e.accelerator);
    };
    for (const Protocol::Event& e : events) {
        if (e.cleared) {
            auto it = open.find(keyOf(e));
            if (it != open.end() && !it->isEmpty())
                spans[it->takeFirst()].clearedMs = e.timestampMs;
            continue;
        }
        if (e.severity < Protocol::Severity::Warning || e.kind.startsWith(QLatin1String("job-")))
            continue; // information, or a job's event (interrupted…): not a fault of the hardware
        open[keyOf(e)].append(spans.size());
        spans.append({ e.nodeId, e.kind, e.accelerator, e.timestampMs, 0, e.code, e.severity });
    }
    return spans;
}

CoveredMinutes::CoveredMinutes(const CapacitySeries& series, qint64 fromMs, qint64 toMs)
    : m_fromMs(fromMs)
    , m_toMs(std::max(fromMs, toMs))
    , m_base(fromMs - ((fromMs % MinuteMs) + MinuteMs) % MinuteMs)
{
    const qint64 minutes = (m_toMs - m_base + MinuteMs - 1) / MinuteMs;
    QList<char> has(minutes, 0);
    for (const CapacityPoint& p : series.points) {
        const qint64 i = (p.timestampMs - m_base) / MinuteMs;
        if (p.timestampMs >= m_base && i < minutes)
            has[i] = 1;
    }
    m_prefix.resize(minutes + 1);
    m_prefix[0] = 0;
    for (qint64 i = 0; i < minutes; ++i)
        m_prefix[i + 1] = m_prefix[i] + has[i];
}

qint64 CoveredMinutes::coveredMs(qint64 fromMs, qint64 toMs) const
{
    const qint64 a = std::max(fromMs, m_fromMs);
    const qint64 b = std::min(toMs, m_toMs);
    if (b <= a || m_prefix.size() < 2)
        return 0;
    const qint64 ia = (a - m_base) / MinuteMs;
    const qint64 ib = (b - 1 - m_base) / MinuteMs;
    if (ia == ib)
        return covered(ia) ? b - a : 0;
    qint64 ms = covered(ia) ? m_base + (ia + 1) * MinuteMs - a : 0;
    ms += (m_prefix[ib] - m_prefix[ia + 1]) * MinuteMs;
    ms += covered(ib) ? b - (m_base + ib * MinuteMs) : 0;
    return ms;
}

} // namespace Meridian::Reports
