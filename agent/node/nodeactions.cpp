// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodeactions.h"

#include "agentstate.h"
#include "auditlog.h"
#include "httpservice.h"
#include "nodeactionbody.h"
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

QString errorOf(const httplib::Response& res)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(res.body))
        .object()
        .value(QStringLiteral("error"))
        .toString();
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
    service->server().Post(R"(/api/v1/nodes/([A-Za-z0-9._:@+-]{1,128})/(drain|resume))",
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
            NodeActionBody body;
            QString error;
            if (!parseNodeActionBody(req.body, &body, &error)) {
                replyError(res, 400, error);
                return finish(QStringLiteral("refused"), error);
            }
            if (!requireRole(caller, Role::Operator, res))
                return finish(QStringLiteral("refused"), errorOf(res));
            const Protocol::NodeInventory inventory = m_state->inventory();
            if (record.target != inventory.nodeId) {
                replyError(res, 404, QStringLiteral("this agent is node %1").arg(inventory.nodeId));
                return finish(QStringLiteral("refused"), QStringLiteral("not this node"));
            }
            const QString& line = record.action == QLatin1String("drain") ? m_commands.drain : m_commands.resume;
            if (line.isEmpty()) {
                replyError(res, 501,
                    QStringLiteral("this agent has no %1 command: start it with --%1-command \"…%%n…\"")
                        .arg(record.action));
                return finish(QStringLiteral("refused"), QStringLiteral("no command configured"));
            }
            const QStringList args = expand(line, record.target, body.reason);
            if (args.isEmpty()) {
                replyError(
                    res, 500, QStringLiteral("the configured %1 command is empty after parsing").arg(record.action));
                return finish(QStringLiteral("failed"), QStringLiteral("bad command line"));
            }
            QJsonObject reply = preview(inventory, m_state->snapshot());
            reply.insert(QStringLiteral("node"), record.target);
            reply.insert(QStringLiteral("action"), record.action);
            reply.insert(QStringLiteral("reason"), body.reason);
            reply.insert(QStringLiteral("command"), QJsonArray::fromStringList(args));
            reply.insert(QStringLiteral("effect"),
                QStringLiteral("runs %1; the scheduler decides what happens to the %2 job(s) on the node")
                    .arg(args.join(u' '))
                    .arg(reply.value(QStringLiteral("jobs")).toArray().size()));
            if (body.dryRun) {
                reply.insert(QStringLiteral("dryRun"), true);
                replyJson(res, QJsonDocument(reply).toJson(QJsonDocument::Compact));
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
            reply.insert(QStringLiteral("exitCode"), process.exitCode());
            reply.insert(QStringLiteral("output"), output);
            if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
                replyError(res, 502,
                    QStringLiteral("%1 exited with %2: %3")
                        .arg(args.first())
                        .arg(process.exitCode())
                        .arg(output.left(512)));
                return finish(QStringLiteral("failed"), output);
            }
            reply.insert(QStringLiteral("drainedAfter"), record.action == QLatin1String("drain"));
            replyJson(res, QJsonDocument(reply).toJson(QJsonDocument::Compact));
            finish(QStringLiteral("performed"), args.join(u' ') + QStringLiteral(" → ") + output.left(512));
        });
}

} // namespace Meridian::Agent
