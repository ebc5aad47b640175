// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Decoding /api/v1/query answers of result type "vector" and /api/v1/query_range answers of result type "matrix"
// (Prometheus 2.x and the fronts that speak its API). Pure functions: the HTTP status and body in, series or a
// precise failure out; no network, no state.
//
// The body is read with a SAX parser (RapidJSON, iterative: no recursion a hostile nesting could exhaust): no
// document tree is built, and of each series only the labels the caller names are kept, their values interned
// (a fleet repeats the same region, pool and model names 200,000 times). An answer of 200,000 series (≈ 50 MB)
// thus holds the body plus its values, not three times the body as a DOM would.
//
// Hostile answers are rejected whole with the reason: a body over Limits::maxBodyBytes (not parsed), JSON that
// is malformed or not UTF-8, nesting deeper than Limits::maxDepth, more series than Limits::maxSeries, a label
// value or warning longer than Limits::maxStringLength, a sample that is not [number, "string"], a matrix with
// more than Limits::maxPoints samples in all or whose sample times do not ascend within a series. Values are
// Prometheus' strings: "NaN", "+Inf" and "-Inf" are decoded as such (the caller decides what is missing).
// Prometheus' own errors ({"status":"error","errorType","error"}, with HTTP 400, 422, 503 …) come back as
// Failure::PrometheusError with both fields; "warnings" of a partial answer are passed on with the values.

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Meridian::Prometheus {

struct Limits
{
    // One answer. 256 MiB holds ~1,000,000 accelerator series; the HTTP client caps the body at the same size.
    qsizetype maxBodyBytes = qsizetype(256) * 1024 * 1024;
    qsizetype maxSeries = 2000000;
    qsizetype maxStringLength = 16384; ///< UTF-8 bytes of one label value, warning or error text
    qsizetype maxLabelsPerSeries = 512;
    qsizetype maxWarnings = 100; ///< further warnings are counted, not kept
    int maxDepth = 32; ///< nesting of unknown values that are skipped
    // Samples of one matrix answer, all series together (a range query's points; 16 bytes each once decoded).
    qsizetype maxPoints = 20000000;
};

enum class Failure : quint8 {
    None,
    TooLarge, ///< the body exceeds Limits::maxBodyBytes: not parsed
    Malformed, ///< not JSON, or a field of the wrong type or out of range (the error names it)
    PrometheusError, ///< {"status":"error"}: errorType and error say why (bad_data, execution, timeout …)
    Unauthorized, ///< HTTP 401/403 (a proxy or the web config refused the credentials)
    HttpError, ///< another non-2xx answer without a Prometheus error body
    WrongType, ///< a valid answer of another result type (matrix for a vector, vector for a matrix, scalar …)
};

// One series: the wanted labels' values (aligned with Vector::labelNames; empty when absent) and its sample.
struct Series
{
    QList<QString> labels;
    double value = 0; ///< may be NaN or ±Inf, as Prometheus said
    qint64 timestampMs = 0;
};

struct Vector
{
    QStringList labelNames; ///< as asked for
    QList<Series> series;
};

struct VectorAnswer
{
    Vector vector;
    int httpStatus = 0;
    Failure failure = Failure::None;
    QString errorType; ///< Prometheus' errorType ("bad_data", "execution", "timeout", "unavailable" …)
    QString error; ///< translated for the console, with Prometheus' own text quoted
    QStringList warnings; ///< a partial answer's warnings (and how many more were dropped)
    bool ok() const { return failure == Failure::None; }
};

// One series of a range query: the wanted labels' values and its samples, times ascending.
struct MatrixSeries
{
    QList<QString> labels;
    QList<qint64> timesMs;
    QList<double> values; ///< aligned with timesMs; may be NaN or ±Inf, as Prometheus said
};

struct Matrix
{
    QStringList labelNames; ///< as asked for
    QList<MatrixSeries> series;
};

struct MatrixAnswer
{
    Matrix matrix;
    int httpStatus = 0;
    Failure failure = Failure::None;
    QString errorType;
    QString error;
    QStringList warnings;
    bool ok() const { return failure == Failure::None; }
};

class VectorDecoder
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Prometheus::VectorDecoder)
public:
    // `wantedLabels` are the label names kept per series ("__name__" included if wanted).
    static VectorAnswer decode(
        int httpStatus, const QByteArray& body, const QStringList& wantedLabels, const Limits& limits = {});
    // The same for a range query's answer ("resultType": "matrix", "values": [[ts, "v"], …] per series).
    static MatrixAnswer decodeMatrix(
        int httpStatus, const QByteArray& body, const QStringList& wantedLabels, const Limits& limits = {});
};

// The matrix's samples at one time as a vector (series without a sample there left out). `next` holds, per
// series, the index of its first sample not yet taken: calls with ascending times walk each series once.
Vector sliceAt(const Matrix& matrix, qint64 timeMs, QList<qsizetype>* next);

// A sample value as Prometheus writes it ("2.7", "1e+06", "NaN", "+Inf", "-Inf"); false if it is none.
bool parseSampleValue(const char* text, qsizetype length, double* out);

} // namespace Meridian::Prometheus
