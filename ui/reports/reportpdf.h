// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

#include <QPicture>

#include <atomic>
#include <functional>

namespace Meridian::Reports {

class ReportText;

// Writes the report as an A4 PDF: title page (scope, range, data covered,
// gaps, key figures), the charts as vectors from the console's chart classes,
// the tables (header repeated on every page), and on every page a footer with
// the generation time, the data range and "page n of N". Latin text is set in
// DejaVu Sans and Chinese in Noto Sans CJK, both embedded.
// Needs a QApplication (the charts are widgets); offscreen is enough.
bool writePdf(const ReportData& data, const ReportText& text, const QString& path, QString* error);

// The charts drawn ahead as vector recordings, in the size the PDF gives them. Must run on
// the GUI thread (the chart classes are widgets); it is the only part of a PDF that does.
QList<QPicture> recordCharts(const ReportData& data, const ReportText& text);

struct PdfOptions
{
    const QList<QPicture>* charts = nullptr; ///< from recordCharts(): no widget is created, any thread may write
    const std::atomic<bool>* cancel = nullptr; ///< checked between rows: nothing is written when set
    std::function<void(int percent)> progress;
};
// false with an empty *error: cancelled.
bool writePdf(
    const ReportData& data, const ReportText& text, const QString& path, QString* error, const PdfOptions& options);

} // namespace Meridian::Reports
