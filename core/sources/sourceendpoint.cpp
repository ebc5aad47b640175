// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/sourceendpoint.h"

#include "core/net/httpclient.h"
#include "core/net/tlsclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Meridian {
namespace {
constexpr char TlsFailureProperty[] = "meridianTlsFailure";
} // namespace

bool SourceEndpoints::resolve(const SourceConfig& config, SourceEndpoint* out, QString* why)
{
    SourceEndpoint e;
    e.source = config.name;
    e.kind = config.kind;
    e.user = config.user;
    e.base = config.url;
    if (!config.token.isEmpty()) {
        e.token = config.token; // from the keyring
    } else if (!config.tokenFile.isEmpty()) {
        QString error;
        e.token = readBearerToken(config.tokenFile, &error);
        if (e.token.isEmpty()) {
            *why = tr("cannot read the token of %1: %2").arg(config.name, error);
            return false;
        }
    }
    if (!config.tls.isEmpty()) {
        QString error;
        e.tls = cachedTlsConfiguration(config.tls, &error);
        if (!e.tls) {
            *why = tr("cannot use the TLS files of %1: %2").arg(config.name, error);
            return false;
        }
    }
    *out = std::move(e);
    why->clear();
    return true;
}

QNetworkReply* SourceEndpoints::postJson(QNetworkAccessManager* manager, const SourceEndpoint& to, const QString& path,
    const QJsonObject& body, qint64 maxReplyBytes, int timeoutMs)
{
    QNetworkRequest request(to.base.resolved(QUrl(path)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(timeoutMs);
    if (!to.token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + to.token);
    if (to.tls)
        request.setSslConfiguration(*to.tls);
    QNetworkReply* reply = manager->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    reply->setReadBufferSize(maxReplyBytes);
    // The errors are only described, never ignored: the reply then fails.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError>& errors) {
        reply->setProperty(TlsFailureProperty, describeTlsErrors(errors, reply->url()));
    });
    return reply;
}

QString SourceEndpoints::failureReason(const QNetworkReply* reply)
{
    const QString tls = reply->property(TlsFailureProperty).toString();
    return tls.isEmpty() ? reply->errorString() : tls;
}

} // namespace Meridian
