// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The confirmation of a node action: what the server says the drain or
// resume will do (its effect, the jobs on the node with the accelerators
// they hold, the capacity per pool and model), a reason for the audit log
// (drain only), and an explicit confirm button; Cancel is the default.

#include "core/sources/actionclient.h"

#include <QDialog>

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
    // The preview as one line of text: what the audit log keeps as "what the operator confirmed".
    static QString summary(const QString& nodeId, const QString& action, const NodeActionPreview& preview);

private:
    QLabel* m_effect;
    QTableWidget* m_jobs;
    QTableWidget* m_capacity;
    QLineEdit* m_reason;
    QPushButton* m_confirm;
};

} // namespace Meridian::Faults
