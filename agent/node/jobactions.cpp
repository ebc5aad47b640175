// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/jobactions.h"

#include "agent/common/httpservice.h"
#include "agent/common/roles.h"
#include "agent/node/actioncommand.h"
#include "agent/node/agentstate.h"
#include "agent/node/jobmapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace Meridian::Agent {

QStringList JobActions::expand(const QString& commandLine, const QString& jobId)
{
    QStringList args = QProcess::splitCommand(commandLine);
    for (QString& a : args)
        a.replace(QStringLiteral("%j"), jobId);
    return args;
}

JobActions::JobActions(HttpService* service, const AgentState* state, JobActionCommands commands,
    std::shared_ptr<const RoleTable> roles, AuditLog* audit)
    : m_state(state)
    , m_commands(std::move(commands))
    , m_roles(std::move(roles))
    , m_audit(audit)
{
    service->router().post(R"(/api/v1/jobs/([A-Za-z0-9._:@+-]{1,128})/(cancel|requeue))",
        [this](const HttpRequest& req, HttpResponse& res) {
            const Caller caller = callerOf(req, m_roles.get());
            ActionAudit audit(req, caller, m_audit);
            const QString& jobId = audit.target();
            const QString& action = audit.action();
            bool dryRun = false;
            if (!req.body.empty()) {
                const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
                const QJsonObject o = doc.object();
                if (!doc.isObject() || o.size() > 1 || (o.size() == 1 && !o.value(QStringLiteral("dryRun")).isBool())) {
                    replyError(res, 400, QStringLiteral("expected {\"dryRun\": true|false}"));
                    return audit.finish(res, QStringLiteral("refused"), QStringLiteral("bad body"));
                }
                dryRun = o.value(QStringLiteral("dryRun")).toBool();
            }
            if (!requireRole(caller, Role::Operator, res))
                return audit.refused(res);
            const QString& line = action == QLatin1String("cancel") ? m_commands.cancel : m_commands.requeue;
            if (line.isEmpty()) {
                replyError(res, 501,
                    QStringLiteral("this agent has no %1 command: start it with --%1-command \"…%%j…\"").arg(action));
                return audit.finish(res, QStringLiteral("refused"), QStringLiteral("no command configured"));
            }
            if (!JobMappingReader::isValidJobId(jobId.toLatin1())) {
                replyError(res, 400, QStringLiteral("not a valid job id"));
                return audit.finish(res, QStringLiteral("refused"), QStringLiteral("invalid job id"));
            }
            Protocol::JobPlacement placement;
            for (const Protocol::JobPlacement& j : m_state->snapshot().jobs)
                if (j.jobId == jobId)
                    placement = j;
            if (placement.jobId.isEmpty()) {
                replyError(res, 409, QStringLiteral("job %1 is not placed on this node").arg(jobId));
                return audit.finish(res, QStringLiteral("refused"), QStringLiteral("job not on this node"));
            }
            const QStringList args = expand(line, jobId);
            if (args.isEmpty()) {
                replyError(res, 500, QStringLiteral("the configured %1 command is empty after parsing").arg(action));
                return audit.finish(res, QStringLiteral("failed"), QStringLiteral("bad command line"));
            }
            QJsonArray accelerators;
            for (int a : placement.accelerators)
                accelerators.append(a);
            QJsonObject body { { QStringLiteral("job"), jobId }, { QStringLiteral("action"), action },
                { QStringLiteral("stateBefore"),
                    placement.state.isEmpty() ? QStringLiteral("running") : placement.state },
                { QStringLiteral("accelerators"), int(placement.accelerators.size()) },
                { QStringLiteral("acceleratorIndexes"), accelerators },
                { QStringLiteral("nodes"), QJsonArray { m_state->inventory().nodeId } },
                { QStringLiteral("command"), QJsonArray::fromStringList(args) },
                { QStringLiteral("effect"),
                    QStringLiteral("runs %1 on %2 for %3 accelerators")
                        .arg(args.join(u' '), m_state->inventory().nodeId)
                        .arg(placement.accelerators.size()) } };
            if (dryRun) {
                body.insert(QStringLiteral("dryRun"), true);
                replyJson(res, QJsonDocument(body).toJson(QJsonDocument::Compact));
                return audit.finish(res, QStringLiteral("previewed"), args.join(u' '));
            }
            runActionCommand(
                args, m_commands.timeoutMs, body,
                [&action](QJsonObject* reply) {
                    reply->insert(QStringLiteral("stateAfter"),
                        action == QLatin1String("cancel") ? QStringLiteral("cancelled") : QStringLiteral("queued"));
                },
                res, &audit);
        });
}

} // namespace Meridian::Agent
