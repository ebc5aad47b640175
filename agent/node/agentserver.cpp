// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/agentserver.h"

#include "agent/node/metricsexposition.h"
#include "core/protocol/protocoljson.h"

#include <QDateTime>

#include <chrono>
#include <httplib.h>

namespace Meridian::Agent {
namespace {

constexpr qint64 MaxSeq = qint64(1) << 53;

bool pageParameters(const httplib::Request& req, httplib::Response& res, qint64* since, qint64* limit)
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
    httplib::Server& s = service->server();
    s.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        const qint64 start
            = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
                  .count();
        // Counters are read now, as node_exporter does, not at the last tick.
        const ProcReading proc = m_procfs->read(QDateTime::currentMSecsSinceEpoch());
        replyMetrics(res, MetricsExposition::render(proc, m_state->scrapeView(), start));
    });
    s.Get("/api/v1/node", [this](const httplib::Request&, httplib::Response& res) {
        replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->inventory())));
    });
    s.Get("/api/v1/snapshot", [this](const httplib::Request&, httplib::Response& res) {
        replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->snapshot())));
    });
    s.Get("/api/v1/samples", [this](const httplib::Request& req, httplib::Response& res) {
        qint64 since = 0, limit = 0;
        if (pageParameters(req, res, &since, &limit))
            replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->samples(since, limit))));
    });
    s.Get("/api/v1/events", [this](const httplib::Request& req, httplib::Response& res) {
        qint64 since = 0, limit = 0;
        if (pageParameters(req, res, &since, &limit))
            replyJson(res, Protocol::Json::document(Protocol::Json::toJson(m_state->events(since, limit))));
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        // Keep handler-set bodies (400, 401); fill in the rest as protocol errors.
        if (res.body.empty())
            replyError(res, res.status, QStringLiteral("no such endpoint or method"));
    });
}

} // namespace Meridian::Agent
