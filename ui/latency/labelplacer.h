// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Places labels on the map without overlaps: each label offers candidate boxes in order of
// preference and takes the first that lies inside the bounds and touches nothing taken before
// (site markers, site names, other labels). A label with no free candidate is left out: its text
// stays one hover away in the tooltip. Greedy, so callers place the most important labels first.

#include <QList>
#include <QRectF>

#include <optional>

namespace Meridian {

class LabelPlacer
{
public:
    explicit LabelPlacer(const QRectF& bounds)
        : m_bounds(bounds)
    { }

    void block(const QRectF& box) { m_taken.append(box); } ///< an obstacle no label may cover
    std::optional<QRectF> place(const QList<QRectF>& candidates); ///< the box taken, if any
    bool isFree(const QRectF& box) const;

private:
    QRectF m_bounds;
    QList<QRectF> m_taken;
};

} // namespace Meridian
