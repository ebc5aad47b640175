// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The body of a node action (drain, resume), shared by the agent and the
// simulator: {} or {"dryRun": bool, "reason": "…"} (reason ≤ 256 characters,
// printable). Anything else is refused with the reason in *error.

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <string>

namespace Meridian::Agent {

struct NodeActionBody
{
    bool dryRun = false;
    QString reason;
};

inline bool parseNodeActionBody(const std::string& body, NodeActionBody* out, QString* error)
{
    constexpr qsizetype MaxReason = 256;
    if (body.empty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("body must be a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("dryRun") && it->isBool()) {
            out->dryRun = it->toBool();
        } else if (it.key() == QLatin1String("reason") && it->isString() && it->toString().size() <= MaxReason) {
            out->reason = it->toString();
            for (QChar c : out->reason) {
                if (!c.isPrint()) {
                    *error = QStringLiteral("\"reason\" must be printable text");
                    return false;
                }
            }
        } else {
            *error = QStringLiteral("expected {\"dryRun\": true|false, \"reason\": \"text (≤ 256)\"}");
            return false;
        }
    }
    return true;
}

} // namespace Meridian::Agent
