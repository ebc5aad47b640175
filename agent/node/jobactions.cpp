// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobactions.h"

#include "agentstate.h"
#include "auditlog.h"
#include "httpservice.h"
#include "jobmapping.h"
#include "roles.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <httplib.h>

namespace Meridian::Agent {
namespace {
constexpr qsizetype MaxOutputBytes = 4096;
}

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
    service->server().Post(R"(/api/v1/jobs/([A-Za-z0-9._:@+-]{1,128})/(cancel|requeue))",
        [this](const httplib::Request& req, httplib::Response& res) {
            const Caller caller = callerOf(req, m_roles.get());
            AuditRecord record;
            record.timestampMs = QDateTime::currentMSecsSinceEpoch();
            record.principal = caller.principal;
            record.role = toString(caller.role);
            record.target = QString::fromStdString(req.matches[1].str());
            record.action = QString::fromStdString(req.matches[2].str());
            auto finish = [&](const QString& outcome, const QString& detail) {
                record.outcome = outcome;
                record.detail = detail;
                record.status = res.status;
                if (m_audit)
                    m_audit->append(record);
            };
            bool dryRun = false;
            if (!req.body.empty()) {
                const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
                const QJsonObject o = doc.object();
                if (!doc.isObject() || o.size() > 1 || (o.size() == 1 && !o.value(QStringLiteral("dryRun")).isBool())) {
                    replyError(res, 400, QStringLiteral("expected {\"dryRun\": true|false}"));
                    return finish(QStringLiteral("refused"), QStringLiteral("bad body"));
                }
                dryRun = o.value(QStringLiteral("dryRun")).toBool();
            }
            if (!requireRole(caller, Role::Operator, res))
                return finish(QStringLiteral("refused"),
                    QJsonDocument::fromJson(QByteArray::fromStdString(res.body))
                        .object()
                        .value(QStringLiteral("error"))
                        .toString());
            const QString& line = record.action == QLatin1String("cancel") ? m_commands.cancel : m_commands.requeue;
            if (line.isEmpty()) {
                replyError(res, 501,
                    QStringLiteral("this agent has no %1 command: start it with --%1-command \"…%%j…\"")
                        .arg(record.action));
                return finish(QStringLiteral("refused"), QStringLiteral("no command configured"));
            }
            if (!JobMappingReader::isValidJobId(record.target.toLatin1())) {
                replyError(res, 400, QStringLiteral("not a valid job id"));
                return finish(QStringLiteral("refused"), QStringLiteral("invalid job id"));
            }
            Protocol::JobPlacement placement;
            for (const Protocol::JobPlacement& j : m_state->snapshot().jobs)
                if (j.jobId == record.target)
                    placement = j;
            if (placement.jobId.isEmpty()) {
                replyError(res, 409, QStringLiteral("job %1 is not placed on this node").arg(record.target));
                return finish(QStringLiteral("refused"), QStringLiteral("job not on this node"));
            }
            const QStringList args = expand(line, record.target);
            if (args.isEmpty()) {
                replyError(
                    res, 500, QStringLiteral("the configured %1 command is empty after parsing").arg(record.action));
                return finish(QStringLiteral("failed"), QStringLiteral("bad command line"));
            }
            QJsonArray accelerators;
            for (int a : placement.accelerators)
                accelerators.append(a);
            QJsonObject body { { QStringLiteral("job"), record.target }, { QStringLiteral("action"), record.action },
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
                return finish(QStringLiteral("previewed"), args.join(u' '));
            }
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(args.first(), args.mid(1));
            const bool finished
                = process.waitForStarted(m_commands.timeoutMs) && process.waitForFinished(m_commands.timeoutMs);
            const QString output = QString::fromLocal8Bit(process.readAll().left(MaxOutputBytes)).trimmed();
            if (!finished) {
                process.kill();
                process.waitForFinished(1000);
                replyError(res, 502, QStringLiteral("%1 did not finish: %2").arg(args.first(), process.errorString()));
                return finish(QStringLiteral("failed"), process.errorString());
            }
            body.insert(QStringLiteral("exitCode"), process.exitCode());
            body.insert(QStringLiteral("output"), output);
            if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
                replyError(res, 502,
                    QStringLiteral("%1 exited with %2: %3")
                        .arg(args.first())
                        .arg(process.exitCode())
                        .arg(output.left(512)));
                return finish(QStringLiteral("failed"), output);
            }
            body.insert(QStringLiteral("stateAfter"),
                record.action == QLatin1String("cancel") ? QStringLiteral("cancelled") : QStringLiteral("queued"));
            replyJson(res, QJsonDocument(body).toJson(QJsonDocument::Compact));
            finish(QStringLiteral("performed"), args.join(u' ') + QStringLiteral(" → ") + output.left(512));
        });
}

} // namespace Meridian::Agent
