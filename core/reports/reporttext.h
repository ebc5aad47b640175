// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

#include <QLocale>

#include <memory>

class QTranslator;

namespace Meridian::Reports {

// A report's own language, independent of the console's: its catalogue is
// loaded into a private QTranslator (never installed), so a zh_CN report can be
// written from an English console and the other way round.
class ReportText
{
public:
    explicit ReportText(const QString& language);
    ~ReportText();

    QString language() const { return m_language; }
    QLocale locale() const { return m_locale; }
    QString localized(const char* source) const; ///< context "Meridian::Reports"; the source when untranslated

    // For people (PDF, preview): locale digits, one decimal, "—" for missing, UTC times.
    QString display(const QVariant& value, ValueKind kind) const;
    QString timestamp(qint64 ms) const; ///< "2026-11-28 00:13 UTC"
    QString range(qint64 fromMs, qint64 toMs) const;
    QString scope(const ReportScope& scope) const;
    // "Data covered": where the range has data, or that it has none.
    QString dataCovered(const ReportData& data) const;
    // When less than half of the range has data, a note saying so: the range is mostly a gap and its
    // figures describe the minutes with data only. Empty otherwise.
    QString coverageNote(const ReportData& data) const;
    // The share of the range with data (0…1), from its gaps; NaN for an empty range.
    static double coveredShare(const ReportData& data);

    // For machines (CSV, XLSX strings): ISO 8601 UTC, '.' decimals at full precision, empty for missing.
    static QString machine(const QVariant& value, ValueKind kind);
    static bool isMissing(const QVariant& value);

private:
    QString m_language;
    QLocale m_locale;
    std::unique_ptr<QTranslator> m_translator;
};

} // namespace Meridian::Reports
