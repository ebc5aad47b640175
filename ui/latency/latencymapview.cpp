// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencymapview.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace Meridian {
namespace {

constexpr int ArcSamples = 12;
constexpr int MaxLabelledEdges = 80; ///< more labels than this would be unreadable: tooltips instead

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

LatencyMapView::LatencyMapView(QWidget* parent)
    : QWidget(parent)
{
    setMinimumSize(300, 200);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void LatencyMapView::setLand(LandMap land)
{
    m_landPath = QPainterPath();
    m_landPath.setFillRule(Qt::OddEvenFill); // lakes are holes
    for (const QList<QPointF>& ring : std::as_const(land.rings)) {
        QPolygonF projected;
        projected.reserve(ring.size() + 1);
        for (const QPointF& p : ring)
            projected.append(m_projection.project(p.x(), p.y()));
        projected.append(projected.constFirst());
        m_landPath.addPolygon(projected);
    }
    viewChanged();
}

void LatencyMapView::setSites(const QList<MapSite>& sites)
{
    bool sameSites = sites.size() == m_sites.size();
    for (int i = 0; sameSites && i < sites.size(); ++i)
        sameSites = sites[i].id == m_sites[i].id;
    m_sites = sites;
    m_sitePoints.clear();
    for (const MapSite& s : sites)
        m_sitePoints.append(m_projection.project(s.longitude, s.latitude));
    // Sites arrive as their agents answer: keep fitting them until the user moves the view.
    if (!sameSites && !m_userMoved)
        fitSites();
    update();
}

void LatencyMapView::setEdges(const QList<MapEdge>& edges)
{
    // Arcs depend on the endpoints only: keep them when the pairs are the same.
    bool same = edges.size() == m_edges.size();
    for (int i = 0; same && i < edges.size(); ++i)
        same = edges[i].from == m_edges[i].from && edges[i].to == m_edges[i].to;
    m_edges = edges;
    if (!same) {
        m_edgeArcs.clear();
        for (const MapEdge& e : edges) {
            const MapSite& a = m_sites.value(e.from);
            const MapSite& b = m_sites.value(e.to);
            m_edgeArcs.append(
                QPolygonF(m_projection.greatCircle(a.longitude, a.latitude, b.longitude, b.latitude, ArcSamples)));
        }
    }
    update();
}

void LatencyMapView::fitSites()
{
    if (m_sitePoints.isEmpty() || width() <= 0)
        return;
    // By hand: QRectF::united() ignores empty rectangles, and a point is one.
    double x0 = m_sitePoints.constFirst().x(), x1 = x0, y0 = m_sitePoints.constFirst().y(), y1 = y0;
    for (const QPointF& p : std::as_const(m_sitePoints)) {
        x0 = std::min(x0, p.x());
        x1 = std::max(x1, p.x());
        y0 = std::min(y0, p.y());
        y1 = std::max(y1, p.y());
    }
    QRectF box(QPointF(x0, y0), QPointF(x1, y1));
    box.adjust(-4, -3, 4, 3); // degrees of room around the outermost sites
    box = box.united(QRectF(box.center() - QPointF(10, 7), QSizeF(20, 14))); // one site alone: a region's worth
    m_center = box.center();
    m_scale = std::min(width() / box.width(), height() / box.height());
    viewChanged();
}

QPointF LatencyMapView::toWidget(const QPointF& projected) const
{
    return (projected - m_center) * m_scale + QPointF(width() / 2.0, height() / 2.0);
}

void LatencyMapView::viewChanged()
{
    m_landValid = false;
    update();
}

void LatencyMapView::renderLand()
{
    const qreal dpr = devicePixelRatioF();
    m_landCache = QPixmap(size() * dpr);
    m_landCache.setDevicePixelRatio(dpr);
    m_landCache.fill(QColor(0xdc, 0xe9, 0xf2)); // sea
    QPainter p(&m_landCache);
    p.setRenderHint(QPainter::Antialiasing);
    QTransform t;
    t.translate(width() / 2.0, height() / 2.0);
    t.scale(m_scale, m_scale);
    t.translate(-m_center.x(), -m_center.y());
    p.setTransform(t);
    p.setPen(QPen(QColor(0x8a, 0x9a, 0x8a), 0)); // coastline, cosmetic 1 px
    p.setBrush(QColor(0xf4, 0xf1, 0xe8));
    p.drawPath(m_landPath);
    m_landValid = true;
}

double LatencyMapView::siteRadius(const MapSite& s) const
{
    return 4.0 + 1.2 * std::sqrt(std::max(0, s.capacity) / 8.0);
}

void LatencyMapView::renderTo(QPainter* p)
{
    if (!m_landValid || m_landCache.size() != size() * devicePixelRatioF())
        renderLand();
    p->drawPixmap(0, 0, m_landCache);

    // Edges: a cosmetic pen, no antialiasing — thousands of arcs stay within a frame.
    const bool labels = m_edges.size() <= MaxLabelledEdges;
    QPen pen;
    pen.setWidthF(m_edges.size() > 200 ? 1.0 : 2.0);
    for (int i = 0; i < m_edges.size(); ++i) {
        QPolygonF poly = m_edgeArcs.value(i);
        for (QPointF& pt : poly)
            pt = toWidget(pt);
        pen.setColor(m_edges[i].color);
        pen.setStyle(m_edges[i].cut ? Qt::DashLine : Qt::SolidLine);
        if (m_edges[i].selected) {
            QPen wide = pen;
            wide.setWidthF(5.0);
            p->setPen(wide);
        } else {
            p->setPen(pen);
        }
        p->drawPolyline(poly);
    }
    p->setRenderHint(QPainter::Antialiasing);
    {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        p->setFont(small);
        const QFontMetrics fm(small);
        for (int i = 0; i < m_edges.size(); ++i) {
            if (m_edges[i].label.isEmpty() || !(labels || m_edges[i].highlight || m_edges[i].selected))
                continue;
            const QPointF mid = edgePoint(i);
            QRectF box = fm.boundingRect(m_edges[i].label);
            box.moveCenter(mid);
            box.adjust(-2, 0, 2, 0);
            p->fillRect(box, QColor(255, 255, 255, 200));
            p->setPen(m_edges[i].color.darker(130));
            p->drawText(box, Qt::AlignCenter, m_edges[i].label);
        }
        p->setFont(font());
    }
    for (int i = 0; i < m_sites.size(); ++i) {
        const QPointF c = toWidget(m_sitePoints[i]);
        const double r = siteRadius(m_sites[i]);
        p->setPen(QPen(Qt::white, 1.5));
        p->setBrush(m_sites[i].color);
        p->drawEllipse(c, r, r);
        if (m_sites.size() <= 40) {
            p->setPen(palette().color(QPalette::WindowText));
            p->drawText(c + QPointF(r + 3, 4), m_sites[i].label);
        }
    }
}

void LatencyMapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    renderTo(&p);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(6, 0, -6, -4), Qt::AlignBottom | Qt::AlignRight,
        tr("Land: Natural Earth (public domain). No borders shown."));
}

void LatencyMapView::resizeEvent(QResizeEvent*)
{
    if (!m_userMoved)
        fitSites();
    viewChanged();
}

QPointF LatencyMapView::edgePoint(int edge) const
{
    const QPolygonF arc = m_edgeArcs.value(edge);
    if (arc.isEmpty())
        return {};
    // Off the middle towards the source, so the two directions of a pair differ.
    return toWidget(arc[arc.size() / 3]);
}

int LatencyMapView::edgeAt(const QPointF& pos) const
{
    int best = -1;
    double bestDistance = 5.0;
    for (int i = 0; i < m_edgeArcs.size(); ++i) {
        const QPolygonF& arc = m_edgeArcs[i];
        // The first third belongs to this direction (see edgePoint).
        for (int k = 0; k + 1 < arc.size() && k <= arc.size() / 2; ++k) {
            const double d = distanceToSegment(pos, toWidget(arc[k]), toWidget(arc[k + 1]));
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
    }
    return best;
}

int LatencyMapView::siteAt(const QPointF& pos) const
{
    for (int i = 0; i < m_sites.size(); ++i) {
        const QPointF d = toWidget(m_sitePoints[i]) - pos;
        if (std::hypot(d.x(), d.y()) <= siteRadius(m_sites[i]) + 2)
            return i;
    }
    return -1;
}

void LatencyMapView::wheelEvent(QWheelEvent* event)
{
    const QPointF pos = event->position();
    const QPointF before = (pos - QPointF(width() / 2.0, height() / 2.0)) / m_scale + m_center;
    m_scale = std::clamp(m_scale * std::pow(1.25, event->angleDelta().y() / 120.0), 1.0, 2000.0);
    m_center = before - (pos - QPointF(width() / 2.0, height() / 2.0)) / m_scale;
    m_userMoved = true;
    viewChanged();
    event->accept();
}

void LatencyMapView::mousePressEvent(QMouseEvent* event)
{
    m_pan.press(event->position().toPoint(), m_center);
}

void LatencyMapView::mouseMoveEvent(QMouseEvent* event)
{
    const std::optional<QPointF> center = m_pan.move(event->position().toPoint(), event->buttons(), m_scale);
    if (!center)
        return;
    m_userMoved = true;
    m_center = *center;
    viewChanged();
}

void LatencyMapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_pan.isClick(event->button()))
        return;
    const int edge = edgeAt(event->position());
    if (edge >= 0)
        Q_EMIT edgeClicked(edge);
}

bool LatencyMapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int site = siteAt(help->pos());
        const int edge = site < 0 ? edgeAt(help->pos()) : -1;
        const QString text = site >= 0 ? m_sites[site].toolTip : edge >= 0 ? m_edges[edge].toolTip : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace Meridian
