// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The confirmation of a node action: what the server says the drain or
// resume will do (its effect, the jobs on the node with the accelerators
// they hold, the capacity per pool and model), a reason for the audit log
// (drain only), and buttons that name the action and the node ("Drain node-7" / "Keep node-7 in
// service"); keeping the node as it is, is the default.

#include "core/sources/actionclient.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Meridian::Faults {

class DrainPreviewDialog : public QDialog
{
    Q_OBJECT
public:
    DrainPreviewDialog(
        const QString& nodeId, const QString& action, const NodeActionPreview& preview, QWidget* parent = nullptr);
    QString reason() const;
    QTableWidget* jobs() const { return m_jobs; }
    QTableWidget* capacity() const { return m_capacity; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* keepButton() const { return m_keep; } ///< closes the dialog, nothing sent
    // The engine's API cannot do this (Slurm's v0.0.38 has no node update): the dialog says so, shows the command
    // to run on a Slurm host instead (COMMAND makes it from the reason typed, which it follows) and offers to copy
    // it. There is nothing to confirm: the console does not pretend to act.
    void setManualCommand(std::function<QString(const QString& reason)> command);
    QLineEdit* manualCommand() const { return m_command; }
    // The preview as one line of text: what the audit log keeps as "what the operator confirmed".
    static QString summary(const QString& nodeId, const QString& action, const NodeActionPreview& preview);

private:
    QLabel* m_effect;
    QTableWidget* m_jobs;
    QTableWidget* m_capacity;
    QLineEdit* m_reason;
    QPushButton* m_confirm;
    QPushButton* m_keep;
    QLineEdit* m_command = nullptr;
};

} // namespace Meridian::Faults
