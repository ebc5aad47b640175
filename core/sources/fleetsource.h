// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"
#include "core/sources/source.h"
#include "core/sources/sourceconfig.h"

#include <QHash>

class QTimer;

namespace Meridian {

class RequestQueue;
struct HttpResult;

struct FleetSourceOptions
{
    int maxFillsInFlight = 8; ///< per-node /samples requests filling gaps, at once
    qsizetype maxNodeBodyBytes = 16 * 1024 * 1024; ///< one node's /samples page
    qsizetype maxFleetBodyBytes = qsizetype(512) * 1024 * 1024; ///< one batched /nodes or /jobs answer
    int samplesPageLimit = 1000;
    // Nodes per /api/v1/nodes page. Pages arrive one after another, so the UI
    // thread merges a few thousand nodes at a time instead of a whole fleet
    // in one pass (25,000 nodes at once stalled it for ~0.5 s).
    int nodesPageLimit = 2000;
    // A node seen for the first time without a cached cursor: fill its whole
    // ring buffer (true) or start at its current sample (false).
    bool backfillHistory = true;
};

// Polls a fleet front (meridian-fleetsim, later an agent in gateway mode): the
// batched /api/v1/nodes once per interval, /api/v1/jobs and /api/v1/events,
// and fills per-node history gaps from /n/ID/api/v1/samples with bounded
// concurrency. The front's own health is every node's status when it fails;
// a node the front reports down is Unreachable with the front's reason.
class FleetSource : public Source
{
    Q_OBJECT
public:
    explicit FleetSource(const SourceConfig& config, const FleetSourceOptions& options = {}, QObject* parent = nullptr);
    ~FleetSource() override;

public Q_SLOTS:
    void start() override;
    void stop() override;

private:
    struct Track
    {
        QString instanceId;
        qint64 lastSeq = -1;
        bool fillInFlight = false;
        bool down = false;
        QString downReason;
        AgentStatus reported = AgentStatus::Unknown;
        QString reportedError;
    };
    enum Endpoint { NodesEp, JobsEp, EventsEp, EndpointCount };

    void poll();
    void fetch(Endpoint endpoint, const QString& path, const QList<std::pair<QString, QString>>& query,
        std::function<void(const HttpResult&)> handler);
    void fetchNodes();
    void fetchJobs();
    void fetchEvents();
    void onNodes(const HttpResult& result);
    void onJobs(const HttpResult& result);
    void onEvents(const HttpResult& result);
    void fill(const QString& nodeId);
    void onFill(const QString& nodeId, const HttpResult& result);
    void fetchProbeHistory();
    void onProbeHistory(const HttpResult& result);
    void fail(AgentStatus status, const QString& error, qint64 retryAfterMs = -1);
    void reportAll(SourceUpdate* update, AgentStatus frontStatus, const QString& frontError);
    void emitUpdate(SourceUpdate update);

    SourceConfig m_config;
    FleetSourceOptions m_options;
    QHash<QString, Track> m_tracks;
    RequestQueue* m_front = nullptr;
    RequestQueue* m_fills = nullptr;
    QTimer* m_timer = nullptr;
    QByteArray m_token;
    bool m_tokenLoaded = false;
    bool m_running = false;
    bool m_inFlight[EndpointCount] = {};
    QString m_nodesCursor;
    QString m_jobsCursor;
    bool m_jobsComplete = true; ///< the jobs pages being collected are the full list
    QList<Protocol::JobRecord> m_jobsPending;
    qint64 m_eventsCursor = 0;
    Backoff m_backoff;
    AgentStatus m_status = AgentStatus::Unknown;
    QString m_error;
    qint64 m_lastGoodMs = 0;
    bool m_placeholderReported = false;
    qint64 m_probeHistoryCursor = -1; ///< window end of the last probe-history page; -1: not asked yet
};

} // namespace Meridian
