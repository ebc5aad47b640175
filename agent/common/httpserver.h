// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The transport of the agents' HTTP front: an event-driven HTTP/1.1 server on
// Boost.Beast and Asio (OpenSSL through asio::ssl). Connections are read on a
// few I/O threads with deadlines for the whole request head, the body, the TLS
// handshake and keep-alive idleness; only a request read in full reaches a
// worker thread. So a slow or idle connection costs a file descriptor and a few
// KiB, never a worker. Requests on one connection (pipelined or not) are
// answered in order, one at a time.

#include "agent/common/httplimits.h"
#include "agent/common/httpmessage.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

typedef struct ssl_ctx_st SSL_CTX;

namespace Meridian::Agent {

class HttpServer
{
public:
    // Runs on a worker thread for every request read in full and framed correctly.
    using Dispatch = std::function<void(HttpRequest&, HttpResponse&)>;
    // Configures the server's TLS context before the first connection; false: not served.
    using TlsSetup = std::function<bool(SSL_CTX*)>;

    HttpServer(HttpLimits limits, int ioThreads, int workerThreads, Dispatch dispatch);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // TLS on every connection (before bind); false when `setup` refuses the context.
    bool enableTls(const TlsSetup& setup);
    // Listens on host:port (0: any free port); false with the reason in *error.
    bool bind(const std::string& host, std::uint16_t port, std::string* error);
    std::uint16_t port() const;

    // Serves until stop(); blocks. The calling thread is one of the I/O threads.
    void run();
    // Thread-safe; run() returns soon after.
    void stop();
    // SIGTERM and SIGINT stop the server (for a process whose main thread is run()).
    void stopOnSignals();

    // Connections open now, and refused since start (over a connection limit).
    int openConnections() const;
    std::uint64_t refusedConnections() const;

    struct Impl; ///< shared with the connections (httpserver.cpp)

private:
    std::shared_ptr<Impl> m_impl;
};

} // namespace Meridian::Agent
