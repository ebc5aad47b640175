// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/acceleratorgrid.h"

#include "core/model/fleetchangeset.h"
#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/pools/accelerators/gridcolors.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>
#include <utility>

namespace Meridian {

namespace {
constexpr int Margin = 4;

QString metricTitle(GridMetric metric)
{
    switch (metric) {
    case GridMetric::Utilization:
        return AcceleratorGrid::tr("Utilization");
    case GridMetric::Memory:
        return AcceleratorGrid::tr("Memory used");
    case GridMetric::Temperature:
        return AcceleratorGrid::tr("Temperature");
    case GridMetric::Health:
        return AcceleratorGrid::tr("Health");
    }
    return {};
}

QString formatValue(GridMetric metric, float v)
{
    if (std::isnan(v))
        return Format::missing();
    switch (metric) {
    case GridMetric::Utilization:
    case GridMetric::Memory:
        return AcceleratorGrid::tr("%1 %").arg(double(v), 0, 'f', 0);
    case GridMetric::Temperature:
        return AcceleratorGrid::tr("%1 °C").arg(double(v), 0, 'f', 0);
    case GridMetric::Health:
        return v >= 1.5f ? AcceleratorGrid::tr("faulty")
            : v >= 0.5f  ? AcceleratorGrid::tr("warning")
                         : AcceleratorGrid::tr("healthy");
    }
    return {};
}
} // namespace

AcceleratorGrid::AcceleratorGrid(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Accelerator grid"));
    // The store already coalesces to ≤ 10 change sets/s; this merges bursts further
    // so a fleet-wide update recolours the image once.
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(50);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &AcceleratorGrid::rebuildNow);
}

AcceleratorGrid::~AcceleratorGrid() = default;

void AcceleratorGrid::setStore(const FleetStore* store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &FleetStore::changed, this, &AcceleratorGrid::onStoreChanged);
    m_fullRebuild = true;
    rebuildNow();
}

void AcceleratorGrid::setScope(const QString& region, const QString& pool, const QString& rack)
{
    if (region == m_region && pool == m_pool && rack == m_rack && !m_model.nodes.isEmpty())
        return;
    m_region = region;
    m_pool = pool;
    m_rack = rack;
    m_fullRebuild = true;
    rebuildNow();
}

void AcceleratorGrid::setMetric(GridMetric metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    render();
    update();
}

void AcceleratorGrid::onStoreChanged(const FleetChangeSet& changes)
{
    if (changes.inventoryChanged || !changes.addedNodes.isEmpty() || !changes.removedNodes.isEmpty()
        || changes.restoredFromCache)
        m_fullRebuild = true;
    m_dirtyNodes.unite(changes.updatedNodes);
    scheduleRebuild();
}

void AcceleratorGrid::scheduleRebuild()
{
    // A hidden grid (another tab, another page) catches up when it is shown: at 25,000 nodes each rebuild of a
    // grid nobody saw cost the UI thread tens of milliseconds per change set.
    if (!isVisible()) {
        m_rebuildWhenShown = true;
        return;
    }
    if (!m_rebuildTimer.isActive())
        m_rebuildTimer.start();
}

void AcceleratorGrid::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_rebuildWhenShown, false))
        rebuildNow();
}

void AcceleratorGrid::rebuildNow()
{
    m_rebuildTimer.stop();
    if (!m_fullRebuild && m_store) {
        // Values only: refresh the touched nodes in place and recolour their cells.
        QList<int> nodes;
        for (const QString& id : std::as_const(m_dirtyNodes)) {
            const FleetNode* node = m_store->node(id);
            if (!m_model.nodeIndex.contains(id))
                continue; // outside the scope
            if (!node || !m_model.updateNode(*node)) {
                m_fullRebuild = true;
                break;
            }
            nodes.append(m_model.nodeIndex.value(id));
        }
        if (!m_fullRebuild) {
            m_dirtyNodes.clear();
            if (!nodes.isEmpty()) {
                recolourNodes(nodes);
                update();
            }
            return;
        }
    }
    m_dirtyNodes.clear();
    m_fullRebuild = false;
    m_model = m_store ? GridModel::build(m_store->nodes(), m_region, m_pool, m_rack) : GridModel {};
    relayout();
}

void AcceleratorGrid::relayout()
{
    m_layout = layoutGrid(m_model, gridArea().size());
    m_cellsOfNode.clear();
    if (m_layout.level != GridLevel::Rack) {
        m_cellsOfNode.resize(m_model.nodes.size(), -1);
        for (int c = int(m_layout.cells.size()) - 1; c >= 0; --c)
            m_cellsOfNode[m_layout.cells.at(c).node] = c;
    }
    m_hover = -1;
    if (m_current >= m_layout.cells.size())
        m_current = -1;
    render();
    update();
}

QRect AcceleratorGrid::legendArea() const
{
    const int h = fontMetrics().height() * 2 + 3 * Margin;
    return QRect(0, height() - h, width(), h);
}

QRect AcceleratorGrid::gridArea() const
{
    return QRect(Margin, Margin, width() - 2 * Margin, height() - legendArea().height() - Margin);
}

QSize AcceleratorGrid::sizeHint() const
{
    return QSize(640, 360);
}

QSize AcceleratorGrid::minimumSizeHint() const
{
    return QSize(200, fontMetrics().height() * 2 + 60);
}

void AcceleratorGrid::paintCell(QPainter& p, int cell)
{
    const GridCell& c = m_layout.cells.at(cell);
    const QRect r = c.rect.translated(gridArea().topLeft());
    const int s = m_layout.cellSize;
    // A 1 px seam between accelerator cells once they are large enough to spare it.
    const QRect inner = (m_layout.level == GridLevel::Accelerator && s >= 6) ? r.adjusted(0, 0, -1, -1) : r;
    const QPalette& pal = palette();
    p.fillRect(r, pal.color(QPalette::Base));
    if (c.count == 1 || m_layout.level == GridLevel::Accelerator) {
        const float v = gridValue(m_model.accelerators.at(c.first), m_metric);
        p.fillRect(inner, GridColors::color(m_metric, v, pal));
        if (std::isnan(v) && s >= 4)
            p.fillRect(inner, QBrush(GridColors::hatch(pal), Qt::BDiagPattern));
        if (m_metric == GridMetric::Health)
            GridColors::paintHealthMark(p, inner, v, pal);
        return;
    }
    const CellAggregate agg = aggregateCell(m_model, c, m_metric);
    // Health shows the worst state; the others the mean with the worst in a lower strip.
    const float fill = m_metric == GridMetric::Health ? agg.worst : agg.mean;
    p.fillRect(inner, GridColors::color(m_metric, fill, pal));
    if (std::isnan(fill)) {
        if (s >= 4)
            p.fillRect(inner, QBrush(GridColors::hatch(pal), Qt::BDiagPattern));
        return;
    }
    if (m_metric == GridMetric::Health)
        GridColors::paintHealthMark(p, inner, fill, pal);
    if (m_metric != GridMetric::Health && s >= 6) {
        const int strip = std::max(2, s / 3);
        p.fillRect(QRect(inner.left(), inner.bottom() - strip + 1, inner.width(), strip),
            GridColors::color(m_metric, agg.worst, pal));
    }
}

void AcceleratorGrid::render()
{
    const qreal dpr = devicePixelRatioF();
    const QSize px = (size() * dpr);
    if (m_image.size() != px || m_image.devicePixelRatio() != dpr) {
        m_image = QImage(px.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(dpr);
    }
    const QPalette& pal = palette();
    m_image.fill(pal.color(QPalette::Base));
    QPainter p(&m_image);
    for (int c = 0; c < m_layout.cells.size(); ++c)
        paintCell(p, c);
    paintLegend(p);
}

void AcceleratorGrid::recolourNodes(const QList<int>& nodes)
{
    QPainter p(&m_image);
    QSet<int> racks;
    for (int n : nodes) {
        if (m_layout.level == GridLevel::Rack) {
            racks.insert(m_model.nodes.at(n).rack);
            continue;
        }
        const int firstCell = m_cellsOfNode.value(n, -1);
        if (firstCell < 0)
            continue;
        const int cells = m_layout.level == GridLevel::Accelerator ? m_model.nodes.at(n).count : 1;
        for (int c = firstCell; c < firstCell + cells && c < m_layout.cells.size(); ++c)
            paintCell(p, c);
    }
    for (int r : std::as_const(racks))
        if (r < m_layout.cells.size())
            paintCell(p, r);
}

QString AcceleratorGrid::legendText() const
{
    if (m_model.accelerators.isEmpty())
        return tr("No accelerators in this scope");
    switch (m_layout.level) {
    case GridLevel::Accelerator:
        return tr(
            "each cell = 1 accelerator; %n accelerator(s) on %1 node(s)", nullptr, int(m_model.accelerators.size()))
            .arg(m_model.nodes.size());
    case GridLevel::Node:
        return tr("each cell = 1 node (%n accelerator(s)); lower strip = worst", nullptr, m_model.maxPerNode);
    case GridLevel::Rack:
        return tr("each cell = 1 rack (up to %n accelerator(s)); lower strip = worst", nullptr, maxPerRack());
    }
    return {};
}

int AcceleratorGrid::maxPerRack() const
{
    int most = 0;
    for (const GridRack& r : m_model.racks)
        most = std::max(most, r.acceleratorCount);
    return most;
}

void AcceleratorGrid::paintLegend(QPainter& p)
{
    const QRect area = legendArea().adjusted(Margin, Margin, -Margin, -Margin);
    const QPalette& pal = palette();
    const QFontMetrics fm = fontMetrics();
    p.setPen(pal.color(QPalette::Text));
    int x = area.left();
    const int lineH = fm.height();
    const QRect first(area.left(), area.top(), area.width(), lineH);
    const QString title = metricTitle(m_metric);
    p.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, title);
    x += fm.horizontalAdvance(title) + 2 * Margin;
    const int swatchH = lineH - 4;
    const int y = first.top() + 2;
    auto swatch = [&](const QColor& color, const QString& label, bool hatched, float health = NAN) {
        const QRect box(x, y, swatchH, swatchH);
        p.fillRect(box, color);
        if (hatched)
            p.fillRect(box, QBrush(GridColors::hatch(pal), Qt::BDiagPattern));
        GridColors::paintHealthMark(p, box, health, pal);
        x += swatchH + Margin;
        p.drawText(QRect(x, first.top(), fm.horizontalAdvance(label) + 1, lineH), Qt::AlignVCenter, label);
        x += fm.horizontalAdvance(label) + 2 * Margin;
    };
    if (m_metric == GridMetric::Health) {
        swatch(GridColors::color(m_metric, 0, pal), tr("healthy"), false, 0);
        swatch(GridColors::color(m_metric, 1, pal), tr("warning"), false, 1);
        swatch(GridColors::color(m_metric, 2, pal), tr("faulty (or node down)"), false, 2);
    } else {
        const GridColors::Scale s = GridColors::scale(m_metric);
        const QString low = QStringLiteral("%1 %2").arg(s.min).arg(s.unit);
        const QString high = QStringLiteral("%1 %2").arg(s.max).arg(s.unit);
        p.drawText(QRect(x, first.top(), fm.horizontalAdvance(low) + 1, lineH), Qt::AlignVCenter, low);
        x += fm.horizontalAdvance(low) + Margin;
        const int barW = 160;
        QLinearGradient g(x, 0, x + barW, 0);
        for (int i = 0; i <= 8; ++i)
            g.setColorAt(i / 8.0, GridColors::viridis(i / 8.0));
        p.fillRect(QRect(x, y, barW, swatchH), g);
        x += barW + Margin;
        p.drawText(QRect(x, first.top(), fm.horizontalAdvance(high) + 1, lineH), Qt::AlignVCenter, high);
        x += fm.horizontalAdvance(high) + 3 * Margin;
    }
    swatch(GridColors::missing(pal), tr("missing"), true);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(area.left(), first.bottom() + Margin, area.width(), lineH), Qt::AlignLeft | Qt::AlignVCenter,
        legendText());
}

void AcceleratorGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.drawImage(0, 0, m_image);
    const QPoint origin = gridArea().topLeft();
    auto outline = [&](int cell, const QColor& color) {
        if (cell < 0 || cell >= m_layout.cells.size())
            return;
        p.setPen(QPen(color, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(m_layout.cells.at(cell).rect.translated(origin).adjusted(-1, -1, 0, 0));
    };
    outline(m_hover, palette().color(QPalette::Text));
    if (hasFocus())
        outline(m_current < 0 ? 0 : m_current, palette().color(QPalette::Highlight));
}

void AcceleratorGrid::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void AcceleratorGrid::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange
        || event->type() == QEvent::LanguageChange) {
        relayout();
    }
    QWidget::changeEvent(event);
}

int AcceleratorGrid::cellAt(const QPoint& pos) const
{
    return hitTest(m_model, m_layout, pos - gridArea().topLeft());
}

QColor AcceleratorGrid::cellColor(int cell) const
{
    if (cell < 0 || cell >= m_layout.cells.size())
        return {};
    // The cell's dominant colour: hatching and the worst-value strip cover less than half of it.
    const qreal dpr = m_image.devicePixelRatio();
    const QRect r = m_layout.cells.at(cell).rect.translated(gridArea().topLeft());
    const QRect px(QPoint(int(r.left() * dpr), int(r.top() * dpr)),
        QPoint(int((r.right() + 1) * dpr) - 1, int((r.bottom() + 1) * dpr) - 1));
    QHash<QRgb, int> counts;
    for (int y = px.top(); y <= px.bottom(); ++y)
        for (int x = px.left(); x <= px.right(); ++x)
            if (m_image.rect().contains(x, y))
                ++counts[m_image.pixel(x, y)];
    QRgb best = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return most < 0 ? QColor() : QColor::fromRgba(best);
}

void AcceleratorGrid::activateCell(int cell, bool node)
{
    if (cell < 0 || cell >= m_layout.cells.size())
        return;
    const GridCell& c = m_layout.cells.at(cell);
    if (m_layout.level == GridLevel::Accelerator && !node) {
        const GridAccelerator& a = m_model.accelerators.at(c.first);
        Q_EMIT acceleratorActivated(m_model.nodes.at(a.node).nodeId, a.index);
        return;
    }
    int n = c.node;
    if (n < 0) { // a rack: open its worst node
        const CellAggregate agg = aggregateCell(m_model, c, m_metric);
        n = m_model.accelerators.at(agg.worstAccelerator >= 0 ? agg.worstAccelerator : c.first).node;
    }
    Q_EMIT nodeActivated(m_model.nodes.at(n).nodeId);
}

void AcceleratorGrid::setCurrent(int cell)
{
    if (cell == m_current || cell < 0 || cell >= m_layout.cells.size())
        return;
    m_current = cell;
    update();
}

void AcceleratorGrid::mouseMoveEvent(QMouseEvent* event)
{
    const int cell = cellAt(event->position().toPoint());
    if (cell != m_hover) {
        m_hover = cell;
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void AcceleratorGrid::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const int cell = cellAt(event->position().toPoint());
    if (cell < 0)
        return;
    setCurrent(cell);
    if (m_layout.level == GridLevel::Accelerator)
        activateCell(cell, false);
}

void AcceleratorGrid::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseDoubleClickEvent(event);
    activateCell(cellAt(event->position().toPoint()), true);
}

void AcceleratorGrid::keyPressEvent(QKeyEvent* event)
{
    if (m_layout.cells.isEmpty())
        return QWidget::keyPressEvent(event);
    const int current = m_current < 0 ? 0 : m_current;
    const QRect r = m_layout.cells.at(current).rect.translated(gridArea().topLeft());
    auto vertical = [&](int direction) {
        // The nearest cell straight above/below: step one cell size at a time over gaps.
        for (int step = 1; step < 8; ++step) {
            const int c = cellAt(QPoint(r.center().x(), r.center().y() + direction * step * m_layout.cellSize));
            if (c >= 0)
                return c;
        }
        return current;
    };
    switch (event->key()) {
    case Qt::Key_Left:
        setCurrent(std::max(0, current - 1));
        break;
    case Qt::Key_Right:
        setCurrent(std::min(int(m_layout.cells.size()) - 1, current + 1));
        break;
    case Qt::Key_Up:
        setCurrent(vertical(-1));
        break;
    case Qt::Key_Down:
        setCurrent(vertical(1));
        break;
    case Qt::Key_Home:
        setCurrent(0);
        break;
    case Qt::Key_End:
        setCurrent(int(m_layout.cells.size()) - 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        m_current = current;
        activateCell(current, event->modifiers() & Qt::ShiftModifier);
        break;
    case Qt::Key_Space:
        m_current = current;
        activateCell(current, true);
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    if (m_current >= 0)
        setToolTip({});
}

void AcceleratorGrid::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    update();
}

void AcceleratorGrid::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

QString AcceleratorGrid::tooltipFor(int cell) const
{
    const GridCell& c = m_layout.cells.at(cell);
    QStringList lines;
    if (m_layout.level == GridLevel::Accelerator) {
        const GridAccelerator& a = m_model.accelerators.at(c.first);
        const GridNode& gn = m_model.nodes.at(a.node);
        const FleetNode* node = m_store ? m_store->node(gn.nodeId) : nullptr;
        QString model, job;
        if (node) {
            for (const auto& info : node->inventory.accelerators)
                if (info.index == a.index)
                    model = info.model;
            for (const auto& s : node->snapshot.sample.accelerators)
                if (s.index == a.index)
                    job = s.jobId;
        }
        lines << tr("<b>%1</b> accelerator %2").arg(gn.hostname.toHtmlEscaped()).arg(a.index);
        lines << tr("Model: %1").arg(model.isEmpty() ? Format::missing() : model.toHtmlEscaped());
        for (GridMetric m :
            { GridMetric::Utilization, GridMetric::Memory, GridMetric::Temperature, GridMetric::Health })
            lines << tr("%1: %2").arg(metricTitle(m), formatValue(m, gridValue(a, m)));
        lines << tr("Job: %1").arg(job.isEmpty() ? tr("none") : job.toHtmlEscaped());
        if (node && node->status != AgentStatus::Up)
            lines << tr("Agent: %1").arg(Format::agentStatus(node->status));
        return lines.join(QStringLiteral("<br>"));
    }
    if (m_layout.level == GridLevel::Node)
        lines << tr("<b>%1</b> (%n accelerator(s))", nullptr, c.count)
                     .arg(m_model.nodes.at(c.node).hostname.toHtmlEscaped());
    else {
        const GridRack& r = m_model.racks.at(c.rack);
        lines << tr("Rack <b>%1</b> in %2: %n accelerator(s)", nullptr, c.count)
                     .arg(r.rack.toHtmlEscaped(), r.pool.toHtmlEscaped());
    }
    const CellAggregate agg = aggregateCell(m_model, c, m_metric);
    lines << tr("%1 mean: %2").arg(metricTitle(m_metric), formatValue(m_metric, agg.mean));
    if (agg.worstAccelerator >= 0) {
        const GridAccelerator& w = m_model.accelerators.at(agg.worstAccelerator);
        lines << tr("Worst: %1 (%2 accelerator %3)")
                     .arg(formatValue(m_metric, agg.worst), m_model.nodes.at(w.node).hostname.toHtmlEscaped())
                     .arg(w.index);
    } else
        lines << tr("Worst: %1").arg(Format::missing());
    if (agg.missing > 0)
        lines << tr("Missing: %n accelerator(s)", nullptr, agg.missing);
    lines << tr("Double-click to open the node");
    return lines.join(QStringLiteral("<br>"));
}

bool AcceleratorGrid::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int cell = cellAt(help->pos());
        if (cell >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(cell), this,
                m_layout.cells.at(cell).rect.translated(gridArea().topLeft()));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace Meridian
