// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/auditdialog.h"

#include "core/session/actionservice.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/tablelayout.h"
#include "ui/jobs/audittext.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>

namespace Meridian {

AuditDialog::AuditDialog(ActionService* actions, QWidget* parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_table(new QTreeWidget(this))
    , m_count(new QLabel(this))
{
    setWindowTitle(tr("Audit log of actions"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_count->setObjectName(QStringLiteral("auditCount"));
    // Each entry expands to its raw record (confirmed preview, HTTP status, the engine's answer).
    m_table->setRootIsDecorated(true);
    m_table->setHeaderLabels({ tr("When"), tr("Who"), tr("What"), tr("On what"), tr("Through"), tr("Result") });
    // The result is what a person reads; who did it and the target are identifiers.
    if (TableLayout* layout = TableLayout::apply(m_table, QStringLiteral("jobs/auditLog"),
            { .key = ResultColumn, .identifiers = { WhoColumn, TargetColumn } }))
        connect(this, &QDialog::finished, layout, &TableLayout::save); // a dialog's table is gone before the quit
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, &AuditDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(1000, 480);
    m_count->setText(tr("Loading the audit log…"));
    reload();
}

void AuditDialog::showEntries(const QList<AuditEntry>& entries)
{
    m_table->clear();
    for (const AuditEntry& e : entries) {
        auto* item = new QTreeWidgetItem(m_table);
        item->setText(WhenColumn, Format::timestamp(e.timestampMs));
        item->setText(WhoColumn, e.principal);
        item->setText(WhatColumn, AuditText::what(e));
        item->setText(TargetColumn, AuditText::target(e));
        item->setText(SourceColumn, e.source);
        item->setText(ResultColumn, AuditText::result(e));
        const QString tip = AuditText::sentence(e) + QStringLiteral("\n\n") + AuditText::details(e);
        for (int column = 0; column < ColumnCount; ++column)
            item->setToolTip(column, tip);
        auto* details = new QTreeWidgetItem(item);
        details->setText(0, AuditText::details(e));
        details->setFirstColumnSpanned(true);
        details->setForeground(0, palette().brush(QPalette::PlaceholderText));
    }
    m_count->setText(entries.isEmpty()
            ? tr("No actions recorded yet")
            : tr("%n action(s) recorded, newest first; expand one for its details", "", int(entries.size())));
}

void AuditDialog::reload()
{
    if (!m_actions) {
        m_count->setText(tr("No audit log: the console has no cache"));
        return;
    }
    whenReady(this, m_actions->auditLog(), [this](const QList<AuditEntry>& entries) {
        showEntries(entries);
        Q_EMIT loaded(int(entries.size()));
    });
}

} // namespace Meridian
