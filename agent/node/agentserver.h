// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The agent's routes on the shared HttpService: /metrics (open) and the
// protocol v1 endpoints under /api/v1/ (bearer token when one is set).

#include "agent/common/httpservice.h"
#include "agent/node/agentstate.h"
#include "agent/node/procfscollector.h"

namespace Meridian::Agent {

class AgentServer
{
public:
    static constexpr qint64 DefaultPageLimit = 1000;
    static constexpr qint64 MaxPageLimit = 20000;

    AgentServer(HttpService* service, const AgentState* state, const ProcfsCollector* procfs);

private:
    const AgentState* m_state;
    const ProcfsCollector* m_procfs;
};

} // namespace Meridian::Agent
