// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// OpenSSL server context for the agents, set up from a web-config file:
// certificate and key, TLS ≥ 1.2, client certificates as client_auth_type
// asks, and client_allowed_sans checked during the handshake, so a stranger
// is turned away before any HTTP is parsed.

#include "agent/common/webconfig.h"

#include <QString>

#include <memory>
#include <mutex>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;

namespace Meridian::Agent {

// Configures `ctx`; `config` must outlive it (the SAN check reads it). False with the reason in *error.
bool configureTlsServer(SSL_CTX* ctx, const WebConfig* config, QString* error);

// A new server context configured from `config`; nullptr with the reason in *error.
SSL_CTX* makeTlsServerContext(const WebConfig* config, QString* error);

// The context a handshake really uses, replaceable while serving (a re-read --web-config): the
// server's own context switches every new connection to the newest one in its ClientHello
// callback, before certificates are chosen or client certificates asked for. Thread-safe.
class TlsContextSwitch
{
public:
    TlsContextSwitch() = default;
    ~TlsContextSwitch();
    TlsContextSwitch(const TlsContextSwitch&) = delete;
    TlsContextSwitch& operator=(const TlsContextSwitch&) = delete;

    void install(SSL_CTX* serverContext); ///< on the context the server accepts with
    // Takes over `ctx`; `config` is its app data (kept alive: handshakes in flight may read it).
    void replace(SSL_CTX* ctx, std::shared_ptr<const WebConfig> config);

private:
    static int onClientHello(void* ssl, int* alert, void* arg);
    std::mutex m_mutex;
    SSL_CTX* m_current = nullptr; ///< nullptr: the server's own context still applies
    std::vector<std::shared_ptr<const WebConfig>> m_configs; ///< one per reload: a few hundred bytes each
};

// OpenSSL's queued error, as text (empties the queue).
QString lastTlsError();

} // namespace Meridian::Agent
