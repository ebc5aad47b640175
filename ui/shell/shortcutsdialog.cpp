// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/shortcutsdialog.h"

#include "ui/common/tablelayout.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Meridian {

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setObjectName(QStringLiteral("shortcutsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Action"), tr("Keys") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false);
    for (const QAction* action : actions) {
        if (!action->shortcut().isEmpty())
            addRow(action->text().remove(QLatin1Char('&')), action->shortcut().toString(QKeySequence::NativeText));
    }
    addRow(tr("Open the selected row (node, job, incident)"), tr("Enter"));
    addRow(tr("Move between rows"), tr("Up, Down, Page Up, Page Down"));
    addRow(tr("Choose in the Ctrl+K box; close it"), tr("Up, Down, Enter; Esc"));
    TableLayout::apply(m_table, QStringLiteral("shell/shortcuts"), { .key = 0 });

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(560, 460);
}

void ShortcutsDialog::addRow(const QString& what, const QString& keys)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(what));
    m_table->setItem(row, 1, new QTableWidgetItem(keys));
}

} // namespace Meridian
