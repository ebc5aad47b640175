// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/agentserver.h"

#include "agent/node/metricsexposition.h"
#include "core/protocol/protocoljson.h"

#include <QDateTime>

#include <chrono>

namespace Meridian::Agent {
namespace {

constexpr qint64 MaxSeq = qint64(1) << 53;

bool pageParameters(const HttpRequest& req, HttpResponse& res, qint64* since, qint64* limit)
{
    *since = 0;
    *limit = AgentServer::DefaultPageLimit;
    return queryInteger(req, res, "since", 0, MaxSeq, since)
        && queryInteger(req, res, "limit", 1, AgentServer::MaxPageLimit, limit);
}

} // namespace

AgentServer::AgentServer(HttpService* service, const AgentState* state, const ProcfsCollector* procfs)
    : m_state(state)
    , m_procfs(procfs)
{
    Agent::Router& s = service->router();
    s.get("/metrics", [this](const HttpRequest&, HttpResponse& res) {
        const qint64 start
            = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
                  .count();
        // Counters are read now, as node_exporter does, not at the last tick.
        const ProcReading proc = m_procfs->read(QDateTime::currentMSecsSinceEpoch());
        replyMetrics(res, MetricsExposition::render(proc, m_state->scrapeView(), start));
    });
    s.get("/api/v1/node", [this](const HttpRequest&, HttpResponse& res) {
        replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->inventory())));
    });
    s.get("/api/v1/snapshot", [this](const HttpRequest&, HttpResponse& res) {
        replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->snapshot())));
    });
    s.get("/api/v1/samples", [this](const HttpRequest& req, HttpResponse& res) {
        qint64 since = 0, limit = 0;
        if (pageParameters(req, res, &since, &limit))
            replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->samples(since, limit))));
    });
    s.get("/api/v1/events", [this](const HttpRequest& req, HttpResponse& res) {
        qint64 since = 0, limit = 0;
        if (pageParameters(req, res, &since, &limit))
            replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->events(since, limit))));
    });
}

} // namespace Meridian::Agent
