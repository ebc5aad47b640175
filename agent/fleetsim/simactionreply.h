// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How the simulator answers an action request it has let through (job cancel
// and requeue, node drain and resume): one reply and one audit outcome for
// both kinds, as a real agent's actions give.

#include "agent/common/httpmessage.h"
#include "agent/fleetsim/simulation.h"

namespace Meridian::Agent {
class ActionAudit;
} // namespace Meridian::Agent

namespace Meridian::Sim {

// 200 with the simulation's JSON (outcome "performed", or "previewed" for a dry
// run), else the simulation's status and error (outcome "failed").
void answerSimAction(
    const Simulation::JobActionResult& result, bool dryRun, Agent::HttpResponse& response, Agent::ActionAudit& audit);

} // namespace Meridian::Sim
