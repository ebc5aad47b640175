// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <utility>

class QSslConfiguration;

class QNetworkAccessManager;
class QNetworkReply;

namespace Meridian {

// How one GET ended, classified the way the console reports agents.
struct HttpResult
{
    enum class Outcome {
        Ok, ///< HTTP 200 with a body within the cap
        ConnectionFailed, ///< refused, reset, host not found
        TimedOut, ///< no answer within the timeout
        Stalled, ///< the answer began, then stopped mid-body
        TooLarge, ///< body over the cap (aborted while reading)
        HttpError, ///< any other HTTP status
        Aborted, ///< cancelled by us (shutdown)
        TlsFailed, ///< certificate not trusted / wrong host / expired, or the handshake was refused
    };
    Outcome outcome = Outcome::Aborted;
    int httpStatus = 0;
    QByteArray body; ///< Ok: the answer; HttpError: the error body when it is at most 64 KiB (engines explain in it)
    QString error; ///< human-readable reason, never contains the token
    qint64 retryAfterMs = -1; ///< from Retry-After on 429/503; -1 if absent

    bool ok() const { return outcome == Outcome::Ok; }
    // The agent status this failure means (Up for Ok).
    AgentStatus status() const;
};

struct HttpRequestOptions
{
    QByteArray token; ///< bearer token; empty: no Authorization header
    /// Further request headers (e.g. slurmrestd's X-SLURM-USER-NAME and X-SLURM-USER-TOKEN); kept out of
    /// every error text like the token.
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray basicAuth; ///< "user:password" for HTTP Basic (when there is no token); never logged
    qsizetype maxBodyBytes = 16 * 1024 * 1024;
    int timeoutMs = 5000; ///< no progress for this long → timed out / stalled
    int deadlineMs = 0; ///< whole request; 0: 4 × timeoutMs
    /// https: CA, client certificate (see tlsclient.h); null: system roots, TLS ≥ 1.2, peer verified.
    std::shared_ptr<const QSslConfiguration> tls;
};

// The one QNetworkAccessManager of a worker thread, with the console's rules
// applied to every request: no redirects, a timeout, a body cap enforced
// while reading, and the bearer token kept out of every log and error text.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override;

    using Callback = std::function<void(HttpResult)>;
    // `done` runs on this object's thread, once, unless the client is destroyed first.
    void get(const QUrl& url, const HttpRequestOptions& options, Callback done);
    // Any other method (POST, DELETE) with the same rules; a non-empty body is sent as application/json.
    void send(const QByteArray& verb, const QUrl& url, const HttpRequestOptions& options, const QByteArray& body,
        Callback done);
    void abortAll(); ///< callbacks run with Outcome::Aborted
    int inFlight() const { return int(m_pending.size()); }

private:
    struct Pending;
    void finish(QNetworkReply* reply);

    QNetworkAccessManager* m_manager = nullptr;
    QHash<QNetworkReply*, Pending*> m_pending;
};

// Bounded concurrency on top of one HttpClient: at most maxInFlight requests
// on the wire, the rest wait in FIFO order.
class RequestQueue : public QObject
{
    Q_OBJECT
public:
    explicit RequestQueue(int maxInFlight, QObject* parent = nullptr);

    void get(const QUrl& url, const HttpRequestOptions& options, HttpClient::Callback done);
    void clear(); ///< drops waiting requests (their callbacks never run) and aborts those in flight
    int waiting() const { return int(m_waiting.size()); }
    int inFlight() const { return m_inFlight; }
    HttpClient* client() const { return m_client; }

private:
    struct Waiting
    {
        QUrl url;
        HttpRequestOptions options;
        HttpClient::Callback done;
    };
    void drain();

    HttpClient* m_client;
    int m_maxInFlight;
    int m_inFlight = 0;
    QList<Waiting> m_waiting;
};

// Reads a bearer token file: first line, trimmed, at most 4 KiB, printable
// ASCII only (a CR/LF would split the header). Empty + *error on failure.
QByteArray readBearerToken(const QString& path, QString* error);

// An agent endpoint below a base URL ("http://host:port/" or a fleet's "/n/ID/"), with query items.
QUrl endpointUrl(const QUrl& base, const QString& path, const QList<std::pair<QString, QString>>& query = {});

} // namespace Meridian
