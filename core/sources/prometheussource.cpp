// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/prometheussource.h"

#include "core/net/httpclient.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcAgentSource)

namespace Meridian {
namespace {

template <class Answer> AgentStatus statusOf(const Answer& a)
{
    switch (a.failure) {
    case Prometheus::Failure::None:
        return AgentStatus::Up;
    case Prometheus::Failure::Unauthorized:
        return AgentStatus::Unauthorized;
    case Prometheus::Failure::PrometheusError:
        // Overloaded or timed out is the server's state, not a broken answer.
        return a.errorType == QLatin1String("timeout") || a.errorType == QLatin1String("unavailable")
            ? AgentStatus::Unreachable
            : AgentStatus::BadPayload;
    case Prometheus::Failure::HttpError:
        return a.httpStatus >= 500 || a.httpStatus == 429 ? AgentStatus::Unreachable : AgentStatus::BadPayload;
    case Prometheus::Failure::TooLarge:
    case Prometheus::Failure::Malformed:
    case Prometheus::Failure::WrongType:
        break;
    }
    return AgentStatus::BadPayload;
}

// Without `up` there are no nodes; without credentials nothing works; a failing detail query
// (a function the front does not support, a missing exporter's regex) only costs its values.
bool failsTheRound(Prometheus::Query query, AgentStatus status)
{
    return query == Prometheus::Query::Up || status == AgentStatus::Unauthorized || status == AgentStatus::Unreachable;
}

} // namespace

// "user:password" from the first line of a file: at most 4 KiB, printable, with a colon; empty + *error else.
QByteArray PrometheusSource::readBasicAuth(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("basic auth file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray content = file.read(4097);
    const qsizetype eol = content.indexOf('\n');
    const QByteArray line = (eol < 0 ? content : content.left(eol)).trimmed();
    const bool printable = std::all_of(line.cbegin(), line.cend(), [](char c) { return c >= 0x20 && c <= 0x7e; });
    if (content.size() > 4096 || line.indexOf(':') <= 0 || !printable) {
        *error = tr("basic auth file %1: expected one line \"user:password\"").arg(path);
        return {};
    }
    return line;
}

PrometheusSource::PrometheusSource(const SourceConfig& config, const PrometheusSourceOptions& options, QObject* parent)
    : Source(parent)
    , m_config(config)
    , m_options(options)
    , m_wanted(Prometheus::wantedLabels(config.labels))
{
    qRegisterMetaType<Meridian::PrometheusSource::RoundReport>();
    qRegisterMetaType<Meridian::PrometheusSource::HistoryReport>();
    // The configuration file's history keys win over the defaults (consoleconfig.cpp checks their ranges).
    if (config.historyHours >= 0)
        m_options.history.horizonMs = qint64(config.historyHours) * 3600 * 1000;
    if (config.historyStepSeconds > 0)
        m_options.history.stepMs = qint64(config.historyStepSeconds) * 1000;
}

qint64 PrometheusSource::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentMSecsSinceEpoch();
}

PrometheusSource::~PrometheusSource()
{
    m_running = false;
}

void PrometheusSource::start()
{
    if (m_running)
        return;
    m_running = true;
    // Where the cache's history of this source ends (nothing yet: the horizon decides how far back to read).
    m_history = m_historySpans.value(m_config.name);
    m_historyLive = false;
    if (!m_queue) {
        m_queue = new RequestQueue(m_options.maxInFlight, this);
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &PrometheusSource::poll);
    }
    m_timer->start(m_config.intervalMs);
    poll();
}

void PrometheusSource::stop()
{
    m_running = false;
    if (m_timer)
        m_timer->stop();
    if (m_queue)
        m_queue->clear();
    m_pending = 0;
    m_historyPending = 0;
    m_chunkAnswers.clear();
}

bool PrometheusSource::loadCredentials()
{
    if (!m_config.credentialError.isEmpty()) {
        fail(AgentStatus::Unauthorized, m_config.credentialError);
        return false;
    }
    QString error;
    if (!m_config.token.isEmpty()) {
        m_token = m_config.token; // from the keyring
    } else if (!m_config.tokenFile.isEmpty() && (m_token.isEmpty() || m_status == AgentStatus::Unauthorized)) {
        m_token = readBearerToken(m_config.tokenFile, &error);
        if (m_token.isEmpty()) {
            fail(AgentStatus::Unauthorized, error);
            return false;
        }
    }
    if (!m_config.basicAuthFile.isEmpty() && (m_basicAuth.isEmpty() || m_status == AgentStatus::Unauthorized)) {
        m_basicAuth = readBasicAuth(m_config.basicAuthFile, &error);
        if (m_basicAuth.isEmpty()) {
            fail(AgentStatus::Unauthorized, error);
            return false;
        }
    }
    if (!m_config.tls.isEmpty() && !cachedTlsConfiguration(m_config.tls, &error)) {
        fail(AgentStatus::Unreachable, error);
        return false;
    }
    return true;
}

HttpRequestOptions PrometheusSource::requestOptions() const
{
    HttpRequestOptions options;
    options.token = m_token;
    options.basicAuth = m_basicAuth;
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.maxBodyBytes = m_options.maxBodyBytes;
    options.timeoutMs = std::clamp(2 * m_config.intervalMs, 5000, 30000);
    options.deadlineMs = std::max(60000, 3 * options.timeoutMs);
    return options;
}

void PrometheusSource::poll()
{
    // A history chunk that failed is asked again on a later tick (its own backoff), never two at once.
    if (m_running && !m_historyLive && m_historyPending == 0 && m_lastGoodMs > 0)
        requestHistory();
    if (!m_running || m_pending > 0)
        return; // a round still in flight: never two at once
    const qint64 now = this->now();
    if (m_status == AgentStatus::Up && now - m_lastGoodMs > 2 * qint64(m_config.intervalMs)) {
        m_status = AgentStatus::Stale;
        m_error = tr("Prometheus has not answered for %1 s").arg((now - m_lastGoodMs) / 1000);
        m_progress.problem = m_error;
        SourceUpdate u;
        reportAll(&u, m_status, m_error);
        emitUpdate(std::move(u));
    }
    if (!m_backoff.ready(now) || !loadCredentials())
        return;

    const HttpRequestOptions options = requestOptions();

    // One evaluation time for every query of the round: their answers describe the same instant.
    m_roundMs = now;
    const QString time = QString::number(double(now) / 1000.0, 'f', 3);
    const QList<Prometheus::QuerySpec>& queries = Prometheus::pollQueries();
    m_answers.clear();
    m_answers.resize(queries.size());
    m_roundStatus = AgentStatus::Up;
    m_roundError.clear();
    m_roundRetryAfterMs = -1;
    m_report = RoundReport();
    m_report.evaluatedMs = now;
    m_pending = int(queries.size());
    for (int i = 0; i < queries.size(); ++i) {
        m_answers[i].first = queries[i].query;
        const QUrl url = endpointUrl(m_config.url, QStringLiteral("api/v1/query"),
            { { QStringLiteral("query"), queries[i].promql }, { QStringLiteral("time"), time } });
        m_queue->get(url, options, [this, i](HttpResult result) {
            if (m_running && m_pending > 0)
                onAnswer(i, result);
        });
    }
}

void PrometheusSource::onAnswer(int index, const HttpResult& r)
{
    const bool transportFailed = !r.ok() && r.outcome != HttpResult::Outcome::HttpError;
    const Prometheus::Query query = m_answers[index].first;
    if (transportFailed) {
        if (m_roundStatus == AgentStatus::Up) {
            m_roundStatus = r.status();
            m_roundError = r.error;
            m_roundRetryAfterMs = r.retryAfterMs;
        }
    } else {
        // Decoded here, on the source's worker thread, as the answer arrives.
        Prometheus::Limits limits;
        limits.maxBodyBytes = m_options.maxBodyBytes;
        Prometheus::VectorAnswer a
            = Prometheus::VectorDecoder::decode(r.httpStatus > 0 ? r.httpStatus : 200, r.body, m_wanted, limits);
        for (const QString& w : std::as_const(a.warnings))
            m_report.warnings.append(w);
        if (a.ok()) {
            m_seriesEstimate = std::max(m_seriesEstimate, a.vector.series.size());
            m_answers[index].second = std::move(a.vector);
        } else {
            const AgentStatus status = statusOf(a);
            const bool fatal = failsTheRound(query, status);
            if (fatal && m_roundStatus == AgentStatus::Up) {
                m_roundStatus = status;
                m_roundError = a.error;
                m_roundRetryAfterMs = r.retryAfterMs;
            } else if (!fatal) {
                m_report.failedQueries.append(a.error);
            }
        }
    }
    if (--m_pending == 0)
        finishRound();
}

void PrometheusSource::finishRound()
{
    if (m_roundStatus != AgentStatus::Up) {
        m_answers.clear();
        return fail(m_roundStatus, m_roundError, m_roundRetryAfterMs);
    }
    for (const QString& w : std::as_const(m_report.warnings))
        qCInfo(lcAgentSource) << m_config.name << "partial answer:" << w;
    for (const QString& e : std::as_const(m_report.failedQueries))
        qCInfo(lcAgentSource) << m_config.name << "query failed:" << e;

    QHash<QString, Prometheus::NodeReading> readings
        = Prometheus::assembleNodes(std::exchange(m_answers, {}), m_config.labels, m_roundMs);
    const qint64 now = this->now();
    const QString instance = QStringLiteral("prometheus:") + m_config.name;
    SourceUpdate u;
    u.nodes.reserve(readings.size());
    for (auto it = readings.begin(); it != readings.end(); ++it) {
        Prometheus::NodeReading& reading = *it;
        m_seesAllocation |= reading.hasJobLabels;
        Track& t = m_tracks[it.key()];
        const bool down = reading.targetsUp == 0 && reading.targetsDown > 0;
        NodeUpdate n;
        n.nodeId = it.key();
        n.polledAtMs = now;
        n.hasSnapshot = true;
        n.snapshot.instanceId = instance;
        if (down) {
            t.down = true;
            t.downReason = tr("%n scrape target(s) down in Prometheus (up == 0)", "", reading.targetsDown);
            n.snapshot.sample.seq = m_roundMs;
            n.snapshot.sample.timestampMs = m_roundMs;
            n.snapshot.sample.state = NodeState::Down;
            n.snapshot.stateReason = t.downReason;
            n.status = AgentStatus::Unreachable;
            n.error = t.downReason;
            ++m_report.nodesDown;
        } else {
            t.down = false;
            reading.sample.seq = m_roundMs; // the evaluation time: increasing across rounds and restarts
            if (!reading.faultCounters.isEmpty()) {
                ExporterCounters counters { it.key(), {}, m_roundMs, {} };
                for (auto c = reading.faultCounters.cbegin(); c != reading.faultCounters.cend(); ++c)
                    counters.accelerators.append(
                        { c.key(), reading.inventory.accelerators.value(c.key()).vendor, c.value() });
                u.faultCounters.append(std::move(counters));
            }
            n.snapshot.sample = std::move(reading.sample);
            u.samples.append({ n.nodeId, n.snapshot.sample });
            n.status = AgentStatus::Up;
        }
        // The inventory of a node whose targets are down says nothing (its series are gone): keep the last one.
        if (!down && (!t.inventoryReported || t.inventory != reading.inventory)) {
            t.inventory = reading.inventory;
            t.inventoryReported = true;
            n.hasInventory = true;
            n.inventory = std::move(reading.inventory);
        } else if (!t.inventoryReported) {
            n.hasInventory = true;
            n.inventory = std::move(reading.inventory);
        }
        m_report.unassigned += int(reading.unassigned());
        t.reported = n.status;
        t.reportedError = n.error;
        u.nodes.append(std::move(n));
    }
    // Nodes Prometheus no longer answers for: down, with the reason, until they come back.
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        if (readings.contains(it.key()))
            continue;
        it->down = true;
        it->downReason = tr("no longer reported by Prometheus (its targets are gone)");
        ++m_report.nodesDown;
        if (it->reported == AgentStatus::Unreachable && it->reportedError == it->downReason)
            continue;
        NodeUpdate n;
        n.nodeId = it.key();
        n.polledAtMs = now;
        n.hasSnapshot = true;
        n.snapshot.instanceId = instance;
        n.snapshot.sample.seq = m_roundMs;
        n.snapshot.sample.timestampMs = m_roundMs;
        n.snapshot.sample.state = NodeState::Down;
        n.snapshot.stateReason = it->downReason;
        n.status = AgentStatus::Unreachable;
        n.error = it->downReason;
        it->reported = n.status;
        it->reportedError = n.error;
        u.nodes.append(std::move(n));
    }
    m_report.nodes = int(m_tracks.size());
    m_progress.problem.clear();
    m_progress.warnings = m_report.warnings;
    for (const QString& e : std::as_const(m_report.failedQueries))
        m_progress.warnings.append(tr("a query failed, its values are missing: %1").arg(e));
    m_status = AgentStatus::Up;
    m_error.clear();
    m_lastGoodMs = now;
    m_backoff.succeeded();
    if (m_placeholderReported) {
        u.removedNodes.append(m_config.name);
        m_placeholderReported = false;
    }
    attachLiveHistory(&u);
    emitUpdate(std::move(u));
    Q_EMIT roundFinished(m_report);
    if (!m_historyLive && m_historyPending == 0)
        requestHistory();
}

// A good round's samples go to history only when history is whole up to it; after a longer break (an outage, a
// failed round too many) the gap is read with range queries first, and the round's samples stay live only.
void PrometheusSource::attachLiveHistory(SourceUpdate* u)
{
    const qint64 tolerance = m_options.history.stepMs + 2 * qint64(m_config.intervalMs);
    if (m_historyLive && m_roundMs - m_history.toMs > tolerance) {
        m_historyLive = false;
        m_progress.historyCaughtUp = false;
    }
    if (!m_historyLive || m_roundMs <= m_history.toMs) {
        u->samples.clear();
        return;
    }
    m_history.toMs = m_roundMs;
    u->historyComplete = m_history;
}

void PrometheusSource::requestHistory()
{
    const qint64 now = this->now();
    if (!m_historyBackoff.ready(now))
        return;
    const Prometheus::HistoryChunk chunk
        = Prometheus::nextChunk(m_history.toMs, now, m_seriesEstimate, m_options.history);
    if (chunk.isEmpty()) {
        m_historyLive = true; // up to date on the grid: the rounds take over
        if (!m_history.isValid())
            m_history = { now, now }; // no history to read (a horizon shorter than a step): it starts now
        HistoryReport report;
        report.caughtUp = true;
        m_progress.historyCaughtUp = true;
        m_progress.historyProblem.clear();
        m_progress.historyDoneMs = std::max(m_progress.historyDoneMs, m_progress.historyToMs);
        emitUpdate(SourceUpdate());
        Q_EMIT historyFetched(report);
        return;
    }
    if (m_progress.historyCaughtUp || m_progress.historyToMs == 0) {
        // A new reading: from the first instant asked up to now (the gap's end as of its start).
        m_progress.historyCaughtUp = false;
        m_progress.historyFromMs = chunk.startMs;
        m_progress.historyDoneMs = chunk.startMs;
        m_progress.historyToMs = std::max(chunk.endMs, now);
        emitUpdate(SourceUpdate()); // the status line says what is being read from the first chunk on
    }
    m_chunk = chunk;
    const QList<Prometheus::QuerySpec>& queries = Prometheus::pollQueries();
    m_chunkAnswers.clear();
    m_chunkAnswers.resize(queries.size());
    m_historyReport = HistoryReport();
    m_historyReport.fromMs = chunk.startMs;
    m_historyReport.toMs = chunk.endMs;
    m_historyReport.stepMs = chunk.stepMs;
    m_historyReport.queries = int(queries.size());
    m_chunkRetryAfterMs = -1;
    m_historyPending = int(queries.size());
    HttpRequestOptions options = requestOptions();
    options.timeoutMs = std::max(options.timeoutMs, 30000); // a range query may take its time on the server
    options.deadlineMs = std::max(options.deadlineMs, 120000);
    const auto seconds = [](qint64 ms) { return QString::number(double(ms) / 1000.0, 'f', 3); };
    for (int i = 0; i < queries.size(); ++i) {
        m_chunkAnswers[i].first = queries[i].query;
        const QUrl url = endpointUrl(m_config.url, QStringLiteral("api/v1/query_range"),
            { { QStringLiteral("query"), queries[i].promql }, { QStringLiteral("start"), seconds(chunk.startMs) },
                { QStringLiteral("end"), seconds(chunk.endMs) }, { QStringLiteral("step"), seconds(chunk.stepMs) } });
        m_queue->get(url, options, [this, i](HttpResult result) {
            if (m_running && m_historyPending > 0)
                onHistoryAnswer(i, result);
        });
    }
}

void PrometheusSource::onHistoryAnswer(int index, const HttpResult& r)
{
    const bool transportFailed = !r.ok() && r.outcome != HttpResult::Outcome::HttpError;
    if (transportFailed) {
        if (m_historyReport.error.isEmpty()) {
            m_historyReport.error = r.error;
            m_chunkRetryAfterMs = r.retryAfterMs;
        }
    } else {
        // Decoded here, on the worker thread, as for a round; a matrix is held until the chunk is whole.
        Prometheus::Limits limits;
        limits.maxBodyBytes = m_options.maxBodyBytes;
        Prometheus::MatrixAnswer a
            = Prometheus::VectorDecoder::decodeMatrix(r.httpStatus > 0 ? r.httpStatus : 200, r.body, m_wanted, limits);
        m_historyReport.warnings.append(a.warnings);
        if (a.ok()) {
            m_chunkAnswers[index].second = std::move(a.matrix);
        } else {
            const AgentStatus status = statusOf(a);
            const bool fatal = failsTheRound(m_chunkAnswers[index].first, status);
            if (fatal && m_historyReport.error.isEmpty()) {
                m_historyReport.error = a.error;
                m_chunkRetryAfterMs = r.retryAfterMs;
            } else if (!fatal) {
                m_historyReport.failedQueries.append(a.error);
            }
        }
    }
    if (--m_historyPending == 0)
        finishHistoryChunk();
}

void PrometheusSource::finishHistoryChunk()
{
    const QList<std::pair<Prometheus::Query, Prometheus::Matrix>> answers = std::exchange(m_chunkAnswers, {});
    if (!m_historyReport.error.isEmpty()) {
        // Asked again once the backoff allows (poll() ticks); the cache's span stays where it was.
        m_historyBackoff.failed(now(), m_config.intervalMs, m_chunkRetryAfterMs);
        qCInfo(lcAgentSource) << m_config.name << "history chunk failed:" << m_historyReport.error;
        m_progress.historyProblem = m_historyReport.error;
        emitUpdate(SourceUpdate());
        Q_EMIT historyFetched(m_historyReport);
        return;
    }
    m_historyBackoff.succeeded();
    SourceUpdate u;
    u.samples = Prometheus::historySamples(answers, m_config.labels, m_chunk, &m_historyReport.nodes);
    // A new span starts here when the cache held none, or only one older than the horizon (not continued).
    if (!m_history.isValid() || m_chunk.startMs - m_history.toMs > m_chunk.stepMs)
        m_history.fromMs = m_chunk.startMs;
    m_history.toMs = m_chunk.endMs;
    u.historyComplete = m_history;
    m_historyReport.samples = int(u.samples.size());
    m_progress.historyDoneMs = m_chunk.endMs;
    m_progress.historyProblem.clear();
    for (const QString& e : std::as_const(m_historyReport.failedQueries))
        qCInfo(lcAgentSource) << m_config.name << "history query failed:" << e;
    emitUpdate(std::move(u));
    Q_EMIT historyFetched(m_historyReport);
    if (m_running)
        requestHistory(); // the next chunk at once: one in flight at a time
}

void PrometheusSource::fail(AgentStatus status, const QString& error, qint64 retryAfterMs)
{
    m_backoff.failed(now(), m_config.intervalMs, retryAfterMs);
    if (m_status == status && m_error == error)
        return;
    m_progress.problem = error;
    qCInfo(lcAgentSource) << m_config.name << toString(status) << error;
    m_status = status;
    m_error = error;
    SourceUpdate u;
    reportAll(&u, status, error);
    emitUpdate(std::move(u));
}

// Every node's status when Prometheus itself fails (a node already down keeps its own reason).
void PrometheusSource::reportAll(SourceUpdate* update, AgentStatus status, const QString& error)
{
    const qint64 now = this->now();
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        const AgentStatus s = status == AgentStatus::Up && it->down ? AgentStatus::Unreachable : status;
        const QString e = status == AgentStatus::Up && it->down ? it->downReason : error;
        if (it->reported == s && it->reportedError == e)
            continue;
        it->reported = s;
        it->reportedError = e;
        update->nodes.append(NodeUpdate { it.key(), false, {}, false, {}, s, e, now });
    }
    if (m_tracks.isEmpty() && status != AgentStatus::Up) {
        // Never answered: the source itself stands in, so the console shows why.
        update->nodes.append(NodeUpdate { m_config.name, false, {}, false, {}, status, error, now });
        m_placeholderReported = true;
    }
}

void PrometheusSource::emitUpdate(SourceUpdate update)
{
    update.source = m_config.name;
    // Once the exporters have named a chip's job, a chip without one is free: the source then sees allocation
    // (for the rest of the session: a fleet with no job running has no job labels either).
    update.claims = SourceClaims::metrics(m_seesAllocation);
    update.progress = m_progress;
    Q_EMIT updateReady(update);
}

} // namespace Meridian
