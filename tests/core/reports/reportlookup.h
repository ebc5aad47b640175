// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Finding a report's figure or table by its id: what every report test reads results with.

#include "core/reports/report.h"

#include <QString>
#include <QVariant>

namespace Meridian::ReportLookup {

// The figure's value, or the text "no such figure" (so that a comparison names what is missing).
inline QVariant figure(const Reports::ReportData& d, const QString& id)
{
    for (const Reports::ReportFigure& f : d.figures) {
        if (f.id == id)
            return f.value;
    }
    return QStringLiteral("no such figure");
}

inline const Reports::ReportTable* table(const Reports::ReportData& d, const QString& id)
{
    for (const Reports::ReportTable& t : d.tables) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

} // namespace Meridian::ReportLookup
