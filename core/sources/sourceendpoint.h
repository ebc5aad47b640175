// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a request the operator starts (a job or node action, a job's detail)
// needs to reach a source as the console's own polling does: its URL, its
// bearer token (from the keyring or its token file) and its TLS settings —
// so an action to an https agent checks the same CA and sends the same
// client certificate, and never falls back to unchecked TLS.

#include "core/sources/sourceconfig.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Meridian {

struct SourceEndpoint
{
    QString source; ///< the source's name, for messages and the audit log
    QUrl base; ///< ends in '/'
    QByteArray token; ///< empty: no Authorization header
    std::shared_ptr<const QSslConfiguration> tls; ///< null: plain http or the system's roots
    SourceConfig::Kind kind = SourceConfig::Kind::Agent; ///< which protocol it speaks
    QString user; ///< Slurm: X-SLURM-USER-NAME
};

class SourceEndpoints
{
    Q_DECLARE_TR_FUNCTIONS(SourceEndpoints)
public:
    // False with *why (in the user's language) when the token file or a TLS file cannot be read.
    static bool resolve(const SourceConfig& config, SourceEndpoint* out, QString* why);

    // POSTs `body` to `path` below the endpoint: token, TLS, no redirects
    // (a redirect would carry the token elsewhere), a transfer timeout and a
    // read cap. The caller owns the reply.
    static QNetworkReply* postJson(QNetworkAccessManager* manager, const SourceEndpoint& to, const QString& path,
        const QJsonObject& body, qint64 maxReplyBytes, int timeoutMs);

    // Why a reply failed: certificate problems described (what was expected,
    // what was received), else the network's reason.
    static QString failureReason(const QNetworkReply* reply);
};

} // namespace Meridian
