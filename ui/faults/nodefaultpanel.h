// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Meridian {
class FleetHistory;
}

namespace Meridian::Faults {

class FaultTracker;

// Node drill-down: the node's and each chip's fault history (live faults from
// the tracker, older ones from the cache's event table) and the chip's
// metrics in a window around the chosen fault (from the cache), with a link
// to the node's detail on the Pools page.
class NodeFaultPanel : public QWidget
{
    Q_OBJECT
public:
    NodeFaultPanel(FaultTracker* tracker, FleetHistory* history, QWidget* parent = nullptr);
    // Shows `nodeId` around `aroundMs` (agent clock); accelerator -1: the node as a whole.
    void setNode(const QString& nodeId, qint64 aroundMs, int accelerator);
    QString nodeId() const { return m_nodeId; }
    QTableWidget* history() const { return m_history; }
    QLabel* metrics() const { return m_metrics; }
    QPushButton* drainButton() const { return m_drain; }
    QPushButton* resumeButton() const { return m_resume; }
    QLabel* actionStatus() const { return m_actionStatus; }
    // The node's scheduling state as last reported: drained nodes offer Resume, others Drain.
    void setDrained(bool drained);
    void setActionStatus(const QString& text);
    static constexpr qint64 WindowMs = 30 * 60 * 1000; ///< each side of the fault

Q_SIGNALS:
    void openInPools(const QString& nodeId);
    void nodeActionRequested(const QString& nodeId, const QString& action); ///< "drain" or "resume"
    void historyLoaded(); ///< the cache's answer is in the table (tests)

private:
    void fillLive();
    void loadCached();
    void loadMetrics();

    FaultTracker* m_tracker;
    FleetHistory* m_past; ///< events and metrics of the past
    QString m_nodeId;
    qint64 m_aroundMs = 0;
    int m_accelerator = -1;
    int m_generation = 0; ///< drops cache answers for an earlier selection
    QLabel* m_title;
    QTableWidget* m_history;
    QLabel* m_metrics;
    QPushButton* m_open;
    QPushButton* m_drain;
    QPushButton* m_resume;
    QLabel* m_actionStatus;
    bool m_drained = false;
};

} // namespace Meridian::Faults
