// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"

#include <QWidget>

namespace Meridian {

// The Gantt of one job's life: run segments as bars, checkpoints as ticks
// above them, interruptions as markers with their recovery gap coloured
// against the 10-minute target (green within, red over). Hovering a marker
// shows its cause, the fault event and the times.
class JobTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit JobTimeline(QWidget* parent = nullptr);

    void setJob(const Protocol::JobRecord& job, qint64 nowMs);
    void clear();
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // For tests: what is drawn.
    int segmentCount() const { return int(m_job.segments.size()); }
    int interruptionCount() const { return int(m_job.interruptionLog.size()); }
    int checkpointCount() const { return int(m_job.checkpoints.size()); }
    QString toolTipAt(const QPoint& pos) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    double xOf(qint64 t, const QRect& area) const;
    QRect plotArea() const;

    Protocol::JobRecord m_job;
    qint64 m_nowMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace Meridian
