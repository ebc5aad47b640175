// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/httpclient.h"

#include "core/net/tlsclient.h"
#include "core/util/secretfile.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>

namespace Meridian {

struct HttpClient::Pending
{
    Callback done;
    HttpRequestOptions options;
    QByteArray body;
    QTimer* idle = nullptr;
    QTimer* deadline = nullptr;
    bool headersSeen = false;
    bool tooLarge = false;
    bool timedOut = false;
    QString tlsError; ///< from sslErrors(): what was expected and what was received
};

namespace {

// Text of a JSON {"error": "..."} body, if the peer sent one; only shown, capped.
// Error bodies carry no "schema", so they cannot go through the protocol decoder.
QString errorText(const QByteArray& body)
{
    if (body.size() > 64 * 1024)
        return {};
    const QJsonValue error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error"));
    return error.isString() ? error.toString().left(200) : QString();
}

qint64 parseRetryAfter(const QByteArray& value)
{
    bool ok = false;
    const qint64 seconds = value.trimmed().toLongLong(&ok);
    if (ok && seconds >= 0)
        return std::min<qint64>(seconds, 3600) * 1000;
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value.trimmed()), Qt::RFC2822Date);
    if (when.isValid())
        return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, 3600 * 1000);
    return -1;
}

} // namespace

AgentStatus HttpResult::status() const
{
    switch (outcome) {
    case Outcome::Ok:
        return AgentStatus::Up;
    case Outcome::ConnectionFailed:
    case Outcome::TimedOut:
    case Outcome::Stalled:
    case Outcome::Aborted:
    case Outcome::TlsFailed: // not reached securely: the reason text says why
        return AgentStatus::Unreachable;
    case Outcome::TooLarge:
        return AgentStatus::BadPayload;
    case Outcome::HttpError:
        if (httpStatus == 401 || httpStatus == 403)
            return AgentStatus::Unauthorized;
        if (httpStatus >= 500 || httpStatus == 429)
            return AgentStatus::Unreachable;
        return AgentStatus::BadPayload;
    }
    return AgentStatus::Unreachable;
}

HttpClient::HttpClient(QObject* parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HttpClient::~HttpClient()
{
    // Callbacks may point into the owner being destroyed: drop them before aborting.
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        QObject::disconnect(it.key(), nullptr, this, nullptr);
        it.key()->abort();
        delete it.value();
    }
    m_pending.clear();
}

void HttpClient::get(const QUrl& url, const HttpRequestOptions& options, Callback done)
{
    send(QByteArrayLiteral("GET"), url, options, {}, std::move(done));
}

void HttpClient::send(
    const QByteArray& verb, const QUrl& url, const HttpRequestOptions& options, const QByteArray& body, Callback done)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Our own timers below tell a silent peer from one that stalled mid-body.
    request.setTransferTimeout(0);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("meridian/" MERIDIAN_VERSION));
    if (url.scheme() == QLatin1String("https")) {
        QSslConfiguration tls = options.tls ? *options.tls : QSslConfiguration::defaultConfiguration();
        if (!options.tls) {
            tls.setProtocol(QSsl::TlsV1_2OrLater);
            tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        }
        request.setSslConfiguration(tls);
    }
    if (!options.token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + options.token);
    else if (!options.basicAuth.isEmpty())
        request.setRawHeader(
            QByteArrayLiteral("Authorization"), QByteArrayLiteral("Basic ") + options.basicAuth.toBase64());
    for (const auto& [name, value] : options.headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    QNetworkReply* reply = verb == "GET" ? m_manager->get(request)
        : body.isEmpty()                 ? m_manager->sendCustomRequest(request, verb)
                                         : m_manager->sendCustomRequest(request, verb, body);
    auto* p = new Pending;
    p->done = std::move(done);
    p->options = options;
    p->idle = new QTimer(reply);
    p->idle->setSingleShot(true);
    p->idle->setInterval(std::max(1, options.timeoutMs));
    p->deadline = new QTimer(reply);
    p->deadline->setSingleShot(true);
    p->deadline->setInterval(options.deadlineMs > 0 ? options.deadlineMs : 4 * std::max(1, options.timeoutMs));
    m_pending.insert(reply, p);

    auto timeout = [reply, p] {
        p->timedOut = true;
        reply->abort();
    };
    connect(p->idle, &QTimer::timeout, this, timeout);
    connect(p->deadline, &QTimer::timeout, this, timeout);
    connect(reply, &QNetworkReply::metaDataChanged, this, [p] { p->headersSeen = true; });
    // Never ignored: the request fails, and the reason names what was expected and received.
    connect(reply, &QNetworkReply::sslErrors, this,
        [p, url](const QList<QSslError>& errors) { p->tlsError = describeTlsErrors(errors, url); });
    connect(reply, &QNetworkReply::readyRead, this, [reply, p] {
        p->headersSeen = true;
        p->idle->start();
        // Count what arrives and stop reading past the cap: a hostile peer cannot make us buffer more.
        const qint64 available = reply->bytesAvailable();
        if (p->body.size() + available > p->options.maxBodyBytes) {
            p->tooLarge = true;
            reply->abort();
            return;
        }
        p->body.append(reply->read(available));
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
    p->idle->start();
    p->deadline->start();
}

void HttpClient::abortAll()
{
    const auto replies = m_pending.keys();
    for (QNetworkReply* reply : replies)
        reply->abort();
}

void HttpClient::finish(QNetworkReply* reply)
{
    Pending* p = m_pending.take(reply);
    if (!p)
        return;
    reply->deleteLater();
    // The reply lives until the event loop deletes it and may still emit
    // (a queued metaDataChanged, a readyRead): nothing may reach `p` after this.
    disconnect(reply, nullptr, this, nullptr);
    p->idle->stop();
    p->deadline->stop();
    if (!p->tooLarge && reply->isOpen()) {
        const QByteArray rest = reply->readAll();
        if (p->body.size() + rest.size() > p->options.maxBodyBytes)
            p->tooLarge = true;
        else
            p->body.append(rest);
    }

    HttpResult r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (!p->tlsError.isEmpty()) {
        r.outcome = HttpResult::Outcome::TlsFailed;
        r.error = p->tlsError;
    } else if (error == QNetworkReply::SslHandshakeFailedError
        || (reply->url().scheme() == QLatin1String("https") && !p->headersSeen && p->body.isEmpty()
            && (error == QNetworkReply::RemoteHostClosedError
                || reply->errorString().contains(QLatin1String("SSL routines"))))) {
        // With TLS 1.3 a server that refuses the client certificate says so after the client's
        // side of the handshake is done: the request then ends as "closed" before any answer.
        r.outcome = HttpResult::Outcome::TlsFailed;
        r.error = tr("TLS handshake refused by the agent (does it require a client certificate?): %1")
                      .arg(reply->errorString());
    } else if (p->tooLarge) {
        r.outcome = HttpResult::Outcome::TooLarge;
        r.error = tr("body exceeds %1 bytes").arg(p->options.maxBodyBytes);
    } else if (p->timedOut) {
        if (p->headersSeen || !p->body.isEmpty()) {
            r.outcome = HttpResult::Outcome::Stalled;
            r.error = tr("stalled mid-response after %1 bytes").arg(p->body.size());
        } else {
            r.outcome = HttpResult::Outcome::TimedOut;
            r.error = tr("no answer within %1 ms").arg(p->options.timeoutMs);
        }
    } else if (error == QNetworkReply::OperationCanceledError) {
        r.outcome = HttpResult::Outcome::Aborted;
        r.error = tr("cancelled");
    } else if (r.httpStatus == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        // Transport-level errors (< 200 in QNetworkReply's numbering): nothing or a broken answer came back.
        if (p->headersSeen && r.httpStatus != 0) {
            r.outcome = HttpResult::Outcome::Stalled;
            r.error = tr("connection closed mid-response after %1 bytes").arg(p->body.size());
        } else if (error == QNetworkReply::ConnectionRefusedError) {
            r.outcome = HttpResult::Outcome::ConnectionFailed;
            r.error = tr("connection refused");
        } else if (error == QNetworkReply::TimeoutError) {
            r.outcome = HttpResult::Outcome::TimedOut;
            r.error = tr("timed out");
        } else {
            r.outcome = HttpResult::Outcome::ConnectionFailed;
            r.error = reply->errorString();
        }
    } else if (r.httpStatus != 200) {
        r.outcome = HttpResult::Outcome::HttpError;
        const QString detail = errorText(p->body);
        r.error = detail.isEmpty() ? tr("HTTP %1").arg(r.httpStatus) : tr("HTTP %1: %2").arg(r.httpStatus).arg(detail);
        if (r.httpStatus == 429 || r.httpStatus == 503)
            r.retryAfterMs = parseRetryAfter(reply->rawHeader(QByteArrayLiteral("Retry-After")));
        if (p->body.size() <= 64 * 1024)
            r.body = std::move(p->body); // a structured error (Prometheus' errorType) for the caller to decode
    } else {
        r.outcome = HttpResult::Outcome::Ok;
        r.body = std::move(p->body);
    }
    Callback done = std::move(p->done);
    delete p;
    if (done)
        done(std::move(r));
}

RequestQueue::RequestQueue(int maxInFlight, QObject* parent)
    : QObject(parent)
    , m_client(new HttpClient(this))
    , m_maxInFlight(std::max(1, maxInFlight))
{ }

void RequestQueue::get(const QUrl& url, const HttpRequestOptions& options, HttpClient::Callback done)
{
    m_waiting.append(Waiting { url, options, std::move(done) });
    drain();
}

void RequestQueue::clear()
{
    m_waiting.clear();
    m_client->abortAll();
}

void RequestQueue::drain()
{
    while (m_inFlight < m_maxInFlight && !m_waiting.isEmpty()) {
        Waiting w = m_waiting.takeFirst();
        ++m_inFlight;
        m_client->get(w.url, w.options, [this, done = std::move(w.done)](HttpResult result) {
            --m_inFlight;
            if (done)
                done(std::move(result));
            drain();
        });
    }
}

QByteArray readBearerToken(const QString& path, QString* error)
{
    constexpr qint64 MaxTokenFileBytes = 4096;
    // A token is a secret: the file is checked as ssh checks its keys (core/util/secretfile.h).
    const SecretFile::Result file = SecretFile::read(path, MaxTokenFileBytes, QObject::tr("token file"));
    if (!file.ok()) {
        *error = file.error;
        return {};
    }
    const QByteArray& content = file.content;
    const qsizetype eol = content.indexOf('\n');
    const QByteArray token = (eol < 0 ? content : content.left(eol)).trimmed();
    if (token.isEmpty()) {
        *error = QObject::tr("token file %1: empty").arg(path);
        return {};
    }
    for (const char c : token) {
        if (c < 0x21 || c > 0x7e) {
            *error = QObject::tr("token file %1: contains characters a bearer token cannot have").arg(path);
            return {};
        }
    }
    return token;
}

QUrl endpointUrl(const QUrl& base, const QString& path, const QList<std::pair<QString, QString>>& query)
{
    QUrl url = base.resolved(QUrl(path));
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto& [key, value] : query)
            q.addQueryItem(key, value);
        url.setQuery(q);
    }
    return url;
}

} // namespace Meridian
