// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariant>

namespace Meridian {

// A page that can say where it is — what it shows, what is selected — and go back there: the window's
// back history (Esc) records places of pages that have one, and the page alone of those that do not.
class PagePlace
{
public:
    virtual ~PagePlace() = default;
    virtual QVariant place() const = 0; ///< a value the page understands, comparable with ==
    virtual void restorePlace(const QVariant& place) = 0;
};

} // namespace Meridian
