// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/credentialstore.h"

#include <QCoreApplication>
#include <QTimer>

#ifdef MERIDIAN_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Meridian {
namespace {

const QString Service = QStringLiteral("meridian");

QString tr(const char* text)
{
    return QCoreApplication::translate("Meridian::CredentialStore", text);
}

// Backends answer asynchronously like the real keyring does, so callers cannot come to rely on re-entrancy.
void later(std::function<void()> f)
{
    QTimer::singleShot(0, QCoreApplication::instance(), std::move(f));
}

#ifdef MERIDIAN_HAVE_QTKEYCHAIN
class KeychainBackend : public CredentialBackend
{
public:
    void read(const QString& name, ReadDone done) override
    {
        auto* job = new QKeychain::ReadPasswordJob(Service);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(name);
        QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job* j) {
            auto* r = static_cast<QKeychain::ReadPasswordJob*>(j);
            if (r->error() != QKeychain::NoError)
                done({}, r->errorString());
            else
                done(r->binaryData(), {});
        });
        job->start();
    }
    void write(const QString& name, const QByteArray& secret, Done done) override
    {
        auto* job = new QKeychain::WritePasswordJob(Service);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(name);
        job->setBinaryData(secret);
        QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job* j) {
            done(j->error() == QKeychain::NoError ? QString() : j->errorString());
        });
        job->start();
    }
    void remove(const QString& name, Done done) override
    {
        auto* job = new QKeychain::DeletePasswordJob(Service);
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        job->setKey(name);
        QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done)](QKeychain::Job* j) {
            done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound ? QString()
                                                                                            : j->errorString());
        });
        job->start();
    }
};
#endif

} // namespace

void MemoryCredentialBackend::read(const QString& name, ReadDone done)
{
    const QString failure = m_failure;
    const auto it = m_secrets.constFind(name);
    const bool found = it != m_secrets.constEnd();
    const QByteArray secret = found ? it.value() : QByteArray();
    later([done = std::move(done), failure, found, secret, name] {
        if (!failure.isEmpty())
            done({}, failure);
        else if (!found)
            done({}, tr("no credential named %1 in the keyring").arg(name));
        else
            done(secret, {});
    });
}

void MemoryCredentialBackend::write(const QString& name, const QByteArray& secret, Done done)
{
    if (m_failure.isEmpty())
        m_secrets.insert(name, secret);
    later([done = std::move(done), failure = m_failure] { done(failure); });
}

void MemoryCredentialBackend::remove(const QString& name, Done done)
{
    if (m_failure.isEmpty())
        m_secrets.remove(name);
    later([done = std::move(done), failure = m_failure] { done(failure); });
}

std::unique_ptr<CredentialBackend> makeKeychainBackend()
{
#ifdef MERIDIAN_HAVE_QTKEYCHAIN
    return std::make_unique<KeychainBackend>();
#else
    return {};
#endif
}

CredentialStore::CredentialStore(std::unique_ptr<CredentialBackend> backend, QObject* parent)
    : QObject(parent)
    , m_backend(std::move(backend))
{ }

CredentialStore::~CredentialStore()
{
    *m_alive = false;
}

bool CredentialStore::isValidName(const QString& name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

bool CredentialStore::isValidSecret(const QByteArray& secret)
{
    if (secret.isEmpty() || secret.size() > MaxSecretBytes)
        return false;
    for (const char c : secret) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

void CredentialStore::read(const QString& name, ReadDone done)
{
    auto alive = m_alive;
    auto answer = [alive, done = std::move(done)](QByteArray secret, QString error) {
        if (*alive)
            done(std::move(secret), std::move(error));
    };
    if (!isValidName(name))
        return later([answer] { answer({}, tr("not a valid credential name")); });
    if (!m_backend)
        return later([answer] { answer({}, tr("this build has no keyring support (QtKeychain)")); });
    m_backend->read(name, [answer, name](QByteArray secret, QString error) {
        if (error.isEmpty() && !isValidSecret(secret)) {
            // Never echo the stored bytes: they may be a secret in the wrong place.
            error = tr("credential %1 in the keyring is not a valid token").arg(name);
            secret.clear();
        }
        answer(std::move(secret), std::move(error));
    });
}

void CredentialStore::write(const QString& name, const QByteArray& secret, Done done)
{
    auto alive = m_alive;
    auto answer = [alive, done = std::move(done)](QString error) {
        if (*alive)
            done(std::move(error));
    };
    if (!isValidName(name))
        return later([answer] { answer(tr("not a valid credential name")); });
    if (!isValidSecret(secret))
        return later([answer] { answer(tr("a token is 1 to 4096 printable ASCII characters without spaces")); });
    if (!m_backend)
        return later([answer] { answer(tr("this build has no keyring support (QtKeychain)")); });
    m_backend->write(name, secret, answer);
}

void CredentialStore::remove(const QString& name, Done done)
{
    auto alive = m_alive;
    auto answer = [alive, done = std::move(done)](QString error) {
        if (*alive)
            done(std::move(error));
    };
    if (!isValidName(name))
        return later([answer] { answer(tr("not a valid credential name")); });
    if (!m_backend)
        return later([answer] { answer(tr("this build has no keyring support (QtKeychain)")); });
    m_backend->remove(name, answer);
}

} // namespace Meridian
