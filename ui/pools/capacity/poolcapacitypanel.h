// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/capacity/idletracker.h"
#include "core/capacity/poolcapacity.h"
#include "core/model/fleetchangeset.h"

#include <QTimer>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace Meridian {

class FleetHistory;
class CapacityTableModel;
class FleetStore;
class IdleTableModel;
class IdleTracker;
class StackedCapacityChart;

// Per region/pool and per model: total/allocated/free/faulty now and as
// stacked plots over time; "free right now" by model; allocated-but-idle list
// with their jobs (thresholds settable, persisted in QSettings).
class PoolCapacityPanel : public QWidget
{
    Q_OBJECT
public:
    // `idle` is the session's tracker: the view shows it and sets its thresholds; null: no idle detection.
    PoolCapacityPanel(const FleetStore* store, FleetHistory* history, IdleTracker* idle, QWidget* parent = nullptr);
    ~PoolCapacityPanel() override;

    void setScope(const QString& region, const QString& pool); ///< empty = fleet / whole region
    QString region() const { return m_region; }
    QString pool() const { return m_pool; }

    void setRangeHours(int hours); ///< 24, 168 or 720
    void setIdleThresholds(double percent, int minutes);

    // Tests and benchmarks.
    CapacityTableModel* poolModel() const { return m_poolModel; }
    CapacityTableModel* freeModel() const { return m_freeModel; }
    IdleTableModel* idleModel() const { return m_idleModel; }
    QSortFilterProxyModel* poolProxy() const { return m_poolProxy; }
    QSortFilterProxyModel* idleProxy() const { return m_idleProxy; }
    QTableView* idleView() const { return m_idleView; }
    StackedCapacityChart* chart() const { return m_chart; }
    IdleTracker* idleTracker() const { return m_tracker; }

Q_SIGNALS:
    void nodeActivated(const QString& nodeId);
    void historyRefreshed(); ///< a capacity-history answer for the current scope arrived
    void nowRefreshed(); ///< the tables show the store's state as of now

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshNow();
    void refreshIdle();
    void refreshHistory();
    void updateTexts();
    void updateModelChoices(const QList<ModelCapacity>& models);
    QString scopeRegion() const; ///< the pool's region when only a pool is given

    const FleetStore* m_store;
    FleetHistory* m_history;
    QString m_region;
    QString m_pool;
    int m_rangeHours = 24;
    quint64 m_generation = 0;
    QPointer<IdleTracker> m_tracker; ///< the session's

    QLabel* m_title;
    QLabel* m_freeLabel;
    QLabel* m_poolsLabel;
    QLabel* m_historyLabel;
    QLabel* m_idleLabel;
    QLabel* m_thresholdLabel;
    QLabel* m_durationLabel;
    QComboBox* m_modelChoice;
    QButtonGroup* m_ranges;
    CapacityTableModel* m_freeModel;
    CapacityTableModel* m_poolModel;
    QSortFilterProxyModel* m_poolProxy;
    IdleTableModel* m_idleModel;
    QSortFilterProxyModel* m_idleProxy;
    QTableView* m_freeView;
    QTableView* m_poolView;
    QTableView* m_idleView;
    StackedCapacityChart* m_chart;
    QDoubleSpinBox* m_threshold;
    QSpinBox* m_minutes;
    QTimer m_nowTimer; ///< coalesces change sets into one table refresh
    QTimer m_historyTimer; ///< periodic: new rollup minutes
};

} // namespace Meridian
