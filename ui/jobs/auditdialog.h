// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTreeWidget;

namespace Meridian {

class ActionService;

// The console's audit log of actions, newest first. Read-only: nothing here
// (or anywhere in the console) edits or removes an entry.
class AuditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuditDialog(ActionService* actions, QWidget* parent = nullptr);
    QTreeWidget* table() const { return m_table; }
    void reload();

Q_SIGNALS:
    void loaded(int entries);

private:
    ActionService* m_actions;
    QTreeWidget* m_table;
};

} // namespace Meridian
