// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QGridLayout;

namespace Meridian {

// Lays out cards in as many equal-width columns as fit (at least the widest card's
// minimum each); re-flows only when the column count changes, so resizing stays cheap.
class CardGrid : public QWidget
{
    Q_OBJECT
public:
    explicit CardGrid(QWidget* parent = nullptr);

    void setMinimumCardWidth(int width);
    void setCards(const QList<QWidget*>& cards); ///< in display order; the grid takes them as children
    int columnCount() const { return m_columns; }

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int cardWidthNeeded() const;
    int columnsFor(int width) const;
    void relayout();

    QGridLayout* m_grid;
    QList<QWidget*> m_cards;
    int m_minCardWidth = 320;
    int m_columns = 0;
};

} // namespace Meridian
