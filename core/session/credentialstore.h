// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Secrets (agent bearer tokens, later scheduler tokens) live in the system
// keyring, never in the console's settings, cache or configuration: the
// configuration names a credential ("credential": "east-front"), the store
// holds the secret under service "meridian". The backend is pluggable so tests
// run against an in-memory one; production uses QtKeychain (libsecret/KWallet).

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Meridian {

class CredentialBackend
{
public:
    virtual ~CredentialBackend() = default;
    // Callbacks run later on the caller's thread (event loop), once. error empty = success.
    using ReadDone = std::function<void(QByteArray secret, QString error)>;
    using Done = std::function<void(QString error)>;
    virtual void read(const QString& name, ReadDone done) = 0;
    virtual void write(const QString& name, const QByteArray& secret, Done done) = 0;
    virtual void remove(const QString& name, Done done) = 0;
};

// For tests and for the demo: nothing leaves the process.
class MemoryCredentialBackend : public CredentialBackend
{
public:
    void read(const QString& name, ReadDone done) override;
    void write(const QString& name, const QByteArray& secret, Done done) override;
    void remove(const QString& name, Done done) override;
    void setFailure(const QString& error) { m_failure = error; } ///< simulate a locked keyring

private:
    QHash<QString, QByteArray> m_secrets;
    QString m_failure;
};

// The system keyring through QtKeychain; no insecure plain-text fallback.
// Null when this build has no QtKeychain.
std::unique_ptr<CredentialBackend> makeKeychainBackend();

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxSecretBytes = 4096;

    explicit CredentialStore(std::unique_ptr<CredentialBackend> backend, QObject* parent = nullptr);
    ~CredentialStore() override;

    // 1–128 of [A-Za-z0-9._-]: a name is shown and logged, so it can never be a secret by mistake.
    static bool isValidName(const QString& name);
    // A bearer token: printable ASCII without spaces, 1…4096 bytes (a CR/LF would split the header).
    static bool isValidSecret(const QByteArray& secret);

    using ReadDone = CredentialBackend::ReadDone;
    using Done = CredentialBackend::Done;
    // `done` runs on this object's thread, unless the store is destroyed first. Errors never contain the secret.
    void read(const QString& name, ReadDone done);
    void write(const QString& name, const QByteArray& secret, Done done);
    void remove(const QString& name, Done done);

private:
    std::unique_ptr<CredentialBackend> m_backend;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace Meridian
