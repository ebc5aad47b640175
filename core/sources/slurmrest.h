// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the Slurm source and the Slurm action client share about speaking to slurmrestd: its headers (the
// JWT goes in X-SLURM-USER-TOKEN, not in Authorization), its paths, finding the API version it serves
// (/openapi/v3, else probing ping newest first) and how a failed answer shows in the console.

#include "core/model/fleettypes.h"
#include "core/net/httpclient.h"
#include "core/sources/slurm/slurmdecode.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

namespace Meridian::SlurmRest {

QList<std::pair<QByteArray, QByteArray>> headers(const QString& user, const QByteArray& token);
// "slurm/v0.0.38/nodes" (relative: resolved against the source's URL).
QString path(Slurm::ApiVersion version, const QString& what);
// The status a node of a source shows when an answer failed for this reason.
AgentStatus statusOf(Slurm::Failure failure, int httpStatus);
// An HTTP answer the decoder should read (a Slurm error comes with HTTP 500); false: the transport failed.
bool answered(const HttpResult& result);

// Finds the newest API version slurmrestd serves that the decoder reads: GET openapi/v3 first; when that
// is missing or unreadable, GET slurm/vX/ping newest first. Lives on the thread of the client it is given.
class VersionProbe : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        Slurm::ApiVersion version = Slurm::ApiVersion::Unknown;
        bool nodeUpdate = false; ///< POST node/{name} exists (drain and resume over REST)
        AgentStatus status = AgentStatus::Up; ///< when no version was found: why
        QString error;
        bool ok() const { return version != Slurm::ApiVersion::Unknown; }
    };
    using Done = std::function<void(const Result&)>;

    VersionProbe(HttpClient* client, QObject* parent = nullptr);
    // One probe at a time; a new run() while one is on its way is refused (false).
    bool run(const QUrl& base, const HttpRequestOptions& options, Done done);
    bool isRunning() const { return bool(m_done); }

private:
    void onDiscovery(const HttpResult& result);
    void probe(int index);
    void finish(const Result& result);

    HttpClient* m_client;
    QUrl m_base;
    HttpRequestOptions m_options;
    Done m_done;
    QString m_discoveryError;
};

} // namespace Meridian::SlurmRest
