// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simserver.h"

#include "agent/common/httpservice.h"
#include "agent/common/roles.h"
#include "agent/fleetsim/metricstext.h"
#include "agent/fleetsim/simulation.h"
#include "core/protocol/jsonwriter.h"
#include "core/protocol/protocoljson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Meridian::Sim {
using Agent::HttpRequest;
using Agent::HttpResponse;
namespace {

using Agent::replyError;
using Agent::replyJson;

constexpr qint64 MaxPageLimit = 20000;
constexpr qint64 DefaultPageLimit = 1000;
constexpr double MaxStepSeconds = 7 * 86400;

// A role check on /sim/* (HttpService has checked the token): a refusal is audited with the caller's role.
bool allowed(const HttpRequest& req, HttpResponse& res, const Agent::RoleTable* roles, Agent::Role needed)
{
    const Agent::Caller caller = Agent::callerOf(req, roles);
    if (Agent::requireRole(caller, needed, res))
        return true;
    Agent::markRefusal(res, caller.principal, Agent::toString(caller.role),
        QStringLiteral("the %1 role may not do this").arg(Agent::toString(caller.role)));
    return false;
}

// Large cached bodies are shared with the state's cache (QByteArray), never copied.
void replyShared(HttpResponse& res, const QByteArray& body)
{
    replyJson(res, body);
}

QByteArray jsonDocument(const QJsonObject& object)
{
    return Protocol::Json::document(object);
}

bool parseBody(const HttpRequest& req, HttpResponse& res, QJsonObject* out)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        replyError(res, 400, QStringLiteral("body must be a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

bool optionalInt(const QJsonObject& o, const QString& key, int min, int max, int* out, HttpResponse& res)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return true;
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < min || d > max) {
        replyError(res, 400, QStringLiteral("%1 must be an integer in %2…%3").arg(key).arg(min).arg(max));
        return false;
    }
    *out = int(d);
    return true;
}

void replyResult(HttpResponse& res, const ApiResult& r, const QJsonObject& ok)
{
    if (r.status != 200)
        replyError(res, r.status, r.error);
    else
        replyJson(res, jsonDocument(ok));
}

// POST /sim/faults for links: {"kind":"link-degrade"|"link-cut","from":SITE,"to":SITE,"factor":3}.
void replyLinkFault(Simulation& sim, HttpResponse& res, const QJsonObject& body)
{
    const QJsonValue from = body.value(QStringLiteral("from")), to = body.value(QStringLiteral("to"));
    const QJsonValue factor = body.value(QStringLiteral("factor"));
    if (!from.isString() || !to.isString() || from.toString().size() > 64 || to.toString().size() > 64) {
        replyError(res, 400, QStringLiteral("\"from\" and \"to\" must be site ids"));
        return;
    }
    if (!factor.isUndefined() && !factor.isDouble()) {
        replyError(res, 400, QStringLiteral("\"factor\" must be a number in 1…100"));
        return;
    }
    const ApiResult r = sim.injectLink(
        from.toString(), to.toString(), body.value(QStringLiteral("kind")).toString(), factor.toDouble(3.0));
    replyResult(res, r, { { QStringLiteral("id"), r.id }, { QStringLiteral("nodes"), r.count } });
}

// /sim/truth?probes=1: the cached truth plus every probed node pair (tests only; not cached).
QByteArray withProbeTruth(const FleetState& state)
{
    QJsonObject o = QJsonDocument::fromJson(state.truthDocument()).object();
    o.insert(QStringLiteral("probes"), probeTruth(state));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

void registerRoutes(Agent::HttpService& service, Simulation& sim, std::shared_ptr<const Agent::RoleTable> roles)
{
    Agent::Router& s = service.router();

    // Resolves /n/NODE-ID/…: 404 for an unknown node, 503 for one that is down — except for
    // what the front retains of it (its samples until it went down), as a monitoring system would.
    auto node = [&sim](const HttpRequest& req, HttpResponse& res, std::shared_ptr<const FleetState>* state,
                    bool retained = false) -> int {
        *state = sim.state();
        const int index = (*state)->topology().find(req.matches.at(1));
        if (index < 0) {
            replyError(res, 404, QStringLiteral("no such node"));
            return -1;
        }
        if (!retained && (*state)->isDown(index)) {
            replyError(res, 503, QStringLiteral("node unreachable (simulated heartbeat loss)"));
            return -1;
        }
        return index;
    };

    s.get(R"(/n/([A-Za-z0-9._-]{1,128})/metrics)", [node](const HttpRequest& req, HttpResponse& res) {
        std::shared_ptr<const FleetState> st;
        const int n = node(req, res, &st);
        if (n >= 0)
            Agent::replyMetrics(res, metricsText(st->inventory(n), st->snapshot(n)));
    });
    s.get(R"(/n/([A-Za-z0-9._-]{1,128})/api/v1/node)", [node](const HttpRequest& req, HttpResponse& res) {
        std::shared_ptr<const FleetState> st;
        if (const int n = node(req, res, &st); n >= 0)
            replyJson(res, Protocol::Json::writeInventory(st->inventory(n)));
    });
    s.get(R"(/n/([A-Za-z0-9._-]{1,128})/api/v1/snapshot)", [node](const HttpRequest& req, HttpResponse& res) {
        std::shared_ptr<const FleetState> st;
        if (const int n = node(req, res, &st); n >= 0)
            replyJson(res, st->snapshotDocument(n));
    });
    s.get(R"(/n/([A-Za-z0-9._-]{1,128})/api/v1/samples)", [node](const HttpRequest& req, HttpResponse& res) {
        std::shared_ptr<const FleetState> st;
        qint64 since = 0, limit = DefaultPageLimit;
        if (!Agent::queryInteger(req, res, "since", 0, qint64(1) << 53, &since)
            || !Agent::queryInteger(req, res, "limit", 1, MaxPageLimit, &limit))
            return;
        if (const int n = node(req, res, &st, true); n >= 0)
            replyShared(res, st->samplesDocument(n, since, int(limit)));
    });
    s.get(R"(/n/([A-Za-z0-9._-]{1,128})/api/v1/events)", [node](const HttpRequest& req, HttpResponse& res) {
        std::shared_ptr<const FleetState> st;
        qint64 since = 0, limit = DefaultPageLimit;
        if (!Agent::queryInteger(req, res, "since", 0, qint64(1) << 53, &since)
            || !Agent::queryInteger(req, res, "limit", 1, MaxPageLimit, &limit))
            return;
        if (const int n = node(req, res, &st); n >= 0)
            replyJson(res, jsonDocument(Protocol::Json::toJson(st->nodeEvents(n, since, int(limit)))));
    });

    // Fleet level (HttpService has checked the token on /api/*).
    const auto fleet
        = std::make_shared<QByteArray>(jsonDocument(Protocol::Json::fleetToJson(sim.topology().fleetEntries())));
    s.get("/api/v1/fleet", [fleet](const HttpRequest&, HttpResponse& res) { replyShared(res, *fleet); });
    s.get("/api/v1/nodes", [&sim](const HttpRequest& req, HttpResponse& res) {
        qint64 limit = std::numeric_limits<qint64>::max();
        if (!Agent::queryInteger(req, res, "limit", 1, std::numeric_limits<qint64>::max(), &limit))
            return;
        const QString since = QString::fromStdString(req.param("since")).left(256);
        replyShared(res, sim.state()->nodesDocument(since, limit));
    });
    s.get("/api/v1/probe-history", [&sim](const HttpRequest& req, HttpResponse& res) {
        qint64 since = 0, limit = 60;
        if (!Agent::queryInteger(req, res, "since", 0, qint64(1) << 53, &since)
            || !Agent::queryInteger(req, res, "limit", 1, 1440, &limit))
            return;
        replyJson(res, jsonDocument(Protocol::Json::toJson(probeHistoryPage(*sim.state(), since, int(limit)))));
    });
    s.get("/api/v1/jobs", [&sim](const HttpRequest& req, HttpResponse& res) {
        replyShared(res, sim.state()->jobsDocument(QString::fromStdString(req.param("since")).left(256)));
    });
    s.get("/api/v1/events", [&sim](const HttpRequest& req, HttpResponse& res) {
        qint64 since = 0, limit = DefaultPageLimit;
        if (!Agent::queryInteger(req, res, "since", 0, qint64(1) << 53, &since)
            || !Agent::queryInteger(req, res, "limit", 1, MaxPageLimit, &limit))
            return;
        replyJson(res, jsonDocument(Protocol::Json::toJson(sim.state()->events(since, int(limit)))));
    });

    // Simulator control and ground truth.
    s.get("/sim/truth", [&sim, roles](const HttpRequest& req, HttpResponse& res) {
        if (allowed(req, res, roles.get(), Agent::Role::Viewer))
            replyShared(res, req.param("probes") == "1" ? withProbeTruth(*sim.state()) : sim.state()->truthDocument());
    });
    s.post("/sim/faults", [&sim, roles](const HttpRequest& req, HttpResponse& res) {
        QJsonObject body;
        if (!allowed(req, res, roles.get(), Agent::Role::Admin) || !parseBody(req, res, &body))
            return;
        const QJsonValue nodeId = body.value(QStringLiteral("node"));
        const QJsonValue kind = body.value(QStringLiteral("kind"));
        if (kind.toString().startsWith(QLatin1String("link-")) && body.contains(QStringLiteral("from"))) {
            replyLinkFault(sim, res, body); // simlinks: {"kind","from","to","factor"}
            return;
        }
        if (!nodeId.isString() || nodeId.toString().isEmpty() || nodeId.toString().size() > 128) {
            replyError(res, 400, QStringLiteral("\"node\" must be a node id"));
            return;
        }
        if (!kind.isString()) {
            replyError(res, 400,
                QStringLiteral(
                    "\"kind\" must be one of node-down, hbm-ecc, link-down, thermal, rack-down, chip-fault"));
            return;
        }
        int accelerator = 0, bits = 2;
        if (!optionalInt(body, QStringLiteral("accelerator"), 0, 63, &accelerator, res)
            || !optionalInt(body, QStringLiteral("bits"), 1, 2, &bits, res))
            return;
        const ApiResult r = sim.injectFault(nodeId.toString(), kind.toString(), accelerator, bits);
        replyResult(res, r, { { QStringLiteral("id"), r.id }, { QStringLiteral("nodes"), r.count } });
    });
    auto clear = [&sim](HttpResponse& res, const QJsonObject& body) {
        const QJsonValue id = body.value(QStringLiteral("id"));
        const QJsonValue nodeId = body.value(QStringLiteral("node"));
        ApiResult r;
        if (id.isDouble() && id.toDouble() >= 1 && id.toDouble() <= 9e15 && id.toDouble() == std::floor(id.toDouble()))
            r = sim.clearFault(qint64(id.toDouble()));
        else if (nodeId.isString() && !nodeId.toString().isEmpty() && nodeId.toString().size() <= 128)
            r = sim.clearNode(nodeId.toString());
        else
            r = { 400, QStringLiteral("give {\"id\": FAULT-ID} or {\"node\": NODE-ID}") };
        replyResult(res, r, { { QStringLiteral("cleared"), r.count } });
    };
    s.post("/sim/faults/clear", [clear, roles](const HttpRequest& req, HttpResponse& res) {
        QJsonObject body;
        if (allowed(req, res, roles.get(), Agent::Role::Admin) && parseBody(req, res, &body))
            clear(res, body);
    });
    s.del(R"(/sim/faults/(\d{1,15}))", [clear, roles](const HttpRequest& req, HttpResponse& res) {
        if (allowed(req, res, roles.get(), Agent::Role::Admin))
            clear(res, { { QStringLiteral("id"), double(std::stoll(req.matches.at(1))) } });
    });
    s.post("/sim/control", [&sim, roles](const HttpRequest& req, HttpResponse& res) {
        QJsonObject body;
        if (!allowed(req, res, roles.get(), Agent::Role::Admin) || !parseBody(req, res, &body))
            return;
        std::optional<bool> paused;
        std::optional<qint64> step;
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() == QLatin1String("paused") && it->isBool()) {
                paused = it->toBool();
            } else if (it.key() == QLatin1String("step") && it->isDouble() && it->toDouble() > 0
                && it->toDouble() <= MaxStepSeconds) {
                step = qint64(std::llround(it->toDouble() * 1000));
            } else {
                replyError(res, 400,
                    QStringLiteral(
                        "expected {\"paused\": true|false} and/or {\"step\": SECONDS} (0 < step ≤ %1); bad \"%2\"")
                        .arg(MaxStepSeconds)
                        .arg(it.key().left(32)));
                return;
            }
        }
        if (!paused && !step) {
            replyError(res, 400, QStringLiteral("expected {\"paused\": true|false} and/or {\"step\": SECONDS}"));
            return;
        }
        const ApiResult r = sim.control(paused, step);
        const auto st = sim.state();
        replyResult(res, r,
            { { QStringLiteral("paused"), st->paused }, { QStringLiteral("ts"), st->timeMs },
                { QStringLiteral("seq"), st->seq } });
    });
}

} // namespace Meridian::Sim
