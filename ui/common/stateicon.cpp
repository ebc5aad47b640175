// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/stateicon.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

#include <cmath>

namespace Meridian::Theme {

namespace {

// The mark inside a filled shape, in the base colour so it reads on any state colour.
void paintTick(QPainter& p, const QRectF& b, const QColor& c, qreal width)
{
    QPainterPath tick;
    tick.moveTo(b.left() + b.width() * 0.27, b.top() + b.height() * 0.52);
    tick.lineTo(b.left() + b.width() * 0.44, b.top() + b.height() * 0.69);
    tick.lineTo(b.left() + b.width() * 0.74, b.top() + b.height() * 0.33);
    p.setPen(QPen(c, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(tick);
}

void paintText(QPainter& p, const QRectF& b, const QColor& c, const QString& text)
{
    QFont font = p.font();
    font.setBold(true);
    font.setPixelSize(std::max(6, int(b.height() * 0.7)));
    p.setFont(font);
    p.setPen(c);
    p.drawText(b, Qt::AlignCenter, text);
}

QPolygonF regular(const QRectF& b, int corners, qreal rotationDeg)
{
    QPolygonF poly;
    const QPointF c = b.center();
    const qreal r = std::min(b.width(), b.height()) / 2;
    for (int i = 0; i < corners; ++i) {
        const qreal a = (rotationDeg + 360.0 * i / corners) * M_PI / 180.0;
        poly << QPointF(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
    }
    return poly;
}

} // namespace

void paintStateMarker(QPainter& p, State state, const QRectF& box, const QPalette& palette)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const QColor fill = color(state, palette);
    const QColor inner = palette.color(QPalette::Base);
    const qreal line = std::max<qreal>(1.0, box.height() / 8);
    const QRectF b = box.adjusted(line / 2, line / 2, -line / 2, -line / 2);
    p.setPen(QPen(fill, line));
    p.setBrush(fill);
    switch (state) {
    case State::Ok:
        p.drawEllipse(b);
        paintTick(p, b, inner, line * 1.3);
        break;
    case State::Degraded: {
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(b);
        QPainterPath half;
        half.moveTo(b.center());
        half.arcTo(b, 90, 180);
        half.closeSubpath();
        p.fillPath(half, fill);
        break;
    }
    case State::Down:
        p.drawRect(b.adjusted(line / 2, line / 2, -line / 2, -line / 2));
        p.setPen(QPen(inner, line * 1.3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(b.left() + b.width() * 0.3, b.top() + b.height() * 0.3),
            QPointF(b.right() - b.width() * 0.3, b.bottom() - b.height() * 0.3));
        p.drawLine(QPointF(b.right() - b.width() * 0.3, b.top() + b.height() * 0.3),
            QPointF(b.left() + b.width() * 0.3, b.bottom() - b.height() * 0.3));
        break;
    case State::Unknown:
        p.setPen(QPen(fill, line, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(b);
        paintText(p, b, fill, QStringLiteral("?"));
        break;
    case State::Info:
        p.drawEllipse(b);
        paintText(p, b, inner, QStringLiteral("i"));
        break;
    case State::Warning: {
        const QRectF t = b.adjusted(-line / 2, -line, line / 2, line / 2);
        p.setPen(QPen(fill, line, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolygon(QPolygonF({ QPointF(t.center().x(), t.top()), t.bottomRight(), t.bottomLeft() }));
        paintText(p, b.adjusted(0, b.height() * 0.2, 0, 0), inner, QStringLiteral("!"));
        break;
    }
    case State::Critical:
        p.drawPolygon(regular(box, 4, 0));
        paintText(p, b, inner, QStringLiteral("!"));
        break;
    case State::Resolved:
        paintTick(p, box.adjusted(-line, -line, line, line), fill, line * 2);
        break;
    }
    p.restore();
}

QIcon stateIcon(State state, const QPalette& palette)
{
    // Cached: table views ask for the decoration of every visible cell on every repaint.
    static QHash<int, QIcon> cache;
    const int key = int(state) * 2 + (isDark(palette) ? 1 : 0);
    auto it = cache.constFind(key);
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : { 16, 32 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        paintStateMarker(p, state, QRectF(1, 1, size - 2, size - 2), palette);
        p.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

QString stateGlyph(State state)
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("\u25cf"); // ●
    case State::Degraded:
        return QStringLiteral("\u25d0"); // ◐
    case State::Down:
        return QStringLiteral("\u25a0"); // ■
    case State::Unknown:
        return QStringLiteral("\u25cb"); // ○
    case State::Info:
        return QStringLiteral("\u24d8"); // ⓘ
    case State::Warning:
        return QStringLiteral("\u25b2"); // ▲
    case State::Critical:
        return QStringLiteral("\u25c6"); // ◆
    case State::Resolved:
        return QStringLiteral("\u2713"); // ✓
    }
    return {};
}

QString stateHtml(State state, const QString& text, const QPalette& palette)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
        .arg(color(state, palette).name(), stateGlyph(state), text.toHtmlEscaped());
}

} // namespace Meridian::Theme
