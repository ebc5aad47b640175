// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reports/reportpdf.h"

#include "core/reports/reportexport.h"
#include "core/reports/reporttext.h"
#include "ui/charts/customplot.h"
#include "ui/reports/reportlinechart.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontDatabase>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace Meridian::Reports {

namespace {

constexpr double Margin = 42; // points (the writer runs at 72 dpi: one unit is one point)
constexpr double FooterHeight = 22;
constexpr double ChartHeight = 250;
constexpr qsizetype MaxPdfTableRows = 1000; // per table; CSV and XLSX keep every row
const QColor Accent(0x1f, 0x4e, 0x79);
const QColor HeaderFill(0xe6, 0xec, 0xf2);
const QColor StripeFill(0xf6, 0xf8, 0xfa);
const QColor Muted(0x55, 0x5f, 0x6a);

QStringList fontFamilies()
{
    // Latin and digits from a TrueType sans (its glyphs map back to text cleanly in
    // pdftotext and copy/paste), Chinese from Noto Sans CJK; both are embedded.
    QStringList families;
    for (const QString& f :
        { QStringLiteral("DejaVu Sans"), QStringLiteral("Droid Sans Fallback"), QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("Noto Sans SC"), QStringLiteral("Droid Sans Fallback") }) {
        if (QFontDatabase::hasFamily(f))
            families.append(f);
    }
    if (families.isEmpty())
        families.append(QFontDatabase::systemFont(QFontDatabase::GeneralFont).family());
    return families;
}

class Layout
{
public:
    Layout(QPdfWriter* writer, QCPPainter* painter, const ReportData& data, const ReportText& text, int totalPages,
        const PdfOptions& options)
        : m_writer(writer)
        , m_p(painter)
        , m_data(data)
        , m_text(text)
        , m_total(totalPages)
        , m_families(fontFamilies())
        , m_options(options)
    {
        const QRectF page(QPointF(0, 0), writer->pageLayout().paintRect(QPageLayout::Point).size());
        m_body = page.adjusted(Margin, Margin, -Margin, -Margin - FooterHeight);
        m_footerTop = m_body.bottom() + 8;
        m_y = m_body.top();
    }

    int finish()
    {
        footer();
        return m_page;
    }

    QFont font(double size, bool bold = false) const
    {
        QFont f;
        f.setFamilies(m_families);
        f.setPointSizeF(size);
        f.setBold(bold);
        return f;
    }

    void newPage()
    {
        footer();
        m_writer->newPage();
        ++m_page;
        m_y = m_body.top();
    }
    void ensure(double height)
    {
        if (m_y + height > m_body.bottom())
            newPage();
    }

    // Wrapped text; returns its height.
    double paragraph(const QString& s, const QFont& f, const QColor& color = Qt::black, double gap = 4)
    {
        m_p->setFont(f);
        const QRectF box(m_body.left(), m_y, m_body.width(), 10000);
        const QRectF used = m_p->boundingRect(box, Qt::TextWordWrap, s);
        ensure(used.height());
        m_p->setPen(color);
        m_p->drawText(QRectF(m_body.left(), m_y, m_body.width(), used.height()), Qt::TextWordWrap, s);
        m_y += used.height() + gap;
        return used.height();
    }

    // `following`: the height of what must stay on the heading's page (a chart, a table's first rows).
    void heading(const char* title, double following = 30)
    {
        ensure(30 + following); // never a heading alone at the bottom of a page
        m_y += 6;
        paragraph(m_text.localized(title), font(13, true), Accent, 2);
        m_p->setPen(QPen(Accent, 0.8));
        m_p->drawLine(QPointF(m_body.left(), m_y), QPointF(m_body.right(), m_y));
        m_y += 8;
    }

    void titlePage()
    {
        m_p->fillRect(QRectF(m_body.left(), m_y, m_body.width(), 92), Accent);
        m_p->setPen(Qt::white);
        m_p->setFont(font(11));
        m_p->drawText(QRectF(m_body.left() + 16, m_y + 12, m_body.width() - 32, 20), Qt::AlignLeft,
            m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Meridian compute network report")));
        m_p->setFont(font(24, true));
        m_p->drawText(QRectF(m_body.left() + 16, m_y + 36, m_body.width() - 32, 44), Qt::AlignLeft | Qt::AlignVCenter,
            m_text.localized(m_data.title));
        m_y += 110;

        const QString data = m_text.dataCovered(m_data);
        const QList<std::pair<const char*, QString>> facts = {
            { QT_TRANSLATE_NOOP("Meridian::Reports", "Scope"), m_text.scope(m_data.parameters.scope) },
            { QT_TRANSLATE_NOOP("Meridian::Reports", "Range"),
                m_text.range(m_data.parameters.fromMs, m_data.parameters.toMs) },
            { QT_TRANSLATE_NOOP("Meridian::Reports", "Data covered"), data },
            { QT_TRANSLATE_NOOP("Meridian::Reports", "Gaps in the data"),
                m_data.gaps.isEmpty() ? m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "none"))
                                      : QString::number(m_data.gaps.size()) },
            { QT_TRANSLATE_NOOP("Meridian::Reports", "Generated"), m_text.timestamp(m_data.generatedAtMs) },
            { QT_TRANSLATE_NOOP("Meridian::Reports", "Console version"),
                QStringLiteral("Meridian ") + m_data.consoleVersion },
        };
        for (const auto& [label, value] : facts) {
            m_p->setFont(font(10, true));
            m_p->setPen(Muted);
            m_p->drawText(
                QRectF(m_body.left(), m_y, 130, 16), Qt::AlignLeft | Qt::AlignVCenter, m_text.localized(label));
            m_p->setFont(font(10));
            m_p->setPen(Qt::black);
            m_p->drawText(
                QRectF(m_body.left() + 135, m_y, m_body.width() - 135, 16), Qt::AlignLeft | Qt::AlignVCenter, value);
            m_y += 18;
        }
        if (const QString note = m_text.coverageNote(m_data); !note.isEmpty())
            paragraph(note, font(10, true), Qt::black);
        for (qsizetype i = 0; i < std::min<qsizetype>(m_data.gaps.size(), 6); ++i)
            paragraph(
                QStringLiteral("• ") + m_text.range(m_data.gaps[i].fromMs, m_data.gaps[i].toMs), font(9), Muted, 1);
        if (m_data.gaps.size() > 6)
            paragraph(m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "… and %1 more (see the table of gaps)"))
                          .arg(m_data.gaps.size() - 6),
                font(9), Muted, 1);
        if (!m_data.gaps.isEmpty())
            paragraph(m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports",
                          "Figures are computed over the minutes with data only; gaps are not filled in.")),
                font(9), Muted);

        heading(QT_TRANSLATE_NOOP("Meridian::Reports", "Key figures"));
        const int columns = 4;
        const double gap = 8;
        const double w = (m_body.width() - gap * (columns - 1)) / columns;
        const double h = 64;
        for (qsizetype i = 0; i < m_data.figures.size(); ++i) {
            if (i % columns == 0) {
                if (i > 0)
                    m_y += h + gap;
                ensure(h);
            }
            const ReportFigure& f = m_data.figures[i];
            const QRectF box(m_body.left() + double(i % columns) * (w + gap), m_y, w, h);
            m_p->fillRect(box, StripeFill);
            m_p->setPen(QPen(HeaderFill, 1));
            m_p->drawRect(box);
            m_p->setPen(Accent);
            m_p->setFont(font(16, true));
            m_p->drawText(
                box.adjusted(8, 4, -8, -28), Qt::AlignLeft | Qt::AlignVCenter, m_text.display(f.value, f.kind));
            m_p->setPen(Muted);
            m_p->setFont(font(8));
            m_p->drawText(box.adjusted(8, h - 28, -8, -2), Qt::AlignLeft | Qt::TextWordWrap, m_text.localized(f.label));
        }
        if (!m_data.figures.isEmpty())
            m_y += h + gap;
    }

    bool cancelled() const { return m_options.cancel && m_options.cancel->load(std::memory_order_relaxed); }

    void chart(const ReportChart& c, qsizetype index)
    {
        const double h = ChartHeight;
        heading(c.title, h);
        if (m_options.charts) {
            // Recorded on the GUI thread by recordCharts(): replayed here as the same vectors.
            if (index < m_options.charts->size()) {
                // Played back, a QPicture is scaled by its recording dpi over the device's: undo that,
                // so the chart fills the same width as one drawn here directly.
                const QPicture& picture = m_options.charts->at(index);
                const double scale = double(picture.logicalDpiX()) / m_writer->logicalDpiX();
                m_p->save();
                m_p->translate(m_body.left(), m_y);
                m_p->scale(scale, scale);
                m_p->drawPicture(QPointF(0, 0), picture);
                m_p->restore();
            }
        } else {
            const std::unique_ptr<Chart> w = createChartWidget(c, m_text);
            w->resize(int(m_body.width()), int(h));
            paintChart(w.get(), m_p, QRectF(m_body.left(), m_y, m_body.width(), h));
        }
        m_y += h + 10;
    }

    void table(const ReportTable& t)
    {
        const QFont cell = font(8);
        const QFont head = font(8, true);
        const QFontMetricsF fm(cell, m_writer);
        const QFontMetricsF hm(head, m_writer);
        const double rowH = fm.height() + 6;
        heading(t.title, rowH * 4);
        const qsizetype n = t.columns.size();
        if (n == 0)
            return;
        QList<double> widths(n, 0);
        QList<QStringList> texts;
        // A person reads the first rows; a 30-day jobs table over a large
        // fleet has tens of thousands. The CSV and XLSX files keep them all.
        const qsizetype shown = std::min<qsizetype>(t.rows.size(), MaxPdfTableRows);
        for (const QVariantList& row : t.rows.first(shown)) {
            QStringList r;
            for (qsizetype c = 0; c < n; ++c)
                r.append(m_text.display(c < row.size() ? row[c] : QVariant(), t.columns[c].kind));
            texts.append(r);
        }
        // Natural width: the widest cell or the longest word of the header (headers wrap).
        for (qsizetype c = 0; c < n; ++c) {
            // Headers wrap: a number column needs no more than ~5 characters' width for its
            // title (Chinese titles have no spaces to break at, so cap them explicitly).
            const QString title = m_text.localized(t.columns[c].title);
            double longestWord = 0;
            for (const QString& word : title.split(QLatin1Char(' ')))
                longestWord = std::max(longestWord, hm.horizontalAdvance(word));
            const double cap = t.columns[c].kind == ValueKind::Text ? longestWord : std::min(longestWord, 48.0);
            widths[c] = std::max(widths[c], cap + 10);
            for (qsizetype r = 0; r < std::min<qsizetype>(texts.size(), 300); ++r)
                widths[c] = std::max(widths[c], fm.horizontalAdvance(texts[r][c]) + 10);
        }
        double sum = 0, textSum = 0;
        for (qsizetype c = 0; c < n; ++c) {
            sum += widths[c];
            if (t.columns[c].kind == ValueKind::Text)
                textSum += widths[c];
        }
        if (sum <= m_body.width() || textSum <= 0) {
            for (double& w : widths)
                w *= m_body.width() / sum; // spread the spare width
        } else {
            // Too wide: only text columns give way (elided below), numbers stay whole.
            const double scale = std::max(0.2, (m_body.width() - (sum - textSum)) / textSum);
            double total = 0;
            for (qsizetype c = 0; c < n; ++c) {
                if (t.columns[c].kind == ValueKind::Text)
                    widths[c] *= scale;
                total += widths[c];
            }
            for (double& w : widths)
                w *= m_body.width() / total;
        }
        double headerH = rowH;
        for (qsizetype c = 0; c < n; ++c) {
            const QRectF need = hm.boundingRect(
                QRectF(0, 0, widths[c] - 10, 1000), Qt::TextWordWrap, m_text.localized(t.columns[c].title));
            headerH = std::max(headerH, need.height() + 6);
        }
        auto drawRow = [&](const QStringList& cells, bool header, bool stripe) {
            const double rh = header ? headerH : rowH;
            if (header || stripe)
                m_p->fillRect(QRectF(m_body.left(), m_y, m_body.width(), rh), header ? HeaderFill : StripeFill);
            double x = m_body.left();
            m_p->setFont(header ? head : cell);
            m_p->setPen(Qt::black);
            for (qsizetype c = 0; c < n; ++c) {
                const bool right = t.columns[c].kind != ValueKind::Text && t.columns[c].kind != ValueKind::Timestamp;
                const QRectF box(x + 5, m_y, widths[c] - 10, rh);
                const int flags
                    = (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter | (header ? Qt::TextWordWrap : 0);
                m_p->drawText(box, flags, header ? cells[c] : fm.elidedText(cells[c], Qt::ElideRight, box.width()));
                x += widths[c];
            }
            m_y += rh;
        };
        QStringList header;
        for (const ReportColumn& c : t.columns)
            header.append(m_text.localized(c.title));
        ensure(rowH * 3);
        drawRow(header, true, false);
        if (texts.isEmpty()) {
            paragraph(m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "No rows.")), font(9), Muted);
            return;
        }
        for (qsizetype r = 0; r < texts.size(); ++r) {
            if (r % 64 == 0 && cancelled())
                return;
            if (m_y + rowH > m_body.bottom()) {
                newPage();
                drawRow(header, true, false); // the header again on every page
            }
            drawRow(texts[r], false, r % 2 == 1);
        }
        if (shown < t.rows.size())
            paragraph(
                m_text
                    .localized(QT_TRANSLATE_NOOP("Meridian::Reports", "%1 more rows are in the CSV and XLSX exports."))
                    .arg(m_text.locale().toString(t.rows.size() - shown)),
                font(9), Muted);
        m_y += 10;
    }

private:
    void footer()
    {
        m_p->setPen(QPen(HeaderFill, 0.8));
        m_p->drawLine(QPointF(m_body.left(), m_footerTop), QPointF(m_body.right(), m_footerTop));
        m_p->setFont(font(7));
        m_p->setPen(Muted);
        const QString left
            = m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Generated %1 · data %2 · Meridian %3"))
                  .arg(m_text.timestamp(m_data.generatedAtMs),
                      m_data.isEmpty() ? QStringLiteral("—") : m_text.range(m_data.coveredFromMs, m_data.coveredToMs),
                      m_data.consoleVersion);
        const QRectF box(m_body.left(), m_footerTop + 3, m_body.width(), 14);
        m_p->drawText(box, Qt::AlignLeft | Qt::AlignVCenter, left);
        m_p->drawText(box, Qt::AlignRight | Qt::AlignVCenter,
            m_text.localized(QT_TRANSLATE_NOOP("Meridian::Reports", "Page %1 of %2"))
                .arg(m_page)
                .arg(m_total > 0 ? m_total : m_page));
    }

    QPdfWriter* m_writer;
    QCPPainter* m_p;
    const ReportData& m_data;
    const ReportText& m_text;
    int m_total;
    QStringList m_families;
    const PdfOptions& m_options;
    QRectF m_body;
    double m_footerTop = 0;
    double m_y = 0;
    int m_page = 1;
};

// Pages written, or -1 when cancelled. Progress runs from `base` to `base + span`.
int render(QIODevice* device, const ReportData& data, const ReportText& text, int totalPages, const PdfOptions& options,
    int base, int span)
{
    QPdfWriter writer(device);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(text.localized(data.title) + QStringLiteral(" — ") + text.scope(data.parameters.scope));
    writer.setCreator(QStringLiteral("Meridian ") + data.consoleVersion);
    QCPPainter painter(&writer);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    Layout layout(&writer, &painter, data, text, totalPages, options);
    layout.titlePage();
    for (qsizetype i = 0; i < data.charts.size(); ++i)
        layout.chart(data.charts[i], i);
    const qsizetype steps = std::max<qsizetype>(1, data.tables.size());
    for (qsizetype i = 0; i < data.tables.size(); ++i) {
        layout.table(data.tables[i]);
        if (layout.cancelled()) {
            painter.end();
            return -1;
        }
        if (options.progress)
            options.progress(base + int(span * (i + 1) / steps));
    }
    const int pages = layout.finish();
    painter.end();
    return pages;
}

} // namespace

bool writePdf(const ReportData& data, const ReportText& text, const QString& path, QString* error)
{
    return writePdf(data, text, path, error, PdfOptions {});
}

bool writePdf(
    const ReportData& data, const ReportText& text, const QString& path, QString* error, const PdfOptions& options)
{
    // First pass into memory to count the pages ("page n of N"), then the real one.
    QBuffer scratch;
    scratch.open(QIODevice::WriteOnly);
    const int pages = render(&scratch, data, text, 0, options, 0, 50);
    if (pages < 0) {
        error->clear();
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("Meridian::Reports", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (render(&file, data, text, pages, options, 50, 50) < 0) {
        file.cancelWriting(); // nothing replaces an earlier file of that name
        error->clear();
        return false;
    }
    if (!file.commit()) {
        *error = QCoreApplication::translate("Meridian::Reports", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QList<QPicture> recordCharts(const ReportData& data, const ReportText& text)
{
    // The size Layout gives a chart: the A4 body width (72 dpi: points) by ChartHeight.
    const double width = QPageSize(QPageSize::A4).size(QPageSize::Point).width() - 2 * Margin;
    QFont font;
    font.setFamilies(fontFamilies());
    QList<QPicture> out;
    for (const ReportChart& c : data.charts) {
        const std::unique_ptr<Chart> w = createChartWidget(c, text);
        w->resize(int(width), int(ChartHeight));
        QPicture picture;
        QCPPainter painter(&picture);
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        painter.setMode(QCPPainter::pmNonCosmetic);
        painter.setFont(font);
        paintChart(w.get(), &painter, QRectF(0, 0, width, ChartHeight));
        painter.end();
        out.append(picture);
    }
    return out;
}

} // namespace Meridian::Reports
