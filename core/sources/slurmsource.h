// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sources/slurmjobhistory.h"
#include "core/sources/slurmmapping.h"
#include "core/sources/source.h"
#include "core/sources/sourceconfig.h"

#include <QSet>

class QTimer;

namespace Meridian {

class HttpClient;
struct HttpResult;
struct HttpRequestOptions;
namespace SlurmRest {
class VersionProbe;
}

struct SlurmSourceOptions
{
    // One answer. v0.0.38 writes ~2.3 KB per job: 50,000 jobs are ~110 MiB (bench_slurmpoll); decoding holds
    // about three times the body.
    qsizetype maxBodyBytes = qsizetype(256) * 1024 * 1024;
};

// Polls a Slurm cluster's slurmrestd: finds the API version it serves (openapi/v3, else probing), then every
// interval GET nodes, partitions and jobs, and reports the three as one update with the scheduler's claims
// (slurmmapping.h). A failed answer keeps the last good state and shows why on every node of the cluster —
// a rejected JWT as "token rejected — renew it" (slurmrestd answers it with HTTP 500), never as a server error.
class SlurmSource : public Source
{
    Q_OBJECT
public:
    explicit SlurmSource(const SourceConfig& config, const SlurmSourceOptions& options = {}, QObject* parent = nullptr);
    ~SlurmSource() override;

public Q_SLOTS:
    void start() override;
    void stop() override;

private:
    enum Endpoint { NodesEp, PartitionsEp, JobsEp, EndpointCount };

    void poll();
    bool loadToken();
    HttpRequestOptions requestOptions() const;
    void fetchAll();
    void onAnswer(Endpoint endpoint, const HttpResult& result);
    void finishRound();
    void fail(AgentStatus status, const QString& error, qint64 retryAfterMs = -1);
    void reportAll(SourceUpdate* update, AgentStatus status, const QString& error);
    void emitUpdate(SourceUpdate update);

    SourceConfig m_config;
    SlurmSourceOptions m_options;
    HttpClient* m_client = nullptr;
    SlurmRest::VersionProbe* m_probe = nullptr;
    QTimer* m_timer = nullptr;
    bool m_running = false;
    QByteArray m_token;
    Slurm::ApiVersion m_version = Slurm::ApiVersion::Unknown;
    // One round: the three answers, collected until all are in.
    int m_round = 0; ///< answers still awaited; 0: no round on its way
    quint64 m_roundId = 0;
    SlurmView m_view;
    SlurmJobHistory m_history;
    AgentStatus m_roundStatus = AgentStatus::Up;
    QString m_roundError;
    qint64 m_roundRetryAfterMs = -1;
    qint64 m_seq = 0;
    QSet<QString> m_nodes; ///< reported in the last good round
    QHash<QString, std::pair<AgentStatus, QString>> m_reported; ///< per node, what was last said
    Backoff m_backoff;
    AgentStatus m_status = AgentStatus::Unknown;
    QString m_error;
    qint64 m_lastGoodMs = 0;
    bool m_placeholderReported = false;
};

} // namespace Meridian
