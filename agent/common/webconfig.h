// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The exporter web-config file (prometheus/exporter-toolkit's format, the one
// node_exporter and dcgm-exporter read), so that sites manage one format:
//
//   tls_server_config:
//     cert_file: tls.crt            # relative paths: from the file's directory
//     key_file: tls.key
//     client_auth_type: RequireAndVerifyClientCert
//     client_ca_file: console-ca.crt
//     client_allowed_sans: ["console-01.example"]
//     min_version: TLS12
//   basic_auth_users:
//     admin: $2y$10$...             # bcrypt only
//
// Only the YAML this format needs is understood: block mappings two levels
// deep, plain/quoted scalars, flow and block lists of scalars, comments.
// Anything else, and any unknown key, is an error: a typo must not silently
// leave an agent unprotected.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <mutex>

namespace Meridian::Agent {

struct WebConfig
{
    enum class ClientAuth {
        NoClientCert,
        RequestClientCert,
        RequireAnyClientCert,
        VerifyClientCertIfGiven,
        RequireAndVerifyClientCert,
    };
    enum class TlsVersion { Tls10, Tls11, Tls12, Tls13 };

    bool tlsEnabled = false; ///< tls_server_config present
    QString certFile;
    QString keyFile;
    QString clientCaFile;
    ClientAuth clientAuth = ClientAuth::NoClientCert;
    QStringList clientAllowedSans; ///< exact match against the client certificate's SANs; empty: any
    TlsVersion minVersion = TlsVersion::Tls12;
    TlsVersion maxVersion = TlsVersion::Tls13;
    QMap<QString, QByteArray> basicAuthUsers; ///< user → bcrypt hash

    static constexpr qsizetype MaxFileBytes = 256 * 1024;

    // baseDir resolves relative file names. False with a line-numbered reason in *error.
    static bool parse(const QByteArray& text, const QString& baseDir, WebConfig* out, QString* error);
    static bool load(const QString& path, WebConfig* out, QString* error);
};

// True when `password` matches the bcrypt `hash` ($2a$/$2b$/$2y$), via libxcrypt.
// Costs ~70 ms at cost 10: callers cache the answer (BasicAuthCache).
bool bcryptMatches(const QByteArray& password, const QByteArray& hash);

// Checks "Authorization: Basic …" against basic_auth_users. bcrypt is slow on
// purpose, so a successful (user, password) pair is remembered by its SHA-256
// (as exporter-toolkit does); failures are not, so guessing stays slow. Thread-safe.
class BasicAuth
{
public:
    explicit BasicAuth(QMap<QString, QByteArray> users);
    bool enabled() const { return !m_users.isEmpty(); }
    // `header` is the whole Authorization value; *user gets the name offered (for the audit log).
    bool check(const QByteArray& header, QString* user);

private:
    QMap<QString, QByteArray> m_users;
    std::mutex m_mutex;
    QSet<QByteArray> m_verified;
};

} // namespace Meridian::Agent
