// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QTreeWidget;

namespace Meridian {

class AuditStore;

// The cache's audit log of job actions, newest first. Read-only: nothing here
// (or anywhere in the console) edits or removes an entry.
class AuditView : public QDialog
{
    Q_OBJECT
public:
    explicit AuditView(AuditStore* store, QWidget* parent = nullptr);
    QTreeWidget* table() const { return m_table; }
    void reload();

Q_SIGNALS:
    void loaded(int entries);

private:
    AuditStore* m_store;
    QTreeWidget* m_table;
};

} // namespace Meridian
