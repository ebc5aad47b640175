// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/poolspage.h"

#include "core/store/fleetstore.h"
#include "ui/common/nodeformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/tablelayout.h"
#include "ui/common/viewstate.h"
#include "ui/pools/accelerators/acceleratorgrid.h"
#include "ui/pools/accelerators/nodedetailview.h"
#include "ui/pools/capacity/poolcapacitypanel.h"
#include "ui/pools/fleetacceleratormodel.h"
#include "ui/pools/fleettreemodel.h"
#include "ui/pools/nodetablemodel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

namespace Meridian {

PoolsPage::PoolsPage(const PageContext& context, QWidget* parent)
    : QWidget(parent)
    , m_store(context.store)
    , m_history(context.history)
    , m_navigator(context.navigator)
    , m_idle(context.idle)
    , m_treeModel(new FleetTreeModel(context.store, this))
    , m_nodeModel(new NodeTableModel(context.store, this))
    , m_accelModel(new FleetAcceleratorModel(context.store, this))
{
    qRegisterMetaType<JumpTarget>();
    // Loaded when the Accelerators tab is first opened (the tab-change handler below): a whole fleet's rows,
    // kept up to date on every change set, cost the UI thread more than every other page together.
    m_accelModel->setLive(false);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("poolsTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    TableLayout::apply(
        m_tree, QStringLiteral("pools/tree"), { .key = FleetTreeModel::Name, .identifiers = { FleetTreeModel::Name } });
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PoolsPage::onTreeSelection);
    // A rebuilt tree (regions or pools came or went) keeps the chosen scope selected.
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        const QModelIndex index = m_treeModel->indexOf(m_region, m_pool, m_rack);
        if (index.isValid())
            m_tree->setCurrentIndex(index);
        m_tree->expandToDepth(0);
        fitTreeWidth();
    });
    m_tree->expandToDepth(0);

    m_detail = new NodeDetailView(m_store, m_history, this);
    connect(m_detail, &NodeDetailView::closed, this, &PoolsPage::showTables);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(createBrowser());
    m_stack->addWidget(m_detail);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    // The tree needs little more than a pool name; the tables and the node detail need the width (1366 px).
    m_splitter->setSizes({ 240, 1100 });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    updateTexts();
}

PoolsPage::~PoolsPage() = default;

void PoolsPage::fitTreeWidth()
{
    // Once, when the first scopes arrive: the tree as wide as its longest pool name needs, up to a fifth
    // of the window, so names are whole at 1600 px; a narrower window elides them in the middle, with the
    // whole name in the tooltip. The user's own splitter position is never overridden after that.
    if (m_treeFitted || m_treeModel->rowCount() == 0)
        return;
    m_treeFitted = true;
    const QHeaderView* header = m_tree->header();
    // Regions and their pools (what expandToDepth(0) shows), each indented by its depth.
    const QFontMetrics fm = m_tree->fontMetrics();
    int name = 0;
    for (int r = 0; r < m_treeModel->rowCount(); ++r) {
        const QModelIndex region = m_treeModel->index(r, FleetTreeModel::Name);
        name = std::max(name, fm.horizontalAdvance(region.data().toString()) + m_tree->indentation());
        for (int p = 0; p < m_treeModel->rowCount(region); ++p)
            name = std::max(name,
                fm.horizontalAdvance(m_treeModel->index(p, FleetTreeModel::Name, region).data().toString())
                    + 2 * m_tree->indentation());
    }
    int wanted = name + 16 + 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width();
    for (int c = 0; c < header->count(); ++c)
        if (c != FleetTreeModel::Name && !header->isSectionHidden(c))
            wanted += header->sectionSizeHint(c) + 12;
    const int cap = std::max(240, window()->width() / 5);
    const int width = std::clamp(wanted, 240, cap);
    const int total = std::max(m_splitter->width(), width + 600);
    m_splitter->setSizes({ width, total - width });
}

QWidget* PoolsPage::createBrowser()
{
    auto* browser = new QWidget(this);
    m_filter = new QLineEdit(browser);
    m_filter->setObjectName(QStringLiteral("poolsFilter"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_nodeModel->setFilterText(text);
        m_accelModel->setFilterText(text);
    });
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    auto* barWidget = new QWidget(browser);
    barWidget->setLayout(bar);
    bar->setContentsMargins(0, 0, 0, 0);
    for (auto [facet, name] : { std::pair { PermutedTableModel::Facet::State, "facetState" },
             std::pair { PermutedTableModel::Facet::Model, "facetModel" },
             std::pair { PermutedTableModel::Facet::Vendor, "facetVendor" },
             std::pair { PermutedTableModel::Facet::Region, "facetRegion" },
             std::pair { PermutedTableModel::Facet::Pool, "facetPool" } }) {
        auto* button = new QToolButton(barWidget);
        button->setObjectName(QLatin1String(name));
        button->setPopupMode(QToolButton::InstantPopup);
        auto* menu = new QMenu(button);
        button->setMenu(menu);
        connect(menu, &QMenu::aboutToShow, this, [this, button, facet = facet] { fillFacetMenu(button, facet); });
        bar->addWidget(button);
        m_facetButtons.append({ facet, button });
    }
    m_gridMetric = new QComboBox(barWidget);
    m_gridMetric->setObjectName(QStringLiteral("gridMetric"));
    bar->addWidget(m_gridMetric);

    m_nodeTable = createTable(m_nodeModel, QStringLiteral("nodeTable"));
    // Room for a host name whole, Prometheus-style ("gpu-node-0123.guian.example:9100") or an FQDN: the
    // node's labels and host memory (both in the node's detail) are on demand in the header menu.
    TableLayout::apply(m_nodeTable, QStringLiteral("pools/nodes"),
        { .key = NodeTableModel::Host,
            .identifiers = { NodeTableModel::Host, NodeTableModel::Pool },
            .keyChars = 34,
            .hidden = { NodeTableModel::Memory, NodeTableModel::Labels } });
    ViewState::attach(
        m_nodeTable,
        [this] {
            return m_nodeModel->sourceRowTotal() > 0 ? tr("No nodes in this scope match the filter")
                                                     : tr("No nodes reported yet");
        },
        m_store);
    m_accelTable = createTable(m_accelModel, QStringLiteral("fleetAcceleratorTable"));
    ViewState::attach(
        m_accelTable,
        [this] {
            return m_accelModel->sourceRowTotal() > 0 ? tr("No accelerators in this scope match the filter")
                                                      : tr("No accelerators reported yet");
        },
        m_store);
    TableLayout::apply(m_accelTable, QStringLiteral("pools/accelerators"),
        { .key = FleetAcceleratorModel::Node,
            .identifiers = { FleetAcceleratorModel::Node, FleetAcceleratorModel::Pool } });
    connect(m_nodeTable, &QAbstractItemView::activated, this,
        [this](const QModelIndex& index) { showNode(index.data(PermutedTableModel::NodeIdRole).toString()); });
    connect(m_accelTable, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        showAccelerator(index.data(PermutedTableModel::NodeIdRole).toString(),
            index.data(PermutedTableModel::AcceleratorIndexRole).toInt());
    });

    m_grid = new AcceleratorGrid(browser);
    m_grid->setStore(m_store);
    connect(m_grid, &AcceleratorGrid::nodeActivated, this, &PoolsPage::showNode);
    connect(m_grid, &AcceleratorGrid::acceleratorActivated, this, &PoolsPage::showAccelerator);
    connect(m_gridMetric, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_grid->setMetric(GridMetric(qMax(0, index))); });

    m_capacity = new PoolCapacityPanel(m_store, m_history, m_idle, browser);
    connect(m_capacity, &PoolCapacityPanel::nodeActivated, this, &PoolsPage::showNode);

    m_tabs = new QTabWidget(browser);
    m_tabs->setObjectName(QStringLiteral("poolsTabs"));
    m_tabs->addTab(m_nodeTable, QString());
    m_tabs->addTab(m_accelTable, QString());
    m_tabs->addTab(m_grid, QString());
    m_tabs->addTab(m_capacity, QString());
    // The filter and facets apply to the tables; the grid metric to the grid.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == AcceleratorsTab)
            m_accelModel->setLive(true);
        const bool table = tab == NodesTab || tab == AcceleratorsTab;
        m_filter->setEnabled(table);
        for (const auto& entry : std::as_const(m_facetButtons))
            entry.second->setEnabled(table);
        m_gridMetric->setVisible(tab == GridTab);
    });
    m_gridMetric->setVisible(false);

    auto* layout = new QVBoxLayout(browser);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(barWidget);
    layout->addWidget(m_tabs, 1);
    return browser;
}

QTableView* PoolsPage::createTable(PermutedTableModel* model, const QString& name)
{
    auto* table = new QTableView(this);
    table->setObjectName(name);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    // Fixed row heights: the view never measures 200,000 rows.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSortIndicatorShown(true);
    // A header's default indicator is descending; a fresh table reads A→Z (a saved sort replaces it).
    table->sortByColumn(0, Qt::AscendingOrder);
    return table;
}

void PoolsPage::fillFacetMenu(QToolButton* button, PermutedTableModel::Facet facet)
{
    PermutedTableModel* model = currentTableModel();
    QMenu* menu = button->menu();
    menu->clear();
    const QHash<QString, int> counts = model->facetCounts(facet);
    QStringList values = counts.keys();
    const QSet<QString> allowed = model->facet(facet);
    for (const QString& value : allowed) {
        if (!counts.contains(value))
            values.append(value); // still checked, now with no rows
    }
    std::sort(values.begin(), values.end());
    QAction* all = menu->addAction(tr("Any"));
    all->setCheckable(true);
    all->setChecked(allowed.isEmpty());
    connect(all, &QAction::triggered, this, [this, facet] {
        m_nodeModel->setFacet(facet, {});
        m_accelModel->setFacet(facet, {});
        updateTexts();
    });
    menu->addSeparator();
    for (const QString& value : std::as_const(values)) {
        QString shown = value.isEmpty() ? tr("(none)") : value;
        if (facet == PermutedTableModel::Facet::State)
            shown = NodeFormat::stateText(value);
        else if (facet == PermutedTableModel::Facet::Region)
            shown = regionDisplayName(value);
        QAction* action = menu->addAction(tr("%1 (%2)").arg(shown).arg(counts.value(value)));
        action->setCheckable(true);
        action->setChecked(allowed.contains(value));
        connect(action, &QAction::toggled, this, [this, facet, value](bool on) {
            QSet<QString> set = currentTableModel()->facet(facet);
            if (on)
                set.insert(value);
            else
                set.remove(value);
            // Node state and accelerator capacity are different vocabularies: that facet stays per table.
            if (facet == PermutedTableModel::Facet::State)
                currentTableModel()->setFacet(facet, set);
            else {
                m_nodeModel->setFacet(facet, set);
                m_accelModel->setFacet(facet, set);
            }
            updateTexts();
        });
    }
}

PermutedTableModel* PoolsPage::currentTableModel() const
{
    if (m_tabs->currentIndex() == AcceleratorsTab)
        return m_accelModel;
    return m_nodeModel;
}

void PoolsPage::onTreeSelection()
{
    const QModelIndexList selected = m_tree->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        setScope({});
        return;
    }
    const QModelIndex index = selected.first();
    setScope(index.data(FleetTreeModel::RegionRole).toString(), index.data(FleetTreeModel::PoolRole).toString(),
        index.data(FleetTreeModel::RackRole).toString());
}

void PoolsPage::setScope(const QString& region, const QString& pool, const QString& rack)
{
    if (region == m_region && pool == m_pool && rack == m_rack)
        return;
    m_region = region;
    m_pool = pool;
    m_rack = rack;
    m_nodeModel->setScope(region, pool, rack);
    m_accelModel->setScope(region, pool, rack);
    m_grid->setScope(region, pool, rack);
    m_capacity->setScope(region, pool);
    const QModelIndex index = m_treeModel->indexOf(region, pool, rack);
    if (index.isValid() && m_tree->currentIndex() != index) {
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    }
    Q_EMIT scopeChanged(region, pool, rack);
}

void PoolsPage::selectNodes(const QString& region, const QString& pool, const QStringList& nodeIds)
{
    setScope(region, pool);
    showTables();
    m_tabs->setCurrentIndex(NodesTab);
    QItemSelection selection;
    for (const QString& id : nodeIds) {
        const int row = m_nodeModel->rowOfNode(id);
        if (row >= 0)
            selection.select(m_nodeModel->index(row, 0), m_nodeModel->index(row, m_nodeModel->columnCount() - 1));
    }
    m_nodeTable->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_nodeTable->scrollTo(selection.first().topLeft());
}

void PoolsPage::showNode(const QString& nodeId)
{
    if (nodeId.isEmpty() || !m_store->node(nodeId))
        return;
    if (m_navigator)
        m_navigator->aboutToMove(); // Esc comes back to the tables (or the detail) shown before
    m_detail->showNode(nodeId);
    m_stack->setCurrentWidget(m_detail);
}

void PoolsPage::showAccelerator(const QString& nodeId, int index)
{
    if (nodeId.isEmpty() || !m_store->node(nodeId))
        return;
    if (m_navigator)
        m_navigator->aboutToMove();
    m_detail->showAccelerator(nodeId, index);
    m_stack->setCurrentWidget(m_detail);
}

void PoolsPage::showTables()
{
    m_stack->setCurrentIndex(0);
}

bool PoolsPage::isShowingDetail() const
{
    return m_stack->currentWidget() == m_detail;
}

QVariant PoolsPage::place() const
{
    const bool detail = isShowingDetail();
    return QVariantMap { { QStringLiteral("region"), m_region }, { QStringLiteral("pool"), m_pool },
        { QStringLiteral("rack"), m_rack }, { QStringLiteral("tab"), m_tabs->currentIndex() },
        { QStringLiteral("node"), detail ? m_detail->nodeId() : QString() },
        { QStringLiteral("accelerator"), detail ? m_detail->selectedAccelerator() : -1 } };
}

void PoolsPage::restorePlace(const QVariant& place)
{
    const QVariantMap p = place.toMap();
    setScope(p.value(QStringLiteral("region")).toString(), p.value(QStringLiteral("pool")).toString(),
        p.value(QStringLiteral("rack")).toString());
    m_tabs->setCurrentIndex(p.value(QStringLiteral("tab")).toInt());
    const QString node = p.value(QStringLiteral("node")).toString();
    if (node.isEmpty())
        showTables();
    else
        showAccelerator(node, p.value(QStringLiteral("accelerator")).toInt());
}

void PoolsPage::jumpTo(const JumpTarget& target)
{
    switch (target.kind) {
    case JumpTarget::Region:
        setScope(target.region);
        showTables();
        break;
    case JumpTarget::Pool:
        setScope(target.region, target.pool);
        showTables();
        break;
    case JumpTarget::Rack:
        setScope(target.region, target.pool, target.rack);
        showTables();
        break;
    case JumpTarget::Node:
    case JumpTarget::Accelerator: {
        // Narrow to the node's pool so Back lands on a table that shows it, selected.
        setScope(target.region, target.pool);
        m_tabs->setCurrentIndex(target.kind == JumpTarget::Node ? NodesTab : AcceleratorsTab);
        if (target.kind == JumpTarget::Node) {
            const int row = m_nodeModel->rowOfNode(target.nodeId);
            if (row >= 0)
                m_nodeTable->selectRow(row);
            showNode(target.nodeId);
        } else {
            m_accelModel->setLive(true);
            const int row = m_accelModel->rowOf(target.nodeId, target.accelerator);
            if (row >= 0)
                m_accelTable->selectRow(row);
            showAccelerator(target.nodeId, target.accelerator);
        }
        break;
    }
    }
}

void PoolsPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void PoolsPage::updateTexts()
{
    m_filter->setPlaceholderText(tr("Filter by host, pool, rack, model, label…"));
    m_tabs->setTabText(NodesTab, tr("Nodes"));
    m_tabs->setTabText(AcceleratorsTab, tr("Accelerators"));
    m_tabs->setTabText(GridTab, tr("Grid"));
    m_tabs->setTabText(CapacityTab, tr("Capacity"));
    for (const auto& [facet, button] : std::as_const(m_facetButtons)) {
        QString name;
        switch (facet) {
        case PermutedTableModel::Facet::State:
            name = tr("State");
            break;
        case PermutedTableModel::Facet::Model:
            name = tr("Model");
            break;
        case PermutedTableModel::Facet::Vendor:
            name = tr("Vendor");
            break;
        case PermutedTableModel::Facet::Region:
            name = tr("Region");
            break;
        case PermutedTableModel::Facet::Pool:
            name = tr("Pool");
            break;
        }
        const int active = int(currentTableModel()->facet(facet).size());
        button->setText(active > 0 ? tr("%1 (%2)").arg(name).arg(active) : name);
    }
    const int metric = qMax(0, m_gridMetric->currentIndex());
    const QSignalBlocker block(m_gridMetric);
    m_gridMetric->clear();
    m_gridMetric->addItems({ tr("Utilization"), tr("Memory"), tr("Temperature"), tr("Health") });
    m_gridMetric->setCurrentIndex(metric);
}

} // namespace Meridian
