// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Press, drag, release on a view that pans (the latency map, the heatmap):
// a drag starts only past a few pixels, so that a click stays a click.

#include <QPoint>
#include <QPointF>

#include <optional>

namespace Meridian {

class DragPan
{
public:
    // `anchor`: the view's origin or centre, in view units, when the button went down.
    void press(QPoint pos, QPointF anchor)
    {
        m_pressPos = pos;
        m_pressAnchor = anchor;
        m_dragging = false;
    }

    // The anchor after the pointer moved to `pos` with the left button held; nothing while it is still a click.
    std::optional<QPointF> move(QPoint pos, Qt::MouseButtons buttons, double scale)
    {
        if (!(buttons & Qt::LeftButton))
            return {};
        const QPoint delta = pos - m_pressPos;
        if (!m_dragging && delta.manhattanLength() < ClickSlopPixels)
            return {};
        m_dragging = true;
        return m_pressAnchor - QPointF(delta) / scale;
    }

    // True when this release ends a left click, not a drag.
    bool isClick(Qt::MouseButton button) const { return !m_dragging && button == Qt::LeftButton; }

private:
    static constexpr int ClickSlopPixels = 4;
    QPoint m_pressPos;
    QPointF m_pressAnchor;
    bool m_dragging = false;
};

} // namespace Meridian
