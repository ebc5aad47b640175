// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Drain and resume from the Faults page: asks the session's ActionService for a preview (the service finds
// the source that schedules the node and audits every answer), shows it for confirmation, sends the action,
// and says what happened in words.

#include "core/sources/actionclient.h"
#include "ui/faults/drainpreviewdialog.h"

#include <QObject>
#include <QPointer>
#include <QSet>

namespace Meridian {
class ActionService;
} // namespace Meridian

namespace Meridian::Faults {

class NodeActionController : public QObject
{
    Q_OBJECT
public:
    // `actions` may be null: every request then says that no action is possible.
    NodeActionController(ActionService* actions, QWidget* dialogParent);

    void request(const QString& nodeId, const QString& action); ///< "drain" or "resume": preview first
    DrainPreviewDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    void status(const QString& text); ///< for the page: what happened, in the user's language
    void finished(const Meridian::ActionReply& reply); ///< every answer to this controller's requests (tests)
    void previewShown(); ///< the confirmation dialog is open

private:
    void onReply(const ActionReply& reply);
    void showPreview(const ActionReply& reply);
    void confirmed(const ActionReply& preview, const QString& reason);

    QPointer<ActionService> m_actions;
    QWidget* m_dialogParent;
    QPointer<DrainPreviewDialog> m_dialog;
    QSet<QString> m_waiting; ///< nodes whose answers this controller waits for
};

} // namespace Meridian::Faults
