// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/prometheus/promvector.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <string>
#include <string_view>

namespace Meridian::Prometheus {
namespace {

using SizeType = rapidjson::SizeType;

// Where the parser is in {"status","data":{"resultType","result":[{"metric":{…},"value":[ts,"v"]}]},"warnings"}
// (a vector) or {…"result":[{"metric":{…},"values":[[ts,"v"],…]}]…} (a matrix).
enum class Where : quint8 {
    Start, ///< before the root object
    Root, ///< a key of the root object
    Status,
    ErrorType,
    ErrorText,
    Warnings, ///< in the warnings array
    Data, ///< a key of data
    ResultType,
    Result, ///< in the result array: a series starts or the array ends
    Series, ///< a key of a series
    Metric, ///< a key of metric
    LabelValue,
    Values, ///< in a matrix series' [[ts, "v"], …]
    Value, ///< in a sample [ts, "v"]
    Done, ///< after the root object
};

class Handler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Handler>
{
public:
    // `matrix`: a range query's answer is expected ("values" per series), else an instant query's ("value").
    Handler(const QStringList& wanted, const Limits& limits, bool matrix, QString* errorType, QStringList* warnings)
        : m_limits(limits)
        , m_matrix(matrix)
        , m_errorType(errorType)
        , m_warnings(warnings)
    {
        for (qsizetype i = 0; i < wanted.size(); ++i)
            m_wanted.insert(wanted[i].toUtf8(), int(i));
        m_valueCache.resize(wanted.size());
    }

    QString failure; ///< why the handler stopped the parse; empty: the parser's own error
    QByteArray status, resultType;
    bool sawOtherShape = false; ///< a series shaped like the other result type (or a native histogram)
    qint64 droppedWarnings = 0;
    QList<Series> vectorSeries;
    QList<MatrixSeries> matrixSeries;

    bool StartObject()
    {
        if (m_skip > 0 || skipping())
            return enterSkip();
        switch (m_where) {
        case Where::Start:
            m_where = Where::Root;
            return true;
        case Where::Data:
            if (m_key != Field::Data)
                return expected("an object");
            m_key = Field::None;
            return true;
        case Where::Result:
            if (vectorSeries.size() + matrixSeries.size() >= m_limits.maxSeries)
                return fail(VectorDecoder::tr("more than %1 series").arg(m_limits.maxSeries));
            m_series = Series();
            m_matrixSeries = MatrixSeries();
            labels().resize(m_wanted.size());
            m_hasValue = false;
            m_hasHistograms = false;
            m_labelCount = 0;
            m_where = Where::Series;
            return true;
        case Where::Metric:
            return m_key == Field::Metric ? (m_key = Field::None, true) : expected("an object");
        default:
            return expected("an object");
        }
    }

    bool Key(const char* text, SizeType length, bool)
    {
        if (m_skip > 0)
            return true;
        const std::string_view k(text, length);
        switch (m_where) {
        case Where::Root:
            m_key = k == "status"  ? Field::Status
                : k == "data"      ? Field::Data
                : k == "errorType" ? Field::ErrorType
                : k == "error"     ? Field::Error
                : k == "warnings"  ? Field::Warnings
                                   : Field::Other;
            if (m_key == Field::Data)
                m_where = Where::Data; // the object itself opens in StartObject()
            return true;
        case Where::Data:
            m_key = k == "resultType" ? Field::ResultType : k == "result" ? Field::Result : Field::Other;
            return true;
        case Where::Series:
            m_key = k == "metric"           ? Field::Metric
                : !m_matrix && k == "value" ? Field::Value
                : m_matrix && k == "values" ? Field::Values
                                            : Field::Other;
            if (k == (m_matrix ? "value" : "values") || k == "histogram")
                sawOtherShape = true;
            if (k == "histograms") {
                if (!m_matrix)
                    sawOtherShape = true;
                m_hasHistograms = true; // native histogram samples: not values this console reads
            }
            if (m_key == Field::Metric)
                m_where = Where::Metric;
            return true;
        case Where::Metric: {
            if (++m_labelCount > m_limits.maxLabelsPerSeries)
                return fail(VectorDecoder::tr("a series has more than %1 labels").arg(m_limits.maxLabelsPerSeries));
            m_label = wantedIndex(m_labelCount - 1, text, length);
            m_where = Where::LabelValue;
            return true;
        }
        default:
            return fail(VectorDecoder::tr("unexpected key"));
        }
    }

    bool EndObject(SizeType)
    {
        if (m_skip > 0)
            return leaveSkip();
        switch (m_where) {
        case Where::Root:
            m_where = Where::Done;
            return true;
        case Where::Data:
            m_where = Where::Root;
            m_key = Field::None;
            return true;
        case Where::Series:
            m_where = Where::Result;
            if (m_matrix) {
                if (!m_hasValue && m_hasHistograms)
                    return true; // only native histogram samples: nothing to keep
                if (!m_hasValue)
                    return sawOtherShape ? fail(VectorDecoder::tr("a series without \"values\" (not a matrix)"), true)
                                         : fail(VectorDecoder::tr("a series without \"values\""));
                matrixSeries.append(std::move(m_matrixSeries));
                return true;
            }
            if (!m_hasValue)
                return sawOtherShape ? fail(VectorDecoder::tr("a series without \"value\" (not a vector)"), true)
                                     : fail(VectorDecoder::tr("a series without \"value\""));
            vectorSeries.append(std::move(m_series));
            return true;
        case Where::Metric:
            m_where = Where::Series;
            m_key = Field::None;
            return true;
        default:
            return expected("a value");
        }
    }

    bool StartArray()
    {
        if (m_skip > 0 || skipping())
            return enterSkip();
        if (m_where == Where::Root && m_key == Field::Warnings) {
            m_where = Where::Warnings;
            return true;
        }
        if (m_where == Where::Data && m_key == Field::Result) {
            m_where = Where::Result;
            return true;
        }
        if (m_where == Where::Series && (m_key == Field::Value || m_key == Field::Values)) {
            if (m_hasValue)
                return fail(VectorDecoder::tr("a series with two values"));
            m_where = m_key == Field::Value ? Where::Value : Where::Values;
            m_valuePos = 0;
            return true;
        }
        if (m_where == Where::Values) {
            if (++m_points > m_limits.maxPoints)
                return fail(VectorDecoder::tr("more than %1 samples").arg(m_limits.maxPoints));
            m_where = Where::Value;
            m_valuePos = 0;
            return true;
        }
        return expected("an array");
    }

    bool EndArray(SizeType)
    {
        if (m_skip > 0)
            return leaveSkip();
        switch (m_where) {
        case Where::Warnings:
            m_where = Where::Root;
            m_key = Field::None;
            return true;
        case Where::Result:
            m_where = Where::Data;
            m_key = Field::None;
            return true;
        case Where::Values:
            m_hasValue = true;
            m_where = Where::Series;
            m_key = Field::None;
            return true;
        case Where::Value:
            if (m_valuePos != 2)
                return fail(VectorDecoder::tr("a sample is not [time, \"value\"]"));
            if (m_matrix) {
                // The caller walks series by time: a hostile order is refused, not sorted.
                if (!m_matrixSeries.timesMs.isEmpty() && m_pointMs <= m_matrixSeries.timesMs.constLast())
                    return fail(VectorDecoder::tr("sample times do not ascend within a series"));
                m_matrixSeries.timesMs.append(m_pointMs);
                m_matrixSeries.values.append(m_pointValue);
                m_where = Where::Values;
                return true;
            }
            m_series.timestampMs = m_pointMs;
            m_series.value = m_pointValue;
            m_hasValue = true;
            m_where = Where::Series;
            m_key = Field::None;
            return true;
        default:
            return expected("a value");
        }
    }

    bool String(const char* text, SizeType length, bool)
    {
        if (m_skip > 0)
            return true;
        if (skipping()) {
            m_key = Field::None;
            return true;
        }
        if (qsizetype(length) > m_limits.maxStringLength)
            return fail(VectorDecoder::tr("a string longer than %1 bytes").arg(m_limits.maxStringLength));
        switch (m_where) {
        case Where::Root:
            if (m_key == Field::Status)
                status = QByteArray(text, length);
            else if (m_key == Field::ErrorType)
                *m_errorType = QString::fromUtf8(text, length);
            else if (m_key == Field::Error)
                m_errorText = QString::fromUtf8(text, length);
            else
                return expected("a string");
            m_key = Field::None;
            return true;
        case Where::Data:
            if (m_key != Field::ResultType)
                return expected("a string");
            resultType = QByteArray(text, length);
            m_key = Field::None;
            return true;
        case Where::Warnings:
            if (m_warnings->size() < m_limits.maxWarnings)
                m_warnings->append(QString::fromUtf8(text, length));
            else
                ++droppedWarnings;
            return true;
        case Where::LabelValue:
            if (m_label >= 0)
                labels()[m_label] = intern(m_label, text, length);
            m_where = Where::Metric;
            return true;
        case Where::Value:
            if (m_valuePos != 1)
                return fail(VectorDecoder::tr("a sample is not [time, \"value\"]"));
            if (!parseSampleValue(text, length, &m_pointValue))
                return fail(VectorDecoder::tr("a sample value is not a number: \"%1\"")
                                .arg(QString::fromUtf8(text, std::min<SizeType>(length, 40))));
            ++m_valuePos;
            return true;
        default:
            return expected("a string");
        }
    }

    bool Double(double d) { return number(d); }
    bool Int(int i) { return number(i); }
    bool Uint(unsigned u) { return number(u); }
    bool Int64(int64_t i) { return number(double(i)); }
    bool Uint64(uint64_t u) { return number(double(u)); }
    bool Null() { return scalar("null"); }
    bool Bool(bool) { return scalar("a boolean"); }

    Where where() const { return m_where; }
    QString errorText() const { return m_errorText; }

private:
    enum class Field : quint8 {
        None,
        Other, ///< an unknown key: its value is skipped
        Status,
        Data,
        ErrorType,
        Error,
        Warnings,
        ResultType,
        Result,
        Metric,
        Value,
        Values
    };

    QList<QString>& labels() { return m_matrix ? m_matrixSeries.labels : m_series.labels; }

    // An unknown key's value is skipped whatever it is; known keys must have the expected type.
    bool skipping() const { return m_key == Field::Other; }
    bool enterSkip()
    {
        if (++m_skip > m_limits.maxDepth)
            return fail(VectorDecoder::tr("nested deeper than %1 levels").arg(m_limits.maxDepth));
        return true;
    }
    bool leaveSkip()
    {
        if (--m_skip == 0)
            m_key = Field::None;
        return true;
    }
    bool scalar(const char* what)
    {
        if (m_skip > 0)
            return true;
        if (skipping()) {
            m_key = Field::None;
            return true;
        }
        return fail(VectorDecoder::tr("unexpected %1").arg(QLatin1StringView(what)));
    }
    bool number(double d)
    {
        if (m_skip > 0)
            return true;
        if (skipping()) {
            m_key = Field::None;
            return true;
        }
        if (m_where != Where::Value || m_valuePos != 0)
            return fail(VectorDecoder::tr("unexpected number"));
        // Seconds since the epoch with millisecond decimals; anything before 1970 or after 9999 is hostile.
        if (!std::isfinite(d) || d < 0 || d > 253402300799.0)
            return fail(VectorDecoder::tr("a sample time out of range"));
        m_pointMs = qint64(std::llround(d * 1000.0));
        ++m_valuePos;
        return true;
    }
    bool expected(const char* what)
    {
        return fail(VectorDecoder::tr("%1 where none belongs").arg(QLatin1StringView(what)));
    }
    bool fail(const QString& why, bool wrongType = false)
    {
        if (failure.isEmpty())
            failure = why;
        m_wrongType = wrongType;
        return false;
    }
    // The wanted label a metric key names (-1: not wanted). Prometheus writes every series' labels sorted, and
    // neighbouring series of a query share their label names: the answer for the key at the same position in
    // the previous series is checked first, the hash only when it differs.
    int wantedIndex(qsizetype position, const char* text, SizeType length)
    {
        const std::string_view key(text, length);
        if (position < qsizetype(std::size(m_keyCache))) {
            KeyCache& c = m_keyCache[position];
            if (c.key == key)
                return c.index;
            const auto it = m_wanted.constFind(QByteArray::fromRawData(text, qsizetype(length)));
            c.key.assign(key);
            c.index = it == m_wanted.cend() ? -1 : *it;
            return c.index;
        }
        const auto it = m_wanted.constFind(QByteArray::fromRawData(text, qsizetype(length)));
        return it == m_wanted.cend() ? -1 : *it;
    }
    QString intern(int label, const char* text, SizeType length)
    {
        // Label values repeat across series (a node's chips are neighbours; regions, pools and models repeat
        // throughout): the previous value of the same label first, then one copy of each value.
        const std::string_view raw(text, length);
        ValueCache& last = m_valueCache[label];
        if (last.valid && last.raw == raw)
            return last.value;
        // A label whose values hardly repeat (UUIDs, serials) is not worth a table: after 256 values, one
        // that found fewer than one in four in the table only converts.
        QString value;
        if (last.seen < 256 || last.found * 4 >= last.seen) {
            ++last.seen;
            const QByteArray key = QByteArray::fromRawData(text, qsizetype(length));
            if (auto it = m_interned.constFind(key); it != m_interned.cend()) {
                ++last.found;
                value = *it;
            } else {
                value = QString::fromUtf8(text, qsizetype(length));
                if (m_interned.size() < 1000000)
                    m_interned.insert(QByteArray(text, qsizetype(length)), value);
            }
        } else {
            value = QString::fromUtf8(text, qsizetype(length));
        }
        last.valid = true;
        last.raw.assign(raw);
        last.value = value;
        return value;
    }

public:
    bool wrongType() const { return m_wrongType; }

private:
    const Limits& m_limits;
    bool m_matrix;
    QString* m_errorType;
    QStringList* m_warnings;
    QHash<QByteArray, int> m_wanted;
    QHash<QByteArray, QString> m_interned;
    struct KeyCache
    {
        std::string key;
        int index = -1;
    };
    KeyCache m_keyCache[64];
    struct ValueCache
    {
        bool valid = false;
        qint64 seen = 0; ///< values looked up in the table
        qint64 found = 0; ///< … and found there
        std::string raw;
        QString value;
    };
    QList<ValueCache> m_valueCache;
    Where m_where = Where::Start;
    Field m_key = Field::None;
    int m_skip = 0;
    Series m_series;
    MatrixSeries m_matrixSeries;
    qint64 m_pointMs = 0;
    double m_pointValue = 0;
    qsizetype m_points = 0;
    bool m_hasValue = false;
    bool m_hasHistograms = false;
    int m_valuePos = 0;
    int m_label = -1;
    qsizetype m_labelCount = 0;
    QString m_errorText;
    bool m_wrongType = false;
};

QString quoted(const QString& text)
{
    return text.left(300);
}

} // namespace

bool parseSampleValue(const char* text, qsizetype length, double* out)
{
    const std::string_view v(text, size_t(length));
    if (v == "NaN") {
        *out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (v == "+Inf" || v == "Inf") {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (v == "-Inf") {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    // Decimal notation only: from_chars would also take "nan", "inf" and "infinity" in any case.
    const bool decimal = std::all_of(v.cbegin(), v.cend(),
        [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'; });
    if (!decimal)
        return false;
    const char* begin = v.data();
    const char* end = begin + v.size();
    if (begin != end && *begin == '+')
        ++begin; // Go's strconv writes "+Inf" only, but "1e+06" style exponents are fine for from_chars
    double d = 0;
    const auto [ptr, ec] = std::from_chars(begin, end, d);
    if (ec != std::errc() || ptr != end || begin == end)
        return false;
    *out = d;
    return true;
}

namespace {

// One decode for both result types: `Answer` is VectorAnswer or MatrixAnswer, `take` moves the handler's series
// into it once the answer is found good.
template <class Answer, class Take>
Answer decodeAnswer(int httpStatus, const QByteArray& body, const QStringList& wantedLabels, const Limits& limits,
    bool matrix, Take take)
{
    Answer answer;
    answer.httpStatus = httpStatus;
    if (body.size() > limits.maxBodyBytes) {
        answer.failure = Failure::TooLarge;
        answer.error = VectorDecoder::tr("the answer is larger than %1 bytes").arg(limits.maxBodyBytes);
        return answer;
    }
    const bool success = httpStatus >= 200 && httpStatus < 300;
    Handler handler(wantedLabels, limits, matrix, &answer.errorType, &answer.warnings);
    rapidjson::MemoryStream stream(body.constData(), size_t(body.size()));
    rapidjson::Reader reader;
    constexpr unsigned Flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
    const rapidjson::ParseResult parsed = reader.Parse<Flags>(stream, handler);

    if (handler.droppedWarnings > 0)
        answer.warnings.append(VectorDecoder::tr("(%n more warning(s) not shown)", "",
            int(std::min<qint64>(handler.droppedWarnings, std::numeric_limits<int>::max()))));
    const bool errorBody = handler.status == "error";
    if (!success && (httpStatus == 401 || httpStatus == 403)) {
        answer.failure = Failure::Unauthorized;
        answer.error = errorBody && !handler.errorText().isEmpty()
            ? VectorDecoder::tr("HTTP %1: %2").arg(httpStatus).arg(quoted(handler.errorText()))
            : VectorDecoder::tr("HTTP %1: the credentials were refused").arg(httpStatus);
        return answer;
    }
    if (errorBody && (parsed || !success)) {
        // Prometheus' own error, whatever the status (400 bad_data, 422 execution, 503 timeout …).
        answer.failure = Failure::PrometheusError;
        answer.error = answer.errorType.isEmpty()
            ? VectorDecoder::tr("Prometheus: %1").arg(quoted(handler.errorText()))
            : VectorDecoder::tr("Prometheus %1: %2").arg(quoted(answer.errorType), quoted(handler.errorText()));
        return answer;
    }
    if (!success) {
        answer.failure = Failure::HttpError;
        answer.error = VectorDecoder::tr("HTTP %1").arg(httpStatus);
        return answer;
    }
    if (!parsed) {
        answer.failure = handler.wrongType() ? Failure::WrongType : Failure::Malformed;
        answer.error = handler.failure.isEmpty()
            ? VectorDecoder::tr("not valid JSON at offset %1: %2")
                  .arg(parsed.Offset())
                  .arg(QString::fromLatin1(rapidjson::GetParseError_En(parsed.Code())))
            : VectorDecoder::tr("malformed answer at offset %1: %2").arg(parsed.Offset()).arg(handler.failure);
        return answer;
    }
    if (handler.status != "success") {
        answer.failure = Failure::Malformed;
        answer.error = VectorDecoder::tr("the answer has no \"status\": \"success\"");
        return answer;
    }
    const QByteArray expectedType = matrix ? QByteArrayLiteral("matrix") : QByteArrayLiteral("vector");
    if (handler.resultType != expectedType) {
        answer.failure = handler.resultType.isEmpty() ? Failure::Malformed : Failure::WrongType;
        answer.error = handler.resultType.isEmpty() ? VectorDecoder::tr("the answer has no \"resultType\"")
            : matrix
            ? VectorDecoder::tr("expected a matrix, got \"%1\"").arg(QString::fromUtf8(handler.resultType.left(40)))
            : VectorDecoder::tr("expected a vector, got \"%1\"").arg(QString::fromUtf8(handler.resultType.left(40)));
        return answer;
    }
    take(&answer, &handler);
    return answer;
}

} // namespace

VectorAnswer VectorDecoder::decode(
    int httpStatus, const QByteArray& body, const QStringList& wantedLabels, const Limits& limits)
{
    return decodeAnswer<VectorAnswer>(
        httpStatus, body, wantedLabels, limits, false, [&wantedLabels](VectorAnswer* a, Handler* h) {
            a->vector.labelNames = wantedLabels;
            a->vector.series = std::move(h->vectorSeries);
        });
}

MatrixAnswer VectorDecoder::decodeMatrix(
    int httpStatus, const QByteArray& body, const QStringList& wantedLabels, const Limits& limits)
{
    return decodeAnswer<MatrixAnswer>(
        httpStatus, body, wantedLabels, limits, true, [&wantedLabels](MatrixAnswer* a, Handler* h) {
            a->matrix.labelNames = wantedLabels;
            a->matrix.series = std::move(h->matrixSeries);
        });
}

Vector sliceAt(const Matrix& matrix, qint64 timeMs, QList<qsizetype>* next)
{
    Vector v;
    v.labelNames = matrix.labelNames;
    next->resize(matrix.series.size(), 0);
    for (qsizetype i = 0; i < matrix.series.size(); ++i) {
        const MatrixSeries& s = matrix.series[i];
        qsizetype& k = (*next)[i];
        while (k < s.timesMs.size() && s.timesMs[k] < timeMs)
            ++k; // a sample between the asked times (another step's grid): not this one
        if (k < s.timesMs.size() && s.timesMs[k] == timeMs)
            v.series.append(Series { s.labels, s.values[k++], timeMs });
    }
    return v;
}

} // namespace Meridian::Prometheus
