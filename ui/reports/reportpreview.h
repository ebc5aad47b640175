// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/reports/reporttypes.h"

namespace Meridian::Reports {

class ReportText;

// The on-screen preview: parameters, coverage, gaps, key figures and the first
// rows of every table as HTML (escaped: node and job names come from peers).
QString previewHtml(const ReportData& data, const ReportText& text, int rowsPerTable = 20);

} // namespace Meridian::Reports
