// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/common/navigator.h"
#include "ui/common/pagecontext.h"
#include "ui/common/pageplace.h"
#include "ui/common/permutedtablemodel.h"

#include <QWidget>

class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;
class QComboBox;

namespace Meridian {

class AcceleratorGrid;
class FleetHistory;
class IdleTracker;
class PoolCapacityPanel;
class FleetAcceleratorModel;
class FleetStore;
class FleetTreeModel;
class NodeDetailView;
class NodeTableModel;

// Region → pool → rack on the left; on the right the node table, the
// accelerator table, the accelerator grid and the capacity view for the
// selected scope. Activating a node or accelerator opens its detail in place
// (Back returns to the tables, scope and sort kept). Ctrl+K (via the main
// window) jumps anywhere.
class PoolsPage : public QWidget, public PagePlace
{
    Q_OBJECT
public:
    enum Tab { NodesTab, AcceleratorsTab, GridTab, CapacityTab };

    explicit PoolsPage(const PageContext& context, QWidget* parent = nullptr);
    ~PoolsPage() override;

    FleetTreeModel* treeModel() const { return m_treeModel; }
    NodeTableModel* nodeModel() const { return m_nodeModel; }
    FleetAcceleratorModel* acceleratorModel() const { return m_accelModel; }
    QTreeView* treeView() const { return m_tree; }
    QTableView* nodeTable() const { return m_nodeTable; }
    QTableView* acceleratorTable() const { return m_accelTable; }
    QTabWidget* tabs() const { return m_tabs; }
    NodeDetailView* detailView() const { return m_detail; }
    bool isShowingDetail() const;

    // Scope, tab and the node (and accelerator) whose detail is open.
    QVariant place() const override;
    void restorePlace(const QVariant& place) override;

public Q_SLOTS:
    void setScope(const QString& region, const QString& pool = {}, const QString& rack = {});
    void showNode(const QString& nodeId);
    void showAccelerator(const QString& nodeId, int index);
    void showTables(); ///< back from the detail
    void jumpTo(const Meridian::JumpTarget& target);
    // The pool's node table with these nodes selected (the planner's free nodes); nodes filtered out are skipped.
    void selectNodes(const QString& region, const QString& pool, const QStringList& nodeIds);

Q_SIGNALS:
    void scopeChanged(const QString& region, const QString& pool, const QString& rack);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createBrowser();
    void fitTreeWidth();
    QTableView* createTable(PermutedTableModel* model, const QString& name);
    void addFacetButton(PermutedTableModel::Facet facet, const QString& name);
    void fillFacetMenu(QToolButton* button, PermutedTableModel::Facet facet);
    PermutedTableModel* currentTableModel() const;
    void onTreeSelection();
    void updateTexts();

    FleetStore* m_store;
    FleetHistory* m_history;
    Navigator* m_navigator;
    IdleTracker* m_idle;
    FleetTreeModel* m_treeModel;
    NodeTableModel* m_nodeModel;
    FleetAcceleratorModel* m_accelModel;
    QTreeView* m_tree = nullptr;
    QSplitter* m_splitter = nullptr;
    bool m_treeFitted = false;
    QStackedWidget* m_stack = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_filter = nullptr;
    QList<std::pair<PermutedTableModel::Facet, QToolButton*>> m_facetButtons;
    QComboBox* m_gridMetric = nullptr;
    QTableView* m_nodeTable = nullptr;
    QTableView* m_accelTable = nullptr;
    AcceleratorGrid* m_grid = nullptr;
    PoolCapacityPanel* m_capacity = nullptr;
    NodeDetailView* m_detail = nullptr;
    QString m_region;
    QString m_pool;
    QString m_rack;
};

} // namespace Meridian
