// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simactionreply.h"

#include "agent/common/actionaudit.h"
#include "agent/common/httpservice.h"

#include <QJsonDocument>

namespace Meridian::Sim {
using Agent::HttpRequest;
using Agent::HttpResponse;

void answerSimAction(
    const Simulation::JobActionResult& result, bool dryRun, HttpResponse& response, Agent::ActionAudit& audit)
{
    if (result.status != 200) {
        Agent::replyError(response, result.status, result.error);
        audit.finish(response, QStringLiteral("failed"), result.error);
        return;
    }
    const QByteArray json = QJsonDocument(result.body).toJson(QJsonDocument::Compact);
    Agent::replyJson(response, json);
    audit.finish(response, dryRun ? QStringLiteral("previewed") : QStringLiteral("performed"), QString::fromUtf8(json));
}

} // namespace Meridian::Sim
