// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Draws a HeatmapGrid of any size (10,000² and more) without a per-cell object:
// each pixel of the view looks up one byte in the pyramid level that has about
// one cell per pixel and one colour in a 256-entry table. The rendered view is
// kept; a changed row re-renders only the pixel rows it covers. Not a stock
// QCPColorMap: that recolours the whole grid on any change (docs/performance.md).

#include "core/latency/heatmapgrid.h"
#include "ui/latency/dragpan.h"

#include <QImage>
#include <QWidget>

#include <functional>
#include <memory>

namespace Meridian {

class LatencyMatrixView : public QWidget
{
    Q_OBJECT
public:
    explicit LatencyMatrixView(QWidget* parent = nullptr);

    void setGrid(std::shared_ptr<const HeatmapGrid> grid); ///< keeps the view when the size is unchanged
    const HeatmapGrid* grid() const { return m_grid.get(); }
    void setColorTable(const QList<QRgb>& table);
    void setBlockStarts(const QList<int>& starts); ///< topology blocks (pools, sites): lines between them
    void setToolTipProvider(std::function<QString(int row, int col)> provider) { m_toolTip = std::move(provider); }
    // The text of a cell (its value), drawn once cells are large enough to hold it.
    void setCellTextProvider(std::function<QString(int row, int col)> provider) { m_cellText = std::move(provider); }
    // Names of rows (= columns); drawn beside and above the cells once they are large enough to read.
    void setAxisLabels(const QStringList& labels);
    void setEmptyText(const QString& text); ///< drawn in place of the cells while there are none
    QString emptyText() const { return m_emptyText; }

    void rowChanged(int row); ///< the grid's row changed: re-render its strip only
    void fitAll();
    void zoomToCells(int firstRow, int rowCount, int firstCol, int colCount);

    // Widget coordinates ↔ cells; (-1, -1) outside.
    QPoint cellAt(const QPoint& pos) const;
    QPoint cellCenter(int row, int col) const;
    double pixelsPerCell() const { return m_scale; }
    void renderNow(); ///< benchmarks: render the view into the cache synchronously

Q_SIGNALS:
    void cellClicked(int row, int col);
    void cellDoubleClicked(int row, int col);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRect heatArea() const;
    int labelMargin() const; ///< room for the axis labels, 0 without them
    int legendWidth() const;
    void paintCellTexts(QPainter& p, const QRect& area);
    int level() const;
    void renderRows(int y0, int y1);
    void invalidate();

    std::shared_ptr<const HeatmapGrid> m_grid;
    QList<QRgb> m_table;
    QList<int> m_blockStarts;
    std::function<QString(int, int)> m_toolTip;
    std::function<QString(int, int)> m_cellText;
    QString m_emptyText;
    QStringList m_labels;
    bool m_userMoved = false; ///< zoomed or panned: keep the view on resize
    double m_scale = 1; ///< pixels per cell
    QPointF m_origin; ///< cell coordinates (col, row) at the heat area's top-left
    QImage m_cache; ///< the heat area as rendered
    bool m_cacheValid = false;
    DragPan m_pan;
};

} // namespace Meridian
