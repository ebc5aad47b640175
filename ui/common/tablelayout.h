// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One way every table and tree of the console lays out its columns: sized to their content, the key
// column (host, fault text, message) stretched into what is left so nothing that matters needs a
// horizontal scroll, numeric columns as narrow as their numbers, host names and IDs elided in the
// middle (their start and their end tell them apart) with the whole text in the tooltip. What the user
// changes — widths, order, sort, the columns shown (the header's context menu) — is kept per table in
// QSettings (under tables/<name>/) and restored on the next start.

#include <QList>
#include <QObject>
#include <QString>
#include <QStyledItemDelegate>

class QAbstractItemView;
class QHeaderView;
class QMenu;

namespace Meridian {

struct TableColumns
{
    int key = -1; ///< stretched into the width left; -1: none (the last column fills)
    QList<int> identifiers; ///< host names, node and job IDs: elided in the middle, whole in the tooltip
    int widestChars = 28; ///< no column but the key wider than this many average characters when fitted
    int keyChars = 30; ///< the key column keeps room for this many average characters; the others give way
    QList<int> hidden; ///< hidden until the user shows them (header menu): what a narrow screen can spare
};

class TableLayout : public QObject
{
    Q_OBJECT
public:
    // Lays out the header of view (a QTableView or QTreeView with its model set) and keeps it under name
    // ("faults/incidents"). Restores what was saved under name, else fits the columns once rows arrive.
    // The layout is a child of view.
    static TableLayout* apply(QAbstractItemView* view, const QString& name, const TableColumns& columns = {});
    static TableLayout* of(const QAbstractItemView* view); ///< null when none was applied

    static QString settingsGroup(const QString& name); ///< "tables/<name>"
    static QHeaderView* headerOf(const QAbstractItemView* view);

    QString name() const { return m_name; }
    bool restored() const { return m_restored; }

    void save() const; ///< widths, order and sort now (also done when the application quits)
    void fitToContents(); ///< every column but the key one to its content and label
    // The header's context menu: one checkable entry per column, the key column always shown, the
    // last shown column not hidable. The caller owns the menu.
    QMenu* columnMenu(QWidget* parent = nullptr);
    void setColumnShown(int column, bool shown); ///< as the menu does; saved at once

protected:
    bool eventFilter(QObject* watched, QEvent* event) override; ///< fits on the first show, when due

private:
    TableLayout(QAbstractItemView* view, const QString& name, const TableColumns& columns);
    bool restore();
    void fitWhenRowsArrive();
    void keepLabelsWhole(); ///< a kept layout: no column narrower than its label (another language's, too)

    QAbstractItemView* m_view;
    QString m_name;
    TableColumns m_columns;
    bool m_restored = false;
    bool m_fitted = false;
};

// Draws its text elided in the middle; the tooltip shows the whole text when it did not fit (and the
// model's own tooltip below it).
class MiddleElideDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // What the tooltip over index says, the cell being width pixels wide.
    static QString toolTipText(const QModelIndex& index, const QFont& font, int width);

    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override; ///< public: tests
};

} // namespace Meridian
