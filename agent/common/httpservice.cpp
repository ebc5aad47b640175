// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpservice.h"

#include "roles.h"
#include "tlsserver.h"

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

std::shared_ptr<const WebConfig> loadWebConfig(const QString& path, QString* error)
{
    auto config = std::make_shared<WebConfig>();
    if (!WebConfig::load(path, config.get(), error))
        return {};
    return config;
}

namespace {
std::unique_ptr<httplib::Server> makeServer(const std::shared_ptr<const WebConfig>& config, QString* error)
{
    if (!config || !config->tlsEnabled)
        return std::make_unique<httplib::Server>();
    const WebConfig* c = config.get();
    auto server
        = std::make_unique<httplib::SSLServer>([c, error](SSL_CTX& ctx) { return configureTlsServer(&ctx, c, error); });
    if (!server->is_valid() && error->isEmpty())
        *error = QStringLiteral("cannot set up TLS");
    return server;
}
} // namespace

HttpService::HttpService(ServiceOptions options)
    : m_options(std::move(options))
    , m_server(makeServer(m_options.webConfig, &m_setupError))
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
    const std::shared_ptr<const RoleTable> roles = m_options.roles;
    // Basic auth (web-config) guards what the bearer token does not: /metrics and the rest outside /api/*.
    auto basic = std::make_shared<BasicAuth>(
        m_options.webConfig ? m_options.webConfig->basicAuthUsers : QMap<QString, QByteArray>());
    auto hook = m_authFailureHook;
    s.set_pre_routing_handler([token, roles, basic, hook](const httplib::Request& req, httplib::Response& res) {
        auto reject = [&](const char* challenge, const std::string& reason) {
            if (*hook)
                (*hook)(AuthFailure { req.remote_addr, req.method, req.path.substr(0, 256), reason });
            res.set_header("WWW-Authenticate", challenge);
            replyError(res, 401,
                QStringLiteral("missing or wrong %1")
                    .arg(QLatin1String(
                        std::string_view(challenge).substr(0, 5) == "Basic" ? "credentials" : "bearer token")));
            return httplib::Server::HandlerResponse::Handled;
        };
        const std::string header = req.get_header_value("Authorization");
        if (req.path.rfind("/api/", 0) != 0) {
            if (!basic->enabled())
                return httplib::Server::HandlerResponse::Unhandled;
            QString user;
            if (basic->check(QByteArray::fromStdString(header), &user))
                return httplib::Server::HandlerResponse::Unhandled;
            return reject("Basic realm=\"meridian\"",
                header.empty() ? std::string("missing basic auth")
                               : "wrong basic auth for user \"" + user.toStdString() + '"');
        }
        if (token.isEmpty() && (!roles || roles->isEmpty()))
            return httplib::Server::HandlerResponse::Unhandled;
        constexpr std::string_view prefix = "Bearer ";
        if (header.size() > prefix.size() && std::string_view(header).substr(0, prefix.size()) == prefix
            && ((!token.isEmpty() && tokensEqual(QByteArrayView(header).sliced(qsizetype(prefix.size())), token))
                || (roles && roles->roleOf(QByteArrayView(header).sliced(qsizetype(prefix.size()))) != Role::None)))
            return httplib::Server::HandlerResponse::Unhandled;
        return reject("Bearer", header.empty() ? "missing bearer token" : "wrong bearer token");
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

void HttpService::setAuthFailureHook(AuthFailureHook hook)
{
    *m_authFailureHook = std::move(hook);
}

bool HttpService::tlsEnabled() const
{
    return m_options.webConfig && m_options.webConfig->tlsEnabled;
}

bool HttpService::bind(QString* error)
{
    if (!m_setupError.isEmpty() || !m_server->is_valid()) {
        *error = QStringLiteral("TLS: %1").arg(m_setupError);
        return false;
    }
    if (m_options.token.isEmpty() && (!m_options.roles || m_options.roles->isEmpty())
        && !isLoopbackHost(m_options.host)) {
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
    return QStringLiteral("%1://%2:%3/")
        .arg(tlsEnabled() ? QLatin1String("https") : QLatin1String("http"),
            v6 ? u'[' + m_options.host + u']' : m_options.host)
        .arg(m_port);
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
