// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"
#include "core/sources/source.h"
#include "core/sources/sourceconfig.h"

#include <memory>
#include <vector>

class QTimer;

namespace Meridian {

class RequestQueue;
struct HttpResult;

struct AgentSourceOptions
{
    int maxInFlight = 8; ///< requests on the wire at once, over all agents
    qsizetype maxBodyBytes = 16 * 1024 * 1024;
    int samplesPageLimit = 1000;
    // First contact without a cached cursor: fetch the agent's whole ring buffer
    // (true) or start at its newest sample (false).
    bool backfillHistory = true;
};

// Polls one or more meridian-agents directly: /node on first contact and when
// the agent instance changes, /snapshot every interval, /samples to fill any
// gap in history, /events for new events. Per agent: one request in flight
// per endpoint, backoff after failures, and a status (up, stale, unreachable,
// unauthorized, bad payload) reported as the node's status.
//
// Until an agent has answered /node its node id is unknown; its status is
// reported under the configured name and replaced once the id is known.
class AgentSource : public Source
{
    Q_OBJECT
public:
    explicit AgentSource(
        const QList<SourceConfig>& agents, const AgentSourceOptions& options = {}, QObject* parent = nullptr);
    ~AgentSource() override;

public Q_SLOTS:
    void start() override;
    void stop() override;

private:
    struct Agent;
    enum Endpoint { NodeEp, SnapshotEp, SamplesEp, EventsEp, EndpointCount };

    void poll(Agent* agent);
    void fetch(Agent* agent, Endpoint endpoint, const QString& path, std::function<void(const HttpResult&)> handler);
    void fetchSnapshot(Agent* agent);
    void fetchSamples(Agent* agent);
    void fetchEvents(Agent* agent);
    void onInventory(Agent* agent, const HttpResult& result);
    void onSnapshot(Agent* agent, const HttpResult& result);
    void onSamples(Agent* agent, const HttpResult& result);
    void onEvents(Agent* agent, const HttpResult& result);
    void fail(Agent* agent, AgentStatus status, const QString& error, qint64 retryAfterMs = -1);
    void report(Agent* agent, SourceUpdate update);
    int timeoutMs(const Agent* agent) const;

    AgentSourceOptions m_options;
    QList<SourceConfig> m_configs;
    std::vector<std::unique_ptr<Agent>> m_agents;
    RequestQueue* m_queue = nullptr;
    bool m_running = false;
};

} // namespace Meridian
