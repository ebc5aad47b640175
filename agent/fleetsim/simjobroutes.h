// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The simulator's job endpoints beyond the list: GET /api/v1/jobs/ID (one job
// with its full history) and POST /api/v1/jobs/ID/cancel|requeue (operator or
// admin; {"dryRun": true} previews). Every action and every refused attempt is
// appended to the audit log.

#include <memory>

namespace Meridian::Agent {
class AuditLog;
class HttpService;
class RoleTable;
} // namespace Meridian::Agent

namespace Meridian::Sim {

class Simulation;

void registerJobRoutes(Agent::HttpService& service, Simulation& simulation,
    std::shared_ptr<const Agent::RoleTable> roles, Agent::AuditLog* audit);

} // namespace Meridian::Sim
