// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Acknowledging an incident: which one (its fault and where), what acknowledging does, a note for the
// audit log (required), and buttons that say so ("Acknowledge “HBM ECC errors”" / "Not now").

#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace Meridian::Faults {

class AcknowledgeDialog : public QDialog
{
    Q_OBJECT
public:
    // title: the incident's fault as the table shows it; where: its node, rack, pool or link.
    AcknowledgeDialog(const QString& title, const QString& where, QWidget* parent = nullptr);

    QString note() const; ///< trimmed
    QPlainTextEdit* noteEdit() const { return m_note; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* keepButton() const { return m_keep; }

private:
    QPlainTextEdit* m_note;
    QPushButton* m_confirm;
    QPushButton* m_keep;
};

} // namespace Meridian::Faults
