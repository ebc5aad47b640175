// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/net/tlsclient.h"

#include "core/util/secretfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace Meridian {
namespace {

constexpr qint64 MaxPemBytes = 1024 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("Meridian::Tls", text);
}

// Certificates are public; a private key is a secret and is checked as ssh checks its keys (secretfile.h).
bool readPem(const QString& path, QByteArray* out, QString* error, bool secret = false)
{
    const SecretFile::Result file = secret ? SecretFile::read(path, MaxPemBytes, tr("private key"))
                                           : SecretFile::readPublic(path, MaxPemBytes, tr("certificate file"));
    if (!file.ok()) {
        *error = file.error;
        return false;
    }
    *out = file.content;
    return true;
}

QString names(const QStringList& list)
{
    return list.isEmpty() ? tr("(none)") : list.join(QStringLiteral(", "));
}

QString describeCertificate(const QSslCertificate& c)
{
    if (c.isNull())
        return tr("no certificate");
    QStringList sans;
    const auto alternates = c.subjectAlternativeNames();
    for (auto it = alternates.begin(); it != alternates.end(); ++it)
        sans.append(it.value());
    return tr("received subject %1 (names %2), issued by %3, valid %4 to %5")
        .arg(c.subjectDisplayName().isEmpty() ? c.subjectInfo(QSslCertificate::CommonName).join(u',')
                                              : c.subjectDisplayName(),
            names(sans), c.issuerDisplayName(), c.effectiveDate().toUTC().toString(Qt::ISODate),
            c.expiryDate().toUTC().toString(Qt::ISODate));
}

} // namespace

std::shared_ptr<const QSslConfiguration> makeTlsConfiguration(const TlsClientFiles& files, QString* error)
{
    auto config = std::make_shared<QSslConfiguration>(QSslConfiguration::defaultConfiguration());
    config->setProtocol(QSsl::TlsV1_2OrLater);
    config->setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!files.caFile.isEmpty()) {
        QByteArray pem;
        if (!readPem(files.caFile, &pem, error))
            return {};
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty()) {
            *error = tr("%1: no PEM certificate").arg(files.caFile);
            return {};
        }
        // Replaces the system roots: this source trusts its site CA and nothing else.
        config->setCaCertificates(cas);
    }
    if (files.certFile.isEmpty() != files.keyFile.isEmpty()) {
        *error = tr("a client certificate needs both the certificate and the key");
        return {};
    }
    if (!files.certFile.isEmpty()) {
        QByteArray certPem, keyPem;
        if (!readPem(files.certFile, &certPem, error) || !readPem(files.keyFile, &keyPem, error, true))
            return {};
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = tr("%1: no PEM certificate").arg(files.certFile);
            return {};
        }
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (key.isNull()) {
            *error = tr("%1: no unencrypted RSA or EC private key").arg(files.keyFile);
            return {};
        }
        config->setLocalCertificateChain(chain);
        config->setPrivateKey(key);
    }
    return config;
}

std::shared_ptr<const QSslConfiguration> cachedTlsConfiguration(const TlsClientFiles& files, QString* error)
{
    if (files.isEmpty())
        return {};
    struct Entry
    {
        QList<QDateTime> stamps;
        std::shared_ptr<const QSslConfiguration> config;
        QString error;
    };
    static QMutex mutex;
    static QHash<QString, Entry> cache;
    const QList<QDateTime> stamps { QFileInfo(files.caFile).lastModified(), QFileInfo(files.certFile).lastModified(),
        QFileInfo(files.keyFile).lastModified() };
    const QString key = files.caFile + u'\n' + files.certFile + u'\n' + files.keyFile;
    QMutexLocker lock(&mutex);
    auto it = cache.find(key);
    if (it == cache.end() || it->stamps != stamps) {
        Entry entry { stamps, nullptr, {} };
        entry.config = makeTlsConfiguration(files, &entry.error);
        if (cache.size() > 10000)
            cache.clear();
        it = cache.insert(key, entry);
    }
    if (!it->config)
        *error = it->error;
    return it->config;
}

QString describeTlsErrors(const QList<QSslError>& errors, const QUrl& url)
{
    QStringList parts;
    QSslCertificate received;
    for (const QSslError& e : errors) {
        if (!e.certificate().isNull() && received.isNull())
            received = e.certificate();
        switch (e.error()) {
        case QSslError::HostNameMismatch:
            parts.append(tr("expected a certificate for host %1").arg(url.host()));
            break;
        case QSslError::CertificateExpired:
            parts.append(
                tr("the certificate expired on %1").arg(e.certificate().expiryDate().toUTC().toString(Qt::ISODate)));
            break;
        case QSslError::CertificateNotYetValid:
            parts.append(tr("the certificate is valid only from %1")
                             .arg(e.certificate().effectiveDate().toUTC().toString(Qt::ISODate)));
            break;
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::SelfSignedCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::UnableToGetIssuerCertificate:
            parts.append(tr("expected a certificate issued by the configured CA (%1)").arg(e.errorString()));
            break;
        default:
            parts.append(e.errorString());
            break;
        }
    }
    parts.removeDuplicates();
    QString text = tr("TLS: %1").arg(parts.join(QStringLiteral("; ")));
    if (!received.isNull())
        text += QStringLiteral("; ") + describeCertificate(received);
    return text;
}

bool tlsAvailable(QString* error)
{
    if (QSslSocket::supportsSsl())
        return true;
    *error = tr("this Qt has no TLS backend (install the OpenSSL 3 library): https sources cannot be used");
    return false;
}

} // namespace Meridian
