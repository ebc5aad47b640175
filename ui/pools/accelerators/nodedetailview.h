// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <utility>

class QLabel;
class QTableView;
class QComboBox;
class QButtonGroup;
class QTabWidget;

namespace Meridian {

class FleetStore;
class FleetHistory;
class NodeInventoryPanel;
class AcceleratorTableModel;
class HistoryChart;
class NodeEventsModel;
class NodeJobsModel;
struct FleetChangeSet;

// Everything about one node: inventory, its accelerators now, one
// accelerator's metric history from the cache (1 h … 30 d, pan/zoom), the
// node's events and the jobs on it. Cache queries are asynchronous; a
// generation counter drops answers for a node or range no longer shown.
class NodeDetailView : public QWidget
{
    Q_OBJECT
public:
    NodeDetailView(const FleetStore* store, FleetHistory* history, QWidget* parent = nullptr);
    ~NodeDetailView() override;

    void showNode(const QString& nodeId);
    void showAccelerator(const QString& nodeId, int index); // selects that accelerator's history

    QString nodeId() const { return m_nodeId; }
    int selectedAccelerator() const { return m_accelerator; }
    void setHistoryRange(qint64 spanMs); ///< 1 h, 24 h, 7 d, 30 d (ends at the node's newest sample)
    void setHistoryMetric(int acceleratorMetric); ///< AcceleratorMetric value
    void setHistoryWindow(qint64 fromMs, qint64 toMs); ///< a fixed window, as pan/zoom sets it
    void setMaxHistoryPoints(int points) { m_maxPoints = points; } ///< 0 (default): one per plot pixel

    // Tests.
    NodeInventoryPanel* inventoryPanel() const { return m_inventory; }
    AcceleratorTableModel* acceleratorModel() const { return m_accelModel; }
    HistoryChart* historyChart() const { return m_chart; }
    NodeEventsModel* eventsModel() const { return m_eventsModel; }
    NodeJobsModel* jobsModel() const { return m_jobsModel; }
    int historyGeneration() const { return m_generation; }

Q_SIGNALS:
    void closed(); // "back" to the table
    void historyLoaded(); ///< a history answer was applied (tests)
    void eventsLoaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void refreshLive();
    void requestHistory();
    void requestEvents();
    void updateTexts();
    double historyScale() const;

    const FleetStore* m_store;
    FleetHistory* m_history;
    QString m_nodeId;
    int m_accelerator = 0;
    int m_metric = 1;
    int m_maxPoints = 0;
    qint64 m_spanMs = 3600LL * 1000;
    int m_generation = 0;
    int m_eventsGeneration = 0;
    qint64 m_newestEventId = -1;
    std::pair<qint64, qint64> m_customRange; ///< set by pan/zoom; {0, 0}: the chosen span
    QTimer m_historyTimer;

    QLabel* m_title = nullptr;
    QWidget* m_backButton = nullptr;
    NodeInventoryPanel* m_inventory = nullptr;
    AcceleratorTableModel* m_accelModel = nullptr;
    QTableView* m_accelTable = nullptr;
    QComboBox* m_metricCombo = nullptr;
    QButtonGroup* m_rangeGroup = nullptr;
    HistoryChart* m_chart = nullptr;
    QLabel* m_sourceLabel = nullptr;
    NodeEventsModel* m_eventsModel = nullptr;
    QTableView* m_eventsTable = nullptr;
    NodeJobsModel* m_jobsModel = nullptr;
    QTableView* m_jobsTable = nullptr;
    QTabWidget* m_tabs = nullptr;
};

} // namespace Meridian
