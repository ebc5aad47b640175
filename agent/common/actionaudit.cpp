// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/actionaudit.h"

#include "agent/common/roles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Agent {

ActionAudit::ActionAudit(const HttpRequest& request, const Caller& caller, AuditLog* log)
    : m_log(log)
{
    m_record.timestampMs = QDateTime::currentMSecsSinceEpoch();
    m_record.principal = caller.principal;
    m_record.role = toString(caller.role);
    m_record.target = QString::fromStdString(request.matches.at(1));
    m_record.action = QString::fromStdString(request.matches.at(2));
}

void ActionAudit::finish(const HttpResponse& response, const QString& outcome, const QString& detail)
{
    m_record.outcome = outcome;
    m_record.detail = detail;
    m_record.status = response.status;
    if (m_log)
        m_log->append(m_record);
}

void ActionAudit::refused(const HttpResponse& response)
{
    const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
    finish(response, QStringLiteral("refused"), answer.value(QStringLiteral("error")).toString());
}

} // namespace Meridian::Agent
