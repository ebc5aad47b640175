// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/agentsource.h"

#include "core/net/httpclient.h"
#include "core/protocol/protocoljson.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcAgentSource, "meridian.core.net", QtInfoMsg)

namespace Meridian {

struct AgentSource::Agent
{
    SourceConfig config;
    QString nodeId; ///< empty until /node answered
    QString reportedKey; ///< the id status was last reported under (name, then node id)
    QByteArray token;
    bool tokenLoaded = false;
    Protocol::NodeInventory inventory;
    bool needInventory = true;
    bool sendInventory = false; ///< attach the inventory to the next node update
    QString instanceId;
    qint64 lastSeq = -1; ///< newest history sample delivered; -1: not decided yet
    qint64 eventsCursor = 0;
    bool inFlight[EndpointCount] = {};
    Backoff backoff;
    AgentStatus status = AgentStatus::Unknown;
    QString error;
    qint64 lastGoodMs = 0; ///< console clock of the last good snapshot (staleness only)
    QTimer* timer = nullptr;

    QString key() const { return nodeId.isEmpty() ? config.name : nodeId; }
};

namespace {

constexpr int HistoryTimeoutMs = 15000;

} // namespace

AgentSource::AgentSource(const QList<SourceConfig>& agents, const AgentSourceOptions& options, QObject* parent)
    : Source(parent)
    , m_options(options)
    , m_configs(agents)
{ }

AgentSource::~AgentSource()
{
    m_running = false;
}

int AgentSource::timeoutMs(const Agent* agent) const
{
    // ≤ the interval, so a dead agent is marked within two intervals.
    return std::clamp(agent->config.intervalMs, 200, 10000);
}

void AgentSource::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_queue)
        m_queue = new RequestQueue(m_options.maxInFlight, this);
    m_agents.clear();
    for (const SourceConfig& config : std::as_const(m_configs)) {
        auto agent = std::make_unique<Agent>();
        agent->config = config;
        agent->timer = new QTimer(this);
        Agent* a = agent.get();
        connect(agent->timer, &QTimer::timeout, this, [this, a] { poll(a); });
        m_agents.push_back(std::move(agent));
    }
    for (auto& agent : m_agents) {
        Agent* a = agent.get();
        a->timer->start(a->config.intervalMs);
        poll(a);
    }
}

void AgentSource::stop()
{
    m_running = false;
    for (auto& agent : m_agents)
        agent->timer->stop();
    if (m_queue)
        m_queue->clear();
}

void AgentSource::poll(Agent* a)
{
    if (!m_running)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (a->status == AgentStatus::Up && now - a->lastGoodMs > 2 * qint64(a->config.intervalMs)) {
        a->status = AgentStatus::Stale;
        a->error = tr("no answer for %1 s").arg((now - a->lastGoodMs) / 1000);
        SourceUpdate u;
        u.nodes.append(NodeUpdate { a->key(), false, {}, false, {}, a->status, a->error, now });
        report(a, std::move(u));
    }
    if (!a->backoff.ready(now))
        return;
    if (!a->config.credentialError.isEmpty()) {
        fail(a, AgentStatus::Unauthorized, a->config.credentialError);
        return;
    }
    if (!a->config.token.isEmpty()) {
        a->token = a->config.token; // from the keyring
    } else if (!a->config.tokenFile.isEmpty() && (!a->tokenLoaded || a->status == AgentStatus::Unauthorized)) {
        // Re-read after a 401: the token may have been rotated.
        QString error;
        a->token = readBearerToken(a->config.tokenFile, &error);
        a->tokenLoaded = !a->token.isEmpty();
        if (!a->tokenLoaded) {
            fail(a, AgentStatus::Unauthorized, error);
            return;
        }
    }
    if (QString tlsError; !a->config.tls.isEmpty() && !cachedTlsConfiguration(a->config.tls, &tlsError)) {
        fail(a, AgentStatus::Unreachable, tlsError);
        return;
    }
    if (a->needInventory) {
        if (!a->inFlight[NodeEp])
            fetch(a, NodeEp, QStringLiteral("api/v1/node"), [this, a](const HttpResult& r) { onInventory(a, r); });
        return;
    }
    fetchSnapshot(a);
}

void AgentSource::fetch(
    Agent* a, Endpoint endpoint, const QString& path, std::function<void(const HttpResult&)> handler)
{
    QList<std::pair<QString, QString>> query;
    if (endpoint == SamplesEp) {
        query = { { QStringLiteral("since"), QString::number(std::max<qint64>(0, a->lastSeq)) },
            { QStringLiteral("limit"), QString::number(m_options.samplesPageLimit) } };
    } else if (endpoint == EventsEp) {
        query = { { QStringLiteral("since"), QString::number(a->eventsCursor) } };
    }
    HttpRequestOptions options;
    options.token = a->token;
    QString tlsError;
    options.tls = cachedTlsConfiguration(a->config.tls, &tlsError);
    options.maxBodyBytes = m_options.maxBodyBytes;
    options.timeoutMs = timeoutMs(a);
    // History and event pages may be large and slow to produce: they get more time than the
    // snapshot, whose short timeout is what marks a dead agent within two intervals.
    if (endpoint == SamplesEp || endpoint == EventsEp)
        options.timeoutMs = std::max(options.timeoutMs, HistoryTimeoutMs);
    options.deadlineMs = 3 * options.timeoutMs;
    a->inFlight[endpoint] = true;
    m_queue->get(endpointUrl(a->config.url, path, query), options,
        [this, a, endpoint, handler = std::move(handler)](HttpResult result) {
            a->inFlight[endpoint] = false;
            if (!m_running)
                return;
            handler(result);
        });
}

void AgentSource::fetchSnapshot(Agent* a)
{
    if (!a->inFlight[SnapshotEp])
        fetch(a, SnapshotEp, QStringLiteral("api/v1/snapshot"), [this, a](const HttpResult& r) { onSnapshot(a, r); });
}

void AgentSource::fetchSamples(Agent* a)
{
    if (!a->inFlight[SamplesEp])
        fetch(a, SamplesEp, QStringLiteral("api/v1/samples"), [this, a](const HttpResult& r) { onSamples(a, r); });
}

void AgentSource::fetchEvents(Agent* a)
{
    if (!a->inFlight[EventsEp])
        fetch(a, EventsEp, QStringLiteral("api/v1/events"), [this, a](const HttpResult& r) { onEvents(a, r); });
}

void AgentSource::onInventory(Agent* a, const HttpResult& r)
{
    if (!r.ok())
        return fail(a, r.status(), r.error, r.retryAfterMs);
    Protocol::NodeInventory inventory;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &inventory, limits); !d)
        return fail(a, AgentStatus::BadPayload, d.error);
    if (!a->nodeId.isEmpty() && a->nodeId != inventory.nodeId) {
        // Another node now answers at this address: its history is not the old one's.
        a->lastSeq = -1;
        a->eventsCursor = 0;
        a->instanceId.clear();
    }
    a->nodeId = inventory.nodeId;
    a->inventory = std::move(inventory);
    a->needInventory = false;
    a->sendInventory = true;
    fetchSnapshot(a);
}

void AgentSource::onSnapshot(Agent* a, const HttpResult& r)
{
    if (!r.ok())
        return fail(a, r.status(), r.error, r.retryAfterMs);
    Protocol::Snapshot snapshot;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &snapshot, limits); !d)
        return fail(a, AgentStatus::BadPayload, d.error);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (a->instanceId != snapshot.instanceId) {
        if (!a->instanceId.isEmpty()) {
            // The agent restarted: cursors of the old instance mean nothing; its boot id may have changed too.
            qCInfo(lcAgentSource) << a->config.name << "new agent instance";
            a->lastSeq = 0;
            a->needInventory = true;
            if (!a->inFlight[NodeEp])
                fetch(a, NodeEp, QStringLiteral("api/v1/node"), [this, a](const HttpResult& res) {
                    if (!res.ok())
                        return fail(a, res.status(), res.error, res.retryAfterMs);
                    Protocol::NodeInventory inventory;
                    if (auto d = Protocol::Json::decodeBody(res.body, &inventory); !d)
                        return fail(a, AgentStatus::BadPayload, d.error);
                    a->inventory = std::move(inventory);
                    a->needInventory = false;
                    SourceUpdate u;
                    u.nodes.append(NodeUpdate { a->key(), true, a->inventory, false, {}, a->status, a->error,
                        QDateTime::currentMSecsSinceEpoch() });
                    report(a, std::move(u));
                });
        } else {
            const auto cursor = m_cursors.constFind(a->key());
            if (cursor != m_cursors.constEnd() && cursor->first == snapshot.instanceId)
                a->lastSeq = cursor->second;
            else
                a->lastSeq = m_options.backfillHistory ? 0 : snapshot.sample.seq - 1;
        }
        a->instanceId = snapshot.instanceId;
    }
    if (snapshot.newestEventId < a->eventsCursor)
        a->eventsCursor = 0; // the agent's event ids restarted

    SourceUpdate u;
    NodeUpdate n;
    n.nodeId = a->key();
    n.hasInventory = a->sendInventory;
    if (n.hasInventory)
        n.inventory = a->inventory;
    a->sendInventory = false;
    n.hasSnapshot = true;
    n.snapshot = snapshot;
    n.status = AgentStatus::Up;
    n.polledAtMs = now;
    const qint64 seq = snapshot.sample.seq;
    bool gap = false;
    if (seq == a->lastSeq + 1) {
        // Contiguous: the snapshot's own sample is the next history sample.
        u.samples.append({ a->key(), snapshot.sample });
        a->lastSeq = seq;
    } else if (seq > a->lastSeq + 1) {
        gap = true;
    }
    const bool newEvents = snapshot.newestEventId > a->eventsCursor;
    u.nodes.append(std::move(n));
    a->status = AgentStatus::Up;
    a->error.clear();
    a->lastGoodMs = now;
    a->backoff.succeeded();
    report(a, std::move(u));
    if (gap)
        fetchSamples(a);
    if (newEvents)
        fetchEvents(a);
}

void AgentSource::onSamples(Agent* a, const HttpResult& r)
{
    if (!r.ok())
        return fail(a, r.status(), r.error, r.retryAfterMs);
    Protocol::SamplesPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d)
        return fail(a, AgentStatus::BadPayload, d.error);
    if (page.instanceId != a->instanceId)
        return; // restarted in between: the next snapshot starts the new instance over
    SourceUpdate u;
    for (const Protocol::Sample& s : std::as_const(page.samples)) {
        if (s.seq <= a->lastSeq)
            continue;
        u.samples.append({ a->key(), s });
        a->lastSeq = s.seq;
    }
    const bool more = page.more && !u.samples.isEmpty();
    if (!u.samples.isEmpty())
        report(a, std::move(u));
    if (more)
        fetchSamples(a);
}

void AgentSource::onEvents(Agent* a, const HttpResult& r)
{
    if (!r.ok())
        return fail(a, r.status(), r.error, r.retryAfterMs);
    Protocol::EventsPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d)
        return fail(a, AgentStatus::BadPayload, d.error);
    SourceUpdate u;
    for (Protocol::Event e : std::as_const(page.events)) {
        if (e.id <= a->eventsCursor)
            continue;
        a->eventsCursor = e.id;
        if (e.nodeId.isEmpty())
            e.nodeId = a->key();
        u.events.append(std::move(e));
    }
    const bool more = page.more && !u.events.isEmpty();
    if (!u.events.isEmpty())
        report(a, std::move(u));
    if (more)
        fetchEvents(a);
}

void AgentSource::fail(Agent* a, AgentStatus status, const QString& error, qint64 retryAfterMs)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    a->backoff.failed(now, a->config.intervalMs, retryAfterMs);
    if (a->status == status && a->error == error)
        return;
    qCInfo(lcAgentSource) << a->config.name << toString(status) << error;
    a->status = status;
    a->error = error;
    SourceUpdate u;
    u.nodes.append(NodeUpdate { a->key(), false, {}, false, {}, status, error, now });
    report(a, std::move(u));
}

void AgentSource::report(Agent* a, SourceUpdate update)
{
    update.source = a->config.name;
    if (a->reportedKey != a->key()) {
        if (!a->reportedKey.isEmpty())
            update.removedNodes.append(a->reportedKey);
        a->reportedKey = a->key();
        // The first report under a new id carries the current status, so the store has it.
        for (NodeUpdate& n : update.nodes)
            n.hasInventory = n.hasInventory || !a->nodeId.isEmpty();
        for (NodeUpdate& n : update.nodes) {
            if (n.hasInventory)
                n.inventory = a->inventory;
        }
    }
    Q_EMIT updateReady(update);
}

} // namespace Meridian
