// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sources/prometheus/promfleet.h"
#include "core/sources/source.h"
#include "core/sources/sourceconfig.h"

#include <QHash>

class QTimer;

namespace Meridian {

class RequestQueue;
struct HttpResult;

struct PrometheusSourceOptions
{
    // One instant-query answer. 200,000 accelerator series are ≈ 50 MB of JSON; the decoder holds the body and
    // the kept labels, not a document tree.
    qsizetype maxBodyBytes = qsizetype(256) * 1024 * 1024;
    int maxInFlight = 3; ///< queries of one round on the wire at once
};

// Polls a Prometheus (or Thanos Query, VictoriaMetrics, Mimir: the same HTTP API) with the fixed handful of
// instant queries of Prometheus::pollQueries() per interval, whatever the fleet's size, decodes each answer
// streaming on this worker thread and maps the round, once, into NodeUpdates with metrics claims (it observes
// placement, hardware and telemetry; another source — an agent, a scheduler — may decide them). A node whose
// scrape targets are all down (up == 0), or that vanished from the answers, is shown down with the reason.
// Prometheus' own errors (errorType, error), HTTP statuses, refused credentials and partial answers' warnings
// are reported in plain words; the last good state is kept meanwhile.
class PrometheusSource : public Source
{
    Q_OBJECT
public:
    explicit PrometheusSource(
        const SourceConfig& config, const PrometheusSourceOptions& options = {}, QObject* parent = nullptr);
    ~PrometheusSource() override;

    // "user:password" from the first line of a file (at most 4 KiB, printable, with a colon); empty + *error else.
    static QByteArray readBasicAuth(const QString& path, QString* error);

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
    bool loadCredentials();
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

    QHash<QString, Track> m_tracks;
    Backoff m_backoff;
    AgentStatus m_status = AgentStatus::Unknown;
    QString m_error;
    qint64 m_lastGoodMs = 0;
    bool m_placeholderReported = false;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::PrometheusSource::RoundReport)
