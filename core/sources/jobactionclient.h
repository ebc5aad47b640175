// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Sends a job action (cancel, requeue) to whatever can perform it, with the
// source's credentials: POST /api/v1/jobs/ID/ACTION, first as a dry run (the
// preview the operator confirms), then for real. One request at a time; the
// answer arrives through finished().

#include "core/sources/sourceendpoint.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Meridian {

struct JobActionReply
{
    QString jobId;
    QString action;
    bool dryRun = false;
    int status = 0; ///< HTTP status; 0: no answer
    QJsonObject body; ///< the preview or the outcome (status 200)
    QString error; ///< the server's {"error"} or the network's reason
    bool ok() const { return status == 200; }
};

class JobActionClient : public QObject
{
    Q_OBJECT
public:
    explicit JobActionClient(QObject* parent = nullptr);

    static bool isValidAction(const QString& action)
    {
        return action == QLatin1String("cancel") || action == QLatin1String("requeue");
    }
    // Sent with the source's token and TLS settings (see SourceEndpoints::resolve).
    bool send(const SourceEndpoint& to, const QString& jobId, const QString& action, bool dryRun);
    bool isBusy() const { return m_reply != nullptr; }

Q_SIGNALS:
    void finished(const Meridian::JobActionReply& reply);

private:
    QNetworkAccessManager* m_manager;
    QNetworkReply* m_reply = nullptr;
};

} // namespace Meridian
