// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportpreview.h"

#include "core/reports/reporttext.h"

namespace Meridian::Reports {

QString previewHtml(const ReportData& data, const ReportText& text, int rowsPerTable)
{
    auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<h2>") + esc(text.localized(data.title)) + QStringLiteral("</h2><p>");
    html += esc(text.scope(data.parameters.scope)) + QStringLiteral("<br>")
        + esc(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Range"))) + QStringLiteral(": ")
        + esc(text.range(data.parameters.fromMs, data.parameters.toMs)) + QStringLiteral("<br>")
        + esc(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Data covered"))) + QStringLiteral(": ")
        + esc(text.dataCovered(data)) + QStringLiteral("<br>")
        + esc(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Gaps in the data"))) + QStringLiteral(": ")
        + QString::number(data.gaps.size()) + QStringLiteral("</p>");
    if (const QString note = text.coverageNote(data); !note.isEmpty())
        html += QStringLiteral("<p><b>") + esc(note) + QStringLiteral("</b></p>");
    if (!data.figures.isEmpty()) {
        html += QStringLiteral("<table cellpadding='4' border='0'>");
        for (const ReportFigure& f : data.figures) {
            html += QStringLiteral("<tr><td>") + esc(text.localized(f.label))
                + QStringLiteral("</td><td align='right'><b>") + esc(text.display(f.value, f.kind))
                + QStringLiteral("</b></td></tr>");
        }
        html += QStringLiteral("</table>");
    }
    for (const ReportTable& t : data.tables) {
        html += QStringLiteral("<h3>") + esc(text.localized(t.title)) + QStringLiteral("</h3>");
        html += QStringLiteral(
            "<table cellpadding='3' cellspacing='0' border='1' style='border-collapse:collapse'><tr>");
        for (const ReportColumn& c : t.columns)
            html += QStringLiteral("<th>") + esc(text.localized(c.title)) + QStringLiteral("</th>");
        html += QStringLiteral("</tr>");
        for (qsizetype r = 0; r < std::min<qsizetype>(t.rows.size(), rowsPerTable); ++r) {
            html += QStringLiteral("<tr>");
            for (qsizetype c = 0; c < t.columns.size(); ++c) {
                const QVariant v = c < t.rows[r].size() ? t.rows[r][c] : QVariant();
                const bool right = t.columns[c].kind != ValueKind::Text && t.columns[c].kind != ValueKind::Timestamp;
                html += (right ? QStringLiteral("<td align='right'>") : QStringLiteral("<td>"))
                    + esc(text.display(v, t.columns[c].kind)) + QStringLiteral("</td>");
            }
            html += QStringLiteral("</tr>");
        }
        html += QStringLiteral("</table>");
        if (t.rows.size() > rowsPerTable)
            html += QStringLiteral("<p><i>")
                + esc(text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "… %1 more rows in the file")))
                      .arg(t.rows.size() - rowsPerTable)
                + QStringLiteral("</i></p>");
    }
    return html;
}

} // namespace Meridian::Reports
