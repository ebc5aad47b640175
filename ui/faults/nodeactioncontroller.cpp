// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/nodeactioncontroller.h"

#include "core/cache/auditstore.h"
#include "core/net/httpclient.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"
#include "ui/faults/drainpreviewdialog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>
#include <QWidget>

namespace Meridian::Faults {

NodeActionController::NodeActionController(FleetStore* store, FleetSession* session, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_store(store)
    , m_session(session)
    , m_dialogParent(dialogParent)
    , m_client(new NodeActionClient(this))
{
    connect(m_client, &NodeActionClient::finished, this, &NodeActionController::onReply);
}

bool NodeActionController::target(const QString& nodeId, SourceEndpoint* to, QString* why) const
{
    if (m_fixed.base.isValid()) {
        *to = m_fixed;
        return true;
    }
    if (!m_session) {
        *why = tr("Actions need a console session with sources");
        return false;
    }
    // The source that reports the node acts on it: a fleet front for its nodes, an agent for itself.
    const FleetNode* node = m_store->node(nodeId);
    const QList<SourceConfig> sources = m_session->sources();
    for (const SourceConfig& s : sources) {
        if (node && s.name == node->source) {
            if (SourceEndpoints::resolve(s, to, why))
                return true;
            *why = tr("No action possible: %1").arg(*why);
            return false;
        }
    }
    *why = tr("No source can act on node %1").arg(nodeId);
    return false;
}

void NodeActionController::request(const QString& nodeId, const QString& action)
{
    if (!NodeActionClient::isValidAction(action) || nodeId.isEmpty())
        return;
    SourceEndpoint to;
    QString why;
    if (!target(nodeId, &to, &why)) {
        Q_EMIT status(why);
        return;
    }
    m_pendingSource = to.source;
    m_pendingPreview.clear();
    if (!m_client->send(to, nodeId, action, {}, true)) {
        Q_EMIT status(tr("Another action is still being sent"));
        return;
    }
    Q_EMIT status(action == QLatin1String("drain") ? tr("Asking what draining %1 would do…").arg(nodeId)
                                                   : tr("Asking what resuming %1 would do…").arg(nodeId));
}

void NodeActionController::onReply(const NodeActionReply& reply)
{
    Q_EMIT finished(reply);
    if (reply.ok() && reply.dryRun)
        m_pendingPreview
            = DrainPreviewDialog::summary(reply.nodeId, reply.action, NodeActionPreview::fromJson(reply.body));
    audit(reply, m_pendingPreview);
    if (!reply.ok()) {
        Q_EMIT status(reply.status == 403 ? tr("Refused: %1").arg(reply.error)
                : reply.status == 0       ? tr("No answer: %1").arg(reply.error)
                                          : tr("Failed (%1): %2").arg(reply.status).arg(reply.error));
        return;
    }
    if (!reply.dryRun) {
        Q_EMIT status(reply.action == QLatin1String("drain")
                ? tr("%1 is drained: no new jobs go there").arg(reply.nodeId)
                : tr("%1 is resumed: it takes new jobs again").arg(reply.nodeId));
        return;
    }
    const NodeActionPreview preview = NodeActionPreview::fromJson(reply.body);
    if (m_dialog)
        m_dialog->deleteLater();
    m_dialog = new DrainPreviewDialog(reply.nodeId, reply.action, preview, m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    DrainPreviewDialog* dialog = m_dialog;
    connect(dialog, &QDialog::finished, this, [this, dialog, reply](int result) {
        if (result == QDialog::Accepted)
            confirmed(reply, dialog->reason());
        else
            Q_EMIT status(tr("Not sent: %1 of %2 was not confirmed").arg(reply.action, reply.nodeId));
    });
    dialog->open();
    Q_EMIT previewShown();
}

void NodeActionController::confirmed(const NodeActionReply& preview, const QString& reason)
{
    SourceEndpoint to;
    QString why;
    if (!target(preview.nodeId, &to, &why)) {
        Q_EMIT status(why);
        return;
    }
    m_pendingSource = to.source;
    if (!m_client->send(to, preview.nodeId, preview.action, reason, false)) {
        Q_EMIT status(tr("Another action is still being sent"));
        return;
    }
    if (!reason.isEmpty())
        m_pendingPreview += QStringLiteral(" — ") + tr("reason: %1").arg(reason);
    Q_EMIT status(tr("Sending %1 of %2…").arg(preview.action, preview.nodeId));
}

void NodeActionController::audit(const NodeActionReply& reply, const QString& preview)
{
    if (!m_audit)
        return;
    AuditEntry e;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch(); // the console's own action: its clock
    e.principal = qEnvironmentVariable("USER", QStringLiteral("console"));
    e.source = m_pendingSource;
    const QString action = reply.action + QStringLiteral("-node");
    e.action = reply.dryRun ? action + QStringLiteral(" (preview)") : action;
    e.jobId = reply.nodeId; // the table's target column
    e.preview = preview;
    e.result = reply.ok() ? QString::fromUtf8(QJsonDocument(reply.body).toJson(QJsonDocument::Compact)) : reply.error;
    e.status = reply.status;
    // The table's columns are NOT NULL: an empty text, never a null one.
    for (QString* text : { &e.principal, &e.source, &e.preview, &e.result })
        if (text->isNull())
            *text = QStringLiteral("");
    append(e, 5);
}

void NodeActionController::append(const AuditEntry& entry, int attemptsLeft)
{
    // state.db is shared with the cache writer's batches: a busy database is tried again a few times.
    whenReady(this, m_audit->append(entry), [this, entry, attemptsLeft](bool ok) {
        if (!ok && attemptsLeft > 1)
            QTimer::singleShot(500, this, [this, entry, attemptsLeft] { append(entry, attemptsLeft - 1); });
        else if (!ok)
            Q_EMIT status(tr("The action could not be written to the audit log: %1").arg(m_audit->lastError()));
    });
}

} // namespace Meridian::Faults
