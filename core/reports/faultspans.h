// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fault spans from the cached event log (one fault each, opened → cleared; the
// Faults page's incidents group several faults), and which minutes of a range
// have data: what availability, MTBF and MTTR are computed from.

#include "core/reports/report.h"

#include <QList>
#include <QString>

namespace Meridian::Reports {

// One fault: its opening event and, when seen, the event that cleared it.
struct FaultSpan
{
    QString nodeId;
    QString kind;
    int accelerator = -1;
    qint64 openedMs = 0;
    qint64 clearedMs = 0; ///< 0: still open at the end of the events read
    QString code; ///< the opening event's vendor code (fault classification)
    Protocol::Severity severity = Protocol::Severity::Warning; ///< the opening event's
    bool isClosed() const { return clearedMs > 0; }
};

// Every event in [fromMs, toMs] (inclusive), ascending by time then id, read in
// windows so that no single answer reaches the reader's row cap. nullopt: cancelled.
std::optional<QList<Protocol::Event>> readEvents(
    qint64 fromMs, qint64 toMs, const ReportContext& context, const std::function<void(int)>& progress);

// Pairs openings (not cleared, warning or worse, not a "job-…" event) with the next clearing event of
// the same node, kind and accelerator. A clearing without an opening is ignored
// (it closed a fault older than the events read).
QList<FaultSpan> pairFaultSpans(const QList<Protocol::Event>& events);

// Minutes of a range that have data (a rollup point), with prefix sums so
// that the covered part of any interval costs O(1).
class CoveredMinutes
{
public:
    CoveredMinutes(const CapacitySeries& series, qint64 fromMs, qint64 toMs);
    qint64 coveredMs(qint64 fromMs, qint64 toMs) const; ///< the part of [from, to) inside minutes with data
    qint64 totalMs() const { return coveredMs(m_fromMs, m_toMs); }

private:
    qint64 m_fromMs;
    qint64 m_toMs;
    qint64 m_base; ///< first minute boundary at or before fromMs
    QList<qint64> m_prefix; ///< m_prefix[i] = covered minutes before minute i
    bool covered(qint64 minute) const { return m_prefix[minute + 1] > m_prefix[minute]; }
};

} // namespace Meridian::Reports
