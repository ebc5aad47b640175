// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/auditdialog.h"

#include "core/session/actionservice.h"
#include "core/util/whenready.h"
#include "ui/common/displayformat.h"
#include "ui/common/tablelayout.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>

namespace Meridian {

AuditDialog::AuditDialog(ActionService* actions, QWidget* parent)
    : QDialog(parent)
    , m_actions(actions)
    , m_table(new QTreeWidget(this))
{
    setWindowTitle(tr("Audit log of job actions"));
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setRootIsDecorated(false);
    m_table->setHeaderLabels(
        { tr("When"), tr("Who"), tr("Source"), tr("Action"), tr("Job"), tr("Status"), tr("Preview"), tr("Result") });
    // The result is what a person reads; the job and who did it are identifiers.
    if (TableLayout* layout
        = TableLayout::apply(m_table, QStringLiteral("jobs/audit"), { .key = 7, .identifiers = { 1, 4 } }))
        connect(this, &QDialog::finished, layout, &TableLayout::save); // a dialog's table is gone before the quit
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refresh = buttons->addButton(tr("Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, &AuditDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(1000, 480);
    reload();
}

void AuditDialog::reload()
{
    whenReady(this, m_actions->auditLog(), [this](const QList<AuditEntry>& entries) {
        m_table->clear();
        for (const AuditEntry& e : entries) {
            auto* item = new QTreeWidgetItem(m_table);
            item->setText(0, Format::timestamp(e.timestampMs));
            item->setText(1, e.principal);
            item->setText(2, e.source);
            item->setText(3, e.action);
            item->setText(4, e.jobId);
            item->setText(5, e.status > 0 ? QString::number(e.status) : tr("no answer"));
            item->setText(6, e.preview);
            item->setText(7, e.result);
            item->setToolTip(6, e.preview);
            item->setToolTip(7, e.result);
        }
        if (entries.isEmpty()) {
            auto* item = new QTreeWidgetItem(m_table);
            item->setText(6, tr("No actions recorded yet"));
        }
        Q_EMIT loaded(int(entries.size()));
    });
}

} // namespace Meridian
