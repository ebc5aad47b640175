// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The latency map: Natural Earth land and coastline (no borders), sites at
// their coordinates sized by capacity, coloured and shaped by health, one
// great-circle arc per site pair coloured by the worse direction against its
// target, violations drawn last, wider and labelled first; labels never cover
// each other, a site or its name (LabelPlacer); a legend says what colour, shape
// and size mean. Land is rendered once per view into a pixmap; a repaint draws
// that pixmap, the edges, the sites and the legend.

#include "core/latency/geoprojection.h"
#include "core/latency/landmap.h"
#include "ui/common/theme.h"
#include "ui/latency/dragpan.h"
#include "ui/latency/latencylegend.h"

#include <QColor>
#include <QPainterPath>
#include <QPixmap>
#include <QWidget>

namespace Meridian {

struct MapSite
{
    QString id;
    QString label; ///< translated display name
    double longitude = 0;
    double latitude = 0;
    int capacity = 0; ///< accelerators
    Theme::State state = Theme::State::Unknown; ///< health: the marker's colour and shape
    QString toolTip;
};

struct MapEdge
{
    int from = 0; ///< site indexes; the pair's worse direction
    int to = 0;
    QColor color;
    QString label; ///< "12.3 / 15.1 ms"
    QString toolTip;
    bool cut = false; ///< drawn dashed
    bool highlight = false; ///< near or over its target: labelled even on a crowded map
    bool selected = false; ///< singled out (the planner's path to an anchor): drawn wide, always labelled
    bool violation = false; ///< over its target or lost: drawn on top of the others, wider
};

class LatencyMapView : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyMapView(QWidget* parent = nullptr);

    void setLand(LandMap land);
    void setSites(const QList<MapSite>& sites);
    void setEdges(const QList<MapEdge>& edges);
    const QList<MapSite>& sites() const { return m_sites; }
    const QList<MapEdge>& edges() const { return m_edges; }
    void fitSites();

    QPointF toWidget(const QPointF& projected) const;
    QPointF edgePoint(int edge) const; ///< widget point on the edge's arc (its middle), for tests
    // Where the last repaint put the labels (widget coordinates), for tests: none overlaps another.
    const QList<QRectF>& labelBoxes() const { return m_labelBoxes; }
    QRectF legendBox() const;
    int edgeAt(const QPointF& pos) const; ///< -1: none within a few pixels
    int siteAt(const QPointF& pos) const;
    void renderTo(QPainter* painter); ///< benchmarks: one full repaint
    void invalidateLand() { viewChanged(); } ///< benchmarks: the naive baseline redraws land every frame

Q_SIGNALS:
    void edgeClicked(int edge);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    void viewChanged();
    void renderLand();
    double siteRadius(const MapSite& s) const;
    void paintEdges(QPainter* p);
    void paintLabels(QPainter* p, QList<QRectF> obstacles);
    void paintLegend(QPainter* p);
    QPolygonF edgeInWidget(int edge) const;
    LatencyLegend::SiteSizes siteSizes() const;
    QRectF attributionBox() const;
    QString attribution() const;

    GeoProjection m_projection;
    QPainterPath m_landPath; ///< projected
    QList<MapSite> m_sites;
    QList<QPointF> m_sitePoints; ///< projected
    QList<MapEdge> m_edges;
    QList<QPolygonF> m_edgeArcs; ///< projected great-circle samples
    double m_scale = 10; ///< pixels per projected unit
    QPointF m_center { 0, -35 }; ///< projected point at the widget centre
    QPixmap m_landCache;
    bool m_landValid = false;
    DragPan m_pan;
    bool m_userMoved = false; ///< zoomed or panned: stop fitting to the sites
    QList<QRectF> m_labelBoxes;
};

} // namespace Meridian
