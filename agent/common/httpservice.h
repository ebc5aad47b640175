// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP side shared by meridian-agent and meridian-fleetsim: the
// event-driven server (httpserver.h) with the limits the protocol promises,
// routes (router.h), and authentication that cannot be switched off by
// accident: once any token is configured every route but the exposition text
// (/metrics) needs a valid bearer token, and a service with no token binds
// nothing but loopback. Every refusal (401, and a 403 a route marks) is
// handed to the audit hook with the role that was refused.

#include "agent/common/httplimits.h"
#include "agent/common/httpserver.h"
#include "agent/common/router.h"
#include "agent/common/webconfig.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace Meridian::Agent {

class RoleTable; // roles.h

struct ServiceOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; ///< 0: any free port (printed on the ready line)
    QByteArray token; ///< empty: no authentication (loopback only)
    int workerThreads = 8; ///< requests handled at once (a request reaches a worker only once read in full)
    int ioThreads = 1; ///< threads reading and writing every connection
    HttpLimits limits;
    /// Paths (regular expressions, whole path) served without a bearer token even when tokens are
    /// configured: the exposition text, which basic_auth_users of the web-config guards instead.
    std::vector<std::string> openPaths { "/metrics" };
    /// --web-config: TLS (then plain HTTP is not answered) and basic auth on the paths outside /api/*.
    std::shared_ptr<const WebConfig> webConfig;
    /// Tokens with roles (roles.h): they pass the /api/* token check too; routes check the role.
    std::shared_ptr<const RoleTable> roles;
};

// One rejected request, for the agent's own audit log. Never carries the secret that was offered.
struct AuthFailure
{
    std::string remoteAddress;
    std::string method;
    std::string path;
    std::string reason; ///< "missing bearer token", "wrong bearer token", "wrong basic auth for user X", …
    int status = 401; ///< 403: a known caller whose role may not do this
    std::string role; ///< the caller's role for a 403 ("viewer"); empty for 401
    std::string principal; ///< the caller for a 403 ("viewer#2"); empty for 401
};
using AuthFailureHook = std::function<void(const AuthFailure&)>;

// Reads --web-config FILE; the shared pointer is empty with *error set on failure.
std::shared_ptr<const WebConfig> loadWebConfig(const QString& path, QString* error);

// Constant-time comparison: the time taken does not depend on where the inputs differ.
bool tokensEqual(QByteArrayView a, QByteArrayView b);

bool isLoopbackHost(const QString& host);

class HttpService
{
public:
    explicit HttpService(ServiceOptions options);
    ~HttpService();
    HttpService(const HttpService&) = delete;
    HttpService& operator=(const HttpService&) = delete;

    // Routes are registered before run().
    Router& router() { return m_router; }

    // Binds; returns false with the reason in *error (also for the loopback rule).
    bool bind(QString* error);
    quint16 port() const { return m_port; }
    QString baseUrl() const;

    // Called on a worker thread for every request answered 401 — refused by the checks here or by a
    // route's own — and every 403 a route marked with markRefusal(); set before run().
    void setAuthFailureHook(AuthFailureHook hook);
    bool tlsEnabled() const;

    // Re-reads the web-config file and the certificates it names. Basic-auth users, certificate, key,
    // client CA, client_auth_type and allowed SANs apply to the next connection; a file that does
    // not load, or that would switch TLS on or off (needs a restart), leaves the running
    // configuration as it is: false with the reason in *error.
    bool reloadWebConfig(const QString& path, QString* error);
    // Checks `path` and the files it names every intervalMs (on a thread of its own) and reloads
    // when one of them changed; logs the outcome (a rejected file: a warning with the reason).
    void watchWebConfig(const QString& path, int intervalMs = 2000);

    // Serves until stop() is called from another thread (or a signal, after stopOnSignals()); blocks.
    void run();
    void stop();
    void stopOnSignals();
    // Whether a bearer token is asked for on `path` (any token or roles file configured, not an open path).
    bool needsBearer(const std::string& path) const;

private:
    struct Live; ///< what a web-config reload replaces
    struct Watcher;
    void handle(HttpRequest& request, HttpResponse& response);
    bool admitted(const HttpRequest& request, HttpResponse& response);
    ServiceOptions m_options;
    std::vector<std::regex> m_openPaths;
    QString m_setupError; ///< TLS context that could not be built: bind() reports it
    std::shared_ptr<Live> m_live; ///< before m_server: its TLS set-up hooks into it
    Router m_router;
    std::unique_ptr<HttpServer> m_server;
    quint16 m_port = 0;
    std::shared_ptr<AuthFailureHook> m_authFailureHook = std::make_shared<AuthFailureHook>();
    std::unique_ptr<Watcher> m_watcher;
};

// Response helpers: JSON bodies carry the protocol's content type.
void replyJson(HttpResponse& response, const QByteArray& body, int status = 200);
void replyError(HttpResponse& response, int status, const QString& message);
void replyMetrics(HttpResponse& response, const QByteArray& text);

// Query parameter as an integer; false (and a 400 reply) when present but not a valid number in range.
bool queryInteger(
    const HttpRequest& request, HttpResponse& response, const char* name, qint64 min, qint64 max, qint64* out);

// Marks a refusal a route answered itself (a 403 for a role too low) so that the service audits it
// with the caller's role; the mark is never sent.
void markRefusal(HttpResponse& response, const QString& principal, const QString& role, const QString& reason);

} // namespace Meridian::Agent
