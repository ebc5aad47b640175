// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/faults/recoverytimeline.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace Meridian::Faults {

// The recovery stopwatch of the selected incident (each step with its time
// and duration, the total against the 10-minute target) and MTTR and time between incidents per
// pool over the last day and week.
class RecoveryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RecoveryPanel(QWidget* parent = nullptr);
    void setTimeline(const RecoveryTimeline& timeline, bool hasSelection);
    void setReliability(const QList<PoolReliability>& day, const QList<PoolReliability>& week);
    QTableWidget* steps() const { return m_steps; }
    QLabel* total() const { return m_total; }
    class ReliabilityChart* chart() const { return m_chart; }

private:
    QTableWidget* m_steps;
    bool m_stepsFitted = false; ///< widths from the first shown times (the rows exist from the start)
    QLabel* m_total;
    QTableWidget* m_reliability;
    class ReliabilityChart* m_chart;
};

} // namespace Meridian::Faults
