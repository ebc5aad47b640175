// SPDX-License-Identifier: GPL-3.0-or-later
#include "simnoderoutes.h"

#include "auditlog.h"
#include "httpservice.h"
#include "nodeactionbody.h"
#include "roles.h"
#include "simulation.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

namespace Meridian::Sim {

void registerNodeRoutes(
    Agent::HttpService& service, Simulation& sim, std::shared_ptr<const Agent::RoleTable> roles, Agent::AuditLog* audit)
{
    service.server().Post(R"(/api/v1/nodes/([A-Za-z0-9._:@+-]{1,128})/(drain|resume))",
        [&sim, roles, audit](const httplib::Request& req, httplib::Response& res) {
            const Agent::Caller caller = Agent::callerOf(req, roles.get());
            Agent::AuditRecord record;
            record.timestampMs = QDateTime::currentMSecsSinceEpoch();
            record.principal = caller.principal;
            record.role = Agent::toString(caller.role);
            record.target = QString::fromStdString(req.matches[1].str());
            record.action = QString::fromStdString(req.matches[2].str());
            Agent::NodeActionBody body;
            QString error;
            if (!Agent::parseNodeActionBody(req.body, &body, &error)) {
                Agent::replyError(res, 400, error);
            } else if (Agent::requireRole(caller, Agent::Role::Operator, res)) {
                const Simulation::JobActionResult r
                    = sim.nodeAction(record.target, record.action, body.reason, body.dryRun);
                if (r.status == 200) {
                    const QByteArray json = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
                    Agent::replyJson(res, json);
                    record.detail = QString::fromUtf8(json);
                } else {
                    Agent::replyError(res, r.status, r.error);
                    record.detail = r.error;
                }
                record.outcome = r.status != 200 ? QStringLiteral("failed")
                    : body.dryRun                ? QStringLiteral("previewed")
                                                 : QStringLiteral("performed");
            }
            if (record.outcome.isEmpty()) {
                record.outcome = QStringLiteral("refused");
                const QJsonObject reply = QJsonDocument::fromJson(QByteArray::fromStdString(res.body)).object();
                record.detail = reply.value(QStringLiteral("error")).toString();
            }
            record.status = res.status;
            if (audit)
                audit->append(record);
        });
}

} // namespace Meridian::Sim
