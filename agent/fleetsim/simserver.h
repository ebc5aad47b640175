// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP face of the simulator: every virtual node's agent endpoints under
// /n/NODE-ID/, the fleet endpoints under /api/v1/, and /sim/* for ground
// truth, fault injection and the clock. Handlers read the current published
// state and never block the simulation.

#include <QByteArray>

namespace Meridian::Agent {
class HttpService;
}

namespace Meridian::Sim {

class Simulation;

// Registers the routes on `service` (before it starts). `token` empty: no authentication.
void registerRoutes(Agent::HttpService& service, Simulation& simulation, const QByteArray& token);

} // namespace Meridian::Sim
