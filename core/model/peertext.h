// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/peermessages.h"

#include <QCoreApplication>
#include <QString>

namespace Meridian {

// A peer's text (event message, state reason) in the user's language: by its message key when the
// peer sent one, else by the key its English text was made from (older peers, the cache); a text
// no key explains is shown as the peer wrote it.
class PeerText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::PeerText)
public:
    static QString show(const QString& english, const QString& key = {}, const QStringList& args = {});
    static QString show(const Protocol::PeerMessage& message); ///< empty when the key is unknown
};

} // namespace Meridian
