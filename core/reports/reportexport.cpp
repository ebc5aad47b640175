// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/reportexport.h"

#include "core/reports/reportsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <xlsxwriter.h>

namespace Meridian::Reports {

namespace {

QString csvField(QString field)
{
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) || field.contains(QLatin1Char('\n'))
        || field.contains(QLatin1Char('\r'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

QString safeText(const QString& s)
{
    static const QString formulaStarts = QStringLiteral("=+-@");
    return !s.isEmpty() && formulaStarts.contains(s.front()) ? QLatin1Char('\'') + s : s;
}

ReportTable figuresTable(const ReportData& data)
{
    ReportTable t;
    t.id = QStringLiteral("figures");
    t.title = QT_TRANSLATE_NOOP("Meridian::Reports", "Key figures");
    t.columns
        = { { QT_TRANSLATE_NOOP("Meridian::Reports", "Key") }, { QT_TRANSLATE_NOOP("Meridian::Reports", "Figure") },
              { QT_TRANSLATE_NOOP("Meridian::Reports", "Value"), ValueKind::Number } };
    for (const ReportFigure& f : data.figures)
        t.rows.append({ f.id, QString::fromUtf8(f.label), f.value });
    return t;
}

} // namespace

QList<ReportTable> exportTables(const ReportData& data)
{
    return QList<ReportTable> { parametersTable(data), figuresTable(data) } + data.tables;
}

QByteArray csvDocument(const ReportTable& table, const ReportText& text, bool bom)
{
    QString out;
    QStringList header;
    for (const ReportColumn& c : table.columns)
        header.append(csvField(text.localized(c.title)));
    out += header.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (const QVariantList& row : table.rows) {
        QStringList fields;
        for (qsizetype i = 0; i < table.columns.size(); ++i) {
            const ValueKind kind = table.columns[i].kind;
            const QVariant v = i < row.size() ? row[i] : QVariant();
            const QString s = ReportText::machine(v, kind);
            fields.append(csvField(kind == ValueKind::Text ? safeText(s) : s));
        }
        out += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return (bom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + out.toUtf8();
}

std::optional<QList<QStringList>> parseCsv(const QByteArray& document)
{
    QString s = QString::fromUtf8(document);
    if (s.startsWith(QChar(0xFEFF)))
        s.remove(0, 1);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < s.size() && s[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted)
                return std::nullopt; // a quote inside an unquoted field
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < s.size() && s[i + 1] == QLatin1Char('\n')) {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else {
            field += c;
        }
    }
    if (quoted)
        return std::nullopt;
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

bool writeCsv(const ReportData& data, const ReportText& text, const QString& directory, bool bom, QString* error,
    QStringList* files)
{
    if (!QDir().mkpath(directory)) {
        *error = QCoreApplication::translate("Meridian::Reports", "Cannot create the directory %1").arg(directory);
        return false;
    }
    for (const ReportTable& t : exportTables(data)) {
        const QString path = QDir(directory).filePath(t.id + QStringLiteral(".csv"));
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(csvDocument(t, text, bom)) < 0 || !f.commit()) {
            *error = QCoreApplication::translate("Meridian::Reports", "Cannot write %1: %2").arg(path, f.errorString());
            return false;
        }
        if (files)
            files->append(path);
    }
    return true;
}

bool writeXlsx(const ReportData& data, const ReportText& text, const QString& path, QString* error)
{
    // libxlsxwriter writes the file itself; a temporary name keeps a half-written file from replacing a good one.
    const QString temporary = path + QStringLiteral(".part");
    const QByteArray file = QFile::encodeName(temporary);
    lxw_workbook* book = workbook_new(file.constData());
    if (!book) {
        *error = QCoreApplication::translate("Meridian::Reports", "Cannot write %1").arg(path);
        return false;
    }
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (const ReportTable& t : exportTables(data)) {
        const QByteArray name = t.id.left(31).toUtf8(); // Excel's limit on sheet names
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.constData());
        if (!sheet)
            continue;
        for (qsizetype c = 0; c < t.columns.size(); ++c) {
            worksheet_write_string(
                sheet, 0, lxw_col_t(c), text.localized(t.columns[c].title).toUtf8().constData(), bold);
            worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), 16, nullptr);
        }
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            const lxw_row_t row = lxw_row_t(r + 1);
            for (qsizetype c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c) {
                const QVariant& v = t.rows[r][c];
                const ValueKind kind = t.columns[c].kind;
                if (ReportText::isMissing(v))
                    continue; // missing stays an empty cell, never 0
                const bool numeric = kind != ValueKind::Text && kind != ValueKind::Timestamp
                    && (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong
                        || v.typeId() == QMetaType::Int);
                if (numeric)
                    worksheet_write_number(sheet, row, lxw_col_t(c), v.toDouble(), nullptr);
                else
                    worksheet_write_string(
                        sheet, row, lxw_col_t(c), ReportText::machine(v, kind).toUtf8().constData(), nullptr);
            }
        }
    }
    const lxw_error rc = workbook_close(book);
    if (rc != LXW_NO_ERROR || !(QFile::remove(path) || !QFile::exists(path)) || !QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        *error = QCoreApplication::translate("Meridian::Reports", "Cannot write %1: %2")
                     .arg(path, QString::fromUtf8(lxw_strerror(rc)));
        return false;
    }
    return true;
}

} // namespace Meridian::Reports
