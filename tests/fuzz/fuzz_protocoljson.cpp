// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the console's protocol v1 decoder, every document type, on hostile bytes.

#include "core/protocol/protocoljson.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QJsonObject object;
    if (!Json::parseDocument(body, &object).ok)
        return 0;
    NodeInventory inventory;
    Json::decode(object, &inventory);
    Snapshot snapshot;
    Json::decode(object, &snapshot);
    SamplesPage samples;
    Json::decode(object, &samples);
    EventsPage events;
    Json::decode(object, &events);
    NodesPage nodes;
    Json::decode(object, &nodes);
    JobsPage jobs;
    Json::decode(object, &jobs);
    JobDetail detail;
    Json::decode(object, &detail);
    QList<FleetEntry> fleet;
    Json::decode(object, &fleet);
    return 0;
}
