// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/labelplacer.h"

namespace Meridian {

bool LabelPlacer::isFree(const QRectF& box) const
{
    if (!m_bounds.contains(box))
        return false;
    for (const QRectF& t : m_taken)
        if (t.intersects(box))
            return false;
    return true;
}

std::optional<QRectF> LabelPlacer::place(const QList<QRectF>& candidates)
{
    for (const QRectF& box : candidates) {
        if (isFree(box)) {
            m_taken.append(box);
            return box;
        }
    }
    return std::nullopt;
}

} // namespace Meridian
