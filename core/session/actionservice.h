// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Actions on jobs and nodes, for every page: each goes to the engine that can carry it out (a job to the
// source that reported it, a node action to the source that schedules the node — the scheduler when one
// reports it, else the node's agent or fleet front), with that source's credentials; a dry run first (the
// preview an operator confirms), then the action. Every answer, refusal and failure is appended to the
// console's audit log, which the same service reads back.

#include "core/cache/auditstore.h"
#include "core/sources/actionclient.h"
#include "core/sources/sourceconfig.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace Meridian {

class FleetStore;

class ActionService : public QObject
{
    Q_OBJECT
public:
    ActionService(const FleetStore* store, QObject* parent = nullptr);

    // The sources actions may go to (the session's configuration, credentials resolved), and the audit log.
    void setSources(const QList<SourceConfig>& sources) { m_sources = sources; }
    void setAuditStore(AuditStore* audit) { m_audit = audit; }
    // Tests without a session: every action goes there.
    void setFixedTarget(const SourceEndpoint& to) { m_fixed = to; }

    // Sends the request. `preview` is what the operator saw and confirmed (empty for a dry run): it goes into
    // the audit entry with the answer. False, with the reason, when there is nowhere to send it or a request
    // of the same engine is still on its way.
    bool send(const ActionRequest& request, const QString& preview, QString* why);
    // Whether there is an engine to send it to (with usable credentials); why not, otherwise.
    bool canSend(const ActionRequest& request, QString* why) const;
    QFuture<QList<AuditEntry>> auditLog(int limit = 1000);
    bool hasAuditLog() const { return m_audit != nullptr; }

Q_SIGNALS:
    void answered(const Meridian::ActionReply& reply);
    void auditFailed(const QString& why);

private:
    bool target(const ActionRequest& request, SourceEndpoint* to, QString* why) const;
    QString sourceOf(const ActionRequest& request) const;
    ActionClient* clientFor(const SourceEndpoint& to);
    void onAnswer(const ActionReply& reply);
    void audit(const ActionReply& reply, const QString& preview);
    void append(const AuditEntry& entry, int attemptsLeft);

    const FleetStore* m_store;
    QList<SourceConfig> m_sources;
    QPointer<AuditStore> m_audit;
    SourceEndpoint m_fixed;
    QHash<QString, ActionClient*> m_clients; ///< one per source: a request at a time per engine
    QHash<ActionClient*, QString> m_pendingPreview;
};

} // namespace Meridian
