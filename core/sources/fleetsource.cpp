// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/fleetsource.h"

#include "core/model/peertext.h"
#include "core/net/httpclient.h"
#include "core/protocol/protocoljson.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>
#include <QUrlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcAgentSource)

namespace Meridian {
FleetSource::FleetSource(const SourceConfig& config, const FleetSourceOptions& options, QObject* parent)
    : Source(parent)
    , m_config(config)
    , m_options(options)
{ }

FleetSource::~FleetSource()
{
    m_running = false;
}

void FleetSource::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_front) {
        m_front = new RequestQueue(EndpointCount, this);
        m_fills = new RequestQueue(m_options.maxFillsInFlight, this);
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &FleetSource::poll);
    }
    m_timer->start(m_config.intervalMs);
    poll();
}

void FleetSource::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
    if (m_front) {
        m_front->clear();
        m_fills->clear();
    }
}

void FleetSource::poll()
{
    if (!m_running)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_status == AgentStatus::Up && now - m_lastGoodMs > 2 * qint64(m_config.intervalMs)) {
        m_status = AgentStatus::Stale;
        m_error = tr("the fleet front has not answered for %1 s").arg((now - m_lastGoodMs) / 1000);
        SourceUpdate u;
        reportAll(&u, m_status, m_error);
        emitUpdate(std::move(u));
    }
    if (!m_backoff.ready(now))
        return;
    if (!m_config.credentialError.isEmpty())
        return fail(AgentStatus::Unauthorized, m_config.credentialError);
    if (!m_config.token.isEmpty()) {
        m_token = m_config.token; // from the keyring
    } else if (!m_config.tokenFile.isEmpty() && (!m_tokenLoaded || m_status == AgentStatus::Unauthorized)) {
        QString error;
        m_token = readBearerToken(m_config.tokenFile, &error);
        m_tokenLoaded = !m_token.isEmpty();
        if (!m_tokenLoaded)
            return fail(AgentStatus::Unauthorized, error);
    }
    if (QString tlsError; !m_config.tls.isEmpty() && !cachedTlsConfiguration(m_config.tls, &tlsError))
        return fail(AgentStatus::Unreachable, tlsError);
    fetchNodes();
    fetchJobs();
    fetchEvents();
}

void FleetSource::fetch(Endpoint endpoint, const QString& path, const QList<std::pair<QString, QString>>& query,
    std::function<void(const HttpResult&)> handler)
{
    if (m_inFlight[endpoint])
        return;
    HttpRequestOptions options;
    options.token = m_token;
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.maxBodyBytes = m_options.maxFleetBodyBytes;
    // A front encodes a whole fleet before the first byte: give it time. A dead front is refused at
    // once, and one that stays silent is marked stale after two intervals meanwhile.
    options.timeoutMs = std::clamp(2 * m_config.intervalMs, 5000, 30000);
    options.deadlineMs = std::max(60000, 3 * options.timeoutMs);
    m_inFlight[endpoint] = true;
    m_front->get(endpointUrl(m_config.url, path, query), options,
        [this, endpoint, handler = std::move(handler)](HttpResult result) {
            m_inFlight[endpoint] = false;
            if (m_running)
                handler(result);
        });
}

void FleetSource::fetchNodes()
{
    QList<std::pair<QString, QString>> query { { QStringLiteral("limit"), QString::number(m_options.nodesPageLimit) } };
    if (!m_nodesCursor.isEmpty())
        query.append({ QStringLiteral("since"), m_nodesCursor });
    fetch(NodesEp, QStringLiteral("api/v1/nodes"), query, [this](const HttpResult& r) { onNodes(r); });
}

void FleetSource::fetchJobs()
{
    QList<std::pair<QString, QString>> query;
    if (!m_jobsCursor.isEmpty())
        query.append({ QStringLiteral("since"), m_jobsCursor });
    else
        m_jobsComplete = true;
    fetch(JobsEp, QStringLiteral("api/v1/jobs"), query, [this](const HttpResult& r) { onJobs(r); });
}

void FleetSource::fetchEvents()
{
    fetch(EventsEp, QStringLiteral("api/v1/events"), { { QStringLiteral("since"), QString::number(m_eventsCursor) } },
        [this](const HttpResult& r) { onEvents(r); });
}

void FleetSource::onNodes(const HttpResult& r)
{
    if (!r.ok()) {
        // A cursor the front no longer knows (it restarted) is answered with 4xx: start over.
        if (r.status() == AgentStatus::BadPayload)
            m_nodesCursor.clear();
        return fail(r.status(), r.error, r.retryAfterMs);
    }
    Protocol::NodesPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxFleetBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d)
        return fail(AgentStatus::BadPayload, d.error);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SourceUpdate u;
    u.nodes.reserve(page.nodes.size());
    QStringList gaps;
    for (Protocol::NodeRecord& record : page.nodes) {
        const QString& id = record.nodeId;
        Track& t = m_tracks[id];
        const Protocol::Snapshot& snap = record.snapshot;
        if (t.instanceId != snap.instanceId) {
            const auto cursor = m_cursors.constFind(id);
            if (!t.instanceId.isEmpty())
                t.lastSeq = 0; // a restarted node: its new instance's history from the start
            else if (cursor != m_cursors.constEnd() && cursor->first == snap.instanceId)
                t.lastSeq = cursor->second;
            else
                t.lastSeq = m_options.backfillHistory ? 0 : snap.sample.seq - 1;
            t.instanceId = snap.instanceId;
        }
        t.down = snap.sample.state == NodeState::Down;
        t.downReason = snap.stateReason.isEmpty()
            ? tr("heartbeat lost (reported by the fleet front)")
            : tr("%1 (reported by the fleet front)")
                  .arg(PeerText::show(snap.stateReason, snap.stateReasonKey, snap.stateReasonArgs));
        const qint64 seq = snap.sample.seq;
        if (seq == t.lastSeq + 1 && !t.fillInFlight) {
            u.samples.append({ id, snap.sample });
            t.lastSeq = seq;
        } else if (seq > t.lastSeq + 1) {
            // Down or not: the front retains a node's samples until it went down, so a node first
            // seen down still has its past (issue 18: "no history" for a node that reported for hours).
            gaps.append(id);
        }
        NodeUpdate n;
        n.nodeId = id;
        n.hasInventory = record.inventoryIncluded;
        if (n.hasInventory)
            n.inventory = std::move(record.inventory);
        n.hasSnapshot = true;
        n.snapshot = std::move(record.snapshot);
        n.status = t.down ? AgentStatus::Unreachable : AgentStatus::Up;
        n.error = t.down ? t.downReason : QString();
        n.polledAtMs = now;
        t.reported = n.status;
        t.reportedError = n.error;
        u.nodes.append(std::move(n));
    }
    m_nodesCursor = page.cursor;
    const bool recovered = m_status != AgentStatus::Up;
    m_status = AgentStatus::Up;
    m_error.clear();
    m_lastGoodMs = now;
    m_backoff.succeeded();
    if (recovered)
        reportAll(&u, AgentStatus::Up, QString());
    if (m_placeholderReported && !m_tracks.isEmpty()) {
        u.removedNodes.append(m_config.name);
        m_placeholderReported = false;
    }
    emitUpdate(std::move(u));
    for (const QString& id : std::as_const(gaps))
        fill(id);
    if (page.more)
        fetchNodes();
    else if (m_options.backfillHistory && m_probeHistoryCursor < 0) {
        // After the first full listing (the inventories name the sites): the past probe windows.
        m_probeHistoryCursor = 0;
        fetchProbeHistory();
    }
}

void FleetSource::fetchProbeHistory()
{
    HttpRequestOptions options;
    options.token = m_token;
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.maxBodyBytes = m_options.maxFleetBodyBytes;
    options.timeoutMs = std::max(m_config.intervalMs, 30000);
    options.deadlineMs = 3 * options.timeoutMs;
    const QUrl url = endpointUrl(m_config.url, QStringLiteral("api/v1/probe-history"),
        { { QStringLiteral("since"), QString::number(m_probeHistoryCursor) },
            { QStringLiteral("limit"), QStringLiteral("120") } });
    m_fills->get(url, options, [this](HttpResult result) {
        if (m_running)
            onProbeHistory(result);
    });
}

void FleetSource::onProbeHistory(const HttpResult& r)
{
    // Optional: a front without probe history (404) just has none; the live windows still come.
    if (!r.ok()) {
        qCInfo(lcAgentSource) << m_config.name << "no probe history:" << r.error;
        return;
    }
    Protocol::NodesPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxFleetBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d) {
        qCInfo(lcAgentSource) << m_config.name << "probe history undecodable:" << d.error;
        return;
    }
    bool ok = false;
    const qint64 cursor = page.cursor.toLongLong(&ok);
    if (!ok || cursor < m_probeHistoryCursor)
        return; // a cursor going backwards would loop for ever
    SourceUpdate u;
    for (const Protocol::NodeRecord& record : std::as_const(page.nodes)) {
        for (const Protocol::ProbeResult& p : record.snapshot.probes)
            u.probeHistory.append({ record.nodeId, p });
    }
    const bool more = page.more && cursor > m_probeHistoryCursor;
    m_probeHistoryCursor = cursor;
    if (!u.probeHistory.isEmpty())
        emitUpdate(std::move(u));
    if (more)
        fetchProbeHistory();
}

void FleetSource::onJobs(const HttpResult& r)
{
    if (!r.ok()) {
        if (r.status() == AgentStatus::BadPayload)
            m_jobsCursor.clear();
        m_jobsPending.clear();
        return fail(r.status(), r.error, r.retryAfterMs);
    }
    Protocol::JobsPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxFleetBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d) {
        m_jobsPending.clear();
        return fail(AgentStatus::BadPayload, d.error);
    }
    m_jobsPending.append(page.jobs);
    m_jobsCursor = page.cursor;
    if (page.more) {
        fetchJobs();
        return;
    }
    SourceUpdate u;
    u.hasJobs = true;
    u.jobsComplete = m_jobsComplete;
    u.jobs = std::exchange(m_jobsPending, {});
    m_jobsComplete = false;
    if (u.jobsComplete || !u.jobs.isEmpty())
        emitUpdate(std::move(u));
}

void FleetSource::onEvents(const HttpResult& r)
{
    if (!r.ok())
        return fail(r.status(), r.error, r.retryAfterMs);
    Protocol::EventsPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxFleetBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d)
        return fail(AgentStatus::BadPayload, d.error);
    if (page.newestId < m_eventsCursor)
        m_eventsCursor = 0; // the front restarted and its ids with it
    SourceUpdate u;
    for (const Protocol::Event& e : std::as_const(page.events)) {
        if (e.id <= m_eventsCursor)
            continue;
        m_eventsCursor = e.id;
        u.events.append(e);
    }
    const bool more = page.more && !u.events.isEmpty();
    if (!u.events.isEmpty())
        emitUpdate(std::move(u));
    if (more)
        fetchEvents();
}

void FleetSource::fill(const QString& nodeId)
{
    Track& t = m_tracks[nodeId];
    if (t.fillInFlight)
        return;
    t.fillInFlight = true;
    HttpRequestOptions options;
    options.token = m_token;
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.maxBodyBytes = m_options.maxNodeBodyBytes;
    options.timeoutMs = std::max(m_config.intervalMs, 15000);
    options.deadlineMs = 3 * options.timeoutMs;
    const QString path = QStringLiteral("n/") + QString::fromLatin1(QUrl::toPercentEncoding(nodeId))
        + QStringLiteral("/api/v1/samples");
    const QUrl url = endpointUrl(m_config.url, path,
        { { QStringLiteral("since"), QString::number(std::max<qint64>(0, t.lastSeq)) },
            { QStringLiteral("limit"), QString::number(m_options.samplesPageLimit) } });
    m_fills->get(url, options, [this, nodeId](HttpResult result) {
        m_tracks[nodeId].fillInFlight = false;
        if (m_running)
            onFill(nodeId, result);
    });
}

void FleetSource::onFill(const QString& nodeId, const HttpResult& r)
{
    // A failed fill is retried at the next gap; the node's status is the front's business.
    if (!r.ok()) {
        qCInfo(lcAgentSource) << m_config.name << "history fill failed for" << nodeId << r.error;
        return;
    }
    Protocol::SamplesPage page;
    Protocol::Limits limits;
    limits.maxBodyBytes = m_options.maxNodeBodyBytes;
    if (auto d = Protocol::Json::decodeBody(r.body, &page, limits); !d) {
        qCInfo(lcAgentSource) << m_config.name << "history of" << nodeId << "undecodable:" << d.error;
        return;
    }
    Track& t = m_tracks[nodeId];
    if (page.instanceId != t.instanceId)
        return;
    SourceUpdate u;
    for (const Protocol::Sample& s : std::as_const(page.samples)) {
        if (s.seq <= t.lastSeq)
            continue;
        u.samples.append({ nodeId, s });
        t.lastSeq = s.seq;
    }
    const bool more = page.more && !u.samples.isEmpty();
    if (!u.samples.isEmpty())
        emitUpdate(std::move(u));
    if (more)
        fill(nodeId);
}

void FleetSource::fail(AgentStatus status, const QString& error, qint64 retryAfterMs)
{
    m_backoff.failed(QDateTime::currentMSecsSinceEpoch(), m_config.intervalMs, retryAfterMs);
    if (m_status == status && m_error == error)
        return;
    qCInfo(lcAgentSource) << m_config.name << toString(status) << error;
    m_status = status;
    m_error = error;
    SourceUpdate u;
    reportAll(&u, status, error);
    emitUpdate(std::move(u));
}

// Status of every node the front serves: the front's own when it fails, each node's when it answers.
void FleetSource::reportAll(SourceUpdate* update, AgentStatus frontStatus, const QString& frontError)
{
    QSet<QString> already;
    for (const NodeUpdate& n : std::as_const(update->nodes))
        already.insert(n.nodeId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        if (already.contains(it.key()))
            continue;
        AgentStatus status = frontStatus;
        QString error = frontError;
        if (frontStatus == AgentStatus::Up && it->down) {
            status = AgentStatus::Unreachable;
            error = it->downReason;
        }
        if (it->reported == status && it->reportedError == error)
            continue;
        it->reported = status;
        it->reportedError = error;
        update->nodes.append(NodeUpdate { it.key(), false, {}, false, {}, status, error, now });
    }
    if (m_tracks.isEmpty() && frontStatus != AgentStatus::Up) {
        // Never answered: report the front itself so the console shows why.
        update->nodes.append(NodeUpdate { m_config.name, false, {}, false, {}, frontStatus, frontError, now });
        m_placeholderReported = true;
    }
}

void FleetSource::emitUpdate(SourceUpdate update)
{
    update.source = m_config.name;
    Q_EMIT updateReady(update);
}

} // namespace Meridian
