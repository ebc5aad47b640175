// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

namespace Meridian {

// Help → Keyboard shortcuts: every window action that has a shortcut, with its key, read from the actions
// themselves (a changed shortcut is listed as it is), and the keys the tables and lists understand.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }

private:
    void addRow(const QString& what, const QString& keys);

    QTableWidget* m_table;
};

} // namespace Meridian
