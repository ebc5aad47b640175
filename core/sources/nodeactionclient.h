// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sends a node action (drain, resume) to whatever fronts the node, with the
// source's credentials: POST /api/v1/nodes/ID/ACTION (the fleet front and the
// node's own agent answer the same path), first as a dry run (the preview the
// operator confirms), then for real. One request at a time; the answer
// arrives through finished(). The reply body is the server's, size-capped;
// NodeActionPreview reads it defensively.

#include "core/sources/sourceendpoint.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Meridian::Faults {

struct NodeActionReply
{
    QString nodeId;
    QString action; ///< "drain" or "resume"
    bool dryRun = false;
    int status = 0; ///< HTTP status; 0: no answer
    QJsonObject body; ///< the preview or the outcome (status 200)
    QString error; ///< the server's {"error"} or the network's reason
    bool ok() const { return status == 200; }
};

// What a preview says, checked: at most MaxRows jobs and capacity rows, bounded strings.
struct NodeActionPreview
{
    static constexpr int MaxRows = 512;
    struct Job
    {
        QString id, name, state;
        QList<int> accelerators;
    };
    struct Capacity
    {
        QString region, pool, model;
        int accelerators = 0, free = 0, allocated = 0;
    };
    QString effect;
    QList<Job> jobs;
    QList<Capacity> capacity;
    QStringList command; ///< a real agent's command line; empty from a scheduler front

    static NodeActionPreview fromJson(const QJsonObject& body);
};

class NodeActionClient : public QObject
{
    Q_OBJECT
public:
    explicit NodeActionClient(QObject* parent = nullptr);

    static bool isValidAction(const QString& action)
    {
        return action == QLatin1String("drain") || action == QLatin1String("resume");
    }
    // Sent with the source's token and TLS settings (see SourceEndpoints::resolve).
    bool send(
        const SourceEndpoint& to, const QString& nodeId, const QString& action, const QString& reason, bool dryRun);
    bool isBusy() const { return m_reply != nullptr; }

Q_SIGNALS:
    void finished(const Meridian::Faults::NodeActionReply& reply);

private:
    QNetworkAccessManager* m_manager;
    QNetworkReply* m_reply = nullptr;
};

} // namespace Meridian::Faults
