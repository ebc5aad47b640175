// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/nodeactionclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Meridian::Faults {
namespace {
constexpr qint64 MaxReplyBytes = 1024 * 1024;
constexpr int TimeoutMs = 30000;
constexpr qsizetype MaxText = 256;

QString text(const QJsonObject& o, const char* key, qsizetype max = MaxText)
{
    return o.value(QLatin1String(key)).toString().left(max);
}

int count(const QJsonObject& o, const char* key)
{
    const double v = o.value(QLatin1String(key)).toDouble(-1);
    return v >= 0 && v <= 1e6 ? int(v) : 0;
}
} // namespace

NodeActionPreview NodeActionPreview::fromJson(const QJsonObject& body)
{
    NodeActionPreview p;
    p.effect = text(body, "effect", 1024);
    for (const QJsonValue& v : body.value(QLatin1String("jobs")).toArray()) {
        if (!v.isObject() || p.jobs.size() >= MaxRows)
            continue;
        const QJsonObject o = v.toObject();
        Job j { text(o, "id"), text(o, "name"), text(o, "state"), {} };
        for (const QJsonValue& a : o.value(QLatin1String("accelerators")).toArray())
            if (a.isDouble() && a.toDouble() >= 0 && a.toDouble() < 1024 && j.accelerators.size() < 1024)
                j.accelerators.append(a.toInt());
        p.jobs.append(j);
    }
    for (const QJsonValue& v : body.value(QLatin1String("capacity")).toArray()) {
        if (!v.isObject() || p.capacity.size() >= MaxRows)
            continue;
        const QJsonObject o = v.toObject();
        p.capacity.append({ text(o, "region"), text(o, "pool"), text(o, "model"), count(o, "accelerators"),
            count(o, "free"), count(o, "allocated") });
    }
    for (const QJsonValue& v : body.value(QLatin1String("command")).toArray())
        if (p.command.size() < 64)
            p.command.append(v.toString().left(1024));
    return p;
}

NodeActionClient::NodeActionClient(QObject* parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
{ }

bool NodeActionClient::send(
    const SourceEndpoint& to, const QString& nodeId, const QString& action, const QString& reason, bool dryRun)
{
    if (m_reply || !isValidAction(action) || nodeId.isEmpty() || nodeId.size() > 128)
        return false;
    const QString path
        = QStringLiteral("api/v1/nodes/%1/%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(nodeId)), action);
    QJsonObject o { { QStringLiteral("dryRun"), dryRun } };
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason.left(MaxText));
    m_reply = SourceEndpoints::postJson(m_manager, to, path, o, MaxReplyBytes, TimeoutMs);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, nodeId, action, dryRun] {
        reply->deleteLater();
        m_reply = nullptr;
        NodeActionReply r;
        r.nodeId = nodeId;
        r.action = action;
        r.dryRun = dryRun;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->read(MaxReplyBytes)).object();
        if (r.status == 200)
            r.body = body;
        else if (body.value(QStringLiteral("error")).isString())
            r.error = body.value(QStringLiteral("error")).toString().left(1024);
        else
            r.error = SourceEndpoints::failureReason(reply);
        Q_EMIT finished(r);
    });
    return true;
}

} // namespace Meridian::Faults
