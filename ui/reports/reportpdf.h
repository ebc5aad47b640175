// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttypes.h"

namespace Meridian::Reports {

class ReportText;

// Writes the report as an A4 PDF: title page (scope, range, data covered,
// gaps, key figures), the charts as vectors from the console's chart classes,
// the tables (header repeated on every page), and on every page a footer with
// the generation time, the data range and "page n of N". Latin text is set in
// DejaVu Sans and Chinese in Noto Sans CJK, both embedded.
// Needs a QApplication (the charts are widgets); offscreen is enough.
bool writePdf(const ReportData& data, const ReportText& text, const QString& path, QString* error);

} // namespace Meridian::Reports
