// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The HTTP side shared by meridian-agent and meridian-fleetsim: cpp-httplib
// configured with the caps the protocol promises (request size, connections,
// timeouts), bearer-token checks on /api/*, and the rule that an agent with no
// token binds nothing but loopback. Transport details stay in this one place
// so that TLS (a later issue) replaces them here only.

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
};

// Reads a bearer token from a file: the first line, trimmed. Empty on error,
// with the reason in *error.
QByteArray readTokenFile(const QString& path, QString* error);

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

    // Serves until stop() is called from another thread; blocks.
    void run();
    void stop();

private:
    ServiceOptions m_options;
    std::unique_ptr<httplib::Server> m_server;
    quint16 m_port = 0;
};

// Response helpers: JSON bodies carry the protocol's content type.
void replyJson(httplib::Response& response, const QByteArray& body, int status = 200);
void replyError(httplib::Response& response, int status, const QString& message);
void replyMetrics(httplib::Response& response, const QByteArray& text);

// Query parameter as an integer; false (and a 400 reply) when present but not a valid number in range.
bool queryInteger(const httplib::Request& request, httplib::Response& response, const char* name, qint64 min,
    qint64 max, qint64* out);

} // namespace Meridian::Agent
