// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/peertext.h"

namespace Meridian {

namespace {
// The same templates as core/protocol/peermessages.cpp, for the translator (lupdate reads these).
const char* const Texts[] = {
    QT_TRANSLATE_NOOP("Meridian::PeerText", "heartbeat lost"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "heartbeat lost: no answer for %1 s"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "heartbeat lost: power loss in rack %1"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "%1 of %2 accelerators faulty"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "drained by an operator"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "drained by an operator: %1"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "HBM single-bit ECC errors rising on %1 (+%2 corrected)"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "HBM double-bit (uncorrectable) ECC error on %1: chip isolated"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "%1 reports an unhealthy chip (code %2): reset required"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "%1 port of %2 link down"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "%1 thermal throttling (inlet above limit)"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "every probe from %1 to %2 lost"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "fibre cut between %1 and %2"),
    QT_TRANSLATE_NOOP("Meridian::PeerText", "link between %1 and %2 degraded (RTT ×%3)"),
};

// "GPU 3", "NPU 3", "chip 3": the simulator names a chip by its kind and index.
QString chipName(const QString& chip)
{
    const QString index = chip.section(QLatin1Char(' '), -1);
    if (chip.startsWith(QLatin1String("chip ")))
        return PeerText::tr("chip %1").arg(index);
    return chip;
}
} // namespace

QString PeerText::show(const Protocol::PeerMessage& message)
{
    if (!message.isKnown())
        return {};
    QString text;
    if (message.key == QLatin1String("node.accelerators-faulty")) {
        text = tr("%n accelerator(s) faulty", "", message.args.value(0).toInt());
    } else {
        const QString english = Protocol::peerTemplate(message.key);
        const QByteArray source = english.toUtf8();
        text = QCoreApplication::translate("Meridian::PeerText", source.constData());
        for (QString arg : message.args) {
            if (message.key.startsWith(QLatin1String("chip.")))
                arg = chipName(arg);
            text = text.arg(arg);
        }
    }
    Q_UNUSED(Texts);
    return message.injected ? tr("%1 (injected)").arg(text) : text;
}

QString PeerText::show(const QString& english, const QString& key, const QStringList& args)
{
    Protocol::PeerMessage message;
    if (!key.isEmpty()) {
        message.key = key;
        message.args = args;
        message.injected = english.endsWith(QLatin1String(" [injected]"));
    }
    if (!message.isKnown())
        message = Protocol::matchPeerMessage(english);
    const QString shown = show(message);
    return shown.isEmpty() ? english : shown;
}

} // namespace Meridian
