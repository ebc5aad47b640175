// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/sourceupdate.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QString>

#include <utility>

namespace Meridian {

// Where a source resumes history: node id → (agent instance, last persisted seq).
using SampleCursors = QHash<QString, std::pair<QString, qint64>>;

// Something that reports nodes: one or more agents, a fleet front, later
// Prometheus or Slurm. A source lives on its own worker thread (it is moved
// there before start()), owns its network objects, and delivers everything it
// learns as SourceUpdate values through updateReady — never shared state.
class Source : public QObject
{
    Q_OBJECT
public:
    explicit Source(QObject* parent = nullptr)
        : QObject(parent)
    { }

    // Where to resume history; call before start(). Cursors of another agent instance are ignored.
    virtual void setCursors(const SampleCursors& cursors) { m_cursors = cursors; }
    // Per source, the span of history the cache already holds (sources that backfill from their engine resume
    // after it); call before start().
    virtual void setHistorySpans(const HistorySpans& spans) { m_historySpans = spans; }

public Q_SLOTS:
    virtual void start() = 0; ///< on the worker thread
    virtual void stop() = 0; ///< stops polling; pending answers are dropped

Q_SIGNALS:
    void updateReady(const Meridian::SourceUpdate& update);

protected:
    SampleCursors m_cursors;
    HistorySpans m_historySpans;
};

// Per-target retry delay after failures: exponential from the poll interval,
// full jitter in the upper half, capped at 60 s, never sooner than Retry-After.
class Backoff
{
public:
    static constexpr qint64 CapMs = 60000;

    void succeeded()
    {
        m_failures = 0;
        m_notBeforeMs = 0;
    }
    void failed(qint64 nowMs, qint64 baseMs, qint64 retryAfterMs = -1)
    {
        m_failures = std::min(m_failures + 1, 30);
        const qint64 delay = std::min<qint64>(CapMs, std::max<qint64>(1, baseMs) << std::min(m_failures - 1, 16));
        qint64 wait = delay / 2 + qint64(QRandomGenerator::global()->bounded(double(delay / 2 + 1)));
        if (retryAfterMs >= 0)
            wait = std::max(wait, retryAfterMs);
        m_notBeforeMs = nowMs + wait;
    }
    bool ready(qint64 nowMs) const { return nowMs >= m_notBeforeMs; }
    int failures() const { return m_failures; }

private:
    int m_failures = 0;
    qint64 m_notBeforeMs = 0;
};

} // namespace Meridian
