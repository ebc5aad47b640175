// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Field assignment for live row updates: assign only what differs and record
// which column changed. A fleet tick touches 200,000 rows; copying even shared
// QStrings into each costs two atomic operations per string, comparing costs none.

#include <QtGlobal>

#include <cmath>

namespace Meridian::AssignChanged {

template <typename T> inline void field(T& target, const T& value, int column, quint64* mask)
{
    if (!(target == value)) {
        target = value;
        *mask |= quint64(1) << column;
    }
}

// NaN (missing) equals NaN here: "still missing" is not a change.
inline void number(double& target, double value, int column, quint64* mask)
{
    if (!(target == value || (std::isnan(target) && std::isnan(value)))) {
        target = value;
        *mask |= quint64(1) << column;
    }
}

} // namespace Meridian::AssignChanged
