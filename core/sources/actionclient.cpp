// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/actionclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Meridian {
namespace {

constexpr qint64 MaxReplyBytes = 1024 * 1024;
constexpr int TimeoutMs = 30000;
constexpr qsizetype MaxText = 256;
constexpr qsizetype MaxIdLength = 128;

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

QString actionName(ActionKind kind)
{
    switch (kind) {
    case ActionKind::CancelJob:
        return QStringLiteral("cancel");
    case ActionKind::RequeueJob:
        return QStringLiteral("requeue");
    case ActionKind::DrainNode:
        return QStringLiteral("drain");
    case ActionKind::ResumeNode:
        return QStringLiteral("resume");
    }
    return {};
}

bool isNodeAction(ActionKind kind)
{
    return kind == ActionKind::DrainNode || kind == ActionKind::ResumeNode;
}

bool actionFromName(const QString& name, bool onNode, ActionKind* kind)
{
    for (ActionKind k :
        { ActionKind::CancelJob, ActionKind::RequeueJob, ActionKind::DrainNode, ActionKind::ResumeNode }) {
        if (isNodeAction(k) == onNode && actionName(k) == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

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

JobActionPreview JobActionPreview::fromJson(const QJsonObject& body)
{
    JobActionPreview p;
    p.stateBefore = text(body, "stateBefore", 32);
    p.stateAfter = text(body, "stateAfter", 32);
    p.effect = text(body, "effect", 1024);
    p.accelerators = count(body, "accelerators");
    for (const QJsonValue& v : body.value(QLatin1String("nodes")).toArray()) {
        if (v.isString() && p.nodes.size() < MaxNodes)
            p.nodes.append(v.toString().left(MaxIdLength));
    }
    return p;
}

ProtocolActionClient::ProtocolActionClient(QObject* parent)
    : ActionClient(parent)
    , m_manager(new QNetworkAccessManager(this))
{ }

bool ProtocolActionClient::send(const SourceEndpoint& to, const ActionRequest& request)
{
    if (m_reply || request.target.isEmpty() || request.target.size() > MaxIdLength)
        return false;
    const QString collection = isNodeAction(request.kind) ? QStringLiteral("nodes") : QStringLiteral("jobs");
    const QString path
        = QStringLiteral("api/v1/%1/%2/%3")
              .arg(collection, QString::fromLatin1(QUrl::toPercentEncoding(request.target)), actionName(request.kind));
    QJsonObject o { { QStringLiteral("dryRun"), request.dryRun } };
    if (isNodeAction(request.kind) && !request.reason.isEmpty())
        o.insert(QStringLiteral("reason"), request.reason.left(MaxText));
    m_reply = SourceEndpoints::postJson(m_manager, to, path, o, MaxReplyBytes, TimeoutMs);
    QNetworkReply* reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, request, source = to.source] {
        reply->deleteLater();
        m_reply = nullptr;
        ActionReply r;
        r.request = request;
        r.source = source;
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

} // namespace Meridian
