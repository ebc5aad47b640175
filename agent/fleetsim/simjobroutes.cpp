// SPDX-License-Identifier: GPL-3.0-or-later
#include "simjobroutes.h"

#include "auditlog.h"
#include "httpservice.h"
#include "roles.h"
#include "simulation.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <httplib.h>

namespace Meridian::Sim {
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
    httplib::Server& s = service.server();
    s.Get(R"(/api/v1/jobs/([A-Za-z0-9._:@+-]{1,128}))", [&sim](const httplib::Request& req, httplib::Response& res) {
        const QByteArray body = sim.state()->jobDetailDocument(QString::fromStdString(req.matches[1].str()));
        if (body.isEmpty())
            Agent::replyError(res, 404, QStringLiteral("no such job"));
        else
            Agent::replyJson(res, body);
    });
    s.Post(R"(/api/v1/jobs/([A-Za-z0-9._:@+-]{1,128})/(cancel|requeue))",
        [&sim, roles, audit](const httplib::Request& req, httplib::Response& res) {
            const Agent::Caller caller = Agent::callerOf(req, roles.get());
            Agent::AuditRecord record;
            record.timestampMs = QDateTime::currentMSecsSinceEpoch();
            record.principal = caller.principal;
            record.role = Agent::toString(caller.role);
            record.target = QString::fromStdString(req.matches[1].str());
            record.action = QString::fromStdString(req.matches[2].str());
            bool dryRun = false;
            QString error;
            if (!parseActionBody(req.body, &dryRun, &error)) {
                Agent::replyError(res, 400, error);
            } else if (Agent::requireRole(caller, Agent::Role::Operator, res)) {
                const Simulation::JobActionResult r = sim.jobAction(record.target, record.action, dryRun);
                if (r.status == 200) {
                    const QByteArray body = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
                    Agent::replyJson(res, body);
                    record.detail = QString::fromUtf8(body);
                } else {
                    Agent::replyError(res, r.status, r.error);
                    record.detail = r.error;
                }
                record.outcome = r.status != 200 ? QStringLiteral("failed")
                    : dryRun                     ? QStringLiteral("previewed")
                                                 : QStringLiteral("performed");
            }
            if (record.outcome.isEmpty()) {
                record.outcome = QStringLiteral("refused");
                const QJsonObject reply = QJsonDocument::fromJson(QByteArray::fromStdString(res.body)).object();
                record.detail = reply.value(QStringLiteral("error")).toString();
            }
            record.status = res.status;
            audit->append(record);
        });
}

} // namespace Meridian::Sim
