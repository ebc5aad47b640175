// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Meridian::Protocol {

// The texts agents and the simulator send about a node (event messages, state reasons) as a message
// key with arguments, so the console shows them in the user's language. The English text is sent as
// well, made from the same template: an older console reads that, and a console reading an older
// peer (or its own cache, which keeps the text) finds the key again by matching the text against
// these templates. A key this table does not know stays the peer's English.
struct PeerMessage
{
    QString key; ///< "node.heartbeat-lost"; empty: free text
    QStringList args;
    bool injected = false; ///< the simulator's fault-injection mark (" [injected]")

    bool isKnown() const;
    QString english() const; ///< the template filled in (with " [injected]" when injected)
};

// The template of a key ("heartbeat lost: no answer for %1 s"), empty when unknown.
QString peerTemplate(const QString& key);
QStringList peerMessageKeys();
// The key, arguments and mark of an English text made from a template; key empty when none matches.
PeerMessage matchPeerMessage(const QString& text);

} // namespace Meridian::Protocol
