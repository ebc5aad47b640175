// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Meridian {

class FleetHistory;
class FleetStore;
class JobTimeline;
class JobUtilizationChart;

// One job: its figures, the Gantt of its life, its interruptions with causes
// and recovery times, its nodes (to the Pools page), the utilization of its
// accelerators and its events from the cache, and the action buttons.
class JobDetailView : public QWidget
{
    Q_OBJECT
public:
    JobDetailView(const FleetStore* store, FleetHistory* history, QWidget* parent = nullptr);

    void setJob(const Protocol::JobRecord& job, qint64 nowMs);
    QString jobId() const { return m_job.jobId; }
    const Protocol::JobRecord& job() const { return m_job; }
    void setActionsEnabled(bool enabled, const QString& why = {});
    // Where the shown history comes from: loading, loaded, or why it is not the source's full one.
    void setDetailStatus(const QString& text, bool failed);
    QLabel* detailStatus() const { return m_status; }

    JobTimeline* timeline() const { return m_timeline; }
    QTreeWidget* interruptionTable() const { return m_interruptions; }
    QListWidget* nodeList() const { return m_nodes; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* requeueButton() const { return m_requeue; }

Q_SIGNALS:
    void nodeRequested(const QString& nodeId);
    void actionRequested(const QString& jobId, const QString& action);
    void backRequested();

private:
    void fillInterruptions(qint64 nowMs);
    void loadEvents();
    void loadUtilization();

    const FleetStore* m_store;
    FleetHistory* m_history;
    Protocol::JobRecord m_job;
    qint64 m_nowMs = 0;
    bool m_actionsAllowed = true;
    QLabel* m_title;
    QLabel* m_facts;
    QLabel* m_figures;
    QLabel* m_status;
    JobTimeline* m_timeline;
    QTabWidget* m_tabs;
    QTreeWidget* m_interruptions;
    QListWidget* m_nodes;
    JobUtilizationChart* m_utilization;
    QTreeWidget* m_events;
    QPushButton* m_cancel;
    QPushButton* m_requeue;
    quint64 m_eventsGeneration = 0;
};

} // namespace Meridian
