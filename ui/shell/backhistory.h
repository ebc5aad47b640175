// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace Meridian {

// Where the user was before each move — a page and, for pages that have one, its place (PagePlace) —
// newest last. Esc takes the newest back.
class BackHistory
{
public:
    struct Place
    {
        QString page;
        QVariant state;
        friend bool operator==(const Place& a, const Place& b) = default;
    };
    static constexpr int Capacity = 50; ///< older places are forgotten

    void record(const Place& place)
    {
        // Two requests for one move (a page switch and the page's own move) leave one step.
        if (!m_places.isEmpty() && m_places.constLast() == place)
            return;
        m_places.append(place);
        if (m_places.size() > Capacity)
            m_places.removeFirst();
    }
    bool isEmpty() const { return m_places.isEmpty(); }
    int size() const { return int(m_places.size()); }
    Place takeLast() { return m_places.takeLast(); }

private:
    QList<Place> m_places;
};

} // namespace Meridian
