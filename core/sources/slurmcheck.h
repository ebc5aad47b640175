// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `meridian check-slurm`: what support staff need to know about a Slurm source before adding it — the API
// version slurmrestd serves, the nodes by state, the partitions with their GPUs (total and allocated), the jobs
// by state, and the problems (nodes down or drained, with their reasons). One round of the same requests the
// source makes, decoded by the same decoder.

#include "core/net/tlsclient.h"
#include "core/sources/slurmmapping.h"
#include "core/sources/sourcecheck.h"

#include <QMap>
#include <QObject>
#include <QUrl>

#include <memory>

namespace Meridian {

class HttpClient;
namespace SlurmRest {
class VersionProbe;
}

struct SlurmCheckReport
{
    struct PartitionRow
    {
        QString name;
        int nodes = 0;
        qint64 gpus = 0;
        qint64 gpusAllocated = 0;
    };
    QUrl url;
    QString version; ///< "Slurm 22.05.8, REST API v0.0.38"; empty when not found
    bool nodeUpdate = false; ///< drain and resume over REST
    QMap<QString, int> nodesByState; ///< "idle", "mixed+DRAIN", …
    QList<PartitionRow> partitions;
    QMap<QString, int> jobsByState; ///< "RUNNING", "PENDING", …
    QStringList nodeNames; ///< every node's NodeName, in slurmrestd's order
    int nodesDown = 0; ///< down or not responding
    QMap<QString, int> gpusByModel; ///< the nodes' configured GPUs by GRES type ("gpu" when untyped)
    QStringList problems; ///< translated, one line each
    QString error; ///< why the check could not finish; empty when it did
    AgentStatus status = AgentStatus::Up; ///< with an error: unreachable, unauthorized (token) or bad-payload

    bool healthy() const { return error.isEmpty(); }
};

// The report's figures from one view of the cluster (pure).
SlurmCheckReport slurmCheckReport(const SlurmView& view);
// The same in the terms of every source (check-source): the source's name, and its hostNames mapping applied
// to the node ids the report compares with the metrics sources.
SourceCheckReport sourceCheckOf(
    const QString& name, const SlurmCheckReport& report, const QMap<QString, QString>& hostNames = {});

class SlurmCheck : public QObject
{
    Q_OBJECT
public:
    explicit SlurmCheck(QObject* parent = nullptr);
    ~SlurmCheck() override;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // JWT from TOKENFILE; USER as X-SLURM-USER-NAME. finished() follows once, always from the event loop.
    void start(const QUrl& url, const QString& user, const QString& tokenFile, const TlsClientFiles& tls = {});
    // The same for a configured source: its token when resolved from the keyring, else its tokenFile.
    void start(const SourceConfig& source);

Q_SIGNALS:
    void finished(const Meridian::SlurmCheckReport& report);

private:
    void fetch(int step);
    void fail(const QString& error, AgentStatus status = AgentStatus::Unreachable);
    void reset(const QUrl& url, const QString& user);
    void begin(const TlsClientFiles& tls);
    void finish();

    HttpClient* m_client;
    SlurmRest::VersionProbe* m_probe;
    int m_timeoutMs = 10000;
    QUrl m_url;
    QString m_user;
    QByteArray m_token;
    std::shared_ptr<const QSslConfiguration> m_tls;
    SlurmView m_view;
    SlurmCheckReport m_report;
};

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::SlurmCheckReport)
