// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/tlspolicy.h"

#include "core/util/secretfile.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace Meridian::Agent {
namespace {

struct BioFree
{
    void operator()(BIO* b) const { BIO_free(b); }
};
struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
struct KeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

Bio memoryBio(const QByteArray& data)
{
    return Bio(BIO_new_mem_buf(data.constData(), int(data.size())));
}

// A key file protected by a passphrase must fail, never prompt on the terminal the agent was started from.
int noPassphrase(char*, int, int, void*)
{
    return -1;
}

QString timeText(const ASN1_TIME* t)
{
    Bio out(BIO_new(BIO_s_mem()));
    if (!out || ASN1_TIME_print(out.get(), t) != 1)
        return QStringLiteral("?");
    char* data = nullptr;
    const long n = BIO_get_mem_data(out.get(), &data);
    return QString::fromLatin1(data, qsizetype(n));
}

QString opensslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QStringLiteral("no details");
    char text[256];
    ERR_error_string_n(e, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

const char* tls12CipherSuites()
{
    return "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
           "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
           "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
}

bool applyCipherPolicy(SSL_CTX* ctx, QString* error)
{
    if (SSL_CTX_set_cipher_list(ctx, tls12CipherSuites()) != 1) {
        *error = QStringLiteral("TLS 1.2 cipher suites: %1").arg(opensslError());
        return false;
    }
    return true;
}

bool checkServerCredentials(const QString& certFile, const QString& keyFile, QString* error)
{
    return checkServerCredentials(certFile, keyFile, error, std::time(nullptr));
}

bool checkServerCredentials(const QString& certFile, const QString& keyFile, QString* error, time_t now)
{
    const SecretFile::Result certText
        = SecretFile::readPublic(certFile, MaxCertificateFileBytes, QStringLiteral("certificate"));
    if (!certText.ok()) {
        *error = certText.error;
        return false;
    }
    const SecretFile::Result keyText = SecretFile::read(keyFile, MaxKeyFileBytes, QStringLiteral("private key"));
    if (!keyText.ok()) {
        *error = keyText.error;
        return false;
    }
    Bio certBio = memoryBio(certText.content);
    const std::unique_ptr<X509, X509Free> cert(
        certBio ? PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!cert) {
        ERR_clear_error();
        *error = QStringLiteral("certificate %1 holds no PEM certificate").arg(certFile);
        return false;
    }
    Bio keyBio = memoryBio(keyText.content);
    const std::unique_ptr<EVP_PKEY, KeyFree> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!key) {
        ERR_clear_error();
        *error = QStringLiteral("private key %1 holds no unencrypted PEM private key").arg(keyFile);
        return false;
    }
    const ASN1_TIME* notBefore = X509_get0_notBefore(cert.get());
    const ASN1_TIME* notAfter = X509_get0_notAfter(cert.get());
    if (X509_cmp_time(notBefore, &now) >= 0) {
        *error = QStringLiteral("certificate %1 is not valid yet: valid from %2 to %3")
                     .arg(certFile, timeText(notBefore), timeText(notAfter));
        return false;
    }
    if (X509_cmp_time(notAfter, &now) <= 0) {
        *error = QStringLiteral("certificate %1 expired on %2 (valid from %3); renew it")
                     .arg(certFile, timeText(notAfter), timeText(notBefore));
        return false;
    }
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        *error = QStringLiteral("private key %1 does not belong to certificate %2").arg(keyFile, certFile);
        return false;
    }
    return true;
}

bool checkCaFile(const QString& caFile, QString* error)
{
    const SecretFile::Result text = SecretFile::readPublic(caFile, MaxCertificateFileBytes, QStringLiteral("CA file"));
    if (!text.ok()) {
        *error = text.error;
        return false;
    }
    Bio bio = memoryBio(text.content);
    const std::unique_ptr<X509, X509Free> first(
        bio ? PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!first) {
        *error = QStringLiteral("CA file %1 holds no PEM certificate").arg(caFile);
        return false;
    }
    return true;
}

} // namespace Meridian::Agent
