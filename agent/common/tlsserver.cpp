// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsserver.h"

#include <QFile>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

namespace Meridian::Agent {
namespace {

int protocolVersion(WebConfig::TlsVersion v)
{
    switch (v) {
    case WebConfig::TlsVersion::Tls10:
        return TLS1_VERSION;
    case WebConfig::TlsVersion::Tls11:
        return TLS1_1_VERSION;
    case WebConfig::TlsVersion::Tls12:
        return TLS1_2_VERSION;
    case WebConfig::TlsVersion::Tls13:
        break;
    }
    return TLS1_3_VERSION;
}

// Exact match of one allowed SAN against the leaf certificate's DNS, IP, e-mail or URI names.
bool sanAllowed(X509* cert, const QStringList& allowed)
{
    auto* names = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    if (!names)
        return false;
    bool found = false;
    for (int i = 0; i < sk_GENERAL_NAME_num(names) && !found; ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names, i);
        QString text;
        if (name->type == GEN_DNS || name->type == GEN_EMAIL || name->type == GEN_URI) {
            const ASN1_STRING* s = name->d.ia5;
            text = QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
        } else if (name->type == GEN_IPADD) {
            const ASN1_OCTET_STRING* ip = name->d.iPAddress;
            const unsigned char* d = ASN1_STRING_get0_data(ip);
            if (ASN1_STRING_length(ip) == 4)
                text = QStringLiteral("%1.%2.%3.%4").arg(d[0]).arg(d[1]).arg(d[2]).arg(d[3]);
        }
        found = !text.isEmpty() && allowed.contains(text);
    }
    GENERAL_NAMES_free(names);
    return found;
}

int verifyCallback(int preverified, X509_STORE_CTX* store)
{
    if (!preverified || X509_STORE_CTX_get_error_depth(store) != 0)
        return preverified;
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    const auto* config = static_cast<const WebConfig*>(SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl)));
    if (!config || config->clientAllowedSans.isEmpty())
        return 1;
    if (sanAllowed(X509_STORE_CTX_get_current_cert(store), config->clientAllowedSans))
        return 1;
    X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION);
    return 0;
}

// Go's RequestClientCert/RequireAnyClientCert take any certificate, unverified.
int acceptAnyCallback(int, X509_STORE_CTX*)
{
    return 1;
}

} // namespace

QString lastTlsError()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromLatin1(buffer);
    }
    return text.isEmpty() ? QStringLiteral("unknown OpenSSL error") : text;
}

bool configureTlsServer(SSL_CTX* ctx, const WebConfig* config, QString* error)
{
    ERR_clear_error();
    SSL_CTX_set_app_data(ctx, const_cast<WebConfig*>(config));
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    if (!SSL_CTX_set_min_proto_version(ctx, protocolVersion(config->minVersion))
        || !SSL_CTX_set_max_proto_version(ctx, protocolVersion(config->maxVersion))) {
        *error = QStringLiteral("TLS versions: ") + lastTlsError();
        return false;
    }
    const QByteArray cert = QFile::encodeName(config->certFile);
    const QByteArray key = QFile::encodeName(config->keyFile);
    if (SSL_CTX_use_certificate_chain_file(ctx, cert.constData()) != 1) {
        *error = QStringLiteral("certificate %1: %2").arg(config->certFile, lastTlsError());
        return false;
    }
    if (SSL_CTX_use_PrivateKey_file(ctx, key.constData(), SSL_FILETYPE_PEM) != 1
        || SSL_CTX_check_private_key(ctx) != 1) {
        *error = QStringLiteral("private key %1: %2").arg(config->keyFile, lastTlsError());
        return false;
    }
    int mode = SSL_VERIFY_NONE;
    int (*callback)(int, X509_STORE_CTX*) = verifyCallback;
    switch (config->clientAuth) {
    case WebConfig::ClientAuth::NoClientCert:
        break;
    case WebConfig::ClientAuth::RequestClientCert:
        mode = SSL_VERIFY_PEER;
        callback = acceptAnyCallback;
        break;
    case WebConfig::ClientAuth::RequireAnyClientCert:
        mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        callback = acceptAnyCallback;
        break;
    case WebConfig::ClientAuth::VerifyClientCertIfGiven:
        mode = SSL_VERIFY_PEER;
        break;
    case WebConfig::ClientAuth::RequireAndVerifyClientCert:
        mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        break;
    }
    if (!config->clientCaFile.isEmpty()) {
        const QByteArray ca = QFile::encodeName(config->clientCaFile);
        if (SSL_CTX_load_verify_locations(ctx, ca.constData(), nullptr) != 1) {
            *error = QStringLiteral("client CA %1: %2").arg(config->clientCaFile, lastTlsError());
            return false;
        }
        STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(ca.constData());
        if (names)
            SSL_CTX_set_client_CA_list(ctx, names);
    }
    SSL_CTX_set_verify(ctx, mode, mode == SSL_VERIFY_NONE ? nullptr : callback);
    return true;
}

} // namespace Meridian::Agent
