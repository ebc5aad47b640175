// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP side shared by meridian-agent and meridian-fleetsim: cpp-httplib
// configured with the caps the protocol promises (request size, connections,
// timeouts), bearer-token checks on /api/*, and the rule that an agent with no
// token binds nothing but loopback. Transport details stay in this one place
// so that TLS (a later issue) replaces them here only.

#include "agent/common/webconfig.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace Meridian::Agent {

class RoleTable; // roles.h

struct ServiceOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0; ///< 0: any free port (printed on the ready line)
    QByteArray token; ///< empty: no authentication (loopback only)
    int workerThreads = 8; ///< also the number of connections served at once (one thread per connection)
    qsizetype maxRequestBodyBytes = 64 * 1024;
    int readTimeoutSeconds = 5;
    int writeTimeoutSeconds = 10;
    int keepAliveSeconds = 5; ///< an idle keep-alive connection holds a worker thread this long
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
};
using AuthFailureHook = std::function<void(const AuthFailure&)>;

// Reads a bearer token from a file: the first line, trimmed. Empty on error,
// with the reason in *error.
QByteArray readTokenFile(const QString& path, QString* error);

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

    // Routes are registered on the underlying server before start().
    httplib::Server& server();

    // Binds; returns false with the reason in *error (also for the loopback rule).
    bool bind(QString* error);
    quint16 port() const { return m_port; }
    QString baseUrl() const;

    // Called on a worker thread for every request answered 401 — refused by the checks here or by a
    // route's own (the simulator's /sim/* and /n/*/api/*); set before start().
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

    // Serves until stop() is called from another thread; blocks.
    void run();
    void stop();

private:
    struct Live; ///< what a web-config reload replaces
    struct Watcher;
    ServiceOptions m_options;
    QString m_setupError; ///< TLS context that could not be built: bind() reports it (set while m_server is made)
    std::shared_ptr<Live> m_live; ///< before m_server: its TLS set-up hooks into it
    std::unique_ptr<httplib::Server> m_server;
    quint16 m_port = 0;
    std::shared_ptr<AuthFailureHook> m_authFailureHook = std::make_shared<AuthFailureHook>();
    std::unique_ptr<Watcher> m_watcher;
};

// Response helpers: JSON bodies carry the protocol's content type.
void replyJson(httplib::Response& response, const QByteArray& body, int status = 200);
void replyError(httplib::Response& response, int status, const QString& message);
void replyMetrics(httplib::Response& response, const QByteArray& text);

// Query parameter as an integer; false (and a 400 reply) when present but not a valid number in range.
bool queryInteger(const httplib::Request& request, httplib::Response& response, const char* name, qint64 min,
    qint64 max, qint64* out);

} // namespace Meridian::Agent
