// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/httpservice.h"

#include "agent/common/roles.h"
#include "agent/common/tlsserver.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <condition_variable>
#include <httplib.h>
#include <mutex>
#include <sys/stat.h>
#include <thread>

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

struct HttpService::Live
{
    std::mutex mutex;
    std::shared_ptr<const WebConfig> config; ///< the one in force
    std::shared_ptr<BasicAuth> basic;
    TlsContextSwitch tls;

    std::shared_ptr<BasicAuth> basicAuth()
    {
        std::lock_guard lock(mutex);
        return basic;
    }
};

// Polls the web-config and the files it names (a rename over them, as deployment tools do, is a
// change too: the inode is part of the signature).
struct HttpService::Watcher
{
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread thread;

    ~Watcher()
    {
        {
            std::lock_guard lock(mutex);
            stopping = true;
        }
        wake.notify_all();
        if (thread.joinable())
            thread.join();
    }
};

namespace {
constexpr std::string_view RefusalHeader = "X-Meridian-Refusal"; ///< pre-routing → post-routing, never sent

// `tls` lives as long as the service, which owns the server.
std::unique_ptr<httplib::Server> makeServer(
    const std::shared_ptr<const WebConfig>& config, TlsContextSwitch* tls, QString* error)
{
    if (!config || !config->tlsEnabled)
        return std::make_unique<httplib::Server>();
    const WebConfig* c = config.get();
    auto server = std::make_unique<httplib::SSLServer>([c, tls, error](SSL_CTX& ctx) {
        if (!configureTlsServer(&ctx, c, error))
            return false;
        tls->install(&ctx);
        return true;
    });
    if (!server->is_valid() && error->isEmpty())
        *error = QStringLiteral("cannot set up TLS");
    return server;
}

QByteArray fileSignature(const QString& path)
{
    struct stat st
    { };
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &st) != 0)
        return QByteArrayLiteral("-;");
    return QByteArray::number(qulonglong(st.st_ino)) + ':' + QByteArray::number(qlonglong(st.st_size)) + ':'
        + QByteArray::number(qlonglong(st.st_mtim.tv_sec)) + '.' + QByteArray::number(qlonglong(st.st_mtim.tv_nsec))
        + ';';
}

QByteArray configSignature(const QString& path, const WebConfig* config)
{
    QByteArray sig = fileSignature(path);
    if (config)
        sig += fileSignature(config->certFile) + fileSignature(config->keyFile) + fileSignature(config->clientCaFile);
    return sig;
}
} // namespace

HttpService::HttpService(ServiceOptions options)
    : m_options(std::move(options))
    , m_live(std::make_shared<Live>())
    , m_server(makeServer(m_options.webConfig, &m_live->tls, &m_setupError))
{
    m_live->config = m_options.webConfig;
    m_live->basic = std::make_shared<BasicAuth>(
        m_options.webConfig ? m_options.webConfig->basicAuthUsers : QMap<QString, QByteArray>());
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
    auto live = m_live;
    auto hook = m_authFailureHook;
    s.set_pre_routing_handler([token, roles, live](const httplib::Request& req, httplib::Response& res) {
        auto reject = [&](const char* challenge, const std::string& reason) {
            res.set_header(std::string(RefusalHeader), reason); // the post-routing handler audits it
            res.set_header("WWW-Authenticate", challenge);
            replyError(res, 401,
                QStringLiteral("missing or wrong %1")
                    .arg(QLatin1String(
                        std::string_view(challenge).substr(0, 5) == "Basic" ? "credentials" : "bearer token")));
            return httplib::Server::HandlerResponse::Handled;
        };
        const std::string header = req.get_header_value("Authorization");
        if (req.path.rfind("/api/", 0) != 0) {
            const std::shared_ptr<BasicAuth> basic = live->basicAuth();
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
    // Every 401, whoever answered it: the checks above, or a route's own (the simulator checks
    // /sim/* and /n/*/api/* itself). Runs before the answer is written, so the line is there first.
    s.set_post_routing_handler([hook](const httplib::Request& req, httplib::Response& res) {
        if (res.status != 401)
            return;
        std::string reason = res.get_header_value(std::string(RefusalHeader).c_str());
        res.headers.erase(std::string(RefusalHeader));
        if (reason.empty())
            reason = req.get_header_value("Authorization").empty() ? "missing bearer token" : "wrong bearer token";
        if (*hook)
            (*hook)(AuthFailure { req.remote_addr, req.method, req.path.substr(0, 256), reason });
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        replyError(res, 500, QStringLiteral("internal error"));
    });
}

HttpService::~HttpService()
{
    m_watcher.reset();
    stop();
}

bool HttpService::reloadWebConfig(const QString& path, QString* error)
{
    std::shared_ptr<const WebConfig> config = loadWebConfig(path, error);
    if (!config)
        return false;
    if (config->tlsEnabled != tlsEnabled()) {
        *error = config->tlsEnabled ? QStringLiteral("tls_server_config added: switching TLS on needs a restart")
                                    : QStringLiteral("tls_server_config removed: switching TLS off needs a restart");
        return false;
    }
    SSL_CTX* ctx = nullptr;
    if (config->tlsEnabled) {
        // Built in full before anything is replaced: a bad certificate or key changes nothing.
        ctx = makeTlsServerContext(config.get(), error);
        if (!ctx)
            return false;
    }
    auto basic = std::make_shared<BasicAuth>(config->basicAuthUsers);
    if (ctx)
        m_live->tls.replace(ctx, config);
    std::lock_guard lock(m_live->mutex);
    m_live->config = std::move(config);
    m_live->basic = std::move(basic);
    return true;
}

void HttpService::watchWebConfig(const QString& path, int intervalMs)
{
    m_watcher = std::make_unique<Watcher>();
    Watcher* w = m_watcher.get();
    w->thread = std::thread([this, w, path, intervalMs] {
        QByteArray seen = configSignature(path, m_options.webConfig.get());
        QByteArray rejected; ///< a broken file is reported once, not every interval
        std::unique_lock lock(w->mutex);
        while (!w->wake.wait_for(lock, std::chrono::milliseconds(intervalMs), [w] { return w->stopping; })) {
            std::shared_ptr<const WebConfig> current;
            {
                std::lock_guard liveLock(m_live->mutex);
                current = m_live->config;
            }
            const QByteArray now = configSignature(path, current.get());
            if (now == seen || now == rejected)
                continue;
            QString error;
            if (reloadWebConfig(path, &error)) {
                std::lock_guard liveLock(m_live->mutex);
                seen = configSignature(path, m_live->config.get());
                rejected.clear();
                qInfo("web-config %s re-read: the new settings apply to new connections", qPrintable(path));
            } else {
                rejected = now;
                qWarning("web-config %s not applied, the previous configuration stays in force: %s", qPrintable(path),
                    qPrintable(error));
            }
        }
    });
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
