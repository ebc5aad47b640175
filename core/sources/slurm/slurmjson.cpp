// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurm/slurmjson_p.h"
#include "core/sources/slurm/slurmtext_p.h"

#include <QByteArrayView>

#include <array>
#include <cstring>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <vector>

namespace Meridian::Slurm::Detail {
namespace {

// Every member name slurmnodes.cpp, slurmjobs.cpp and slurmanswer.cpp read, in any answer of any version.
// A name read nowhere else may be here (it only costs a little); a name missing here reads as absent.
constexpr std::string_view DecodedKeys[] = {
    // every answer: meta, errors[], warnings[]
    "meta",
    "plugin",
    "data_parser",
    "type",
    "slurm",
    "Slurm",
    "release",
    "errors",
    "warnings",
    "error",
    "warning",
    "description",
    "source",
    "error_number",
    "errno",
    // v0.0.39+ numbers: {"set", "infinite", "number"}
    "set",
    "infinite",
    "number",
    // nodes
    "nodes",
    "name",
    "hostname",
    "address",
    "state",
    "state_flags",
    "reason",
    "reason_set_by_user",
    "reason_changed_at",
    "partitions",
    "cpus",
    "alloc_cpus",
    "features",
    "gres",
    "gres_used",
    // partitions (v0.0.38 flat, v0.0.39+ nested)
    "total_nodes",
    "total_cpus",
    "max_time_limit",
    "default_time_limit",
    "maximum_nodes_per_job",
    "min nodes per job",
    "tres",
    "configured",
    "total",
    "partition",
    "maximums",
    "defaults",
    "minimums",
    "time",
    // jobs from slurmctld
    "jobs",
    "job_id",
    "array_job_id",
    "array_task_id",
    "het_job_id",
    "het_job_offset",
    "job_state",
    "state_reason",
    "state_description",
    "user_name",
    "account",
    "qos",
    "tres_per_node",
    "gres_detail",
    "tres_alloc_str",
    "submit_time",
    "eligible_time",
    "start_time",
    "end_time",
    "time_limit",
    "restart_cnt",
    "requeue",
    "exit_code",
    "flags",
    "failed_node",
    "return_code",
    "signal",
    "signal_id",
    "id",
    // jobs from slurmdb
    "array",
    "task_id",
    "het",
    "job_offset",
    "current",
    "user",
    "submission",
    "eligible",
    "start",
    "end",
    "elapsed",
    "limit",
    "allocated",
    "count",
};

// A set of member names answering "is this one kept?" in a few nanoseconds: 5.5 million keys go past it in a
// 50,000-job answer. Most names are not kept and land in an empty bucket.
class KeySet
{
public:
    KeySet()
    {
        for (std::string_view k : DecodedKeys)
            m_buckets[bucket(k.data(), k.size())].push_back(k);
    }
    bool contains(const char* text, size_t length) const
    {
        for (std::string_view k : m_buckets[bucket(text, length)])
            if (k.size() == length && std::memcmp(k.data(), text, length) == 0)
                return true;
        return false;
    }

private:
    static size_t bucket(const char* text, size_t length)
    {
        if (length == 0)
            return 0;
        const auto at = [text](size_t i) { return size_t(static_cast<unsigned char>(text[i])); };
        return (length * 31 + at(0) * 7 + at(length - 1) * 3 + at(length / 2)) & (Buckets - 1);
    }
    static constexpr size_t Buckets = 1024;
    std::array<std::vector<std::string_view>, Buckets> m_buckets;
};

constexpr size_t MaxKeptDepth = 64; // Slurm's answers nest 5 levels
constexpr int MaxSkippedDepth = 1024; // inside a value that is skipped (QJsonDocument's limit too)

// Passes the SAX events of kept members (and of everything when KEEP is null) on to the document that builds
// the tree; a skipped member's value, whatever it holds, is only counted through.
class Filter
{
public:
    Filter(JsonDocument& out, const KeySet* keep)
        : m_out(out)
        , m_keep(keep)
    { }

    QString failure; ///< why the filter stopped the parse; empty: RapidJSON's own error

    bool Null()
    {
        return scalar([this] { return m_out.Null(); });
    }
    bool Bool(bool b)
    {
        return scalar([this, b] { return m_out.Bool(b); });
    }
    bool Int(int i)
    {
        return scalar([this, i] { return m_out.Int(i); });
    }
    bool Uint(unsigned u)
    {
        return scalar([this, u] { return m_out.Uint(u); });
    }
    bool Int64(int64_t i)
    {
        return scalar([this, i] { return m_out.Int64(i); });
    }
    bool Uint64(uint64_t u)
    {
        return scalar([this, u] { return m_out.Uint64(u); });
    }
    bool Double(double d)
    {
        return scalar([this, d] { return m_out.Double(d); });
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return fail(QStringLiteral("raw number")); }
    bool String(const char* text, rapidjson::SizeType length, bool copy)
    {
        return scalar([&] { return utf8(text, length) && m_out.String(text, length, copy); });
    }

    bool StartObject() { return start(false); }
    bool StartArray() { return start(true); }
    bool EndObject(rapidjson::SizeType) { return end(false); }
    bool EndArray(rapidjson::SizeType) { return end(true); }

    bool Key(const char* text, rapidjson::SizeType length, bool copy)
    {
        if (m_skipDepth > 0)
            return true;
        if (m_keep && !m_keep->contains(text, length)) {
            m_skipValue = true;
            return true;
        }
        if (!utf8(text, length))
            return false;
        ++m_open.back().count;
        return m_out.Key(text, length, copy);
    }

private:
    struct Open
    {
        bool array = false;
        rapidjson::SizeType count = 0; ///< kept members or elements
    };

    template <typename Build> bool scalar(Build build)
    {
        if (m_skipDepth > 0)
            return true;
        if (m_skipValue) {
            m_skipValue = false;
            return true;
        }
        countElement();
        return build();
    }
    bool start(bool array)
    {
        if (m_skipDepth > 0)
            return ++m_skipDepth <= MaxSkippedDepth || deep(MaxSkippedDepth);
        if (m_skipValue) {
            m_skipValue = false;
            m_skipDepth = 1;
            return true;
        }
        if (m_open.size() >= MaxKeptDepth)
            return deep(int(MaxKeptDepth));
        countElement();
        m_open.push_back({ array, 0 });
        return array ? m_out.StartArray() : m_out.StartObject();
    }
    bool end(bool array)
    {
        if (m_skipDepth > 0) {
            --m_skipDepth;
            return true;
        }
        const rapidjson::SizeType count = m_open.back().count;
        m_open.pop_back();
        return array ? m_out.EndArray(count) : m_out.EndObject(count);
    }
    void countElement()
    {
        if (!m_open.empty() && m_open.back().array)
            ++m_open.back().count;
    }
    bool utf8(const char* text, rapidjson::SizeType length)
    {
        if (QByteArrayView(text, qsizetype(length)).isValidUtf8())
            return true;
        return fail(Text::tr("a string that is not UTF-8"));
    }
    bool deep(int levels) { return fail(Text::tr("nested deeper than %1 levels").arg(levels)); }
    bool fail(const QString& why)
    {
        failure = why;
        return false;
    }

    JsonDocument& m_out;
    const KeySet* m_keep;
    std::vector<Open> m_open;
    int m_skipDepth = 0; ///< > 0: inside a skipped value, this many containers deep
    bool m_skipValue = false; ///< the next value belongs to a member that is not kept
};

} // namespace

const Json* member(const Json& object, std::string_view key)
{
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
        if (m->name.GetStringLength() == key.size() && std::memcmp(m->name.GetString(), key.data(), key.size()) == 0)
            return &m->value;
    }
    return nullptr;
}

bool parseObject(const QByteArray& body, const Limits& limits, Keep keep, JsonDocument* doc, QString* error)
{
    if (body.size() > limits.maxBodyBytes) {
        *error
            = Text::tr("the answer has %1 bytes, more than the limit of %2").arg(body.size()).arg(limits.maxBodyBytes);
        return false;
    }
    static const KeySet decodedKeys;
    Filter filter(*doc, keep == Keep::Decoded ? &decodedKeys : nullptr);
    rapidjson::ParseResult result;
    // Populate() lets the document build from the filter's events and keeps the root it ends with. Iterative:
    // a hostile nesting depth costs heap, not stack.
    const auto generate = [&body, &filter, &result](JsonDocument&) {
        rapidjson::MemoryStream stream(body.constData(), size_t(body.size()));
        rapidjson::Reader reader;
        result = reader.Parse<rapidjson::kParseIterativeFlag>(stream, filter);
        return !result.IsError();
    };
    doc->Populate(generate);
    if (result.IsError()) {
        const QString why
            = filter.failure.isEmpty() ? QString::fromUtf8(rapidjson::GetParseError_En(result.Code())) : filter.failure;
        *error = Text::tr("not JSON (%1 at byte %2)").arg(why).arg(result.Offset());
        return false;
    }
    if (!doc->IsObject()) {
        *error = Text::tr("not a JSON object");
        return false;
    }
    return true;
}

} // namespace Meridian::Slurm::Detail
