// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/actioncommand.h"

#include "agent/common/httpservice.h"

#include <QJsonDocument>
#include <QProcess>

namespace Meridian::Agent {
namespace {
constexpr qsizetype MaxOutputBytes = 4096;
} // namespace

void runActionCommand(const QStringList& args, int timeoutMs, QJsonObject reply,
    const std::function<void(QJsonObject*)>& performed, HttpResponse& response, ActionAudit* audit)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(args.first(), args.mid(1));
    const bool finished = process.waitForStarted(timeoutMs) && process.waitForFinished(timeoutMs);
    const QString output = QString::fromLocal8Bit(process.readAll().left(MaxOutputBytes)).trimmed();
    if (!finished) {
        process.kill();
        process.waitForFinished(1000);
        replyError(response, 502, QStringLiteral("%1 did not finish: %2").arg(args.first(), process.errorString()));
        return audit->finish(response, QStringLiteral("failed"), process.errorString());
    }
    reply.insert(QStringLiteral("exitCode"), process.exitCode());
    reply.insert(QStringLiteral("output"), output);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        replyError(response, 502,
            QStringLiteral("%1 exited with %2: %3").arg(args.first()).arg(process.exitCode()).arg(output.left(512)));
        return audit->finish(response, QStringLiteral("failed"), output);
    }
    performed(&reply);
    replyJson(response, QJsonDocument(reply).toJson(QJsonDocument::Compact));
    audit->finish(response, QStringLiteral("performed"), args.join(u' ') + QStringLiteral(" → ") + output.left(512));
}

} // namespace Meridian::Agent
