// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/overview/cardgrid.h"

#include "ui/common/theme.h"

#include <QGridLayout>
#include <QResizeEvent>

#include <algorithm>

namespace Meridian {

CardGrid::CardGrid(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(Theme::Margin);
}

void CardGrid::setMinimumCardWidth(int width)
{
    m_minCardWidth = qMax(100, width);
    m_columns = 0;
    relayout();
}

void CardGrid::setCards(const QList<QWidget*>& cards)
{
    for (QWidget* card : cards) {
        if (card->parentWidget() != this)
            card->setParent(this);
    }
    m_cards = cards;
    m_columns = 0;
    relayout();
}

int CardGrid::cardWidthNeeded() const
{
    // The cards' own minimum (longer words in one language, wider figures) wins over the
    // configured one: a column count from the configured width alone clipped the last column.
    int needed = m_minCardWidth;
    for (const QWidget* card : m_cards)
        needed = std::max({ needed, card->minimumSizeHint().width(), card->minimumWidth() });
    return needed;
}

int CardGrid::columnsFor(int width) const
{
    const int spacing = m_grid->horizontalSpacing();
    return qMax(1, (width + spacing) / (cardWidthNeeded() + spacing));
}

void CardGrid::relayout()
{
    const int columns = columnsFor(width());
    if (columns == m_columns)
        return;
    m_columns = columns;
    while (m_grid->count() > 0)
        delete m_grid->takeAt(0);
    for (int c = 0; c < m_grid->columnCount(); ++c)
        m_grid->setColumnStretch(c, 0);
    for (int r = 0; r < m_grid->rowCount(); ++r)
        m_grid->setRowStretch(r, 0);
    for (int i = 0; i < m_cards.size(); ++i) {
        m_grid->addWidget(m_cards[i], i / columns, i % columns, Qt::AlignTop);
        m_cards[i]->show();
    }
    for (int c = 0; c < columns; ++c)
        m_grid->setColumnStretch(c, 1);
    // Rows keep their natural height; spare space collects below the last row.
    m_grid->setRowStretch((m_cards.size() + columns - 1) / columns, 1);
}

bool CardGrid::event(QEvent* event)
{
    // A card whose figures grew asks for a new layout: it may no longer fit its column.
    if (event->type() == QEvent::LayoutRequest && columnsFor(width()) != m_columns)
        relayout();
    return QWidget::event(event);
}

void CardGrid::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (columnsFor(event->size().width()) != m_columns)
        relayout();
}

} // namespace Meridian
