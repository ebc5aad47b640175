// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Drain and resume from the Faults page: finds who can act on the node (the
// source that reports it, with that source's token), asks for a preview,
// shows it for confirmation, sends the action, and appends the preview, the
// outcome and refusals to the console's audit table (state.db) — the same
// table and the same way as the Jobs page's job actions.

#include "core/sources/nodeactionclient.h"
#include "ui/faults/drainpreviewdialog.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

namespace Meridian {
struct AuditEntry;
class AuditStore;
class FleetSession;
class FleetStore;
} // namespace Meridian

namespace Meridian::Faults {

class NodeActionController : public QObject
{
    Q_OBJECT
public:
    NodeActionController(FleetStore* store, FleetSession* session, QWidget* dialogParent);
    void setAuditStore(AuditStore* audit) { m_audit = audit; }
    // Tests without a session: every node is reached through `to`.
    void setFixedTarget(const SourceEndpoint& to) { m_fixed = to; }

    void request(const QString& nodeId, const QString& action); ///< "drain" or "resume": preview first
    DrainPreviewDialog* dialog() const { return m_dialog; }

Q_SIGNALS:
    void status(const QString& text); ///< for the page: what happened, in the user's language
    void finished(const Meridian::Faults::NodeActionReply& reply); ///< every answer (tests)
    void previewShown(); ///< the confirmation dialog is open

private:
    bool target(const QString& nodeId, SourceEndpoint* to, QString* why) const;
    void onReply(const NodeActionReply& reply);
    void confirmed(const NodeActionReply& preview, const QString& reason);
    void audit(const NodeActionReply& reply, const QString& preview);
    void append(const AuditEntry& entry, int attemptsLeft);

    FleetStore* m_store;
    FleetSession* m_session;
    QWidget* m_dialogParent;
    AuditStore* m_audit = nullptr;
    NodeActionClient* m_client;
    QPointer<DrainPreviewDialog> m_dialog;
    QString m_pendingSource;
    QString m_pendingPreview;
    SourceEndpoint m_fixed;
};

} // namespace Meridian::Faults
