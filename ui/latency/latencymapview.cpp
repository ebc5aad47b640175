// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencymapview.h"

#include "ui/common/stateicon.h"
#include "ui/latency/labelplacer.h"

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
constexpr int MaxLabelledEdges = 24; ///< more figures than this clutter the map: near and over pairs only

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

QPolygonF LatencyMapView::edgeInWidget(int edge) const
{
    QPolygonF poly = m_edgeArcs.value(edge);
    for (QPointF& pt : poly)
        pt = toWidget(pt);
    return poly;
}

namespace {

// Drawing order: the pairs that matter are drawn last, so nothing hides them.
int layer(const MapEdge& e)
{
    return e.selected ? 3 : e.violation ? 2 : e.highlight ? 1 : 0;
}

} // namespace

void LatencyMapView::paintEdges(QPainter* p)
{
    // On a crowded map, no antialiasing for the many within their target: thousands of arcs stay within
    // a frame. Violations get a light casing, so they stand out from the lines they cross.
    const bool crowded = m_edges.size() > 200;
    for (int l = 0; l <= 3; ++l) {
        p->setRenderHint(QPainter::Antialiasing, l > 0 || !crowded);
        for (int i = 0; i < m_edges.size(); ++i) {
            const MapEdge& e = m_edges[i];
            if (layer(e) != l)
                continue;
            const QPolygonF poly = edgeInWidget(i);
            const double width = e.selected ? 5.0 : e.violation ? 3.0 : crowded ? 1.0 : 1.5;
            if (e.violation || e.selected) {
                p->setPen(QPen(QColor(255, 255, 255, 230), width + 2.5, Qt::SolidLine, Qt::RoundCap));
                p->drawPolyline(poly);
            }
            QColor color = e.color;
            if (l == 0 && crowded)
                color.setAlpha(170);
            p->setPen(QPen(color, width, e.cut ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
            p->drawPolyline(poly);
        }
    }
}

void LatencyMapView::paintLabels(QPainter* p, QList<QRectF> obstacles)
{
    LabelPlacer placer(QRectF(rect()).adjusted(2, 2, -2, -2));
    for (const QRectF& o : std::as_const(obstacles))
        placer.block(o);
    m_labelBoxes.clear();
    QList<QPointF> centres;
    QList<double> radii;
    for (int i = 0; i < m_sites.size(); ++i) {
        centres.append(toWidget(m_sitePoints[i]));
        radii.append(siteRadius(m_sites[i]));
        placer.block(
            QRectF(centres[i] - QPointF(radii[i] + 2, radii[i] + 2), QSizeF(2 * radii[i] + 4, 2 * radii[i] + 4)));
    }
    // Site names first (right, left, above, below their marker), then the pairs' figures, worst first.
    const QFontMetricsF fm(font());
    if (m_sites.size() <= 40) {
        p->setPen(palette().color(QPalette::WindowText));
        for (int i = 0; i < m_sites.size(); ++i) {
            const QSizeF size(fm.horizontalAdvance(m_sites[i].label) + 2, fm.height());
            const QPointF c = centres[i];
            const double r = radii[i] + 3;
            const QList<QRectF> candidates { QRectF(QPointF(c.x() + r, c.y() - size.height() / 2), size),
                QRectF(QPointF(c.x() - r - size.width(), c.y() - size.height() / 2), size),
                QRectF(QPointF(c.x() - size.width() / 2, c.y() - r - size.height()), size),
                QRectF(QPointF(c.x() - size.width() / 2, c.y() + r), size) };
            if (const std::optional<QRectF> box = placer.place(candidates)) {
                m_labelBoxes.append(*box);
                p->fillRect(*box, QColor(255, 255, 255, 170)); // readable over the lines under it
                p->drawText(*box, Qt::AlignCenter, m_sites[i].label);
            }
        }
    }
    QList<int> order;
    const bool labelAll = m_edges.size() <= MaxLabelledEdges;
    for (int i = 0; i < m_edges.size(); ++i)
        if (!m_edges[i].label.isEmpty() && (labelAll || m_edges[i].highlight || m_edges[i].selected))
            order.append(i);
    std::stable_sort(
        order.begin(), order.end(), [this](int a, int b) { return layer(m_edges[a]) > layer(m_edges[b]); });
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    p->setFont(small);
    const QFontMetricsF sfm(small);
    for (int i : std::as_const(order)) {
        const MapEdge& e = m_edges[i];
        const QPolygonF arc = edgeInWidget(i);
        if (arc.size() < 2)
            continue;
        const QSizeF size(sfm.horizontalAdvance(e.label) + 4, sfm.height());
        QList<QRectF> candidates;
        for (double f : { 0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8 }) {
            QRectF box(QPointF(), size);
            box.moveCenter(arc[std::clamp(int(std::lround(f * (arc.size() - 1))), 0, int(arc.size()) - 1)]);
            candidates.append(box);
        }
        const std::optional<QRectF> box = placer.place(candidates);
        if (!box)
            continue; // no room: the figures stay in the tooltip
        m_labelBoxes.append(*box);
        p->fillRect(*box, QColor(255, 255, 255, 215));
        p->setPen(e.violation ? e.color.darker(115) : palette().color(QPalette::WindowText));
        if (e.violation) {
            QFont bold = small;
            bold.setBold(true);
            p->setFont(bold);
        }
        p->drawText(*box, Qt::AlignCenter, e.label);
        p->setFont(small);
    }
    p->setFont(font());
}

void LatencyMapView::renderTo(QPainter* p)
{
    if (!m_landValid || m_landCache.size() != size() * devicePixelRatioF())
        renderLand();
    p->drawPixmap(0, 0, m_landCache);
    paintEdges(p);
    p->setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < m_sites.size(); ++i) {
        const QPointF c = toWidget(m_sitePoints[i]);
        const double r = siteRadius(m_sites[i]);
        // A white halo keeps the marker apart from the lines under it.
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(255, 255, 255, 220));
        p->drawEllipse(c, r + 1.5, r + 1.5);
        Theme::paintStateMarker(*p, m_sites[i].state, QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), palette());
    }
    const QRectF legend = legendBox();
    paintLabels(p, { legend, attributionBox() });
    paintLegend(p);
}

LatencyLegend::SiteSizes LatencyMapView::siteSizes() const
{
    LatencyLegend::SiteSizes sizes;
    if (m_sites.isEmpty())
        return sizes;
    sizes.smallCapacity = m_sites.constFirst().capacity;
    sizes.largeCapacity = sizes.smallCapacity;
    for (const MapSite& s : m_sites) {
        sizes.smallCapacity = std::min(sizes.smallCapacity, s.capacity);
        sizes.largeCapacity = std::max(sizes.largeCapacity, s.capacity);
    }
    MapSite probe;
    probe.capacity = sizes.smallCapacity;
    sizes.smallRadius = siteRadius(probe);
    probe.capacity = sizes.largeCapacity;
    sizes.largeRadius = siteRadius(probe);
    return sizes;
}

QRectF LatencyMapView::legendBox() const
{
    if (m_sites.isEmpty())
        return {};
    const QSizeF size = LatencyLegend::mapSize(font(), siteSizes());
    return QRectF(QPointF(8, height() - size.height() - 8), size);
}

QRectF LatencyMapView::attributionBox() const
{
    const QFontMetricsF fm(font());
    const double w = fm.horizontalAdvance(attribution()) + 12;
    return QRectF(width() - w, height() - fm.height() - 6, w, fm.height() + 6);
}

QString LatencyMapView::attribution() const
{
    return tr("Land: Natural Earth (public domain). No borders shown.");
}

void LatencyMapView::paintLegend(QPainter* p)
{
    if (m_sites.isEmpty())
        return;
    LatencyLegend::paintMap(*p, legendBox().topLeft(), palette(), siteSizes());
}

void LatencyMapView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    renderTo(&p);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect().adjusted(6, 0, -6, -4), Qt::AlignBottom | Qt::AlignRight, attribution());
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
    return toWidget(arc[arc.size() / 2]);
}

int LatencyMapView::edgeAt(const QPointF& pos) const
{
    int best = -1;
    double bestDistance = 5.0;
    for (int i = 0; i < m_edgeArcs.size(); ++i) {
        const QPolygonF& arc = m_edgeArcs[i];
        for (int k = 0; k + 1 < arc.size(); ++k) {
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
