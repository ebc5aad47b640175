// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QLabel;
class QStackedLayout;

namespace Meridian {

// Capacity over time as stacked bands: faulty at the bottom, allocated on top
// of it, free on top of that (the upper edge is the total). Each band is a
// QCPGraph filled to the graph below it (channel fill), opaque, 1 px pens.
// Owns its plot; a missing minute breaks the bands instead of dropping to zero.
class StackedCapacityChart : public QWidget
{
    Q_OBJECT
public:
    explicit StackedCapacityChart(QWidget* parent = nullptr);
    ~StackedCapacityChart() override;

    void setSeries(const CapacitySeries& series);
    void clear();
    bool isEmpty() const { return m_empty; }

    QCustomPlot* plot() const { return m_plot; } ///< tests and grabbing only
    // Tests: upper edges of the bands (faulty, faulty+allocated, total) at their points.
    QCPGraph* faultyGraph() const { return m_faulty; }
    QCPGraph* allocatedGraph() const { return m_allocated; }
    QCPGraph* freeGraph() const { return m_free; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateColors();
    void updateTexts();
    void showEmpty(bool empty);

    QCustomPlot* m_plot;
    QLabel* m_emptyLabel;
    QStackedLayout* m_stack;
    QCPGraph* m_faulty = nullptr;
    QCPGraph* m_allocated = nullptr;
    QCPGraph* m_free = nullptr;
    bool m_empty = true;
};

} // namespace Meridian
