// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QLabel;
class QStackedLayout;

namespace Meridian {

// Allocated / free / faulty / total accelerators over time. Owns its plot;
// callers hand it whole series (one setData per graph, one queued replot).
// Missing minutes break the lines instead of being drawn as zero.
class CapacityChart : public QWidget
{
    Q_OBJECT
public:
    explicit CapacityChart(QWidget* parent = nullptr);
    ~CapacityChart() override;

    void setSeries(const CapacitySeries& series);
    void clear();
    void setEmptyText(const QString& text);
    bool isEmpty() const { return m_empty; }

    QCustomPlot* plot() const { return m_plot; } ///< for tests and grabbing only

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateColors();
    void updateTexts();
    void showEmpty(bool empty);

    QCustomPlot* m_plot;
    QLabel* m_emptyLabel;
    QStackedLayout* m_stack;
    QCPGraph* m_total = nullptr;
    QCPGraph* m_allocated = nullptr;
    QCPGraph* m_free = nullptr;
    QCPGraph* m_faulty = nullptr;
    bool m_empty = true;
};

} // namespace Meridian
