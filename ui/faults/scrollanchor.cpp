// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/scrollanchor.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace Meridian {

ScrollAnchor::ScrollAnchor(QAbstractItemView* view)
    : QObject(view)
    , m_view(view)
{
    attach();
}

void ScrollAnchor::attach()
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = m_view->model();
    if (!m_model)
        return;
    // Connected after the view: by the time restore() runs the view knows the new rows.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ScrollAnchor::capture);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        if (m_anchorRow >= 0 && first <= m_anchorRow) {
            m_addedAbove += last - first + 1;
            Q_EMIT rowsAddedAboveChanged(m_addedAbove);
        }
        restore();
    });
    connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, &ScrollAnchor::capture);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ScrollAnchor::restore);
}

void ScrollAnchor::capture()
{
    m_anchor = QPersistentModelIndex();
    m_anchorRow = -1;
    if (!m_enabled || m_view->model() != m_model)
        return;
    // At the top with nothing chosen and the mouse elsewhere, nobody is reading a row: let new ones show.
    if (m_view->verticalScrollBar()->value() == 0 && !m_view->selectionModel()->hasSelection()
        && !m_view->viewport()->underMouse())
        return;
    const QModelIndex top = m_view->indexAt(QPoint(1, 1));
    if (!top.isValid())
        return;
    m_anchor = top;
    m_anchorRow = top.row();
    m_anchorY = m_view->visualRect(top).top();
}

void ScrollAnchor::restore()
{
    if (!m_anchor.isValid())
        return;
    QScrollBar* bar = m_view->verticalScrollBar();
    const int target = m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem
        ? bar->value() + (m_anchor.row() - m_anchorRow)
        : bar->value() + (m_view->visualRect(m_anchor).top() - m_anchorY);
    // The view updates its scroll range later (deferred layout); the rows are there already.
    if (target > bar->maximum())
        bar->setMaximum(target);
    bar->setValue(target);
    m_anchor = QPersistentModelIndex();
    m_anchorRow = -1;
}

} // namespace Meridian
