// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The Latency page: the map (site edges against targets), the Pingmesh-style
// matrix (site, pool, node level), one pair's history, and the pairs that
// break their targets. Everything is recomputed from the store's probe
// results at most once per RecomputeMs while the page is shown, and once per
// HiddenRecomputeMs while it is not (the pair history keeps being recorded).

#include "core/latency/latencyhistory.h"
#include "core/latency/latencyinputs.h"
#include "core/latency/latencymatrix.h"
#include "core/latency/latencytargets.h"
#include "core/model/fleetchangeset.h"
#include "ui/common/pagecontext.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QTabWidget;
class QTableView;

namespace Meridian {

class FleetHistory;
class FleetStore;
class LatencyMatrixView;
class LatencyMapView;
class PairHistoryChart;
class ViolationModel;

class LatencyPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { MapTab, MatrixTab, HistoryTab, ViolationsTab };

    explicit LatencyPage(const PageContext& context, QWidget* parent = nullptr);
    ~LatencyPage() override;

    LatencyMapView* mapWidget() const { return m_map; }
    LatencyMatrixView* heatmap() const { return m_heatmap; }
    PairHistoryChart* historyView() const { return m_history; }
    ViolationModel* violationModel() const { return m_violations; }
    QTabWidget* tabs() const { return m_tabs; }
    const LatencyMatrix& matrix() const { return m_matrix; }
    QString mapSummary() const;
    LatencyLevel level() const;
    void setLevel(LatencyLevel level);
    void setTargets(const LatencyTargets& targets);

    void openPair(LatencyLevel level, int from, int to); ///< indexes at `level`; switches to the history tab
    void recompute(); ///< builds the matrix on a pool thread; recomputed() once it is shown
    // The map with the path between two sites singled out (the planner's "path to the anchor").
    void showPath(const QString& fromSite, const QString& toSite);
    QPair<QString, QString> path() const { return m_path; }

    static LatencyTargets loadTargets(); ///< latency-targets.json in the config directory, else the defaults

protected:
    void showEvent(QShowEvent* event) override;

Q_SIGNALS:
    void recomputed();

private:
    void onStoreChanged(const FleetChangeSet& changes);
    void showMatrix(); ///< map, matrix, violations and history from m_matrix
    void updateMap();
    void updateMatrix();
    void updateViolations();
    QString pairTitle(LatencyLevel level, int from, int to) const;
    QString cellToolTip(int row, int col) const;
    QString cellText(int row, int col) const; ///< the chosen statistic, for cells large enough to show it
    QString siteLabel(int site) const;
    QString edgeToolTip(int a, int b) const; ///< site indexes

    FleetStore* m_store;
    QPair<QString, QString> m_path; ///< site ids of the path singled out on the map; empty: none
    FleetHistory* m_past; ///< probe history of the pairs
    quint64 m_pairRequest = 0; ///< the newest pair asked of the cache; older answers are dropped
    QTabWidget* m_tabs;
    LatencyMapView* m_map;
    LatencyMatrixView* m_heatmap;
    QComboBox* m_levelBox;
    QComboBox* m_statBox;
    PairHistoryChart* m_history;
    ViolationModel* m_violations;
    QTableView* m_violationView;
    QLabel* m_violationSummary;
    QLabel* m_mapSummary;
    LatencyMatrix m_matrix;
    LatencyHistory m_pairHistory;
    LatencyInputs m_inputs; ///< what the next build reads, kept per change set
    bool m_building = false; ///< a build runs on the thread pool
    bool m_showWhenVisible = false; ///< a build finished while the page was hidden: drawn when it is shown
    bool m_buildAgain = false; ///< the store changed (or a rebuild was asked) while it ran
    LatencyTargets m_targets;
    QTimer m_recomputeTimer;
    QList<std::pair<int, int>> m_edgePairs; ///< map edge → site pair
};

} // namespace Meridian
