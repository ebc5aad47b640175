// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// JSON encoding of protocol v1. Decoding treats every byte as hostile: sizes,
// types, enums, string lengths and value ranges are checked, and any violation
// rejects the whole document with a message naming the offending field.

#include "core/protocol/protocoltypes.h"

#include <QByteArray>
#include <QJsonObject>

namespace Meridian::Protocol {

// Caps on what a decoder accepts. Defaults fit the largest real node (16
// accelerators) with wide margins; the batched fleet answer has its own body cap.
struct Limits
{
    qsizetype maxBodyBytes = 16 * 1024 * 1024;
    int maxStringLength = 256;
    int maxMessageLength = 4096;
    int maxLabels = 64;
    int maxAccelerators = 64;
    int maxJobsPerNode = 256;
    int maxProbesPerNode = 1024;
    int maxSamplesPerPage = 20000;
    int maxEventsPerPage = 20000;
    int maxNodesPerPage = 50000;
    int maxJobsPerPage = 100000;
    int maxFaultsPerNode = 1024;
    int maxFleetEntries = 200000;
    int maxJobSegments = 10000; ///< segments or interruptions of one job
    int maxJobCheckpoints = 100000; ///< checkpoints of one job (detail only)
};

struct DecodeResult
{
    bool ok = true;
    QString error; ///< "snapshot.sample.acc[3].utilization: 140 is outside 0–100"
    explicit operator bool() const { return ok; }
};

namespace Json {

QJsonObject toJson(const NodeInventory& inventory);
QJsonObject toJson(const Sample& sample);
QJsonObject toJson(const Snapshot& snapshot);
QJsonObject toJson(const SamplesPage& page);
QJsonObject toJson(const Event& event);
QJsonObject toJson(const EventsPage& page);
QJsonObject toJson(const NodesPage& page);
QJsonObject toJson(const JobsPage& page);
QJsonObject toJson(const JobRecord& job); ///< one job, history included when present
QJsonObject toJson(const JobDetail& detail);
QJsonObject fleetToJson(const QList<FleetEntry>& fleet);

// A top-level document: the object with "schema": 1 added.
QByteArray document(QJsonObject object);

// Parse a body into an object, checking size, syntax and schema version.
DecodeResult parseDocument(const QByteArray& body, QJsonObject* out, const Limits& limits = {});

DecodeResult decode(const QJsonObject& json, NodeInventory* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, Snapshot* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, SamplesPage* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, EventsPage* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, NodesPage* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, JobsPage* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, JobDetail* out, const Limits& limits = {});
DecodeResult decode(const QJsonObject& json, QList<FleetEntry>* out, const Limits& limits = {});

// Convenience: parseDocument + decode.
template <typename T> DecodeResult decodeBody(const QByteArray& body, T* out, const Limits& limits = {})
{
    QJsonObject object;
    if (auto result = parseDocument(body, &object, limits); !result)
        return result;
    return decode(object, out, limits);
}

} // namespace Json
} // namespace Meridian::Protocol
