// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/jobactionclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Meridian {
namespace {
constexpr qint64 MaxReplyBytes = 256 * 1024;
constexpr int TimeoutMs = 30000;
} // namespace

JobActionClient::JobActionClient(QObject* parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{ }

bool JobActionClient::send(const SourceEndpoint& to, const QString& jobId, const QString& action, bool dryRun)
{
    if (m_reply || !isValidAction(action) || jobId.isEmpty() || jobId.size() > 128)
        return false;
    const QString path
        = QStringLiteral("api/v1/jobs/%1/%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(jobId)), action);
    m_reply = SourceEndpoints::postJson(
        m_manager, to, path, QJsonObject { { QStringLiteral("dryRun"), dryRun } }, MaxReplyBytes, TimeoutMs);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, jobId, action, dryRun] {
        reply->deleteLater();
        m_reply = nullptr;
        JobActionReply r;
        r.jobId = jobId;
        r.action = action;
        r.dryRun = dryRun;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->read(MaxReplyBytes);
        const QJsonObject o = QJsonDocument::fromJson(data).object();
        if (r.status == 200)
            r.body = o;
        else if (o.value(QStringLiteral("error")).isString())
            r.error = o.value(QStringLiteral("error")).toString().left(1024);
        else
            r.error = SourceEndpoints::failureReason(reply);
        Q_EMIT finished(r);
    });
    return true;
}

} // namespace Meridian
