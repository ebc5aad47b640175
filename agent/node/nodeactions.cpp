// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/nodeactions.h"

#include "agent/common/httpservice.h"
#include "agent/common/nodeactionbody.h"
#include "agent/common/roles.h"
#include "agent/node/actioncommand.h"
#include "agent/node/agentstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace Meridian::Agent {
namespace {

// What the node holds: its jobs with their accelerators, and the usable chips per model it takes out.
QJsonObject preview(const Protocol::NodeInventory& inventory, const Protocol::Snapshot& snapshot)
{
    QJsonArray jobs;
    for (const Protocol::JobPlacement& j : snapshot.jobs) {
        QJsonArray accelerators;
        for (int a : j.accelerators)
            accelerators.append(a);
        jobs.append(QJsonObject { { QStringLiteral("id"), j.jobId }, { QStringLiteral("name"), j.name },
            { QStringLiteral("tenant"), j.tenant },
            { QStringLiteral("state"), j.state.isEmpty() ? QStringLiteral("running") : j.state },
            { QStringLiteral("accelerators"), accelerators } });
    }
    struct Count
    {
        QString vendor;
        int usable = 0, allocated = 0;
    };
    QMap<QString, Count> models;
    for (const Protocol::AcceleratorInfo& info : inventory.accelerators) {
        Protocol::AcceleratorSample sample;
        for (const Protocol::AcceleratorSample& s : snapshot.sample.accelerators)
            if (s.index == info.index)
                sample = s;
        Count& c = models[info.model];
        c.vendor = info.vendor;
        if (sample.health == Protocol::AcceleratorHealth::Faulty)
            continue;
        ++c.usable;
        c.allocated += sample.jobId.isEmpty() ? 0 : 1;
    }
    QJsonArray capacity;
    for (auto it = models.cbegin(); it != models.cend(); ++it)
        capacity.append(QJsonObject { { QStringLiteral("region"), inventory.region },
            { QStringLiteral("pool"), inventory.pool }, { QStringLiteral("model"), it.key() },
            { QStringLiteral("vendor"), it->vendor }, { QStringLiteral("accelerators"), it->usable },
            { QStringLiteral("free"), it->usable - it->allocated }, { QStringLiteral("allocated"), it->allocated } });
    return QJsonObject { { QStringLiteral("jobs"), jobs }, { QStringLiteral("capacity"), capacity } };
}

} // namespace

QStringList NodeActions::expand(const QString& commandLine, const QString& nodeId, const QString& reason)
{
    QStringList args = QProcess::splitCommand(commandLine);
    for (QString& a : args) {
        // One pass, so that a reason containing "%n" is not expanded again.
        QString out;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i] == u'%' && i + 1 < a.size() && (a[i + 1] == u'n' || a[i + 1] == u'r')) {
                out += a[i + 1] == u'n' ? nodeId : reason;
                ++i;
            } else {
                out += a[i];
            }
        }
        a = out;
    }
    return args;
}

NodeActions::NodeActions(HttpService* service, const AgentState* state, NodeActionCommands commands,
    std::shared_ptr<const RoleTable> roles, AuditLog* audit)
    : m_state(state)
    , m_commands(std::move(commands))
    , m_roles(std::move(roles))
    , m_audit(audit)
{
    service->router().post(R"(/api/v1/nodes/([A-Za-z0-9._:@+-]{1,128})/(drain|resume))",
        [this](const HttpRequest& req, HttpResponse& res) {
            const Caller caller = callerOf(req, m_roles.get());
            ActionAudit audit(req, caller, m_audit);
            const QString& nodeId = audit.target();
            const QString& action = audit.action();
            NodeActionBody body;
            QString error;
            if (!parseNodeActionBody(req.body, &body, &error)) {
                replyError(res, 400, error);
                return audit.finish(res, QStringLiteral("refused"), error);
            }
            if (!requireRole(caller, Role::Operator, res))
                return audit.refused(res);
            const Protocol::NodeInventory inventory = m_state->inventory();
            if (nodeId != inventory.nodeId) {
                replyError(res, 404, QStringLiteral("this agent is node %1").arg(inventory.nodeId));
                return audit.finish(res, QStringLiteral("refused"), QStringLiteral("not this node"));
            }
            const QString& line = action == QLatin1String("drain") ? m_commands.drain : m_commands.resume;
            if (line.isEmpty()) {
                replyError(res, 501,
                    QStringLiteral("this agent has no %1 command: start it with --%1-command \"…%%n…\"").arg(action));
                return audit.finish(res, QStringLiteral("refused"), QStringLiteral("no command configured"));
            }
            const QStringList args = expand(line, nodeId, body.reason);
            if (args.isEmpty()) {
                replyError(res, 500, QStringLiteral("the configured %1 command is empty after parsing").arg(action));
                return audit.finish(res, QStringLiteral("failed"), QStringLiteral("bad command line"));
            }
            QJsonObject reply = preview(inventory, m_state->snapshot());
            reply.insert(QStringLiteral("node"), nodeId);
            reply.insert(QStringLiteral("action"), action);
            reply.insert(QStringLiteral("reason"), body.reason);
            reply.insert(QStringLiteral("command"), QJsonArray::fromStringList(args));
            reply.insert(QStringLiteral("effect"),
                QStringLiteral("runs %1; the scheduler decides what happens to the %2 job(s) on the node")
                    .arg(args.join(u' '))
                    .arg(reply.value(QStringLiteral("jobs")).toArray().size()));
            if (body.dryRun) {
                reply.insert(QStringLiteral("dryRun"), true);
                replyJson(res, QJsonDocument(reply).toJson(QJsonDocument::Compact));
                return audit.finish(res, QStringLiteral("previewed"), args.join(u' '));
            }
            runActionCommand(
                args, m_commands.timeoutMs, reply,
                [&action](
                    QJsonObject* r) { r->insert(QStringLiteral("drainedAfter"), action == QLatin1String("drain")); },
                res, &audit);
        });
}

} // namespace Meridian::Agent
