// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/latencymatrixview.h"

#include "ui/latency/latencylegend.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace Meridian {
namespace {

constexpr int Margin = 4;

} // namespace

LatencyMatrixView::LatencyMatrixView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(false);
    setMinimumSize(200, 160);
    setFocusPolicy(Qt::StrongFocus);
    m_table.fill(qRgb(128, 128, 128), 256);
}

void LatencyMatrixView::setGrid(std::shared_ptr<const HeatmapGrid> grid)
{
    const bool sameSize = m_grid && grid && m_grid->rows() == grid->rows() && m_grid->cols() == grid->cols();
    m_grid = std::move(grid);
    if (!sameSize)
        fitAll();
    invalidate();
}

void LatencyMatrixView::setColorTable(const QList<QRgb>& table)
{
    if (table.size() == 256)
        m_table = table;
    invalidate();
}

void LatencyMatrixView::setBlockStarts(const QList<int>& starts)
{
    m_blockStarts = starts;
    update();
}

int LatencyMatrixView::legendWidth() const
{
    return LatencyLegend::matrixWidth(font()) + 8;
}

void LatencyMatrixView::setEmptyText(const QString& text)
{
    if (text == m_emptyText)
        return;
    m_emptyText = text;
    update();
}

void LatencyMatrixView::setAxisLabels(const QStringList& labels)
{
    if (labels == m_labels)
        return;
    m_labels = labels;
    if (!m_userMoved)
        fitAll();
    invalidate();
}

int LatencyMatrixView::labelMargin() const
{
    if (m_labels.isEmpty())
        return 0;
    const QFontMetrics fm(font());
    int widest = 0;
    for (const QString& l : m_labels)
        widest = std::max(widest, fm.horizontalAdvance(l));
    return std::min(widest + 8, 160);
}

QRect LatencyMatrixView::heatArea() const
{
    const int labels = labelMargin();
    return rect().adjusted(Margin + labels, Margin + labels, -legendWidth() - Margin, -Margin);
}

int LatencyMatrixView::level() const
{
    // The level with at most about one cell per pixel.
    if (!m_grid || m_scale >= 1.0)
        return 0;
    return std::min(m_grid->levelCount() - 1, int(std::floor(std::log2(1.0 / m_scale))));
}

void LatencyMatrixView::fitAll()
{
    const QRect area = heatArea();
    if (!m_grid || m_grid->rows() == 0 || m_grid->cols() == 0 || area.width() <= 0 || area.height() <= 0)
        return;
    m_scale = std::min(double(area.width()) / m_grid->cols(), double(area.height()) / m_grid->rows());
    m_origin = QPointF(0, 0);
    m_userMoved = false;
    invalidate();
}

void LatencyMatrixView::zoomToCells(int firstRow, int rowCount, int firstCol, int colCount)
{
    const QRect area = heatArea();
    if (rowCount <= 0 || colCount <= 0 || area.isEmpty())
        return;
    m_scale = std::min(double(area.width()) / colCount, double(area.height()) / rowCount);
    m_origin = QPointF(firstCol, firstRow);
    m_userMoved = true;
    invalidate();
}

QPoint LatencyMatrixView::cellAt(const QPoint& pos) const
{
    const QRect area = heatArea();
    if (!m_grid || !area.contains(pos))
        return { -1, -1 };
    const int col = int(std::floor(m_origin.x() + (pos.x() - area.left()) / m_scale));
    const int row = int(std::floor(m_origin.y() + (pos.y() - area.top()) / m_scale));
    if (row < 0 || col < 0 || row >= m_grid->rows() || col >= m_grid->cols())
        return { -1, -1 };
    return { col, row };
}

QPoint LatencyMatrixView::cellCenter(int row, int col) const
{
    const QRect area = heatArea();
    return QPoint(area.left() + int((col + 0.5 - m_origin.x()) * m_scale),
        area.top() + int((row + 0.5 - m_origin.y()) * m_scale));
}

void LatencyMatrixView::invalidate()
{
    m_cacheValid = false;
    update();
}

void LatencyMatrixView::renderNow()
{
    const QRect area = heatArea();
    if (m_cache.size() != area.size())
        m_cache = QImage(area.size(), QImage::Format_RGB32);
    renderRows(0, area.height());
    m_cacheValid = true;
}

void LatencyMatrixView::renderRows(int y0, int y1)
{
    const QRect area = heatArea();
    const QRgb background = palette().color(QPalette::Base).rgb();
    if (m_cache.isNull())
        return;
    y0 = std::max(0, y0);
    y1 = std::min(m_cache.height(), y1);
    if (!m_grid || m_grid->rows() == 0) {
        for (int y = y0; y < y1; ++y)
            std::fill_n(reinterpret_cast<QRgb*>(m_cache.scanLine(y)), m_cache.width(), background);
        return;
    }
    const int lv = level();
    const int lrows = m_grid->levelRows(lv), lcols = m_grid->levelCols(lv);
    const quint8* data = m_grid->levelData(lv);
    // Column of every pixel, once per render: the inner loop is a table lookup.
    std::vector<int> colOf(size_t(area.width()));
    for (int x = 0; x < area.width(); ++x) {
        const double c = m_origin.x() + (x + 0.5) / m_scale;
        colOf[size_t(x)] = c < 0 || c >= m_grid->cols() ? -1 : (int(c) >> lv);
    }
    for (int y = y0; y < y1; ++y) {
        auto* line = reinterpret_cast<QRgb*>(m_cache.scanLine(y));
        const double r = m_origin.y() + (y + 0.5) / m_scale;
        if (r < 0 || r >= m_grid->rows()) {
            std::fill_n(line, area.width(), background);
            continue;
        }
        const int lr = std::min(lrows - 1, int(r) >> lv);
        const quint8* row = data + size_t(lr) * size_t(lcols);
        for (int x = 0; x < area.width(); ++x) {
            const int c = colOf[size_t(x)];
            line[x] = c < 0 ? background : m_table[row[c]];
        }
    }
}

void LatencyMatrixView::rowChanged(int row)
{
    if (!m_grid || !m_cacheValid) {
        update();
        return;
    }
    // The pixel rows showing the level row that contains `row`.
    const int lv = level();
    const int first = (row >> lv) << lv, last = first + (1 << lv);
    const int y0 = int(std::floor((first - m_origin.y()) * m_scale));
    const int y1 = int(std::ceil((last - m_origin.y()) * m_scale)) + 1;
    if (y1 < 0 || y0 >= m_cache.height())
        return;
    renderRows(y0, y1);
    const QRect area = heatArea();
    update(QRect(area.left(), area.top() + std::max(0, y0), area.width(), y1 - std::max(0, y0)));
}

void LatencyMatrixView::paintEvent(QPaintEvent*)
{
    const QRect area = heatArea();
    if (!m_cacheValid || m_cache.size() != area.size())
        renderNow();
    QPainter p(this);
    p.drawImage(area.topLeft(), m_cache);

    // Topology blocks: only where they are far enough apart to help.
    if (m_grid && m_blockStarts.size() > 1) {
        const double spacing = m_scale * double(m_grid->rows()) / m_blockStarts.size();
        if (spacing >= 4) {
            p.setPen(QPen(palette().color(QPalette::WindowText), 0));
            p.setClipRect(area);
            for (int s : std::as_const(m_blockStarts)) {
                if (s == 0)
                    continue;
                const double x = area.left() + (s - m_origin.x()) * m_scale;
                const double y = area.top() + (s - m_origin.y()) * m_scale;
                p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
                p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
            }
            p.setClipping(false);
        }
    }

    // Axis labels: rows on the left, columns above (rotated), only when a cell fits a line of text.
    if (!m_labels.isEmpty() && m_scale >= fontMetrics().height()) {
        p.setPen(palette().color(QPalette::WindowText));
        const int margin = labelMargin();
        for (int i = 0; i < m_labels.size(); ++i) {
            const double y = area.top() + (i - m_origin.y()) * m_scale;
            const double x = area.left() + (i - m_origin.x()) * m_scale;
            if (y + m_scale > area.top() && y < area.bottom())
                p.drawText(QRectF(area.left() - margin, y, margin - 4, m_scale), Qt::AlignRight | Qt::AlignVCenter,
                    m_labels[i]);
            if (x + m_scale > area.left() && x < area.right()) {
                p.save();
                p.translate(x, area.top() - 4);
                p.rotate(-90);
                p.drawText(QRectF(0, 0, margin - 4, m_scale), Qt::AlignLeft | Qt::AlignVCenter, m_labels[i]);
                p.restore();
            }
        }
    }

    paintCellTexts(p, area);
    if (!m_emptyText.isEmpty() && (!m_grid || m_grid->rows() == 0)) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    }
    LatencyLegend::paintMatrix(
        p, QRectF(area.right() + Margin + 8, area.top(), legendWidth() - 8, area.height()), palette());
}

void LatencyMatrixView::paintCellTexts(QPainter& p, const QRect& area)
{
    // Values only where a cell holds a short number ("12.3", "0.5%") in a readable font.
    const QFontMetrics fm = fontMetrics();
    if (!m_grid || !m_cellText
        || m_scale < std::max(fm.horizontalAdvance(QStringLiteral("88.88")) + 4, fm.height() + 2))
        return;
    const int col0 = std::max(0, int(std::floor(m_origin.x())));
    const int row0 = std::max(0, int(std::floor(m_origin.y())));
    const int col1 = std::min(m_grid->cols() - 1, int(std::ceil(m_origin.x() + area.width() / m_scale)));
    const int row1 = std::min(m_grid->rows() - 1, int(std::ceil(m_origin.y() + area.height() / m_scale)));
    p.save();
    p.setClipRect(area);
    for (int r = row0; r <= row1; ++r)
        for (int c = col0; c <= col1; ++c) {
            const QString text = m_cellText(r, c);
            if (text.isEmpty())
                continue;
            const QColor back = QColor(m_table[m_grid->cell(r, c)]);
            // Dark text on light cells, light on dark: the verdict colours span both.
            p.setPen(back.lightnessF() > 0.55 ? QColor(0x10, 0x10, 0x10) : QColor(0xff, 0xff, 0xff));
            const QRectF cell(area.left() + (c - m_origin.x()) * m_scale, area.top() + (r - m_origin.y()) * m_scale,
                m_scale, m_scale);
            p.drawText(cell, Qt::AlignCenter, text);
        }
    p.restore();
}

void LatencyMatrixView::resizeEvent(QResizeEvent*)
{
    if (!m_userMoved)
        fitAll();
    invalidate();
}

void LatencyMatrixView::wheelEvent(QWheelEvent* event)
{
    const QRect area = heatArea();
    const QPointF pos = event->position() - QPointF(area.topLeft());
    const QPointF cell = m_origin + pos / m_scale;
    const double factor = std::pow(1.25, event->angleDelta().y() / 120.0);
    m_scale = std::clamp(m_scale * factor, 1e-3, 64.0);
    m_origin = cell - pos / m_scale;
    m_userMoved = true;
    invalidate();
    event->accept();
}

void LatencyMatrixView::mousePressEvent(QMouseEvent* event)
{
    m_pan.press(event->position().toPoint(), m_origin);
}

void LatencyMatrixView::mouseMoveEvent(QMouseEvent* event)
{
    const std::optional<QPointF> origin = m_pan.move(event->position().toPoint(), event->buttons(), m_scale);
    if (!origin)
        return;
    m_userMoved = true;
    m_origin = *origin;
    invalidate();
}

void LatencyMatrixView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_pan.isClick(event->button()))
        return;
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() >= 0)
        Q_EMIT cellClicked(cell.y(), cell.x());
}

void LatencyMatrixView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint cell = cellAt(event->position().toPoint());
    if (cell.x() >= 0)
        Q_EMIT cellDoubleClicked(cell.y(), cell.x());
}

bool LatencyMatrixView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QPoint cell = cellAt(help->pos());
        if (cell.x() >= 0 && m_toolTip)
            QToolTip::showText(help->globalPos(), m_toolTip(cell.y(), cell.x()), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Meridian
