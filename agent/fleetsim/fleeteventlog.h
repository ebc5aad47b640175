// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fleet-wide event log: ids are consecutive and monotonic, so an id is
// also an index. One writer (the simulation), many readers (HTTP workers).

#include "core/protocol/protocoltypes.h"

#include <deque>
#include <shared_mutex>
#include <vector>

namespace Meridian::Sim {

class FleetEventLog
{
public:
    qint64 nextId() const; ///< the id the next append() will assign
    qint64 append(Protocol::Event event); ///< assigns and returns the id
    // Events with since < id ≤ upTo, at most `limit`.
    Protocol::EventsPage page(qint64 since, int limit, qint64 upTo) const;
    // The same over a subset of ids (one node's events).
    Protocol::EventsPage page(const std::vector<qint64>& ids, qint64 since, int limit, qint64 upTo) const;
    // Drops events older than `beforeMs` (and beyond `keepMax` events).
    void prune(qint64 beforeMs, qsizetype keepMax);
    qint64 firstId() const;

private:
    mutable std::shared_mutex m_mutex;
    std::deque<Protocol::Event> m_events;
    qint64 m_firstId = 1;
};

} // namespace Meridian::Sim
