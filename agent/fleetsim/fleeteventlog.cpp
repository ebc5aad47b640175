// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/fleeteventlog.h"

#include <algorithm>
#include <mutex>

namespace Meridian::Sim {

qint64 FleetEventLog::nextId() const
{
    std::shared_lock lock(m_mutex);
    return m_firstId + qint64(m_events.size());
}

qint64 FleetEventLog::firstId() const
{
    std::shared_lock lock(m_mutex);
    return m_firstId;
}

qint64 FleetEventLog::append(Protocol::Event event)
{
    std::unique_lock lock(m_mutex);
    event.id = m_firstId + qint64(m_events.size());
    m_events.push_back(std::move(event));
    return m_events.back().id;
}

Protocol::EventsPage FleetEventLog::page(qint64 since, int limit, qint64 upTo) const
{
    std::shared_lock lock(m_mutex);
    Protocol::EventsPage page;
    const qint64 last = std::min(upTo, m_firstId + qint64(m_events.size()) - 1);
    page.newestId = std::max<qint64>(0, last);
    for (qint64 id = std::max(since + 1, m_firstId); id <= last; ++id) {
        if (page.events.size() >= limit) {
            page.more = true;
            break;
        }
        page.events.append(m_events[size_t(id - m_firstId)]);
    }
    return page;
}

Protocol::EventsPage FleetEventLog::page(const std::vector<qint64>& ids, qint64 since, int limit, qint64 upTo) const
{
    std::shared_lock lock(m_mutex);
    Protocol::EventsPage page;
    const qint64 last = std::min(upTo, m_firstId + qint64(m_events.size()) - 1);
    for (auto it = std::upper_bound(ids.begin(), ids.end(), since); it != ids.end() && *it <= last; ++it) {
        page.newestId = *it;
        if (*it < m_firstId)
            continue;
        if (page.events.size() >= limit) {
            page.more = true;
            break;
        }
        page.events.append(m_events[size_t(*it - m_firstId)]);
    }
    // The newest id of this node's events, whether or not the page reached it.
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
        if (*it <= last) {
            page.newestId = *it;
            break;
        }
    }
    return page;
}

void FleetEventLog::prune(qint64 beforeMs, qsizetype keepMax)
{
    std::unique_lock lock(m_mutex);
    while (!m_events.empty() && (m_events.front().timestampMs < beforeMs || qsizetype(m_events.size()) > keepMax)) {
        m_events.pop_front();
        ++m_firstId;
    }
}

} // namespace Meridian::Sim
