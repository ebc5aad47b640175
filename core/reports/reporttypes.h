// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A report's data as plain values: computed once on a worker thread from the
// cache, then written as PDF, CSV or XLSX without touching the cache again.
// Titles and column names are untranslated source texts (context
// "Meridian::Reports"): every output translates them into the report's own
// language (ReportText), whatever language the console runs in.

#include "core/model/fleettypes.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <optional>

namespace Meridian::Reports {

enum class ScopeKind { Fleet, Region, Pool };

struct ReportScope
{
    ScopeKind kind = ScopeKind::Fleet;
    QString region; ///< Region and Pool scopes
    QString pool; ///< Pool scope
    // "fleet", "region:NAME", "pool:REGION/POOL" (the command line's --scope).
    QString toString() const;
    static std::optional<ReportScope> parse(const QString& text);
    bool contains(const QString& nodeRegion, const QString& nodePool) const;
    friend bool operator==(const ReportScope&, const ReportScope&) = default;
};

struct ReportParameters
{
    QString type; ///< "capacity", "availability", …
    ReportScope scope;
    qint64 fromMs = 0; ///< agent clock, inclusive
    qint64 toMs = 0; ///< agent clock, exclusive
    // >0: a relative range ("last 7 d"): generate() sets [newest data − span, newest data),
    // so the same cache always gives the same range and the same numbers.
    qint64 relativeSpanMs = 0;
    QString language = QStringLiteral("en"); ///< "en" or "zh_CN"
};

// "24h", "7d", "30d" (relative: sets relativeSpanMs) or "FROM..TO" (ISO 8601 dates or
// date-times, UTC; sets fromMs/toMs). False: not a range.
bool parseRange(const QString& text, ReportParameters* parameters);

// How a value is shown; the stored value stays a number (CSV/XLSX keep full precision).
enum class ValueKind { Text, Integer, Number, Percent, Hours, Minutes, Timestamp };

struct ReportColumn
{
    const char* title; ///< untranslated, context "Meridian::Reports"
    ValueKind kind = ValueKind::Text;
};

// One table; a cell is a QString, qint64 or double. An invalid QVariant or a NaN is
// missing data: shown as "—" (PDF) or an empty cell, never as 0.
struct ReportTable
{
    QString id; ///< file/sheet name: "capacity_by_pool", never translated
    const char* title = nullptr;
    QList<ReportColumn> columns;
    QList<QVariantList> rows;
};

struct ReportFigure
{
    QString id;
    const char* label = nullptr;
    QVariant value;
    ValueKind kind = ValueKind::Integer;
};

// One line of a line chart; y NaN breaks the line (a gap).
struct ReportLine
{
    const char* name = nullptr;
    QList<std::pair<qint64, double>> points;
};

struct ReportChart
{
    enum class Kind { StackedCapacity, Lines };
    QString id;
    const char* title = nullptr;
    Kind kind = Kind::Lines;
    CapacitySeries capacity; ///< StackedCapacity
    QList<ReportLine> lines; ///< Lines
    const char* yLabel = nullptr;
};

// A stretch of the range without data: shown in every format, never interpolated.
struct ReportGap
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    friend bool operator==(const ReportGap&, const ReportGap&) = default;
};

struct ReportData
{
    ReportParameters parameters;
    const char* title = nullptr;
    qint64 coveredFromMs = 0; ///< first minute with data; 0 with coveredToMs: no data at all
    qint64 coveredToMs = 0; ///< end of the last minute with data
    QList<ReportGap> gaps;
    QList<ReportFigure> figures;
    QList<ReportTable> tables;
    QList<ReportChart> charts;
    qint64 generatedAtMs = 0; ///< console clock: when this report was computed
    QString consoleVersion;
    bool isEmpty() const { return coveredToMs <= coveredFromMs; }
};

} // namespace Meridian::Reports

Q_DECLARE_METATYPE(Meridian::Reports::ReportData)
