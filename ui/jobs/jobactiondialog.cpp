// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobactiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Meridian {

JobActionDialog::JobActionDialog(ActionKind kind, const QString& jobId, const QString& preview, QWidget* parent)
    : QDialog(parent)
    , m_reason(new QLineEdit(this))
{
    setObjectName(QStringLiteral("confirmJobAction"));
    const bool cancel = kind == ActionKind::CancelJob;
    setWindowTitle(cancel ? tr("Cancel job %1").arg(jobId) : tr("Requeue job %1").arg(jobId));

    auto* question = new QLabel(cancel ? tr("Cancel job %1?").arg(jobId) : tr("Requeue job %1?").arg(jobId), this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    question->setTextFormat(Qt::PlainText);
    auto* effect = new QLabel(cancel
            ? tr("The job stops on every node it runs on and its accelerators are freed. Work since its last "
                 "checkpoint is lost, and a cancelled job cannot be resumed.")
            : tr("The job stops and goes back to the queue; it starts again from its last checkpoint when "
                 "accelerators are free. Work since that checkpoint is lost."),
        this);
    effect->setObjectName(QStringLiteral("jobActionEffect"));
    effect->setWordWrap(true);
    auto* scheduler = new QLabel(tr("The scheduler's preview: %1").arg(preview), this);
    scheduler->setObjectName(QStringLiteral("jobActionPreview"));
    scheduler->setWordWrap(true);
    scheduler->setTextFormat(Qt::PlainText);
    scheduler->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_reason->setObjectName(QStringLiteral("jobActionReason"));
    m_reason->setMaxLength(256);
    m_reason->setPlaceholderText(tr("e.g. stuck at the same step for 2 h, ticket 4711"));
    auto* form = new QFormLayout;
    form->addRow(tr("Reason (kept in the audit log):"), m_reason);

    auto* buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(cancel ? tr("Keep running") : tr("Leave it as it is"), QDialogButtonBox::RejectRole);
    m_keep->setObjectName(QStringLiteral("keepJob"));
    m_confirm = buttons->addButton(
        cancel ? tr("Cancel job %1").arg(jobId) : tr("Requeue job %1").arg(jobId), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmJobActionButton"));
    m_confirm->setAutoDefault(false);
    m_confirm->setEnabled(false);
    m_keep->setDefault(true);
    // No destructive action without a reason a colleague can read later.
    connect(m_reason, &QLineEdit::textChanged, this, [this] { m_confirm->setEnabled(!reason().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(effect);
    layout->addWidget(scheduler);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
    m_reason->setFocus();
}

QString JobActionDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace Meridian
