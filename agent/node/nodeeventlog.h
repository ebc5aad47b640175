// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Bounded log of the node's events with monotonic ids (starting at 1), plus
// the set of faults open right now: an event opens a fault of (kind,
// accelerator) unless it is informational; a `cleared` event closes it.

#include "core/protocol/protocoltypes.h"

#include <QMap>

#include <deque>

namespace Meridian::Agent {

class NodeEventLog
{
public:
    explicit NodeEventLog(qsizetype capacity = 10000);

    // Assigns the id; returns it.
    qint64 append(Protocol::Event event);

    qint64 newestId() const { return m_nextId - 1; }
    qsizetype size() const { return qsizetype(m_events.size()); }
    QList<Protocol::Event> since(qint64 since, qsizetype limit, bool* more) const;
    QList<Protocol::Event> openFaults() const { return m_open.values(); }
    bool isOpen(const QString& kind, int accelerator) const { return m_open.contains({ kind, accelerator }); }

private:
    std::deque<Protocol::Event> m_events;
    qsizetype m_capacity;
    qint64 m_nextId = 1;
    QMap<std::pair<QString, int>, Protocol::Event> m_open;
};

} // namespace Meridian::Agent
