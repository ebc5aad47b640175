// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Compact binary form of inventories and snapshots in state.db. QDataStream
// is several times faster to decode than the JSON codec, which matters when
// 25,000 nodes are restored at start-up. Decoding still treats the blob as
// untrusted (a damaged or edited file): counts are capped, the stream status
// and a format tag are checked, and a bad blob yields false, never a crash.

#include "core/protocol/protocoltypes.h"

#include <QByteArray>

namespace Meridian::CacheBlob {

QByteArray encode(const Protocol::NodeInventory& inventory);
QByteArray encode(const Protocol::Snapshot& snapshot);
bool decode(const QByteArray& blob, Protocol::NodeInventory* out);
bool decode(const QByteArray& blob, Protocol::Snapshot* out);

} // namespace Meridian::CacheBlob
