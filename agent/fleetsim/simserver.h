// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP face of the simulator: every virtual node's agent endpoints under
// /n/NODE-ID/, the fleet endpoints under /api/v1/, and /sim/* for ground
// truth, fault injection and the clock. Handlers read the current published
// state and never block the simulation.

#include <QByteArray>

#include <memory>

namespace Meridian::Agent {
class HttpService;
class RoleTable;
} // namespace Meridian::Agent

namespace Meridian::Sim {

class Simulation;

// Registers the routes on `service` (before it starts). HttpService asks every route but the
// exposition text for a bearer token once any is configured; here the role: reading ground truth
// needs a viewer, changing the simulation (faults, clock) an admin. No roles: no authentication.
void registerRoutes(Agent::HttpService& service, Simulation& simulation, std::shared_ptr<const Agent::RoleTable> roles);

} // namespace Meridian::Sim
