// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Decoding /api/v1/query answers of result type "vector" (Prometheus 2.x and the fronts that speak its API).
// A pure function: the HTTP status and body in, series or a precise failure out; no network, no state.
//
// The body is read with a SAX parser (RapidJSON, iterative: no recursion a hostile nesting could exhaust): no
// document tree is built, and of each series only the labels the caller names are kept, their values interned
// (a fleet repeats the same region, pool and model names 200,000 times). An answer of 200,000 series (≈ 50 MB)
// thus holds the body plus its values, not three times the body as a DOM would.
//
// Hostile answers are rejected whole with the reason: a body over Limits::maxBodyBytes (not parsed), JSON that
// is malformed or not UTF-8, nesting deeper than Limits::maxDepth, more series than Limits::maxSeries, a label
// value or warning longer than Limits::maxStringLength, a sample that is not [number, "string"]. Values are
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
};

enum class Failure : quint8 {
    None,
    TooLarge, ///< the body exceeds Limits::maxBodyBytes: not parsed
    Malformed, ///< not JSON, or a field of the wrong type or out of range (the error names it)
    PrometheusError, ///< {"status":"error"}: errorType and error say why (bad_data, execution, timeout …)
    Unauthorized, ///< HTTP 401/403 (a proxy or the web config refused the credentials)
    HttpError, ///< another non-2xx answer without a Prometheus error body
    WrongType, ///< a valid answer of another result type (matrix, scalar, string)
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

class VectorDecoder
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Prometheus::VectorDecoder)
public:
    // `wantedLabels` are the label names kept per series ("__name__" included if wanted).
    static VectorAnswer decode(
        int httpStatus, const QByteArray& body, const QStringList& wantedLabels, const Limits& limits = {});
};

// A sample value as Prometheus writes it ("2.7", "1e+06", "NaN", "+Inf", "-Inf"); false if it is none.
bool parseSampleValue(const char* text, qsizetype length, double* out);

} // namespace Meridian::Prometheus
