// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/nodeactioncontroller.h"

#include "core/session/actionservice.h"
#include "core/sources/slurmactionclient.h"

#include <QWidget>

namespace Meridian::Faults {

NodeActionController::NodeActionController(ActionService* actions, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_actions(actions)
    , m_dialogParent(dialogParent)
{
    if (m_actions)
        connect(m_actions, &ActionService::answered, this, &NodeActionController::onReply);
}

void NodeActionController::request(const QString& nodeId, const QString& action)
{
    ActionKind kind;
    if (!actionFromName(action, true, &kind) || nodeId.isEmpty())
        return;
    QString why = tr("Actions need a console session with sources");
    if (!m_actions || !m_actions->send({ kind, nodeId, {}, true }, {}, &why)) {
        Q_EMIT status(why);
        return;
    }
    m_waiting.insert(nodeId);
    Q_EMIT status(kind == ActionKind::DrainNode ? tr("Asking what draining %1 would do…").arg(nodeId)
                                                : tr("Asking what resuming %1 would do…").arg(nodeId));
}

void NodeActionController::onReply(const ActionReply& reply)
{
    const QString& nodeId = reply.request.target;
    if (!isNodeAction(reply.request.kind) || !m_waiting.contains(nodeId))
        return; // another page's action
    if (!reply.request.dryRun || !reply.ok())
        m_waiting.remove(nodeId);
    Q_EMIT finished(reply);
    if (!reply.ok()) {
        Q_EMIT status(reply.status == 403 ? tr("Refused: %1").arg(reply.error)
                : reply.status == 0       ? tr("No answer: %1").arg(reply.error)
                                          : tr("Failed (%1): %2").arg(reply.status).arg(reply.error));
        return;
    }
    if (!reply.request.dryRun) {
        Q_EMIT status(reply.request.kind == ActionKind::DrainNode
                ? tr("%1 is drained: no new jobs go there").arg(nodeId)
                : tr("%1 is resumed: it takes new jobs again").arg(nodeId));
        return;
    }
    showPreview(reply);
}

void NodeActionController::showPreview(const ActionReply& reply)
{
    const QString action = actionName(reply.request.kind);
    const QString nodeId = reply.request.target;
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = new DrainPreviewDialog(nodeId, action, NodeActionPreview::fromJson(reply.body), m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!reply.manualCommand.isEmpty()) {
        m_dialog->setManualCommand([request = reply.request, fallback = reply.manualCommand](const QString& reason) {
            if (reason.isEmpty())
                return fallback;
            ActionRequest withReason = request;
            withReason.reason = reason;
            return SlurmActionClient::scontrolCommand(withReason, {});
        });
    }
    DrainPreviewDialog* dialog = m_dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, reply, action, nodeId](int result) {
        if (result == QDialog::Accepted) {
            confirmed(reply, dialog->reason());
        } else {
            m_waiting.remove(nodeId);
            Q_EMIT status(tr("Not sent: %1 of %2 was not confirmed").arg(action, nodeId));
        }
    });
    dialog->open();
    Q_EMIT previewShown();
}

void NodeActionController::confirmed(const ActionReply& preview, const QString& reason)
{
    const QString action = actionName(preview.request.kind);
    const QString nodeId = preview.request.target;
    // What the operator confirmed goes into the audit entry with the outcome.
    QString confirmedText = DrainPreviewDialog::summary(nodeId, action, NodeActionPreview::fromJson(preview.body));
    if (!reason.isEmpty())
        confirmedText += QStringLiteral(" — ") + tr("reason: %1").arg(reason);
    ActionRequest request = preview.request;
    request.dryRun = false;
    request.reason = reason;
    QString why;
    if (!m_actions || !m_actions->send(request, confirmedText, &why)) {
        m_waiting.remove(nodeId);
        Q_EMIT status(why);
        return;
    }
    Q_EMIT status(tr("Sending %1 of %2…").arg(action, nodeId));
}

} // namespace Meridian::Faults
