// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpservice.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <httplib.h>

namespace Meridian::Agent {
namespace {
constexpr qsizetype MaxTokenFileBytes = 4096;
}

QByteArray readTokenFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read token file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray content = file.read(MaxTokenFileBytes + 1);
    if (content.size() > MaxTokenFileBytes) {
        *error = QStringLiteral("token file %1 is larger than %2 bytes").arg(path).arg(MaxTokenFileBytes);
        return {};
    }
    const QByteArray token = content.split('\n').value(0).trimmed();
    if (token.size() < 16) {
        *error = QStringLiteral("token in %1 is shorter than 16 characters").arg(path);
        return {};
    }
    return token;
}

bool tokensEqual(QByteArrayView a, QByteArrayView b)
{
    // Length is not secret (tokens have a fixed format); content is.
    if (a.size() != b.size())
        return false;
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff = diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
    return diff == 0;
}

bool isLoopbackHost(const QString& host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

HttpService::HttpService(ServiceOptions options)
    : m_options(std::move(options))
    , m_server(std::make_unique<httplib::Server>())
{
    auto& s = *m_server;
    // Without TCP_NODELAY every keep-alive response stalls ~40 ms on Nagle +
    // delayed ACK (measured with Debian 12's cpp-httplib 0.11).
    s.set_tcp_nodelay(true);
    s.set_payload_max_length(size_t(m_options.maxRequestBodyBytes));
    s.set_read_timeout(m_options.readTimeoutSeconds, 0);
    s.set_write_timeout(m_options.writeTimeoutSeconds, 0);
    s.set_keep_alive_timeout(m_options.keepAliveSeconds);
    s.set_keep_alive_max_count(10000);
    const int threads = std::max(1, m_options.workerThreads);
    s.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };

    const QByteArray token = m_options.token;
    s.set_pre_routing_handler([token](const httplib::Request& req, httplib::Response& res) {
        if (token.isEmpty() || req.path.rfind("/api/", 0) != 0)
            return httplib::Server::HandlerResponse::Unhandled;
        const std::string header = req.get_header_value("Authorization");
        constexpr std::string_view prefix = "Bearer ";
        if (header.size() > prefix.size() && std::string_view(header).substr(0, prefix.size()) == prefix
            && tokensEqual(QByteArrayView(header).sliced(qsizetype(prefix.size())), token))
            return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("WWW-Authenticate", "Bearer");
        replyError(res, 401, QStringLiteral("missing or wrong bearer token"));
        return httplib::Server::HandlerResponse::Handled;
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        replyError(res, 500, QStringLiteral("internal error"));
    });
}

HttpService::~HttpService()
{
    stop();
}

httplib::Server& HttpService::server()
{
    return *m_server;
}

bool HttpService::bind(QString* error)
{
    if (m_options.token.isEmpty() && !isLoopbackHost(m_options.host)) {
        *error = QStringLiteral("refusing to listen on %1 without a token: pass --token-file, or listen on loopback")
                     .arg(m_options.host);
        return false;
    }
    const std::string host = m_options.host.toStdString();
    if (m_options.port == 0) {
        const int port = m_server->bind_to_any_port(host);
        if (port <= 0) {
            *error = QStringLiteral("cannot bind %1").arg(m_options.host);
            return false;
        }
        m_port = quint16(port);
    } else {
        if (!m_server->bind_to_port(host, m_options.port)) {
            *error = QStringLiteral("cannot bind %1:%2 (in use?)").arg(m_options.host).arg(m_options.port);
            return false;
        }
        m_port = m_options.port;
    }
    return true;
}

QString HttpService::baseUrl() const
{
    const bool v6 = m_options.host.contains(u':');
    return QStringLiteral("http://%1:%2/").arg(v6 ? u'[' + m_options.host + u']' : m_options.host).arg(m_port);
}

void HttpService::run()
{
    m_server->listen_after_bind();
}

void HttpService::stop()
{
    if (m_server && m_server->is_running())
        m_server->stop();
}

void replyJson(httplib::Response& response, const QByteArray& body, int status)
{
    response.status = status;
    // cpp-httplib compresses "application/json" on its own whenever the client
    // accepts it, and prefers brotli: at fleet scale that cost ~90 % of the
    // simulator's CPU. With the charset parameter it sends the body as is.
    response.set_content(body.constData(), size_t(body.size()), "application/json; charset=utf-8");
}

void replyError(httplib::Response& response, int status, const QString& message)
{
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("error"), message } }).toJson(QJsonDocument::Compact);
    replyJson(response, body, status);
}

void replyMetrics(httplib::Response& response, const QByteArray& text)
{
    response.status = 200;
    response.set_content(text.constData(), size_t(text.size()), "text/plain; version=0.0.4; charset=utf-8");
}

bool queryInteger(
    const httplib::Request& request, httplib::Response& response, const char* name, qint64 min, qint64 max, qint64* out)
{
    if (!request.has_param(name))
        return true;
    const std::string value = request.get_param_value(name);
    qint64 parsed = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || end != value.data() + value.size() || parsed < min || parsed > max) {
        replyError(response, 400,
            QStringLiteral("parameter %1 must be an integer in %2…%3").arg(QLatin1String(name)).arg(min).arg(max));
        return false;
    }
    *out = parsed;
    return true;
}

} // namespace Meridian::Agent
