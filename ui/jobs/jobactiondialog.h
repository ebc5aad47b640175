// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The confirmation of a job action (cancel, requeue): what will happen in words, what the scheduler's
// preview says, a reason for the audit log (required), and buttons that name the action and the job
// ("Cancel job job-000072" / "Keep running"). Keeping the job as it is, is the default.

#include "core/sources/actionclient.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace Meridian {

class JobActionDialog : public QDialog
{
    Q_OBJECT
public:
    // kind: CancelJob or RequeueJob; preview: the scheduler's account of the dry run, in one paragraph.
    JobActionDialog(ActionKind kind, const QString& jobId, const QString& preview, QWidget* parent = nullptr);

    QString reason() const; ///< trimmed
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* keepButton() const { return m_keep; }

private:
    QLineEdit* m_reason;
    QPushButton* m_confirm;
    QPushButton* m_keep;
};

} // namespace Meridian
