// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A streaming JSON writer for the large protocol answers (the batched fleet
// answer, history pages). Building QJsonObject trees costs most of the time of
// encoding 25,000 nodes; this appends straight to a QByteArray instead.
//
// The output is byte-identical to QJsonDocument::toJson(Compact) of the same
// values (tests/protocol/tst_jsonwriter.cpp checks it), so decoders and cached
// expectations cannot tell the two encoders apart:
// - strings are UTF-8; `"` `\` and control characters are escaped as Qt does
//   (\b \f \n \r \t, else \u00xx; a lone surrogate becomes \udxxx);
// - a double that is an integer of magnitude ≤ 2^53 is written as an integer
//   (QJsonValue stores it as one); any other finite double in the shortest
//   round-trip form, fixed or exponent (e+XX) whichever is shorter; NaN and
//   infinities as null;
// - the caller writes object keys in QJsonObject's order (sorted by UTF-16 code units).

#include "core/protocol/protocoltypes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QStringView>

namespace Meridian::Protocol {

class JsonWriter
{
public:
    explicit JsonWriter(QByteArray& out)
        : m_out(out)
    { }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // Object keys; `key` must need no escaping (protocol keys are plain ASCII).
    void key(QLatin1StringView key);
    void key(QStringView key); ///< escaped: for keys that come from data (labels)

    void string(QStringView value);
    void number(double value); ///< NaN → null (a missing measurement)
    void integer(qint64 value);
    void boolean(bool value);
    void null();
    void raw(QByteArrayView json); ///< an already encoded value (a cached fragment)

    QByteArray& buffer() { return m_out; }

    // The formatting primitives, for callers that splice by hand.
    static void appendString(QByteArray& out, QStringView value);
    static void appendNumber(QByteArray& out, double value);
    static void appendInteger(QByteArray& out, qint64 value);

private:
    void separate(); ///< a comma before every element but the first of a container
    void push(bool object);
    void pop();

    QByteArray& m_out;
    quint64 m_hasElements = 0; ///< bit per depth: the container has an element already
    int m_depth = 0; ///< nesting beyond 63 levels would share bits: protocol documents nest 6
    bool m_afterKey = false;
};

namespace Json {

// Each writes exactly what QJsonDocument(Json::toJson(value)).toJson(Compact) writes.
void appendInventory(QByteArray& out, const NodeInventory& inventory);
void appendSample(QByteArray& out, const Sample& sample);
void appendEvent(QByteArray& out, const Event& event);
void appendSnapshot(QByteArray& out, const Snapshot& snapshot);
void appendNodeRecord(QByteArray& out, const NodeRecord& record);

// Whole documents with "schema": 1, equal to Json::document(Json::toJson(value)).
QByteArray writeNodesPage(const NodesPage& page);
QByteArray writeSamplesPage(const SamplesPage& page);
QByteArray writeSnapshot(const Snapshot& snapshot);
QByteArray writeInventory(const NodeInventory& inventory);

// A nodes page up to and including `"nodes":[`, and from its `]` on: callers
// that splice cached node records in between, comma-separated (the simulator),
// use these so that the page's own fields are still written in one place.
// `page.nodes` is not read.
void appendNodesPageHead(QByteArray& out, const NodesPage& page);
void appendNodesPageTail(QByteArray& out, const NodesPage& page);

} // namespace Json
} // namespace Meridian::Protocol
