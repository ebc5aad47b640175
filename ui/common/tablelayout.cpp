// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/tablelayout.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QHelpEvent>
#include <QMenu>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolTip>
#include <QTreeView>

#include <algorithm>

namespace Meridian {

namespace {
// Rows a column's fit reads (setResizeContentsPrecision below).
constexpr int MeasuredRows = 250;

// A model may give an alignment as Qt::Alignment or as int (both are Qt's convention).
Qt::Alignment alignmentOf(const QModelIndex& index)
{
    const QVariant v = index.data(Qt::TextAlignmentRole);
    return v.typeId() == QMetaType::Int ? Qt::Alignment(v.toInt()) : v.value<Qt::Alignment>();
}

bool isSortingEnabled(const QAbstractItemView* view)
{
    if (auto* table = qobject_cast<const QTableView*>(view))
        return table->isSortingEnabled();
    if (auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->isSortingEnabled();
    return false;
}

void sortBy(QAbstractItemView* view, int column, Qt::SortOrder order)
{
    if (auto* table = qobject_cast<QTableView*>(view))
        table->sortByColumn(column, order);
    else if (auto* tree = qobject_cast<QTreeView*>(view))
        tree->sortByColumn(column, order);
}
} // namespace

TableLayout::TableLayout(QAbstractItemView* view, const QString& name, const TableColumns& columns)
    : QObject(view)
    , m_view(view)
    , m_name(name)
    , m_columns(columns)
{
    setObjectName(QStringLiteral("tableLayout"));
}

TableLayout* TableLayout::apply(QAbstractItemView* view, const QString& name, const TableColumns& columns)
{
    QHeaderView* header = headerOf(view);
    if (!header || !view->model())
        return nullptr;
    auto* layout = new TableLayout(view, name, columns);
    header->setSectionsMovable(true);
    header->setStretchLastSection(columns.key < 0);
    header->setSectionResizeMode(QHeaderView::Interactive);
    if (columns.key >= 0)
        header->setSectionResizeMode(columns.key, QHeaderView::Stretch);
    for (int column : columns.identifiers)
        view->setItemDelegateForColumn(column, new MiddleElideDelegate(view));
    for (int column : columns.hidden)
        if (column != columns.key)
            header->setSectionHidden(column, true); // a saved layout below says otherwise if the user chose
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, layout, [layout, header](const QPoint& pos) {
        QMenu* menu = layout->columnMenu(header);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->viewport()->mapToGlobal(pos));
    });
    // A few hundred rows are measured (the visible ones, then as many around them): Qt lays out each cell's text,
    // and at 2,000 rows a fit of a ten-column table held the UI thread for 200 ms. A wider value further down is
    // elided in the middle and shown whole in its tooltip.
    header->setResizeContentsPrecision(MeasuredRows);
    layout->m_restored = layout->restore();
    if (!layout->m_restored)
        layout->fitWhenRowsArrive();
    else {
        connect(view->model(), &QAbstractItemModel::headerDataChanged, layout, &TableLayout::keepLabelsWhole);
        view->installEventFilter(layout); // keepLabelsWhole on show
    }
    // What the user made of the table is kept when the console closes (not on every drag: a test's or a
    // window's programmatic resizes are not a choice).
    connect(qApp, &QCoreApplication::aboutToQuit, layout, &TableLayout::save);
    return layout;
}

TableLayout* TableLayout::of(const QAbstractItemView* view)
{
    return view ? view->findChild<TableLayout*>(QStringLiteral("tableLayout"), Qt::FindDirectChildrenOnly) : nullptr;
}

QString TableLayout::settingsGroup(const QString& name)
{
    return QStringLiteral("tables/") + name;
}

QHeaderView* TableLayout::headerOf(const QAbstractItemView* view)
{
    if (auto* table = qobject_cast<const QTableView*>(view))
        return table->horizontalHeader();
    if (auto* tree = qobject_cast<const QTreeView*>(view))
        return tree->header();
    return nullptr;
}

QMenu* TableLayout::columnMenu(QWidget* parent)
{
    QHeaderView* header = headerOf(m_view);
    QAbstractItemModel* model = m_view->model();
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("columnMenu"));
    int shown = 0;
    for (int column = 0; column < header->count(); ++column)
        shown += header->isSectionHidden(column) ? 0 : 1;
    // In the order the user sees the columns.
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        const QString label = model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        QAction* action = menu->addAction(label.isEmpty() ? QString::number(column + 1) : label);
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setData(column);
        action->setEnabled(column != m_columns.key && !(shown == 1 && action->isChecked()));
        connect(action, &QAction::toggled, this, [this, column](bool on) { setColumnShown(column, on); });
    }
    return menu;
}

void TableLayout::setColumnShown(int column, bool shown)
{
    QHeaderView* header = headerOf(m_view);
    if (column < 0 || column >= header->count() || (!shown && column == m_columns.key))
        return;
    header->setSectionHidden(column, !shown);
    if (shown && header->sectionSize(column) < header->minimumSectionSize() * 2) {
        const int content = m_view->sizeHintForColumn(column) + 8;
        header->resizeSection(column, std::max(header->sectionSizeHint(column), content));
    }
    save(); // a choice the user made: kept at once
}

void TableLayout::save() const
{
    const QHeaderView* header = headerOf(m_view);
    QSettings settings;
    settings.beginGroup(settingsGroup(m_name));
    settings.setValue(QStringLiteral("columns"), header->count());
    settings.setValue(QStringLiteral("header"), header->saveState());
}

bool TableLayout::restore()
{
    QHeaderView* header = headerOf(m_view);
    QSettings settings;
    settings.beginGroup(settingsGroup(m_name));
    // A state saved for other columns (an older version's table) would misplace every width.
    if (settings.value(QStringLiteral("columns")).toInt() != header->count())
        return false;
    if (!header->restoreState(settings.value(QStringLiteral("header")).toByteArray()))
        return false;
    header->setStretchLastSection(m_columns.key < 0);
    if (m_columns.key >= 0)
        header->setSectionResizeMode(m_columns.key, QHeaderView::Stretch);
    // The state holds the sort indicator; the model is sorted only when the view is told.
    if (isSortingEnabled(m_view))
        sortBy(m_view, header->sortIndicatorSection(), header->sortIndicatorOrder());
    return true;
}

void TableLayout::fitWhenRowsArrive()
{
    QAbstractItemModel* model = m_view->model();
    fitToContents(); // to the labels alone while there are no rows: never the header's default width
    if (m_fitted)
        return;
    // The model, not the view: a view being destroyed resets its model from its destructor,
    // when it is no longer a QAbstractItemView (UBSan: member call on a QWidget).
    // Only a view on screen: a hidden one is fitted when it is first shown (eventFilter), else every change of a
    // hidden page's rows would measure its table again, unseen (at 25,000 nodes, a fifth of the UI thread's time).
    auto fitOnce = [this, model] {
        if (m_fitted || model->rowCount() == 0 || !m_view->isVisible())
            return;
        // After the view has taken the new rows in.
        QTimer::singleShot(0, this, [this] {
            if (!m_fitted)
                fitToContents();
        });
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, fitOnce);
    connect(model, &QAbstractItemModel::modelReset, this, fitOnce);
    connect(model, &QAbstractItemModel::layoutChanged, this, fitOnce);
    m_view->installEventFilter(this);
}

void TableLayout::keepLabelsWhole()
{
    // A kept width was chosen for the labels of its day: another language's (or a damaged state's) may need
    // more, and a column whose label is cut says nothing. Measured without the sort arrow, as fitToContents does.
    QHeaderView* header = headerOf(m_view);
    const bool indicator = header->isSortIndicatorShown();
    header->setSortIndicatorShown(false);
    for (int column = 0; column < header->count(); ++column) {
        if (column == m_columns.key || header->isSectionHidden(column))
            continue;
        const int label = header->sectionSizeHint(column);
        if (header->sectionSize(column) < label)
            header->resizeSection(column, label);
    }
    header->setSortIndicatorShown(indicator);
}

bool TableLayout::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view || event->type() != QEvent::Show)
        return QObject::eventFilter(watched, event);
    if (m_restored) {
        keepLabelsWhole(); // the widths are the user's, but no label is cut
    } else if (!m_fitted && m_view->model()->rowCount() > 0) {
        // A view in a tab not shown yet measures no row (sizeHintForColumn reads the visible ones only): its fit
        // waits for the first show, after the view has its size.
        QTimer::singleShot(0, this, [this] {
            if (!m_fitted)
                fitToContents();
        });
    }
    return QObject::eventFilter(watched, event);
}

void TableLayout::fitToContents()
{
    m_fitted = m_view->isVisible() && m_view->model()->rowCount() > 0;
    QHeaderView* header = headerOf(m_view);
    const bool indicator = header->isSortIndicatorShown();
    // Size hints without the sort arrow (room for it in every column would take a tenth of the table);
    // the column sorted by gets it below.
    header->setSortIndicatorShown(false);
    const int widest = m_columns.widestChars * m_view->fontMetrics().averageCharWidth();
    const int padding = 2 * m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 6;
    QList<int> columns, labels, wanted, floors;
    for (int column = 0; column < header->count(); ++column) {
        if (column == m_columns.key || header->isSectionHidden(column))
            continue;
        columns.append(column);
        // A column that shows a state's shape (ui/common/stateicon.h) keeps room for it beside its label.
        const bool icon
            = m_view->model()->rowCount() > 0 && m_view->model()->index(0, column).data(Qt::DecorationRole).isValid();
        labels.append(header->sectionSizeHint(column)
            + (icon ? m_view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view) + 6 : 0));
        // A hidden view is fitted to its labels; its rows are measured when it is shown (fitWhenRowsArrive).
        const int content = m_fitted ? std::min(m_view->sizeHintForColumn(column) + padding, widest) : 0;
        wanted.append(std::max(labels.last(), content));
        // Giving way for the key column stops at the label, and for a column of numbers (right-aligned) at its
        // numbers: "1…" for 100 free accelerators tells nothing, a long name elided in the middle still does.
        const bool numbers = m_fitted && alignmentOf(m_view->model()->index(0, column)).testFlag(Qt::AlignRight);
        floors.append(numbers ? wanted.last() : labels.last());
    }
    // The key column keeps room for its text: when the others would leave it less than keyChars
    // characters of the view's width, the widest of them give way first (never below their floor).
    const int viewWidth = m_view->viewport()->width();
    if (m_columns.key >= 0 && viewWidth > 200) {
        const int budget = viewWidth - m_columns.keyChars * m_view->fontMetrics().averageCharWidth();
        const auto total = [&](int cap) {
            int sum = 0;
            for (qsizetype i = 0; i < wanted.size(); ++i)
                sum += std::min(wanted[i], std::max(cap, floors[i]));
            return sum;
        };
        int low = 0, high = widest;
        while (low < high) { // the widest cap under which the others fit the budget
            const int cap = (low + high + 1) / 2;
            if (total(cap) <= budget)
                low = cap;
            else
                high = cap - 1;
        }
        for (qsizetype i = 0; i < wanted.size(); ++i)
            wanted[i] = std::min(wanted[i], std::max(low, floors[i]));
    }
    for (qsizetype i = 0; i < columns.size(); ++i)
        header->resizeSection(columns[i], wanted[i]);
    header->setSortIndicatorShown(indicator);
    if (indicator && isSortingEnabled(m_view)) {
        const int sorted = header->sortIndicatorSection();
        if (sorted >= 0 && sorted != m_columns.key)
            header->resizeSection(sorted, std::max(header->sectionSize(sorted), header->sectionSizeHint(sorted)));
    }
}

QString MiddleElideDelegate::toolTipText(const QModelIndex& index, const QFont& font, int width)
{
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString own = index.data(Qt::ToolTipRole).toString();
    // Room the style keeps around a cell's text.
    const int margin = 2 * (QApplication::style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1);
    if (text.isEmpty() || QFontMetrics(font).horizontalAdvance(text) <= width - margin || own.contains(text))
        return own;
    return own.isEmpty() ? text : text + QLatin1Char('\n') + own;
}

bool MiddleElideDelegate::helpEvent(
    QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const QString tip = toolTipText(index, option.font, option.rect.width());
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPos(), tip, view, option.rect);
    return true;
}

void MiddleElideDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}

} // namespace Meridian
