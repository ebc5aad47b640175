// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/core/hostilepeer.h"

#include "core/protocol/protocoljson.h"

#include <QJsonObject>
#include <QRandomGenerator>

#include <chrono>
#include <httplib.h>

namespace Meridian::Test {

namespace {
constexpr qint64 BaseMs = 1700000000000LL;
}

struct HostilePeer::State
{
    mutable std::mutex mutex;
    Mode mode = Mode::Good;
    QByteArray token;
    qint64 seq = 1;
    int instance = 1;
    QStringList requests;
    QStringList fleet;
    QString downNode;
    std::atomic<bool> stopping { false };
};

HostilePeer::HostilePeer()
    : m_state(std::make_unique<State>())
    , m_server(std::make_unique<httplib::Server>())
{ }

HostilePeer::~HostilePeer()
{
    m_state->stopping = true;
    m_server->stop();
    if (m_thread.joinable())
        m_thread.join();
}

QUrl HostilePeer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port));
}

void HostilePeer::setMode(Mode mode)
{
    std::lock_guard lock(m_state->mutex);
    m_state->mode = mode;
}

void HostilePeer::setToken(const QByteArray& token)
{
    std::lock_guard lock(m_state->mutex);
    m_state->token = token;
}

void HostilePeer::advance(qint64 ticks)
{
    std::lock_guard lock(m_state->mutex);
    m_state->seq += ticks;
}

void HostilePeer::restartInstance()
{
    std::lock_guard lock(m_state->mutex);
    ++m_state->instance;
    m_state->seq = 1;
}

qint64 HostilePeer::seq() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->seq;
}

QStringList HostilePeer::requests() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->requests;
}

void HostilePeer::setFleet(const QStringList& nodeIds, const QString& downNode)
{
    std::lock_guard lock(m_state->mutex);
    m_state->fleet = nodeIds;
    m_state->downNode = downNode;
}

namespace {

Protocol::NodeInventory inventory(const QString& id)
{
    Protocol::NodeInventory n;
    n.nodeId = id;
    n.hostname = id;
    n.region = QStringLiteral("east");
    n.pool = QStringLiteral("east-train");
    n.rack = QStringLiteral("r1");
    n.cpuCount = 8;
    n.memoryBytes = 1LL << 34;
    n.agentVersion = QStringLiteral("test");
    n.bootId = QStringLiteral("boot");
    for (int i = 0; i < 2; ++i)
        n.accelerators.append(Protocol::AcceleratorInfo {
            i, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"), QStringLiteral("u%1").arg(i), 64LL << 30 });
    return n;
}

Protocol::Sample sample(qint64 seq, bool down = false)
{
    Protocol::Sample s;
    s.seq = seq;
    s.timestampMs = BaseMs + seq * 1000;
    s.state = down ? Protocol::NodeState::Down : Protocol::NodeState::Up;
    s.node.cpuUtilization = 10;
    for (int i = 0; i < 2; ++i) {
        Protocol::AcceleratorSample a;
        a.index = i;
        a.health = Protocol::AcceleratorHealth::Healthy;
        a.utilization = 50;
        a.jobId = i == 0 ? QStringLiteral("job-1") : QString();
        s.accelerators.append(a);
    }
    return s;
}

Protocol::Snapshot snapshot(const QString& instance, qint64 seq, bool down = false)
{
    Protocol::Snapshot s;
    s.instanceId = instance;
    s.sample = sample(seq, down);
    s.newestEventId = 2;
    s.oldestSeq = 1;
    if (down) {
        s.stateReason = QStringLiteral("heartbeat lost");
        s.faults.append(Protocol::Event { 2, BaseMs, QStringLiteral("node-down"), Protocol::Severity::Critical });
    }
    return s;
}

Protocol::SamplesPage samples(const QString& instance, qint64 since, qint64 limit, qint64 newest)
{
    Protocol::SamplesPage page;
    page.instanceId = instance;
    page.oldestSeq = 1;
    page.newestSeq = newest;
    for (qint64 s = since + 1; s <= newest; ++s) {
        if (page.samples.size() >= limit) {
            page.more = true;
            break;
        }
        page.samples.append(sample(s));
    }
    return page;
}

qint64 param(const httplib::Request& request, const char* name, qint64 fallback)
{
    return request.has_param(name) ? std::stoll(request.get_param_value(name)) : fallback;
}

void reply(httplib::Response& response, const QByteArray& body, int status = 200)
{
    response.status = status;
    response.set_content(body.constData(), size_t(body.size()), "application/json");
}

} // namespace

bool HostilePeer::start()
{
    State* st = m_state.get();
    m_server->set_tcp_nodelay(true);
    // Misbehaviour first: every /api and /n request goes through here.
    m_server->set_pre_routing_handler([st](const httplib::Request& request, httplib::Response& response) {
        Mode mode;
        QByteArray token;
        {
            std::lock_guard lock(st->mutex);
            QString line = QString::fromStdString(request.path);
            if (!request.params.empty()) {
                QStringList query;
                for (const auto& [k, v] : request.params)
                    query.append(QString::fromStdString(k + "=" + v));
                line += u'?' + query.join(u'&');
            }
            st->requests.append(line);
            mode = st->mode;
            token = st->token;
        }
        if (!token.isEmpty() && request.get_header_value("Authorization") != "Bearer " + token.toStdString()) {
            reply(response, R"({"error":"unauthorized"})", 401);
            return httplib::Server::HandlerResponse::Handled;
        }
        switch (mode) {
        case Mode::Good:
            return httplib::Server::HandlerResponse::Unhandled;
        case Mode::MalformedJson:
            reply(response, R"({"schema":1,"instance":"x","sample":{"seq":)");
            break;
        case Mode::WrongTypes:
            reply(response,
                Protocol::Json::document(QJsonObject { { QStringLiteral("instance"), 5 },
                    { QStringLiteral("sample"), QJsonObject { { QStringLiteral("seq"), QStringLiteral("7") } } },
                    { QStringLiteral("id"), 3 } }));
            break;
        case Mode::WrongSchema:
            reply(response, R"({"schema":99,"instance":"x"})");
            break;
        case Mode::Garbage: {
            QByteArray junk(4096, Qt::Uninitialized);
            QRandomGenerator::global()->generate(junk.begin(), junk.end());
            reply(response, junk);
            break;
        }
        case Mode::Oversized:
            reply(response, QByteArray(R"({"schema":1,"pad":")") + QByteArray(1024 * 1024, 'x') + "\"}");
            break;
        case Mode::Stall: {
            const size_t total = 64 * 1024;
            response.status = 200;
            response.set_content_provider(
                total, "application/json", [st](size_t offset, size_t, httplib::DataSink& sink) {
                    if (offset == 0) {
                        const std::string half(total / 2, ' ');
                        sink.write(half.data(), half.size());
                        return true;
                    }
                    // Hold the connection open, sending nothing, until the test moves on.
                    for (int i = 0; i < 200 && !st->stopping; ++i) {
                        {
                            std::lock_guard lock(st->mutex);
                            if (st->mode != Mode::Stall)
                                break;
                        }
                        std::this_thread::sleep_for(std::chrono::milliseconds(25));
                    }
                    return false;
                });
            break;
        }
        case Mode::Unauthorized:
            reply(response, R"({"error":"bad token"})", 401);
            break;
        case Mode::ServerError:
            reply(response, R"({"error":"collector crashed"})", 500);
            break;
        case Mode::RetryLater:
            response.set_header("Retry-After", "1");
            reply(response, R"({"error":"busy"})", 503);
            break;
        }
        return httplib::Server::HandlerResponse::Handled;
    });

    auto instanceOf = [st] { return QStringLiteral("inst-%1").arg(st->instance); };
    m_server->Get("/api/v1/node", [st](const httplib::Request&, httplib::Response& response) {
        reply(response, Protocol::Json::document(Protocol::Json::toJson(inventory(QStringLiteral("node-1")))));
    });
    m_server->Get("/api/v1/snapshot", [st, instanceOf](const httplib::Request&, httplib::Response& response) {
        std::lock_guard lock(st->mutex);
        reply(response, Protocol::Json::document(Protocol::Json::toJson(snapshot(instanceOf(), st->seq))));
    });
    auto samplesHandler = [st, instanceOf](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(st->mutex);
        const auto page = samples(instanceOf(), param(request, "since", 0), param(request, "limit", 1000), st->seq);
        reply(response, Protocol::Json::document(Protocol::Json::toJson(page)));
    };
    m_server->Get("/api/v1/samples", samplesHandler);
    m_server->Get(R"(/n/([^/]+)/api/v1/samples)", samplesHandler);
    m_server->Get("/api/v1/events", [](const httplib::Request& request, httplib::Response& response) {
        Protocol::EventsPage page;
        page.newestId = 2;
        for (qint64 id = param(request, "since", 0) + 1; id <= 2; ++id)
            page.events.append(Protocol::Event {
                id, BaseMs + id, QStringLiteral("thermal"), Protocol::Severity::Warning, QStringLiteral("node-1") });
        reply(response, Protocol::Json::document(Protocol::Json::toJson(page)));
    });
    m_server->Get("/api/v1/nodes", [st, instanceOf](const httplib::Request& request, httplib::Response& response) {
        std::lock_guard lock(st->mutex);
        Protocol::NodesPage page;
        page.cursor = QStringLiteral("c%1").arg(st->seq);
        page.timestampMs = BaseMs + st->seq * 1000;
        const bool first = !request.has_param("since");
        for (const QString& id : std::as_const(st->fleet)) {
            Protocol::NodeRecord r;
            r.nodeId = id;
            if (first) {
                r.inventory = inventory(id);
                r.inventoryIncluded = true;
            }
            r.snapshot = snapshot(instanceOf(), st->seq, id == st->downNode);
            page.nodes.append(r);
        }
        reply(response, Protocol::Json::document(Protocol::Json::toJson(page)));
    });
    m_server->Get("/api/v1/jobs", [st](const httplib::Request&, httplib::Response& response) {
        std::lock_guard lock(st->mutex);
        Protocol::JobsPage page;
        page.cursor = QStringLiteral("j%1").arg(st->seq);
        page.timestampMs = BaseMs + st->seq * 1000;
        Protocol::JobRecord j;
        j.kind = QStringLiteral("training");
        j.jobId = QStringLiteral("job-1");
        j.state = QStringLiteral("running");
        j.region = QStringLiteral("east");
        page.jobs.append(j);
        reply(response, Protocol::Json::document(Protocol::Json::toJson(page)));
    });

    m_port = m_server->bind_to_any_port("127.0.0.1");
    if (m_port <= 0)
        return false;
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    // stop() before the loop runs would be lost and the destructor would wait forever.
    for (int i = 0; i < 2000 && !m_server->is_running(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return m_server->is_running();
}

} // namespace Meridian::Test
