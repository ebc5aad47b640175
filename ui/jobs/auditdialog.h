// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/actionservice.h" // AuditEntry (a page never includes the audit store)

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace Meridian {

class ActionService;

// The console's audit log of actions, newest first, in words (AuditText): who, what, on what,
// through which source, how it ended; each row expands to its raw record. Read-only: nothing here
// (or anywhere in the console) edits or removes an entry.
class AuditDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AuditDialog(ActionService* actions, QWidget* parent = nullptr);
    enum Column { WhenColumn, WhoColumn, WhatColumn, TargetColumn, SourceColumn, ResultColumn, ColumnCount };
    QTreeWidget* table() const { return m_table; }
    QLabel* countLabel() const { return m_count; }
    void reload();
    void showEntries(const QList<AuditEntry>& entries); ///< what reload() shows (tests)

Q_SIGNALS:
    void loaded(int entries);

private:
    ActionService* m_actions;
    QTreeWidget* m_table;
    QLabel* m_count;
};

} // namespace Meridian
