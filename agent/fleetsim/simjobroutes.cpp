// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simjobroutes.h"

#include "agent/common/actionaudit.h"
#include "agent/common/httpservice.h"
#include "agent/common/roles.h"
#include "agent/fleetsim/simactionreply.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Sim {
using Agent::HttpRequest;
using Agent::HttpResponse;
namespace {

// An action body is {} or {"dryRun": true|false}; anything else is refused.
bool parseActionBody(const std::string& body, bool* dryRun, QString* error)
{
    if (body.empty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("body must be a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() != QLatin1String("dryRun") || !it->isBool()) {
            *error = QStringLiteral("expected {\"dryRun\": true|false}");
            return false;
        }
        *dryRun = it->toBool();
    }
    return true;
}

} // namespace

void registerJobRoutes(
    Agent::HttpService& service, Simulation& sim, std::shared_ptr<const Agent::RoleTable> roles, Agent::AuditLog* audit)
{
    Agent::Router& s = service.router();
    s.get(R"(/api/v1/jobs/([A-Za-z0-9._:@+-]{1,128}))", [&sim](const HttpRequest& req, HttpResponse& res) {
        const QByteArray body = sim.state()->jobDetailDocument(QString::fromStdString(req.matches.at(1)));
        if (body.isEmpty())
            Agent::replyError(res, 404, QStringLiteral("no such job"));
        else
            Agent::replyJson(res, body);
    });
    s.post(R"(/api/v1/jobs/([A-Za-z0-9._:@+-]{1,128})/(cancel|requeue))",
        [&sim, roles, audit](const HttpRequest& req, HttpResponse& res) {
            const Agent::Caller caller = Agent::callerOf(req, roles.get());
            Agent::ActionAudit record(req, caller, audit);
            bool dryRun = false;
            QString error;
            if (!parseActionBody(req.body, &dryRun, &error)) {
                Agent::replyError(res, 400, error);
                record.refused(res);
            } else if (!Agent::requireRole(caller, Agent::Role::Operator, res)) {
                record.refused(res);
            } else {
                answerSimAction(sim.jobAction(record.target(), record.action(), dryRun), dryRun, res, record);
            }
        });
}

} // namespace Meridian::Sim
