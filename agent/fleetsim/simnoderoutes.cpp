// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simnoderoutes.h"

#include "agent/common/actionaudit.h"
#include "agent/common/httpservice.h"
#include "agent/common/nodeactionbody.h"
#include "agent/common/roles.h"
#include "agent/fleetsim/simactionreply.h"

namespace Meridian::Sim {
using Agent::HttpRequest;
using Agent::HttpResponse;

void registerNodeRoutes(
    Agent::HttpService& service, Simulation& sim, std::shared_ptr<const Agent::RoleTable> roles, Agent::AuditLog* audit)
{
    service.router().post(R"(/api/v1/nodes/([A-Za-z0-9._:@+-]{1,128})/(drain|resume))",
        [&sim, roles, audit](const HttpRequest& req, HttpResponse& res) {
            const Agent::Caller caller = Agent::callerOf(req, roles.get());
            Agent::ActionAudit record(req, caller, audit);
            Agent::NodeActionBody body;
            QString error;
            if (!Agent::parseNodeActionBody(req.body, &body, &error)) {
                Agent::replyError(res, 400, error);
                record.refused(res);
            } else if (!Agent::requireRole(caller, Agent::Role::Operator, res)) {
                record.refused(res);
            } else {
                const Simulation::JobActionResult result
                    = sim.nodeAction(record.target(), record.action(), body.reason, body.dryRun);
                answerSimAction(result, body.dryRun, res, record);
            }
        });
}

} // namespace Meridian::Sim
