// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sources/prometheus/promfleet.h"
#include "core/sources/prometheus/promhistory.h"
#include "core/sources/source.h"
#include "core/sources/sourceconfig.h"

#include <QHash>

#include <functional>

class QTimer;

namespace Meridian {

class RequestQueue;
struct HttpResult;
struct HttpRequestOptions;

struct PrometheusSourceOptions
{
    // One instant-query answer. 200,000 accelerator series are ≈ 50 MB of JSON; the decoder holds the body and
    // the kept labels, not a document tree.
    qsizetype maxBodyBytes = qsizetype(256) * 1024 * 1024;
    int maxInFlight = 3; ///< queries of one round on the wire at once
    Prometheus::HistoryOptions history; ///< range queries that fill the cache's history (docs/prometheus.md)
    std::function<qint64()> clock; ///< the console's clock in ms since the epoch (tests); empty: the system's
};

// Polls a Prometheus (or Thanos Query, VictoriaMetrics, Mimir: the same HTTP API) with the fixed handful of
// instant queries of Prometheus::pollQueries() per interval, whatever the fleet's size, decodes each answer
// streaming on this worker thread and maps the round, once, into NodeUpdates with metrics claims (it observes
// placement, hardware and telemetry; another source — an agent, a scheduler — may decide them). A node whose
// scrape targets are all down (up == 0), or that vanished from the answers, is shown down with the reason.
// Prometheus' own errors (errorType, error), HTTP statuses, refused credentials and partial answers' warnings
// are reported in plain words; the last good state is kept meanwhile.
//
// History: after the first good round, the gap between the span the cache holds (setHistorySpans()) and now —
// or the horizon, for a new source — is read with range queries of the same handful of queries, one chunk at a
// time (Prometheus::nextChunk), mapped like a round and delivered as samples with SourceUpdate::historyComplete.
// Meanwhile rounds deliver no samples (the cache's history of a node only grows forward); once the gap is closed
// each round's sample goes to history too, and a gap after an outage is read the same way.
class PrometheusSource : public Source
{
    Q_OBJECT
public:
    explicit PrometheusSource(
        const SourceConfig& config, const PrometheusSourceOptions& options = {}, QObject* parent = nullptr);
    ~PrometheusSource() override;

    // "user:password" from the first line of a file (at most 4 KiB, printable, with a colon); empty + *error else.
    static QByteArray readBasicAuth(const QString& path, QString* error);

    // One history chunk's outcome (tests, logs): the instants asked, what came back, why not.
    struct HistoryReport
    {
        qint64 fromMs = 0; ///< first instant asked
        qint64 toMs = 0; ///< last instant asked
        qint64 stepMs = 0;
        int queries = 0; ///< range queries sent for it
        int samples = 0;
        int nodes = 0;
        bool caughtUp = false; ///< the gap is closed: rounds deliver history from now on
        QString error; ///< the chunk failed (it is asked again later); empty: delivered
        QStringList failedQueries; ///< detail queries that failed (their values are missing from the chunk)
        QStringList warnings;
    };

    // A round's outcome for whoever watches the source (check-source, tests): warnings of partial answers,
    // the queries that failed, unassigned nodes.
    struct RoundReport
    {
        qint64 evaluatedMs = 0;
        int nodes = 0;
        int nodesDown = 0;
        int unassigned = 0;
        QStringList warnings;
        QStringList failedQueries;
    };

public Q_SLOTS:
    void start() override;
    void stop() override;

Q_SIGNALS:
    void roundFinished(const Meridian::PrometheusSource::RoundReport& report);
    void historyFetched(const Meridian::PrometheusSource::HistoryReport& report);

private:
    struct Track
    {
        Protocol::NodeInventory inventory;
        bool inventoryReported = false;
        AgentStatus reported = AgentStatus::Unknown;
        QString reportedError;
        bool down = false;
        QString downReason;
    };

    void poll();
    qint64 now() const;
    HttpRequestOptions requestOptions() const;
    bool loadCredentials();
    void attachLiveHistory(SourceUpdate* update);
    void requestHistory();
    void onHistoryAnswer(int index, const HttpResult& result);
    void finishHistoryChunk();
    void onAnswer(int query, const HttpResult& result);
    void finishRound();
    void fail(AgentStatus status, const QString& error, qint64 retryAfterMs = -1);
    void reportAll(SourceUpdate* update, AgentStatus status, const QString& error);
    void emitUpdate(SourceUpdate update);

    SourceConfig m_config;
    PrometheusSourceOptions m_options;
    QStringList m_wanted;
    RequestQueue* m_queue = nullptr;
    QTimer* m_timer = nullptr;
    QByteArray m_token;
    QByteArray m_basicAuth;
    bool m_running = false;
    // The round in flight.
    int m_pending = 0;
    qint64 m_roundMs = 0;
    QList<std::pair<Prometheus::Query, Prometheus::Vector>> m_answers;
    AgentStatus m_roundStatus = AgentStatus::Up;
    QString m_roundError;
    qint64 m_roundRetryAfterMs = -1;
    RoundReport m_report;

    // History (range queries): the newest instant the cache holds for this source, and since when.
    HistorySpan m_history;
    bool m_historyLive = false; ///< the gap is closed: each good round's samples go to history
    qsizetype m_seriesEstimate = 1; ///< the largest answer a round has had: sizes the chunks
    int m_historyPending = 0; ///< queries of the chunk in flight
    Prometheus::HistoryChunk m_chunk;
    QList<std::pair<Prometheus::Query, Prometheus::Matrix>> m_chunkAnswers;
    HistoryReport m_historyReport;
    bool m_seesAllocation = false; ///< the exporters carry job labels (promfleet.h: NodeReading::hasJobLabels)
    SourceProgress m_progress; ///< sent with every update: the status line's and report --config's view
    qint64 m_chunkRetryAfterMs = -1;
    Backoff m_historyBackoff;

    QHash<QString, Track> m_tracks;
    Backoff m_backoff;
    AgentStatus m_status = AgentStatus::Unknown;
    QString m_error;
    qint64 m_lastGoodMs = 0;
    bool m_placeholderReported = false;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::PrometheusSource::RoundReport)
Q_DECLARE_METATYPE(Meridian::PrometheusSource::HistoryReport)
