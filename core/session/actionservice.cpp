// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/actionservice.h"

#include "core/sources/slurmactionclient.h"
#include "core/store/fleetstore.h"
#include "core/util/whenready.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

namespace Meridian {
namespace {

// state.db is shared with the cache writer's batches: a busy database is tried again a few times.
constexpr int AuditAttempts = 5;
constexpr int AuditRetryMs = 500;

} // namespace

ActionService::ActionService(const FleetStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<ActionReply>();
}

QString ActionService::sourceOf(const ActionRequest& request) const
{
    if (!m_store)
        return {};
    if (isNodeAction(request.kind))
        return m_store->sourceFor(request.target, NodeFacet::Scheduling);
    return m_store->sourceForJob(request.target);
}

bool ActionService::target(const ActionRequest& request, SourceEndpoint* to, QString* why) const
{
    if (m_fixed.base.isValid()) {
        *to = m_fixed;
        return true;
    }
    const QString wanted = sourceOf(request);
    for (const SourceConfig& s : m_sources) {
        // A job nobody claims (restored from the cache) goes to a fleet front if there is one.
        const bool match
            = wanted.isEmpty() ? s.kind == SourceConfig::Kind::Fleet && !isNodeAction(request.kind) : s.name == wanted;
        if (!match)
            continue;
        if (SourceEndpoints::resolve(s, to, why))
            return true;
        *why = tr("No action possible: %1").arg(*why);
        return false;
    }
    *why = isNodeAction(request.kind) ? tr("No source can act on node %1").arg(request.target)
                                      : tr("No action possible: %1").arg(tr("no source serves this job"));
    return false;
}

ActionClient* ActionService::clientFor(const SourceEndpoint& to)
{
    // Per source and protocol: a source edited from one kind to another gets a client that speaks the new one.
    ActionClient*& client = m_clients[to.source + u'\x1f' + sourceKindKey(to.kind)];
    if (!client) {
        // The engine's own protocol: slurmrestd for a Slurm source, protocol v1 for agents and fleet fronts.
        if (to.kind == SourceConfig::Kind::Slurm)
            client = new SlurmActionClient(this);
        else
            client = new ProtocolActionClient(this);
        connect(client, &ActionClient::finished, this, &ActionService::onAnswer);
    }
    return client;
}

bool ActionService::canSend(const ActionRequest& request, QString* why) const
{
    SourceEndpoint to;
    return target(request, &to, why);
}

bool ActionService::send(const ActionRequest& request, const QString& preview, QString* why)
{
    SourceEndpoint to;
    if (!target(request, &to, why))
        return false;
    // The node by the name the acting source knows it under (Slurm's "gpu001" for "gpu001.example.org").
    ActionRequest sent = request;
    if (isNodeAction(request.kind) && m_store && !m_fixed.base.isValid())
        sent.target = m_store->nameAt(request.target, to.source);
    ActionClient* client = clientFor(to);
    if (client->isBusy() || !client->send(to, sent)) {
        *why = tr("Another action is still being sent");
        return false;
    }
    m_pendingPreview.insert(client, preview);
    return true;
}

void ActionService::onAnswer(const ActionReply& reply)
{
    auto* client = qobject_cast<ActionClient*>(sender());
    audit(reply, m_pendingPreview.take(client));
    Q_EMIT answered(reply);
}

void ActionService::audit(const ActionReply& reply, const QString& preview)
{
    if (!m_audit)
        return;
    AuditEntry e;
    e.timestampMs = QDateTime::currentMSecsSinceEpoch(); // the console's own action: its clock
    e.principal = qEnvironmentVariable("USER", QStringLiteral("console"));
    e.source = reply.source;
    // "drain-node", "cancel": a node action is named so in the table whose target column is the job's.
    QString action = actionName(reply.request.kind);
    if (isNodeAction(reply.request.kind))
        action += QStringLiteral("-node");
    e.action = reply.request.dryRun ? action + QStringLiteral(" (preview)") : action;
    e.jobId = reply.request.target;
    e.preview = preview;
    e.result = reply.ok() ? QString::fromUtf8(QJsonDocument(reply.body).toJson(QJsonDocument::Compact)) : reply.error;
    e.status = reply.status;
    // The table's columns are NOT NULL: an empty text, never a null one.
    for (QString* text : { &e.principal, &e.source, &e.preview, &e.result })
        if (text->isNull())
            *text = QStringLiteral("");
    append(e, AuditAttempts);
}

void ActionService::append(const AuditEntry& entry, int attemptsLeft)
{
    whenReady(this, m_audit->append(entry), [this, entry, attemptsLeft](bool ok) {
        if (!ok && attemptsLeft > 1 && m_audit)
            QTimer::singleShot(AuditRetryMs, this, [this, entry, attemptsLeft] { append(entry, attemptsLeft - 1); });
        else if (!ok)
            Q_EMIT auditFailed(m_audit ? m_audit->lastError() : tr("no audit log"));
    });
}

QFuture<QList<AuditEntry>> ActionService::auditLog(int limit)
{
    if (!m_audit)
        return QtFuture::makeReadyFuture(QList<AuditEntry>());
    return m_audit->entries(limit);
}

} // namespace Meridian
