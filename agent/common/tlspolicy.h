// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the agents' TLS must be before it serves anyone:
// - the certificate and key of tls_server_config are checked at start and at every re-read of the
//   web-config: the key file as a secret (core/util/secretfile.h), the certificate currently valid (not
//   expired, not yet to come) and the key the certificate's. A refusal says which of these failed, with the
//   dates, instead of an agent that starts and fails every handshake.
// - TLS 1.2 offers only AEAD suites with forward secrecy (ECDHE with AES-GCM or ChaCha20-Poly1305), the
//   suites Prometheus' exporter-toolkit recommends; every TLS 1.3 suite is of that kind already.

#include <QString>

#include <ctime>

typedef struct ssl_ctx_st SSL_CTX;

namespace Meridian::Agent {

inline constexpr qsizetype MaxCertificateFileBytes = 1024 * 1024;
inline constexpr qsizetype MaxKeyFileBytes = 64 * 1024;

// The OpenSSL cipher list for TLS ≤ 1.2.
const char* tls12CipherSuites();

// Restricts `ctx` to tls12CipherSuites(). False with the reason in *error.
bool applyCipherPolicy(SSL_CTX* ctx, QString* error);

// Checks the server certificate chain file and key file as described above, at time `now`.
// False with a reason naming the file in *error.
bool checkServerCredentials(const QString& certFile, const QString& keyFile, QString* error, time_t now);
bool checkServerCredentials(const QString& certFile, const QString& keyFile, QString* error);

// A CA bundle (client_ca_file): a regular file of bounded size holding at least one certificate.
bool checkCaFile(const QString& caFile, QString* error);

} // namespace Meridian::Agent
