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
#include <mutex>
#include <sys/stat.h>
#include <thread>

namespace Meridian::Agent {
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
constexpr std::string_view RefusalHeader = "X-Meridian-Refusal"; ///< route → audit hook, never sent
constexpr std::string_view RefusalRoleHeader = "X-Meridian-Refusal-Role";
constexpr std::string_view RefusalPrincipalHeader = "X-Meridian-Refusal-Principal";

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
{
    m_live->config = m_options.webConfig;
    m_live->basic = std::make_shared<BasicAuth>(
        m_options.webConfig ? m_options.webConfig->basicAuthUsers : QMap<QString, QByteArray>());
    for (const std::string& pattern : m_options.openPaths)
        m_openPaths.emplace_back(pattern);
    m_server = std::make_unique<HttpServer>(m_options.limits, m_options.ioThreads, m_options.workerThreads,
        [this](HttpRequest& request, HttpResponse& response) { handle(request, response); });
    if (tlsEnabled()) {
        const WebConfig* c = m_options.webConfig.get();
        Live* live = m_live.get();
        QString* error = &m_setupError;
        if (!m_server->enableTls([c, live, error](SSL_CTX* ctx) {
                if (!configureTlsServer(ctx, c, error))
                    return false;
                live->tls.install(ctx);
                return true;
            })
            && m_setupError.isEmpty())
            m_setupError = QStringLiteral("cannot set up TLS");
    }
}

bool HttpService::needsBearer(const std::string& path) const
{
    if (m_options.token.isEmpty() && (!m_options.roles || m_options.roles->isEmpty()))
        return false;
    for (const std::regex& open : m_openPaths)
        if (std::regex_match(path, open))
            return false;
    return true;
}

// Bearer token on every route but the open ones once any token is configured; basic auth (web-config)
// on what needs no bearer token outside /api/*: /metrics, and everything but /api/* with no token.
bool HttpService::admitted(const HttpRequest& req, HttpResponse& res)
{
    auto reject = [&](const char* challenge, const std::string& reason) {
        res.setHeader(std::string(RefusalHeader), reason);
        res.setHeader("WWW-Authenticate", challenge);
        replyError(res, 401,
            QStringLiteral("missing or wrong %1")
                .arg(QLatin1String(
                    std::string_view(challenge).substr(0, 5) == "Basic" ? "credentials" : "bearer token")));
        return false;
    };
    const std::string header = req.header("Authorization");
    if (needsBearer(req.path)) {
        const QByteArray& token = m_options.token;
        const RoleTable* roles = m_options.roles.get();
        constexpr std::string_view prefix = "Bearer ";
        if (header.size() > prefix.size() && std::string_view(header).substr(0, prefix.size()) == prefix
            && ((!token.isEmpty() && tokensEqual(QByteArrayView(header).sliced(qsizetype(prefix.size())), token))
                || (roles && roles->roleOf(QByteArrayView(header).sliced(qsizetype(prefix.size()))) != Role::None)))
            return true;
        return reject("Bearer", header.empty() ? "missing bearer token" : "wrong bearer token");
    }
    if (req.path.rfind("/api/", 0) == 0)
        return true;
    const std::shared_ptr<BasicAuth> basic = m_live->basicAuth();
    if (!basic->enabled())
        return true;
    QString user;
    if (basic->check(QByteArray::fromStdString(header), &user))
        return true;
    return reject("Basic realm=\"meridian\"",
        header.empty() ? std::string("missing basic auth") : "wrong basic auth for user \"" + user.toStdString() + '"');
}

void HttpService::handle(HttpRequest& req, HttpResponse& res)
{
    if (admitted(req, res) && !m_router.route(req, res))
        replyError(res, 404, QStringLiteral("no such endpoint or method"));
    // Every 401, whoever answered it, and every 403 a route marked: audited before the answer is sent.
    const std::string reason = res.header(RefusalHeader);
    const std::string role = res.header(RefusalRoleHeader);
    const std::string principal = res.header(RefusalPrincipalHeader);
    res.removeHeader(RefusalHeader);
    res.removeHeader(RefusalRoleHeader);
    res.removeHeader(RefusalPrincipalHeader);
    if (res.status != 401 && !(res.status == 403 && !reason.empty()))
        return;
    AuthFailure failure { req.remoteAddress, req.method, req.path.substr(0, 256), reason, res.status, role, principal };
    if (failure.reason.empty())
        failure.reason = req.header("Authorization").empty() ? "missing bearer token" : "wrong bearer token";
    if (*m_authFailureHook)
        (*m_authFailureHook)(failure);
}

HttpService::~HttpService()
{
    m_watcher.reset();
    stop();
    m_server.reset(); // joins the workers while the routes and the audit hook they use still exist
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
    if (!m_setupError.isEmpty()) {
        *error = QStringLiteral("TLS: %1").arg(m_setupError);
        return false;
    }
    if (m_options.token.isEmpty() && (!m_options.roles || m_options.roles->isEmpty())
        && !isLoopbackHost(m_options.host)) {
        *error = QStringLiteral("refusing to listen on %1 without a token: pass --token-file, or listen on loopback")
                     .arg(m_options.host);
        return false;
    }
    std::string why;
    if (!m_server->bind(m_options.host.toStdString(), m_options.port, &why)) {
        *error = m_options.port == 0
            ? QStringLiteral("cannot bind %1: %2").arg(m_options.host, QString::fromStdString(why))
            : QStringLiteral("cannot bind %1:%2 (in use?): %3")
                  .arg(m_options.host)
                  .arg(m_options.port)
                  .arg(QString::fromStdString(why));
        return false;
    }
    m_port = m_server->port();
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
    m_server->run();
}

void HttpService::stop()
{
    m_server->stop();
}

void HttpService::stopOnSignals()
{
    m_server->stopOnSignals();
}

void replyJson(HttpResponse& response, const QByteArray& body, int status)
{
    response.status = status;
    response.setContent(body, "application/json; charset=utf-8");
}

void replyError(HttpResponse& response, int status, const QString& message)
{
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("error"), message } }).toJson(QJsonDocument::Compact);
    replyJson(response, body, status);
}

void replyMetrics(HttpResponse& response, const QByteArray& text)
{
    response.status = 200;
    response.setContent(text, "text/plain; version=0.0.4; charset=utf-8");
}

void markRefusal(HttpResponse& response, const QString& principal, const QString& role, const QString& reason)
{
    response.setHeader(std::string(RefusalHeader), reason.toStdString());
    response.setHeader(std::string(RefusalRoleHeader), role.toStdString());
    response.setHeader(std::string(RefusalPrincipalHeader), principal.toStdString());
}

bool queryInteger(
    const HttpRequest& request, HttpResponse& response, const char* name, qint64 min, qint64 max, qint64* out)
{
    if (!request.hasParam(name))
        return true;
    const std::string value = request.param(name);
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
