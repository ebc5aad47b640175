// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/jsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace Meridian::Protocol {
namespace {

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

char hexDigit(uint v)
{
    return char(v < 10 ? '0' + v : 'a' + v - 10);
}

char* escapeUnit(char* p, char16_t u)
{
    *p++ = '\\';
    *p++ = 'u';
    *p++ = hexDigit((u >> 12) & 0xf);
    *p++ = hexDigit((u >> 8) & 0xf);
    *p++ = hexDigit((u >> 4) & 0xf);
    *p++ = hexDigit(u & 0xf);
    return p;
}

int decimalDigits(int v)
{
    return v < 100 ? 2 : 3; // the exponent of a finite double has at most 3 digits; Qt writes at least 2
}

} // namespace

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_depth == 0)
        return;
    const quint64 bit = quint64(1) << ((m_depth - 1) & 63);
    if (m_hasElements & bit)
        m_out.append(',');
    else
        m_hasElements |= bit;
}

void JsonWriter::push(bool object)
{
    separate();
    m_out.append(object ? '{' : '[');
    ++m_depth;
    m_hasElements &= ~(quint64(1) << ((m_depth - 1) & 63));
}

void JsonWriter::pop()
{
    --m_depth;
}

void JsonWriter::beginObject()
{
    push(true);
}

void JsonWriter::endObject()
{
    pop();
    m_out.append('}');
}

void JsonWriter::beginArray()
{
    push(false);
}

void JsonWriter::endArray()
{
    pop();
    m_out.append(']');
}

void JsonWriter::key(QLatin1StringView key)
{
    separate();
    m_out.append('"');
    m_out.append(key.data(), key.size());
    m_out.append("\":", 2);
    m_afterKey = true;
}

void JsonWriter::key(QStringView key)
{
    separate();
    appendString(m_out, key);
    m_out.append(':');
    m_afterKey = true;
}

void JsonWriter::string(QStringView value)
{
    separate();
    appendString(m_out, value);
}

void JsonWriter::number(double value)
{
    separate();
    appendNumber(m_out, value);
}

void JsonWriter::integer(qint64 value)
{
    separate();
    appendInteger(m_out, value);
}

void JsonWriter::boolean(bool value)
{
    separate();
    if (value)
        m_out.append("true", 4);
    else
        m_out.append("false", 5);
}

void JsonWriter::null()
{
    separate();
    m_out.append("null", 4);
}

void JsonWriter::raw(QByteArrayView json)
{
    separate();
    m_out.append(json.data(), json.size());
}

void JsonWriter::appendString(QByteArray& out, QStringView value)
{
    // Worst case 6 bytes per UTF-16 unit (\uXXXX), and two quotes.
    const qsizetype start = out.size();
    out.resize(start + value.size() * 6 + 2);
    char* p = out.data() + start;
    *p++ = '"';
    const char16_t* src = value.utf16();
    const char16_t* const end = src + value.size();
    while (src != end) {
        const char16_t u = *src++;
        if (u < 0x80) {
            if (u >= 0x20 && u != '"' && u != '\\') {
                *p++ = char(u);
                continue;
            }
            *p++ = '\\';
            switch (u) {
            case '"':
                *p++ = '"';
                break;
            case '\\':
                *p++ = '\\';
                break;
            case '\b':
                *p++ = 'b';
                break;
            case '\f':
                *p++ = 'f';
                break;
            case '\n':
                *p++ = 'n';
                break;
            case '\r':
                *p++ = 'r';
                break;
            case '\t':
                *p++ = 't';
                break;
            default:
                p = escapeUnit(p - 1, u);
            }
        } else if (u < 0x800) {
            *p++ = char(0xc0 | (u >> 6));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xd800 || u > 0xdfff) {
            *p++ = char(0xe0 | (u >> 12));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (u < 0xdc00 && src != end && *src >= 0xdc00 && *src <= 0xdfff) {
            const char32_t c = 0x10000 + ((char32_t(u) - 0xd800) << 10) + (char32_t(*src++) - 0xdc00);
            *p++ = char(0xf0 | (c >> 18));
            *p++ = char(0x80 | ((c >> 12) & 0x3f));
            *p++ = char(0x80 | ((c >> 6) & 0x3f));
            *p++ = char(0x80 | (c & 0x3f));
        } else {
            p = escapeUnit(p, u); // a lone surrogate: not encodable as UTF-8
        }
    }
    *p++ = '"';
    out.resize(p - out.constData());
}

void JsonWriter::appendInteger(QByteArray& out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

void JsonWriter::appendNumber(QByteArray& out, double value)
{
    if (!std::isfinite(value)) {
        out.append("null", 4);
        return;
    }
    // QJsonValue keeps an integral double as an integer when that loses nothing.
    if (std::abs(value) <= MaxExactInteger && value == std::trunc(value)) {
        appendInteger(out, qint64(value));
        return;
    }
    // Shortest round-trip digits, laid out as Qt's 'g' with shortest precision
    // does: the exponent form only when it is strictly shorter than the fixed one.
    char sci[40];
    const auto result = std::to_chars(sci, sci + sizeof sci, value, std::chars_format::scientific);
    const char* p = sci;
    const bool negative = *p == '-';
    if (negative)
        ++p;
    char digits[24];
    int count = 0;
    while (p != result.ptr && *p != 'e') {
        if (*p != '.')
            digits[count++] = *p;
        ++p;
    }
    int exponent = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), result.ptr, exponent);
    const int point = exponent + 1; // digits × 10^(point - count)
    const int fixedLength = point <= 0 ? 2 - point + count : point < count ? count + 1 : point;
    const int scientificLength = count + (count > 1 ? 1 : 0) + 2 + decimalDigits(std::abs(exponent));

    char buffer[64]; // the fixed form is chosen only while it is short (≤ 26 characters)
    char* q = buffer;
    if (negative)
        *q++ = '-';
    if (scientificLength < fixedLength) {
        *q++ = digits[0];
        if (count > 1) {
            *q++ = '.';
            for (int i = 1; i < count; ++i)
                *q++ = digits[i];
        }
        *q++ = 'e';
        *q++ = exponent < 0 ? '-' : '+';
        const int e = std::abs(exponent);
        if (e >= 100)
            *q++ = char('0' + e / 100);
        *q++ = char('0' + e / 10 % 10);
        *q++ = char('0' + e % 10);
    } else if (point <= 0) {
        *q++ = '0';
        *q++ = '.';
        for (int i = 0; i < -point; ++i)
            *q++ = '0';
        for (int i = 0; i < count; ++i)
            *q++ = digits[i];
    } else {
        for (int i = 0; i < std::max(count, point); ++i) {
            if (i == point)
                *q++ = '.';
            *q++ = i < count ? digits[i] : '0';
        }
    }
    out.append(buffer, q - buffer);
}

namespace Json {
namespace {

template <size_t N> constexpr QLatin1StringView L(const char (&text)[N])
{
    return QLatin1StringView(text, qsizetype(N - 1));
}

void writeInventory(JsonWriter& w, const NodeInventory& n, bool schema)
{
    w.beginObject();
    w.key(L("accelerators"));
    w.beginArray();
    for (const AcceleratorInfo& a : n.accelerators) {
        w.beginObject();
        w.key(L("index"));
        w.integer(a.index);
        w.key(L("memoryBytes"));
        w.integer(a.memoryBytes);
        w.key(L("model"));
        w.string(a.model);
        w.key(L("uuid"));
        w.string(a.uuid);
        w.key(L("vendor"));
        w.string(a.vendor);
        w.endObject();
    }
    w.endArray();
    w.key(L("agentVersion"));
    w.string(n.agentVersion);
    w.key(L("bootId"));
    w.string(n.bootId);
    w.key(L("cpus"));
    w.integer(n.cpuCount);
    w.key(L("hostname"));
    w.string(n.hostname);
    w.key(L("id"));
    w.string(n.nodeId);
    w.key(L("labels"));
    w.beginObject();
    // QMap and QJsonObject both order keys by UTF-16 code units.
    for (auto it = n.labels.cbegin(); it != n.labels.cend(); ++it) {
        w.key(QStringView(it.key()));
        w.string(it.value());
    }
    w.endObject();
    w.key(L("memoryBytes"));
    w.integer(n.memoryBytes);
    w.key(L("pool"));
    w.string(n.pool);
    w.key(L("rack"));
    w.string(n.rack);
    w.key(L("region"));
    w.string(n.region);
    if (schema) {
        w.key(L("schema"));
        w.integer(Version);
    }
    w.endObject();
}

void writeSample(JsonWriter& w, const Sample& s)
{
    w.beginObject();
    w.key(L("acc"));
    w.beginArray();
    for (const AcceleratorSample& a : s.accelerators) {
        // Positional, in the column order of protocoljson.cpp's AcceleratorColumn.
        w.beginArray();
        w.integer(a.index);
        w.string(toString(a.health));
        w.number(a.utilization);
        w.number(a.memoryUsedBytes);
        w.number(a.temperatureC);
        w.number(a.powerW);
        w.number(a.eccSingleBitTotal);
        w.number(a.eccDoubleBitTotal);
        if (a.jobId.isEmpty())
            w.null();
        else
            w.string(a.jobId);
        w.endArray();
    }
    w.endArray();
    const NodeMetrics& m = s.node;
    w.key(L("node"));
    w.beginObject();
    w.key(L("cpu"));
    w.number(m.cpuUtilization);
    w.key(L("diskRead"));
    w.number(m.diskReadBytesPerSecond);
    w.key(L("diskWrite"));
    w.number(m.diskWriteBytesPerSecond);
    w.key(L("load1"));
    w.number(m.load1);
    w.key(L("memTotal"));
    w.number(m.memoryTotalBytes);
    w.key(L("memUsed"));
    w.number(m.memoryUsedBytes);
    w.key(L("netRx"));
    w.number(m.netRxBytesPerSecond);
    w.key(L("netTx"));
    w.number(m.netTxBytesPerSecond);
    w.key(L("uptime"));
    w.number(m.uptimeSeconds);
    w.endObject();
    w.key(L("seq"));
    w.integer(s.seq);
    w.key(L("state"));
    w.string(toString(s.state));
    w.key(L("ts"));
    w.integer(s.timestampMs);
    w.endObject();
}

void writeEvent(JsonWriter& w, const Event& e)
{
    w.beginObject();
    if (e.accelerator >= 0) {
        w.key(L("accelerator"));
        w.integer(e.accelerator);
    }
    if (e.cleared) {
        w.key(L("cleared"));
        w.boolean(true);
    }
    if (!e.code.isEmpty()) {
        w.key(L("code"));
        w.string(e.code);
    }
    w.key(L("id"));
    w.integer(e.id);
    w.key(L("kind"));
    w.string(e.kind);
    w.key(L("message"));
    w.string(e.message);
    if (!e.messageKey.isEmpty()) {
        w.key(L("messageArgs"));
        w.beginArray();
        for (const QString& arg : e.messageArgs)
            w.string(arg);
        w.endArray();
        w.key(L("messageKey"));
        w.string(e.messageKey);
    }
    w.key(L("node"));
    w.string(e.nodeId);
    w.key(L("severity"));
    w.string(toString(e.severity));
    w.key(L("ts"));
    w.integer(e.timestampMs);
    w.endObject();
}

void writeJob(JsonWriter& w, const JobPlacement& j)
{
    w.beginObject();
    w.key(L("accelerators"));
    w.beginArray();
    for (int i : j.accelerators)
        w.integer(i);
    w.endArray();
    w.key(L("id"));
    w.string(j.jobId);
    w.key(L("kind"));
    w.string(j.kind);
    w.key(L("lastCheckpointMs"));
    w.integer(j.lastCheckpointMs);
    w.key(L("name"));
    w.string(j.name);
    w.key(L("startedMs"));
    w.integer(j.startedMs);
    w.key(L("state"));
    w.string(j.state);
    w.key(L("tenant"));
    w.string(j.tenant);
    w.key(L("user"));
    w.string(j.user);
    w.endObject();
}

void writeProbe(JsonWriter& w, const ProbeResult& p)
{
    w.beginObject();
    w.key(L("count"));
    w.integer(p.count);
    w.key(L("loss"));
    w.number(p.loss);
    w.key(L("maxMs"));
    w.number(p.maxMs);
    w.key(L("p50Ms"));
    w.number(p.p50Ms);
    w.key(L("p90Ms"));
    w.number(p.p90Ms);
    w.key(L("p99Ms"));
    w.number(p.p99Ms);
    w.key(L("peer"));
    w.string(p.peer);
    w.key(L("windowEndMs"));
    w.integer(p.windowEndMs);
    w.endObject();
}

void writeSnapshot(JsonWriter& w, const Snapshot& s, bool schema)
{
    w.beginObject();
    w.key(L("faults"));
    w.beginArray();
    for (const Event& e : s.faults)
        writeEvent(w, e);
    w.endArray();
    w.key(L("instance"));
    w.string(s.instanceId);
    w.key(L("jobs"));
    w.beginArray();
    for (const JobPlacement& j : s.jobs)
        writeJob(w, j);
    w.endArray();
    w.key(L("newestEventId"));
    w.integer(s.newestEventId);
    w.key(L("oldestSeq"));
    w.integer(s.oldestSeq);
    w.key(L("probes"));
    w.beginArray();
    for (const ProbeResult& p : s.probes)
        writeProbe(w, p);
    w.endArray();
    w.key(L("sample"));
    writeSample(w, s.sample);
    if (schema) {
        w.key(L("schema"));
        w.integer(Version);
    }
    w.key(L("stateReason"));
    w.string(s.stateReason);
    if (!s.stateReasonKey.isEmpty()) {
        w.key(L("stateReasonArgs"));
        w.beginArray();
        for (const QString& arg : s.stateReasonArgs)
            w.string(arg);
        w.endArray();
        w.key(L("stateReasonKey"));
        w.string(s.stateReasonKey);
    }
    w.endObject();
}

void writeNodeRecord(JsonWriter& w, const NodeRecord& r)
{
    w.beginObject();
    w.key(L("id"));
    // As Json::toJson: the id is always sent, from the inventory when not set.
    w.string(r.nodeId.isEmpty() ? r.inventory.nodeId : r.nodeId);
    if (r.inventoryIncluded) {
        w.key(L("inventory"));
        writeInventory(w, r.inventory, false);
    }
    w.key(L("snapshot"));
    writeSnapshot(w, r.snapshot, false);
    w.endObject();
}

} // namespace

void appendInventory(QByteArray& out, const NodeInventory& inventory)
{
    JsonWriter w(out);
    writeInventory(w, inventory, false);
}

void appendSample(QByteArray& out, const Sample& sample)
{
    JsonWriter w(out);
    writeSample(w, sample);
}

void appendEvent(QByteArray& out, const Event& event)
{
    JsonWriter w(out);
    writeEvent(w, event);
}

void appendSnapshot(QByteArray& out, const Snapshot& snapshot)
{
    JsonWriter w(out);
    writeSnapshot(w, snapshot, false);
}

void appendNodeRecord(QByteArray& out, const NodeRecord& record)
{
    JsonWriter w(out);
    writeNodeRecord(w, record);
}

void appendNodesPageHead(QByteArray& out, const NodesPage& page)
{
    out.append("{\"cursor\":");
    JsonWriter::appendString(out, page.cursor);
    out.append(page.more ? ",\"more\":true,\"nodes\":[" : ",\"more\":false,\"nodes\":[");
}

void appendNodesPageTail(QByteArray& out, const NodesPage& page)
{
    out.append("],\"schema\":");
    JsonWriter::appendInteger(out, Version);
    out.append(",\"ts\":");
    JsonWriter::appendInteger(out, page.timestampMs);
    out.append('}');
}

QByteArray writeNodesPage(const NodesPage& page)
{
    QByteArray out;
    out.reserve(256 + page.nodes.size() * 2048);
    appendNodesPageHead(out, page);
    for (qsizetype i = 0; i < page.nodes.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendNodeRecord(out, page.nodes[i]);
    }
    appendNodesPageTail(out, page);
    return out;
}

QByteArray writeSamplesPage(const SamplesPage& page)
{
    QByteArray out;
    out.reserve(256 + page.samples.size() * 1024);
    JsonWriter w(out);
    w.beginObject();
    w.key(L("instance"));
    w.string(page.instanceId);
    w.key(L("more"));
    w.boolean(page.more);
    w.key(L("newestSeq"));
    w.integer(page.newestSeq);
    w.key(L("oldestSeq"));
    w.integer(page.oldestSeq);
    w.key(L("samples"));
    w.beginArray();
    for (const Sample& s : page.samples)
        writeSample(w, s);
    w.endArray();
    w.key(L("schema"));
    w.integer(Version);
    w.endObject();
    return out;
}

QByteArray writeSnapshot(const Snapshot& snapshot)
{
    QByteArray out;
    out.reserve(4096);
    JsonWriter w(out);
    writeSnapshot(w, snapshot, true);
    return out;
}

QByteArray writeInventory(const NodeInventory& inventory)
{
    QByteArray out;
    out.reserve(2048);
    JsonWriter w(out);
    writeInventory(w, inventory, true);
    return out;
}

} // namespace Json
} // namespace Meridian::Protocol
