// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// OpenSSL server context for the agents, set up from a web-config file:
// certificate and key, TLS ≥ 1.2, client certificates as client_auth_type
// asks, and client_allowed_sans checked during the handshake, so a stranger
// is turned away before any HTTP is parsed.

#include "webconfig.h"

#include <QString>

typedef struct ssl_ctx_st SSL_CTX;

namespace Meridian::Agent {

// Configures `ctx`; `config` must outlive it (the SAN check reads it). False with the reason in *error.
bool configureTlsServer(SSL_CTX* ctx, const WebConfig* config, QString* error);

// OpenSSL's queued error, as text (empties the queue).
QString lastTlsError();

} // namespace Meridian::Agent
