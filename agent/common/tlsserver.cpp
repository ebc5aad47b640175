// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/common/tlsserver.h"

#include "agent/common/tlspolicy.h"

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
    // TLS 1.2: AEAD suites with forward secrecy only, as exporter-toolkit's defaults (tlspolicy.h).
    if (!applyCipherPolicy(ctx, error))
        return false;
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
    // No resumption: a resumed session would skip a client-certificate check that a re-read
    // web-config has since tightened. The console keeps its connections alive instead.
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_num_tickets(ctx, 0);
    return true;
}

SSL_CTX* makeTlsServerContext(const WebConfig* config, QString* error)
{
    SSL_CTX* ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        *error = lastTlsError();
        return nullptr;
    }
    if (!configureTlsServer(ctx, config, error)) {
        SSL_CTX_free(ctx);
        return nullptr;
    }
    return ctx;
}

TlsContextSwitch::~TlsContextSwitch()
{
    SSL_CTX_free(m_current);
}

void TlsContextSwitch::install(SSL_CTX* serverContext)
{
    SSL_CTX_set_client_hello_cb(
        serverContext, [](SSL* ssl, int* alert, void* arg) { return onClientHello(ssl, alert, arg); }, this);
}

void TlsContextSwitch::replace(SSL_CTX* ctx, std::shared_ptr<const WebConfig> config)
{
    std::lock_guard lock(m_mutex);
    m_configs.push_back(std::move(config));
    SSL_CTX_free(m_current); // connections that switched to it hold their own reference
    m_current = ctx;
}

int TlsContextSwitch::onClientHello(void* sslPtr, int*, void* arg)
{
    auto* self = static_cast<TlsContextSwitch*>(arg);
    auto* ssl = static_cast<SSL*>(sslPtr);
    std::lock_guard lock(self->m_mutex);
    if (!self->m_current)
        return SSL_CLIENT_HELLO_SUCCESS;
    // SSL_set_SSL_CTX takes the certificate and key (and, through the context, the verify store
    // and client-CA list) but not the verify mode, which SSL_new copied: set it as well.
    if (SSL_set_SSL_CTX(ssl, self->m_current) != self->m_current)
        return SSL_CLIENT_HELLO_ERROR;
    SSL_set_verify(ssl, SSL_CTX_get_verify_mode(self->m_current), SSL_CTX_get_verify_callback(self->m_current));
    return SSL_CLIENT_HELLO_SUCCESS;
}

} // namespace Meridian::Agent
