// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/nodeeventlog.h"

namespace Meridian::Agent {

NodeEventLog::NodeEventLog(qsizetype capacity)
    : m_capacity(std::max<qsizetype>(1, capacity))
{ }

qint64 NodeEventLog::append(Protocol::Event event)
{
    event.id = m_nextId++;
    const std::pair<QString, int> key { event.kind, event.accelerator };
    if (event.cleared)
        m_open.remove(key);
    else if (event.severity != Protocol::Severity::Info)
        m_open.insert(key, event);
    m_events.push_back(std::move(event));
    while (qsizetype(m_events.size()) > m_capacity)
        m_events.pop_front();
    return m_nextId - 1;
}

QList<Protocol::Event> NodeEventLog::since(qint64 since, qsizetype limit, bool* more) const
{
    QList<Protocol::Event> out;
    *more = false;
    if (m_events.empty())
        return out;
    // Ids are consecutive, so the position of `since + 1` is computed, not searched.
    const qint64 oldest = m_events.front().id;
    const qint64 first = std::max(since + 1, oldest);
    for (qint64 id = first; id <= newestId(); ++id) {
        if (out.size() >= limit) {
            *more = true;
            break;
        }
        out.append(m_events[size_t(id - oldest)]);
    }
    return out;
}

} // namespace Meridian::Agent
