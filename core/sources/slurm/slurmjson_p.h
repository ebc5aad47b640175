// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to meridian_slurm: reading a slurmrestd answer with RapidJSON's SAX reader into a small tree that
// holds only the members the decoders read. A v0.0.38 jobs answer of 50,000 jobs is ~116 MiB, ~111 keys per
// job of which the decoders read ~26: the others' values are scanned (the whole body must be JSON) but never
// built, converted or checked for UTF-8 — no field of theirs reaches the console.

#include "core/sources/slurm/slurmdecode.h"

#include <rapidjson/document.h>
#include <string_view>

namespace Meridian::Slurm::Detail {

using Json = rapidjson::Value;
using JsonDocument = rapidjson::Document;

// A JSON array of the tree, or none.
class JsonArray
{
public:
    JsonArray() = default;
    explicit JsonArray(const Json* array)
        : m_array(array)
    { }
    qsizetype size() const { return m_array ? qsizetype(m_array->Size()) : 0; }
    const Json& at(qsizetype i) const { return (*m_array)[rapidjson::SizeType(i)]; }

private:
    const Json* m_array = nullptr;
};

// The member KEY of OBJECT (which must be an object), or null.
const Json* member(const Json& object, std::string_view key);

enum class Keep : quint8 {
    Decoded, ///< only the member names the decoders read (slurmjson.cpp lists them)
    All, ///< every member: the OpenAPI document, whose paths are the data
};

// Parses BODY as one JSON object into *DOC, keeping the members KEEP says. Kept strings must be UTF-8 and the
// tree no deeper than 64 levels (Slurm's are 5). On failure fills *error (translated) and returns false.
bool parseObject(const QByteArray& body, const Limits& limits, Keep keep, JsonDocument* doc, QString* error);

} // namespace Meridian::Slurm::Detail
