// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/peermessages.h"

#include <QHash>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace Meridian::Protocol {

namespace {
const QString InjectedMark = QStringLiteral(" [injected]");

// Key → English template. Keys are never reused for another meaning; a new text gets a new key.
constexpr std::array<std::pair<const char*, const char*>, 15> Templates { {
    { "node.heartbeat-lost", "heartbeat lost" },
    { "node.heartbeat-lost-for", "heartbeat lost: no answer for %1 s" },
    { "node.power-loss", "heartbeat lost: power loss in rack %1" },
    { "node.accelerators-faulty", "%1 accelerator(s) faulty" },
    { "node.accelerators-faulty-of", "%1 of %2 accelerators faulty" },
    { "node.drained", "drained by an operator" },
    { "node.drained-because", "drained by an operator: %1" },
    { "chip.hbm-sbe-rising", "HBM single-bit ECC errors rising on %1 (+%2 corrected)" },
    { "chip.hbm-dbe", "HBM double-bit (uncorrectable) ECC error on %1: chip isolated" },
    { "chip.unhealthy", "%1 reports an unhealthy chip (code %2): reset required" },
    { "chip.port-down", "%1 port of %2 link down" },
    { "chip.thermal", "%1 thermal throttling (inlet above limit)" },
    { "link.probes-lost", "every probe from %1 to %2 lost" },
    { "link.fibre-cut", "fibre cut between %1 and %2" },
    { "link.degraded", "link between %1 and %2 degraded (RTT ×%3)" },
} };

struct Matcher
{
    QString key;
    QRegularExpression pattern;
};

// Each template as an anchored pattern: %n becomes a lazy group, the rest is literal.
const QList<Matcher>& matchers()
{
    static const QList<Matcher> all = [] {
        QList<Matcher> list;
        static const QRegularExpression placeholder(QStringLiteral("%\\d"));
        for (const auto& [key, english] : Templates) {
            const QString text = QString::fromUtf8(english);
            QString pattern = QStringLiteral("^");
            qsizetype from = 0;
            for (auto it = placeholder.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                pattern
                    += QRegularExpression::escape(text.mid(from, m.capturedStart() - from)) + QStringLiteral("(.+?)");
                from = m.capturedEnd();
            }
            pattern += QRegularExpression::escape(text.mid(from)) + QLatin1Char('$');
            list.append({ QString::fromLatin1(key), QRegularExpression(pattern) });
        }
        return list;
    }();
    return all;
}
} // namespace

QString peerTemplate(const QString& key)
{
    for (const auto& [k, english] : Templates)
        if (key == QLatin1String(k))
            return QString::fromUtf8(english);
    return {};
}

QStringList peerMessageKeys()
{
    QStringList keys;
    for (const auto& [k, english] : Templates)
        keys.append(QString::fromLatin1(k));
    return keys;
}

bool PeerMessage::isKnown() const
{
    return !peerTemplate(key).isEmpty();
}

QString PeerMessage::english() const
{
    QString text = peerTemplate(key);
    for (const QString& arg : args)
        text = text.arg(arg);
    return injected ? text + InjectedMark : text;
}

PeerMessage matchPeerMessage(const QString& text)
{
    PeerMessage message;
    QString body = text;
    if (body.endsWith(InjectedMark)) {
        message.injected = true;
        body.chop(InjectedMark.size());
    }
    for (const Matcher& m : matchers()) {
        const QRegularExpressionMatch match = m.pattern.match(body);
        if (!match.hasMatch())
            continue;
        message.key = m.key;
        for (int i = 1; i <= match.lastCapturedIndex(); ++i)
            message.args.append(match.captured(i));
        return message;
    }
    message.injected = false;
    return message;
}

} // namespace Meridian::Protocol
