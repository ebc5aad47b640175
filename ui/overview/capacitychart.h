// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"
#include "ui/charts/chart.h"

class QCPGraph;

namespace Meridian {

// Allocated / free / faulty / total accelerators over time. Owns its plot;
// callers hand it whole series (one setData per graph, one queued replot).
// Missing minutes break the lines instead of being drawn as zero.
class CapacityChart : public Chart
{
    Q_OBJECT
public:
    explicit CapacityChart(QWidget* parent = nullptr);
    ~CapacityChart() override;

    void setSeries(const CapacitySeries& series);
    void clear();
    using Chart::setEmptyText;

protected:
    void restyle() override;
    void retranslate() override;

private:
    QCPGraph* m_total = nullptr;
    QCPGraph* m_allocated = nullptr;
    QCPGraph* m_free = nullptr;
    QCPGraph* m_faulty = nullptr;
};

} // namespace Meridian
