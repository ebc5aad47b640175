// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/prometheustext.h"

#include <QHash>
#include <QSet>

#include <charconv>
#include <cmath>
#include <limits>

namespace Meridian::Protocol::Prometheus {
namespace {

void appendEscapedLabelValue(QByteArray& out, QByteArrayView value)
{
    for (char c : value) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
}

void appendEscapedHelp(QByteArray& out, QByteArrayView help)
{
    for (char c : help) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
}

void appendNumber(QByteArray& out, double value)
{
    if (std::isinf(value)) {
        out += value > 0 ? "+Inf" : "-Inf";
        return;
    }
    // Shortest round-trip form, locale-independent.
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, ec == std::errc() ? end - buffer : 0);
}

const char* typeName(Writer::Type type)
{
    switch (type) {
    case Writer::Type::Gauge:
        return "gauge";
    case Writer::Type::Counter:
        return "counter";
    case Writer::Type::Untyped:
        break;
    }
    return "untyped";
}

} // namespace

void Writer::beginFamily(QByteArrayView name, Type type, QByteArrayView help)
{
    m_family = name.toByteArray();
    m_text += "# HELP ";
    m_text += name;
    m_text += ' ';
    appendEscapedHelp(m_text, help);
    m_text += "\n# TYPE ";
    m_text += name;
    m_text += ' ';
    m_text += typeName(type);
    m_text += '\n';
}

void Writer::sample(std::initializer_list<Label> labels, double value)
{
    writeSample({}, labels.begin(), labels.end(), value);
}

void Writer::sample(const QList<Label>& labels, double value)
{
    writeSample({}, labels.constData(), labels.constData() + labels.size(), value);
}

void Writer::sampleWithSuffix(QByteArrayView suffix, const QList<Label>& labels, double value)
{
    writeSample(suffix, labels.constData(), labels.constData() + labels.size(), value);
}

void Writer::writeSample(QByteArrayView suffix, const Label* begin, const Label* end, double value)
{
    if (std::isnan(value))
        return;
    m_text += m_family;
    m_text += suffix;
    if (begin != end) {
        m_text += '{';
        for (const Label* l = begin; l != end; ++l) {
            if (l != begin)
                m_text += ',';
            m_text += l->first;
            m_text += "=\"";
            appendEscapedLabelValue(m_text, l->second);
            m_text += '"';
        }
        m_text += '}';
    }
    m_text += ' ';
    appendNumber(m_text, value);
    m_text += '\n';
}

} // namespace Meridian::Protocol::Prometheus

// --- parser --------------------------------------------------------------------

namespace Meridian::Protocol::Prometheus {
namespace {

bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool isNameChar(char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9');
}
bool isLabelStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isLabelChar(char c)
{
    return isLabelStart(c) || (c >= '0' && c <= '9');
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool validUtf8(QByteArrayView text, qsizetype* badOffset)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = s[i];
        int extra = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c == 0) {
            *badOffset = i;
            return false;
        } else if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            *badOffset = i;
            return false;
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80) {
                *badOffset = i;
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *badOffset = i;
            return false;
        }
        i += extra + 1;
    }
    return true;
}

bool parseValue(QByteArrayView token, double* out)
{
    if (token == "NaN") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (token == "+Inf" || token == "Inf") {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (token == "-Inf") {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (token.startsWith('+'))
        token = token.sliced(1);
    if (token.isEmpty() || !((token[0] >= '0' && token[0] <= '9') || token[0] == '-' || token[0] == '.'))
        return false;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), *out);
    return ec == std::errc() && end == token.data() + token.size() && !std::isnan(*out) && !std::isinf(*out);
}

struct Family
{
    QByteArray type; ///< empty until TYPE or the first sample
    bool help = false;
    bool hasSamples = false;
    bool closed = false;
};

// Buckets of one histogram series (labels without "le").
struct HistogramSeries
{
    QList<std::pair<double, double>> buckets; ///< (le, count) in text order
    double count = std::numeric_limits<double>::quiet_NaN();
    int firstLine = 0;
};

class Parser
{
public:
    Parser(QByteArrayView text, const ParseLimits& limits)
        : m_text(text)
        , m_limits(limits)
    { }

    ParseResult run()
    {
        if (m_text.size() > m_limits.maxBytes)
            return fail(
                0, QStringLiteral("exposition of %1 bytes exceeds %2").arg(m_text.size()).arg(m_limits.maxBytes));
        qsizetype bad = 0;
        if (!validUtf8(m_text, &bad))
            return fail(lineOf(bad), QStringLiteral("invalid UTF-8 or NUL byte"));
        if (!m_text.isEmpty() && !m_text.endsWith('\n'))
            return fail(lineOf(m_text.size() - 1), QStringLiteral("last line does not end in a newline"));
        qsizetype start = 0;
        while (start < m_text.size()) {
            const qsizetype end = m_text.indexOf('\n', start);
            ++m_line;
            const QByteArrayView line = m_text.sliced(start, end - start);
            if (line.size() > m_limits.maxLineBytes)
                return fail(m_line, QStringLiteral("line longer than %1 bytes").arg(m_limits.maxLineBytes));
            if (!parseLine(line))
                return fail(m_line, m_error);
            start = end + 1;
        }
        if (!closeFamily())
            return fail(m_line, m_error);
        m_result.ok = true;
        return std::move(m_result);
    }

private:
    int lineOf(qsizetype offset) const { return int(m_text.first(offset).count('\n')) + 1; }

    ParseResult fail(int line, const QString& reason)
    {
        ParseResult r;
        r.error = QStringLiteral("line %1: %2").arg(line).arg(reason);
        return r;
    }

    bool error(const QString& message)
    {
        m_error = message;
        return false;
    }

    static QString text(QByteArrayView v) { return QString::fromUtf8(v.first(std::min<qsizetype>(v.size(), 80))); }

    bool validMetricName(QByteArrayView name) const
    {
        if (name.isEmpty() || !isNameStart(name[0]))
            return false;
        for (char c : name) {
            if (!isNameChar(c))
                return false;
        }
        return true;
    }

    static QByteArrayView nextToken(QByteArrayView& rest)
    {
        qsizetype i = 0;
        while (i < rest.size() && isBlank(rest[i]))
            ++i;
        const qsizetype start = i;
        while (i < rest.size() && !isBlank(rest[i]))
            ++i;
        const QByteArrayView token = rest.sliced(start, i - start);
        rest = rest.sliced(i);
        return token;
    }

    bool parseLine(QByteArrayView line)
    {
        qsizetype i = 0;
        while (i < line.size() && isBlank(line[i]))
            ++i;
        line = line.sliced(i);
        if (line.isEmpty())
            return true;
        if (line[0] == '#')
            return parseComment(line.sliced(1));
        return parseSample(line);
    }

    bool parseComment(QByteArrayView rest)
    {
        const QByteArrayView keyword = nextToken(rest);
        if (keyword != "HELP" && keyword != "TYPE")
            return true; // a plain comment
        const QByteArrayView name = nextToken(rest);
        if (!validMetricName(name))
            return error(QStringLiteral("%1 names an invalid metric \"%2\"").arg(QLatin1String(keyword), text(name)));
        Family& f = m_families[name.toByteArray()];
        if (f.hasSamples || f.closed)
            return error(QStringLiteral("%1 for %2 after its samples").arg(QLatin1String(keyword), text(name)));
        if (m_current != name && !closeFamily())
            return false;
        m_current = name.toByteArray();
        if (keyword == "HELP") {
            if (f.help)
                return error(QStringLiteral("second HELP for %1").arg(text(name)));
            f.help = true;
            // Docstring escapes: only \\ and \n.
            while (!rest.isEmpty() && isBlank(rest[0]))
                rest = rest.sliced(1);
            for (qsizetype k = 0; k < rest.size(); ++k) {
                if (rest[k] == '\\') {
                    if (k + 1 >= rest.size() || (rest[k + 1] != '\\' && rest[k + 1] != 'n'))
                        return error(QStringLiteral("invalid escape in HELP of %1").arg(text(name)));
                    ++k;
                }
            }
            return true;
        }
        const QByteArrayView type = nextToken(rest);
        if (!nextToken(rest).isEmpty())
            return error(QStringLiteral("trailing text after TYPE of %1").arg(text(name)));
        if (type != "counter" && type != "gauge" && type != "histogram" && type != "summary" && type != "untyped")
            return error(QStringLiteral("unknown type \"%1\" for %2").arg(text(type), text(name)));
        if (!f.type.isEmpty())
            return error(QStringLiteral("second TYPE for %1").arg(text(name)));
        f.type = type.toByteArray();
        m_result.types.append({ name.toByteArray(), f.type });
        return true;
    }

    // The family a sample name belongs to: x_bucket/x_sum/x_count of a histogram or summary x belong to x.
    QByteArray familyOf(QByteArrayView name, QByteArrayView* suffix) const
    {
        for (const char* s : { "_bucket", "_sum", "_count" }) {
            const QByteArrayView sv(s);
            if (!name.endsWith(sv))
                continue;
            const QByteArray base = name.chopped(sv.size()).toByteArray();
            const auto it = m_families.constFind(base);
            if (it == m_families.constEnd())
                continue;
            if (it->type == "histogram" || (it->type == "summary" && sv != "_bucket")) {
                *suffix = sv;
                return base;
            }
        }
        *suffix = {};
        return name.toByteArray();
    }

    bool closeFamily()
    {
        if (m_current.isEmpty())
            return true;
        Family& f = m_families[m_current];
        if (f.hasSamples)
            f.closed = true;
        if (f.type == "histogram") {
            for (auto it = m_histograms.cbegin(); it != m_histograms.cend(); ++it) {
                if (!checkHistogram(it.value()))
                    return false;
            }
        }
        m_histograms.clear();
        return true;
    }

    bool checkHistogram(const HistogramSeries& h)
    {
        const QString name = QString::fromUtf8(m_current);
        if (h.buckets.isEmpty())
            return error(QStringLiteral("histogram %1 has no buckets").arg(name));
        for (qsizetype i = 1; i < h.buckets.size(); ++i) {
            if (!(h.buckets[i].first > h.buckets[i - 1].first))
                return error(QStringLiteral("histogram %1: le values must increase").arg(name));
            if (h.buckets[i].second < h.buckets[i - 1].second)
                return error(QStringLiteral("histogram %1: bucket counts must not decrease").arg(name));
        }
        if (!std::isinf(h.buckets.constLast().first))
            return error(QStringLiteral("histogram %1 has no le=\"+Inf\" bucket").arg(name));
        if (std::isnan(h.count))
            return error(QStringLiteral("histogram %1 has no _count").arg(name));
        if (h.count != h.buckets.constLast().second)
            return error(QStringLiteral("histogram %1: +Inf bucket differs from _count").arg(name));
        return true;
    }

    bool parseLabels(QByteArrayView& rest, QList<std::pair<QByteArray, QByteArray>>* labels)
    {
        // rest starts after '{'.
        auto skipBlanks = [&] {
            while (!rest.isEmpty() && isBlank(rest[0]))
                rest = rest.sliced(1);
        };
        for (;;) {
            skipBlanks();
            if (rest.isEmpty())
                return error(QStringLiteral("unterminated label set"));
            if (rest[0] == '}') {
                rest = rest.sliced(1);
                return true;
            }
            qsizetype n = 0;
            if (!isLabelStart(rest[0]))
                return error(QStringLiteral("invalid label name"));
            while (n < rest.size() && isLabelChar(rest[n]))
                ++n;
            const QByteArrayView name = rest.first(n);
            if (n > m_limits.maxLabelNameBytes)
                return error(QStringLiteral("label name longer than %1 bytes").arg(m_limits.maxLabelNameBytes));
            if (name.startsWith("__"))
                return error(QStringLiteral("label name %1 uses the reserved __ prefix").arg(text(name)));
            rest = rest.sliced(n);
            skipBlanks();
            if (rest.isEmpty() || rest[0] != '=')
                return error(QStringLiteral("expected = after label %1").arg(text(name)));
            rest = rest.sliced(1);
            skipBlanks();
            if (rest.isEmpty() || rest[0] != '"')
                return error(QStringLiteral("expected a quoted value for label %1").arg(text(name)));
            rest = rest.sliced(1);
            QByteArray value;
            bool closed = false;
            while (!rest.isEmpty()) {
                const char c = rest[0];
                rest = rest.sliced(1);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (rest.isEmpty())
                        break;
                    const char e = rest[0];
                    rest = rest.sliced(1);
                    if (e == '\\' || e == '"')
                        value += e;
                    else if (e == 'n')
                        value += '\n';
                    else
                        return error(
                            QStringLiteral("invalid escape \\%1 in label %2").arg(QString(QLatin1Char(e)), text(name)));
                } else {
                    value += c;
                }
                if (value.size() > m_limits.maxLabelValueBytes)
                    return error(QStringLiteral("value of label %1 longer than %2 bytes")
                                     .arg(text(name))
                                     .arg(m_limits.maxLabelValueBytes));
            }
            if (!closed)
                return error(QStringLiteral("unterminated value of label %1").arg(text(name)));
            for (const auto& l : std::as_const(*labels)) {
                if (l.first == name)
                    return error(QStringLiteral("duplicate label %1").arg(text(name)));
            }
            if (labels->size() >= m_limits.maxLabelsPerSample)
                return error(QStringLiteral("more than %1 labels").arg(m_limits.maxLabelsPerSample));
            labels->append({ name.toByteArray(), std::move(value) });
            skipBlanks();
            if (!rest.isEmpty() && rest[0] == ',')
                rest = rest.sliced(1);
            else if (rest.isEmpty() || rest[0] != '}')
                return error(QStringLiteral("expected , or } after label %1").arg(text(name)));
        }
    }

    bool parseSample(QByteArrayView line)
    {
        qsizetype n = 0;
        while (n < line.size() && isNameChar(line[n]))
            ++n;
        const QByteArrayView name = line.first(n);
        if (!validMetricName(name))
            return error(QStringLiteral("invalid metric name \"%1\"")
                             .arg(text(line.first(std::min<qsizetype>(n + 1, line.size())))));
        QByteArrayView rest = line.sliced(n);
        ParsedSample s;
        s.name = name.toByteArray();
        if (!rest.isEmpty() && rest[0] == '{') {
            rest = rest.sliced(1);
            if (!parseLabels(rest, &s.labels))
                return false;
        }
        if (rest.isEmpty() || !isBlank(rest[0]))
            return error(QStringLiteral("expected a blank before the value of %1").arg(text(name)));
        const QByteArrayView value = nextToken(rest);
        if (!parseValue(value, &s.value))
            return error(QStringLiteral("invalid value \"%1\" for %2").arg(text(value), text(name)));
        const QByteArrayView timestamp = nextToken(rest);
        if (!timestamp.isEmpty()) {
            const auto [end, ec]
                = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), s.timestampMs);
            if (ec != std::errc() || end != timestamp.data() + timestamp.size())
                return error(QStringLiteral("invalid timestamp \"%1\" (int64 milliseconds)").arg(text(timestamp)));
            s.hasTimestamp = true;
        }
        if (!nextToken(rest).isEmpty())
            return error(QStringLiteral("trailing text after the sample of %1").arg(text(name)));

        QByteArrayView suffix;
        const QByteArray familyName = familyOf(name, &suffix);
        if (familyName != m_current) {
            if (!closeFamily())
                return false;
            m_current = familyName;
        }
        Family& f = m_families[familyName];
        if (f.closed)
            return error(QStringLiteral("samples of %1 are not grouped together").arg(QString::fromUtf8(familyName)));
        if (f.type.isEmpty()) {
            f.type = "untyped";
            m_result.types.append({ familyName, f.type });
        }
        f.hasSamples = true;
        if (f.type == "histogram" && suffix.isEmpty())
            return error(QStringLiteral("histogram %1 has a sample without _bucket, _sum or _count").arg(text(name)));

        // Series identity: name plus labels sorted by name.
        auto sorted = s.labels;
        std::sort(sorted.begin(), sorted.end());
        QByteArray key = s.name;
        for (const auto& [k, v] : std::as_const(sorted)) {
            key += '\0';
            key += k;
            key += '=';
            key += v;
        }
        if (m_series.contains(key))
            return error(QStringLiteral("duplicate series %1").arg(text(name)));
        m_series.insert(key);

        if (f.type == "histogram" && !trackHistogram(suffix, sorted, s.value))
            return false;
        if (m_result.samples.size() >= m_limits.maxSamples)
            return error(QStringLiteral("more than %1 samples").arg(m_limits.maxSamples));
        m_result.samples.append(std::move(s));
        return true;
    }

    bool trackHistogram(
        QByteArrayView suffix, const QList<std::pair<QByteArray, QByteArray>>& sortedLabels, double value)
    {
        QByteArray group;
        double le = 0;
        bool hasLe = false;
        for (const auto& [k, v] : sortedLabels) {
            if (k == "le") {
                hasLe = true;
                if (!parseValue(v, &le) || std::isnan(le))
                    return error(QStringLiteral("invalid le \"%1\"").arg(text(v)));
                continue;
            }
            group += k + '=' + v + '\0';
        }
        HistogramSeries& h = m_histograms[group];
        if (suffix == "_bucket") {
            if (!hasLe)
                return error(QStringLiteral("bucket without le"));
            h.buckets.append({ le, value });
        } else if (suffix == "_count") {
            h.count = value;
        }
        return true;
    }

    QByteArrayView m_text;
    const ParseLimits& m_limits;
    ParseResult m_result;
    int m_line = 0;
    QString m_error;
    QHash<QByteArray, Family> m_families;
    QByteArray m_current;
    QSet<QByteArray> m_series;
    QHash<QByteArray, HistogramSeries> m_histograms;
};

} // namespace

ParseResult parse(QByteArrayView text, const ParseLimits& limits)
{
    return Parser(text, limits).run();
}

} // namespace Meridian::Protocol::Prometheus
