// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"
#include "ui/charts/chart.h"

class QCPGraph;

namespace Meridian {

// Capacity over time as stacked bands: faulty at the bottom, allocated on top
// of it, free on top of that (the upper edge is the total). Each band is a
// QCPGraph filled to the graph below it (channel fill), opaque, 1 px pens.
// Owns its plot; a missing minute breaks the bands instead of dropping to zero.
class StackedCapacityChart : public Chart
{
    Q_OBJECT
public:
    explicit StackedCapacityChart(QWidget* parent = nullptr);
    ~StackedCapacityChart() override;

    void setSeries(const CapacitySeries& series);
    void clear();

    // Tests: upper edges of the bands (faulty, faulty+allocated, total) at their points.
    QCPGraph* faultyGraph() const { return m_faulty; }
    QCPGraph* allocatedGraph() const { return m_allocated; }
    QCPGraph* freeGraph() const { return m_free; }

protected:
    void restyle() override;
    void retranslate() override;

private:
    QCPGraph* m_faulty = nullptr;
    QCPGraph* m_allocated = nullptr;
    QCPGraph* m_free = nullptr;
};

} // namespace Meridian
