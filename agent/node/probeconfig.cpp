// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/probeconfig.h"

#include <QRegularExpression>

namespace Meridian::Agent {

bool parseProbePeers(const QString& value, QList<ProbePeer>* out, QString* error)
{
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    static const QRegularExpression host(QStringLiteral("^(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]{1,253})$"));
    QList<ProbePeer> peers;
    const QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (items.size() > MaxProbePeers) {
        *error = QStringLiteral("probe-peers: more than %1 peers").arg(MaxProbePeers);
        return false;
    }
    for (const QString& raw : items) {
        const QString item = raw.trimmed();
        const qsizetype at = item.indexOf(QLatin1Char('@'));
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = colon > at ? item.mid(colon + 1).toUInt(&ok) : 0;
        ProbePeer p;
        p.nodeId = item.left(at);
        p.host = at > 0 && colon > at ? item.mid(at + 1, colon - at - 1) : QString();
        if (at <= 0 || !ok || port == 0 || port > 65535 || !id.match(p.nodeId).hasMatch()
            || !host.match(p.host).hasMatch()) {
            *error = QStringLiteral("probe-peers: \"%1\" is not NODE-ID@HOST:PORT").arg(item.left(80));
            return false;
        }
        if (p.host.startsWith(QLatin1Char('[')))
            p.host = p.host.mid(1, p.host.size() - 2);
        p.port = quint16(port);
        peers.append(p);
    }
    *out = peers;
    return true;
}

} // namespace Meridian::Agent
