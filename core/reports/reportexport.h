// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The spreadsheet formats: CSV (one RFC 4180 file per table, UTF-8, optional
// BOM for Excel) and XLSX (libxlsxwriter, one sheet per table). Both start with
// the "report" table (parameters, data range, gaps, version, generation time)
// and the key figures, so every file says what it was computed from.

#include "core/reports/reporttext.h"
#include "core/reports/reporttypes.h"

#include <QStringList>

namespace Meridian::Reports {

// report, figures, then the report's own tables (gaps among them).
QList<ReportTable> exportTables(const ReportData& data);

// One RFC 4180 document: CRLF line ends, fields quoted when they hold a comma,
// quote, CR or LF. Text cells starting with = + - @ get a leading ' so a
// spreadsheet never runs a formula coming from a node name.
QByteArray csvDocument(const ReportTable& table, const ReportText& text, bool bom);
// Splits an RFC 4180 document back into rows of fields (tests, round trips). nullopt: malformed.
std::optional<QList<QStringList>> parseCsv(const QByteArray& document);

// Writes DIRECTORY/<table id>.csv for every table (creating the directory).
bool writeCsv(const ReportData& data, const ReportText& text, const QString& directory, bool bom, QString* error,
    QStringList* files = nullptr);
bool writeXlsx(const ReportData& data, const ReportText& text, const QString& path, QString* error);

} // namespace Meridian::Reports
