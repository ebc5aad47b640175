// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmsource.h"

#include "core/net/httpclient.h"
#include "core/net/tlsclient.h"
#include "core/sources/slurmrest.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcAgentSource)

namespace Meridian {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

SlurmSource::SlurmSource(const SourceConfig& config, const SlurmSourceOptions& options, QObject* parent)
    : Source(parent)
    , m_config(config)
    , m_options(options)
{ }

SlurmSource::~SlurmSource()
{
    m_running = false;
}

void SlurmSource::start()
{
    if (m_running)
        return;
    m_running = true;
    if (!m_client) {
        m_client = new HttpClient(this);
        m_probe = new SlurmRest::VersionProbe(m_client, this);
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &SlurmSource::poll);
    }
    m_timer->start(m_config.intervalMs);
    poll();
}

void SlurmSource::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
    // The round on its way is dropped: its answers (aborted below) must not hold the next start's first poll.
    m_round = 0;
    ++m_roundId;
    if (m_client)
        m_client->abortAll();
}

bool SlurmSource::loadToken()
{
    if (!m_config.credentialError.isEmpty()) {
        fail(AgentStatus::Unauthorized, m_config.credentialError);
        return false;
    }
    if (!m_config.token.isEmpty()) {
        m_token = m_config.token; // from the keyring
    } else if (!m_config.tokenFile.isEmpty()) {
        // Read at every poll: a JWT is short-lived and renewed in place, and the file is tiny.
        QString error;
        m_token = readBearerToken(m_config.tokenFile, &error);
        if (m_token.isEmpty()) {
            fail(AgentStatus::Unauthorized, error);
            return false;
        }
    }
    return true;
}

HttpRequestOptions SlurmSource::requestOptions() const
{
    HttpRequestOptions options;
    options.headers = SlurmRest::headers(m_config.user, m_token);
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.maxBodyBytes = m_options.maxBodyBytes;
    // slurmrestd answers a small cluster in milliseconds; a large one builds its whole answer first.
    options.timeoutMs = std::clamp(2 * m_config.intervalMs, 5000, 30000);
    options.deadlineMs = std::max(60000, 3 * options.timeoutMs);
    return options;
}

void SlurmSource::poll()
{
    if (!m_running)
        return;
    const qint64 now = nowMs();
    if (m_status == AgentStatus::Up && now - m_lastGoodMs > 2 * qint64(m_config.intervalMs)) {
        m_status = AgentStatus::Stale;
        m_error = tr("slurmrestd has not answered for %1 s").arg((now - m_lastGoodMs) / 1000);
        SourceUpdate u;
        reportAll(&u, m_status, m_error);
        emitUpdate(std::move(u));
    }
    if (!m_backoff.ready(now) || m_round > 0 || m_probe->isRunning())
        return;
    if (!loadToken())
        return;
    if (QString tlsError; !m_config.tls.isEmpty() && !cachedTlsConfiguration(m_config.tls, &tlsError))
        return fail(AgentStatus::Unreachable, tlsError);
    if (m_version != Slurm::ApiVersion::Unknown)
        return fetchAll();
    m_probe->run(m_config.url, requestOptions(), [this](const SlurmRest::VersionProbe::Result& r) {
        if (!m_running)
            return;
        if (!r.ok())
            return fail(r.status, r.error);
        m_version = r.version;
        qCInfo(lcAgentSource) << m_config.name << "slurmrestd serves" << Slurm::apiVersionName(m_version);
        fetchAll();
    });
}

void SlurmSource::fetchAll()
{
    m_round = EndpointCount;
    const quint64 roundId = ++m_roundId;
    m_view = SlurmView();
    m_view.version = m_version;
    m_roundStatus = AgentStatus::Up;
    m_roundError.clear();
    m_roundRetryAfterMs = -1;
    const HttpRequestOptions options = requestOptions();
    const std::pair<Endpoint, const char*> endpoints[]
        = { { NodesEp, "nodes" }, { PartitionsEp, "partitions" }, { JobsEp, "jobs" } };
    for (const auto& [endpoint, what] : endpoints) {
        const QUrl url = endpointUrl(m_config.url, SlurmRest::path(m_version, QLatin1String(what)));
        m_client->get(url, options, [this, roundId, endpoint](HttpResult r) {
            if (!m_running || roundId != m_roundId)
                return;
            onAnswer(endpoint, r);
            if (--m_round == 0)
                finishRound();
        });
    }
}

void SlurmSource::onAnswer(Endpoint endpoint, const HttpResult& r)
{
    if (m_roundStatus != AgentStatus::Up)
        return; // the round failed already: its first reason is the one shown
    if (!SlurmRest::answered(r)) {
        m_roundStatus = r.status();
        m_roundError = r.error;
        m_roundRetryAfterMs = r.retryAfterMs;
        return;
    }
    Slurm::Limits limits;
    limits.maxBodyBytes = m_options.maxBodyBytes;
    Slurm::Failure failure = Slurm::Failure::None;
    QString error;
    auto take = [&](auto decoded, auto* into) {
        failure = decoded.failure;
        error = decoded.error;
        if (decoded.ok())
            *into = std::move(decoded.value);
        for (const Slurm::Message& w : std::as_const(decoded.info.warnings))
            qCInfo(lcAgentSource) << m_config.name << "slurmrestd warns:" << w.description << w.source;
        return decoded.info;
    };
    switch (endpoint) {
    case NodesEp:
        m_view.release = take(Slurm::decodeNodes(m_version, r.httpStatus, r.body, limits), &m_view.nodes).slurmRelease;
        break;
    case PartitionsEp:
        take(Slurm::decodePartitions(m_version, r.httpStatus, r.body, limits), &m_view.partitions);
        break;
    case JobsEp:
        take(Slurm::decodeJobs(m_version, r.httpStatus, r.body, limits), &m_view.jobs);
        break;
    case EndpointCount:
        break;
    }
    if (failure == Slurm::Failure::None)
        return;
    m_roundStatus = SlurmRest::statusOf(failure, r.httpStatus);
    m_roundError = error;
    // Another API version than the one found (slurmrestd was upgraded or replaced): find it again.
    if (failure == Slurm::Failure::WrongVersion || r.httpStatus == 404)
        m_version = Slurm::ApiVersion::Unknown;
}

void SlurmSource::finishRound()
{
    if (m_roundStatus != AgentStatus::Up)
        return fail(m_roundStatus, m_roundError, m_roundRetryAfterMs);
    const qint64 now = nowMs();
    SlurmMapping mapping;
    mapping.source = m_config.name;
    mapping.region = m_config.region;
    mapping.pools = m_config.pools;
    mapping.hostNames = m_config.hostNames;
    mapping.jobKinds = m_config.jobKinds;
    mapping.nowMs = now;
    mapping.seq = ++m_seq;
    SourceUpdate u = slurmUpdate(m_view, mapping);
    m_history.apply(m_view.jobs, &u.jobs, now);
    m_view = SlurmView();

    QSet<QString> seen;
    for (const NodeUpdate& n : std::as_const(u.nodes)) {
        seen.insert(n.nodeId);
        m_reported.insert(n.nodeId, { AgentStatus::Up, QString() });
    }
    // Nodes taken out of slurm.conf: no longer this source's.
    for (const QString& gone : std::as_const(m_nodes)) {
        if (!seen.contains(gone)) {
            u.removedNodes.append(gone);
            m_reported.remove(gone);
        }
    }
    if (m_placeholderReported && !seen.isEmpty()) {
        u.removedNodes.append(m_config.name);
        m_placeholderReported = false;
    }
    m_nodes = std::move(seen);
    m_status = AgentStatus::Up;
    m_error.clear();
    m_lastGoodMs = now;
    m_backoff.succeeded();
    emitUpdate(std::move(u));
}

void SlurmSource::fail(AgentStatus status, const QString& error, qint64 retryAfterMs)
{
    m_backoff.failed(nowMs(), m_config.intervalMs, retryAfterMs);
    if (m_status == status && m_error == error)
        return;
    qCInfo(lcAgentSource) << m_config.name << toString(status) << error;
    m_status = status;
    m_error = error;
    SourceUpdate u;
    reportAll(&u, status, error);
    emitUpdate(std::move(u));
}

// The cluster's status on each of its nodes: slurmrestd is the only way to them.
void SlurmSource::reportAll(SourceUpdate* update, AgentStatus status, const QString& error)
{
    const qint64 now = nowMs();
    for (auto it = m_reported.begin(); it != m_reported.end(); ++it) {
        if (it->first == status && it->second == error)
            continue;
        *it = { status, error };
        update->nodes.append(NodeUpdate { it.key(), false, {}, false, {}, status, error, now });
    }
    if (m_reported.isEmpty() && status != AgentStatus::Up) {
        // Never answered: report the source itself so the console shows why.
        update->nodes.append(NodeUpdate { m_config.name, false, {}, false, {}, status, error, now });
        m_placeholderReported = true;
    }
}

void SlurmSource::emitUpdate(SourceUpdate update)
{
    update.source = m_config.name;
    update.claims = SourceClaims::scheduler();
    Q_EMIT updateReady(update);
}

} // namespace Meridian
