// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/acknowledgedialog.h"

#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Meridian::Faults {

AcknowledgeDialog::AcknowledgeDialog(const QString& title, const QString& where, QWidget* parent)
    : QDialog(parent)
    , m_note(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("acknowledgeDialog"));
    setWindowTitle(tr("Acknowledge incident"));
    auto* incident = new QLabel(where.isEmpty() ? title : tr("%1 on %2").arg(title, where), this);
    incident->setObjectName(QStringLiteral("acknowledgedIncident"));
    QFont bold = incident->font();
    bold.setBold(true);
    incident->setFont(bold);
    incident->setWordWrap(true);
    incident->setTextFormat(Qt::PlainText);
    auto* effect = new QLabel(tr("Acknowledging tells everyone that you are on it. The incident stays open until "
                                 "it recovers; your name and note are kept in the audit log."),
        this);
    effect->setWordWrap(true);
    auto* noteLabel = new QLabel(tr("Note (kept in the audit log):"), this);
    noteLabel->setBuddy(m_note);
    m_note->setObjectName(QStringLiteral("acknowledgeNote"));
    m_note->setPlaceholderText(tr("e.g. replacing the HBM module, ticket 4711"));
    m_note->setTabChangesFocus(true);

    auto* buttons = new QDialogButtonBox(this);
    m_keep = buttons->addButton(tr("Not now"), QDialogButtonBox::RejectRole);
    m_keep->setObjectName(QStringLiteral("keepIncident"));
    // The button names the incident; a long fault text is shortened in the middle, the label above has it all.
    const QString shortTitle = fontMetrics().elidedText(title, Qt::ElideMiddle, 36 * fontMetrics().averageCharWidth());
    m_confirm = buttons->addButton(tr("Acknowledge “%1”").arg(shortTitle), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmAcknowledge"));
    m_confirm->setAutoDefault(false);
    m_confirm->setEnabled(false);
    m_keep->setDefault(true);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] { m_confirm->setEnabled(!note().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(incident);
    layout->addWidget(effect);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note, 1);
    layout->addWidget(buttons);
    resize(520, 320);
    m_note->setFocus();
}

QString AcknowledgeDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

} // namespace Meridian::Faults
