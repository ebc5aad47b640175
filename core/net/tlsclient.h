// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The console's side of TLS to agents: a site's private CA per source (it
// replaces the system roots, so only that CA's certificates are trusted), an
// optional client certificate for agents that require one, TLS ≥ 1.2, and
// certificate problems turned into one sentence with what was expected and
// what was received. Errors are never ignored.

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <memory>

namespace Meridian {

struct TlsClientFiles
{
    QString caFile; ///< PEM; empty: the system's trusted roots
    QString certFile; ///< client certificate (PEM) for agents with client_auth_type Require…
    QString keyFile; ///< its private key (PEM, unencrypted: the keyring holds passphrases later)
    bool isEmpty() const { return caFile.isEmpty() && certFile.isEmpty() && keyFile.isEmpty(); }
    friend bool operator==(const TlsClientFiles&, const TlsClientFiles&) = default;
};

// Builds the configuration for https requests; null with *error when a file is unreadable or not PEM.
std::shared_ptr<const QSslConfiguration> makeTlsConfiguration(const TlsClientFiles& files, QString* error);

// The same, cached per set of files and rebuilt when a file changes (a rotated CA or client
// certificate applies at the next poll, without a restart). Null without files, or with *error.
// Thread-safe.
std::shared_ptr<const QSslConfiguration> cachedTlsConfiguration(const TlsClientFiles& files, QString* error);

// "certificate of 127.0.0.1 expired on …; received subject CN=…, issued by CN=…, valid … to …".
QString describeTlsErrors(const QList<QSslError>& errors, const QUrl& url);

// False (with the reason) when this Qt has no TLS backend: checked at start-up, fails loudly.
bool tlsAvailable(QString* error);

} // namespace Meridian
