// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulator's node actions: POST /api/v1/nodes/ID/drain|resume (operator
// or admin; body {"dryRun": bool, "reason": "…"}, both optional). Every action
// and every refused attempt is appended to the audit log, as job actions are.

#include <memory>

namespace Meridian::Agent {
class AuditLog;
class HttpService;
class RoleTable;
} // namespace Meridian::Agent

namespace Meridian::Sim {

class Simulation;

void registerNodeRoutes(Agent::HttpService& service, Simulation& simulation,
    std::shared_ptr<const Agent::RoleTable> roles, Agent::AuditLog* audit);

} // namespace Meridian::Sim
