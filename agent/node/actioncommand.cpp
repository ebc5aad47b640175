// SPDX-License-Identifier: GPL-3.0-or-later
#include "actioncommand.h"

#include "httpservice.h"
#include "roles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QProcess>

#include <httplib.h>

namespace Meridian::Agent {
namespace {
constexpr qsizetype MaxOutputBytes = 4096;
} // namespace

ActionAudit::ActionAudit(const httplib::Request& request, const Caller& caller, AuditLog* log)
    : m_log(log)
{
    m_record.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_record.principal = caller.principal;
    m_record.role = toString(caller.role);
    m_record.target = QString::fromStdString(request.matches[1].str());
    m_record.action = QString::fromStdString(request.matches[2].str());
}

void ActionAudit::finish(const httplib::Response& response, const QString& outcome, const QString& detail)
{
    m_record.outcome = outcome;
    m_record.detail = detail;
    m_record.status = response.status;
    if (m_log)
        m_log->append(m_record);
}

void ActionAudit::refused(const httplib::Response& response)
{
    const QJsonObject answer = QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
    finish(response, QStringLiteral("refused"), answer.value(QStringLiteral("error")).toString());
}

void runActionCommand(const QStringList& args, int timeoutMs, QJsonObject reply,
    const std::function<void(QJsonObject*)>& performed, httplib::Response& response, ActionAudit* audit)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(args.first(), args.mid(1));
    const bool finished = process.waitForStarted(timeoutMs) && process.waitForFinished(timeoutMs);
    const QString output = QString::fromLocal8Bit(process.readAll().left(MaxOutputBytes)).trimmed();
    if (!finished) {
        process.kill();
        process.waitForFinished(1000);
        replyError(response, 502, QStringLiteral("%1 did not finish: %2").arg(args.first(), process.errorString()));
        return audit->finish(response, QStringLiteral("failed"), process.errorString());
    }
    reply.insert(QStringLiteral("exitCode"), process.exitCode());
    reply.insert(QStringLiteral("output"), output);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        replyError(response, 502,
            QStringLiteral("%1 exited with %2: %3").arg(args.first()).arg(process.exitCode()).arg(output.left(512)));
        return audit->finish(response, QStringLiteral("failed"), output);
    }
    performed(&reply);
    replyJson(response, QJsonDocument(reply).toJson(QJsonDocument::Compact));
    audit->finish(response, QStringLiteral("performed"), args.join(u' ') + QStringLiteral(" → ") + output.left(512));
}

} // namespace Meridian::Agent
