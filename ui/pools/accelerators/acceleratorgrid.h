// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/pools/accelerators/gridlayout.h"

#include <QImage>
#include <QSet>
#include <QTimer>
#include <QWidget>

class QPainter;

namespace Meridian {

class FleetStore;
struct FleetChangeSet;

enum class GridMetric { Utilization, Memory, Temperature, Health };

// One cell per accelerator of the selected scope, grouped by node (nodes in
// rack order), coloured by one metric. When there are more accelerators than
// the widget has room for, cells aggregate a node, then a rack (worst value
// drives the colour; the tooltip has mean and worst) and the legend says so.
// The cells are rendered into an image when data, scope, metric, size or
// palette change; paintEvent only blits it.
class AcceleratorGrid : public QWidget
{
    Q_OBJECT
public:
    explicit AcceleratorGrid(QWidget* parent = nullptr);
    ~AcceleratorGrid() override;

    void setStore(const FleetStore* store); // reads nodes on changed()
    void setScope(const QString& region, const QString& pool, const QString& rack); // empty = any
    void setMetric(GridMetric metric);
    GridMetric metric() const { return m_metric; }

    // Tests and benchmarks.
    const GridLayoutResult& cellLayout() const { return m_layout; }
    const GridModel& gridModel() const { return m_model; }
    int cellAt(const QPoint& pos) const; ///< index into cellLayout().cells, -1: none
    QColor cellColor(int cell) const;
    QString legendText() const;
    void rebuildNow(); ///< applies pending data changes immediately (benchmarks)

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void nodeActivated(const QString& nodeId);
    void acceleratorActivated(const QString& nodeId, int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool event(QEvent* event) override;

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void scheduleRebuild();
    void relayout();
    void render();
    void paintCell(QPainter& painter, int cell);
    void paintLegend(QPainter& painter);
    void recolourNodes(const QList<int>& nodes);
    int maxPerRack() const;
    QRect gridArea() const;
    QRect legendArea() const;
    void activateCell(int cell, bool node);
    void setCurrent(int cell);
    QString tooltipFor(int cell) const;

    const FleetStore* m_store = nullptr;
    QString m_region;
    QString m_pool;
    QString m_rack;
    GridMetric m_metric = GridMetric::Utilization;
    GridModel m_model;
    GridLayoutResult m_layout;
    QList<int> m_cellsOfNode; ///< first cell of each model node (not at rack level)
    QSet<QString> m_dirtyNodes;
    bool m_fullRebuild = true;
    bool m_rebuildWhenShown = false; ///< the store changed while the grid was hidden
    QImage m_image;
    QTimer m_rebuildTimer;
    int m_current = -1;
    int m_hover = -1;
};

} // namespace Meridian
