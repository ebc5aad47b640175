// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/gridlayout.h"

#include "ui/pools/accelerators/acceleratorgrid.h"

#include <algorithm>
#include <cmath>

namespace Meridian {

namespace {

void fillValues(GridAccelerator& a, const Protocol::AcceleratorSample* s, const Protocol::AcceleratorInfo& info,
    Protocol::NodeState state)
{
    a.utilization = a.memoryPercent = a.temperature = a.health = GridAccelerator::NaN;
    if (state == Protocol::NodeState::Down) {
        a.health = 2; // capacity definition: an accelerator on a down node is faulty
        return; // its last values are stale, not current: show them as missing
    }
    if (!s)
        return;
    a.utilization = float(s->utilization);
    if (info.memoryBytes > 0 && !Protocol::isMissing(s->memoryUsedBytes))
        a.memoryPercent = float(s->memoryUsedBytes * 100.0 / double(info.memoryBytes));
    a.temperature = float(s->temperatureC);
    switch (s->health) {
    case Protocol::AcceleratorHealth::Healthy:
        a.health = 0;
        break;
    case Protocol::AcceleratorHealth::Warning:
        a.health = 1;
        break;
    case Protocol::AcceleratorHealth::Faulty:
        a.health = 2;
        break;
    case Protocol::AcceleratorHealth::Unknown:
        break;
    }
}

void fillNode(GridModel& model, int nodeIndex, const FleetNode& node)
{
    const GridNode& gn = model.nodes[nodeIndex];
    const bool hasSample = node.snapshot.sample.seq != 0;
    const auto& samples = node.snapshot.sample.accelerators;
    for (int i = 0; i < gn.count; ++i) {
        GridAccelerator& a = model.accelerators[gn.first + i];
        const Protocol::AcceleratorInfo& info = node.inventory.accelerators.at(i);
        const Protocol::AcceleratorSample* sample = nullptr;
        if (hasSample) {
            // Samples usually come in index order; fall back to a search when not.
            if (i < samples.size() && samples.at(i).index == info.index)
                sample = &samples.at(i);
            else
                for (const auto& s : samples)
                    if (s.index == info.index) {
                        sample = &s;
                        break;
                    }
        }
        fillValues(a, sample, info, hasSample ? node.snapshot.sample.state : Protocol::NodeState::Up);
    }
}

// A node's block: rows × columns close to 1:2 (8 → 4×2, 4 → 4×1, 16 → 8×2).
std::pair<int, int> blockShape(int perNode)
{
    perNode = std::max(1, perNode);
    const int rows = std::max(1, int(std::floor(std::sqrt(perNode / 2.0))));
    const int columns = (perNode + rows - 1) / rows;
    return { columns, rows };
}

// Flows `items` equal cells of `cell` px (plus gap) in rows; largest cell that fits, ≥ minCell.
int fitFlow(int items, const QSize& area, int minCell, int maxCell, int gap)
{
    for (int s = maxCell; s >= minCell; --s) {
        const int g = s >= 4 ? gap : 0;
        const int perRow = (area.width() + g) / (s + g);
        if (perRow <= 0)
            continue;
        const int rows = (items + perRow - 1) / perRow;
        if (rows * (s + g) - g <= area.height())
            return s;
    }
    return 0;
}

} // namespace

GridModel GridModel::build(
    const QHash<QString, FleetNode>& nodes, const QString& region, const QString& pool, const QString& rack)
{
    GridModel model;
    QList<const FleetNode*> selected;
    selected.reserve(nodes.size());
    for (const FleetNode& n : nodes) {
        const auto& inv = n.inventory;
        if ((!region.isEmpty() && inv.region != region) || (!pool.isEmpty() && inv.pool != pool)
            || (!rack.isEmpty() && inv.rack != rack) || inv.accelerators.isEmpty())
            continue;
        selected.append(&n);
    }
    std::sort(selected.begin(), selected.end(), [](const FleetNode* a, const FleetNode* b) {
        const auto& x = a->inventory;
        const auto& y = b->inventory;
        return std::tie(x.region, x.pool, x.rack, x.hostname, x.nodeId)
            < std::tie(y.region, y.pool, y.rack, y.hostname, y.nodeId);
    });
    model.nodes.reserve(selected.size());
    model.nodeIndex.reserve(selected.size());
    qsizetype total = 0;
    for (const FleetNode* n : selected)
        total += n->inventory.accelerators.size();
    model.accelerators.resize(total);
    int next = 0;
    for (const FleetNode* n : selected) {
        const auto& inv = n->inventory;
        if (model.racks.isEmpty() || model.racks.last().rack != inv.rack || model.racks.last().pool != inv.pool
            || model.racks.last().region != inv.region) {
            GridRack r;
            r.region = inv.region;
            r.pool = inv.pool;
            r.rack = inv.rack;
            r.firstNode = int(model.nodes.size());
            r.firstAccelerator = next;
            model.racks.append(r);
        }
        GridRack& r = model.racks.last();
        const int count = int(inv.accelerators.size());
        GridNode gn;
        gn.nodeId = inv.nodeId;
        gn.hostname = inv.hostname;
        gn.rack = int(model.racks.size() - 1);
        gn.first = next;
        gn.count = count;
        const int nodeIndex = int(model.nodes.size());
        model.nodeIndex.insert(inv.nodeId, nodeIndex);
        model.nodes.append(gn);
        for (int i = 0; i < count; ++i) {
            model.accelerators[next + i].node = nodeIndex;
            model.accelerators[next + i].index = inv.accelerators.at(i).index;
        }
        fillNode(model, nodeIndex, *n);
        ++r.nodeCount;
        r.acceleratorCount += count;
        next += count;
        model.maxPerNode = std::max(model.maxPerNode, count);
    }
    return model;
}

bool GridModel::updateNode(const FleetNode& node)
{
    const auto it = nodeIndex.constFind(node.inventory.nodeId);
    if (it == nodeIndex.constEnd())
        return false;
    const GridNode& gn = nodes.at(*it);
    if (gn.count != node.inventory.accelerators.size())
        return false;
    fillNode(*this, *it, node);
    return true;
}

float gridValue(const GridAccelerator& a, GridMetric metric)
{
    switch (metric) {
    case GridMetric::Utilization:
        return a.utilization;
    case GridMetric::Memory:
        return a.memoryPercent;
    case GridMetric::Temperature:
        return a.temperature;
    case GridMetric::Health:
        return a.health;
    }
    return GridAccelerator::NaN;
}

bool higherIsWorse(GridMetric metric)
{
    return metric != GridMetric::Utilization;
}

GridLayoutResult layoutGrid(const GridModel& model, const QSize& area, int minCellPx)
{
    GridLayoutResult result;
    if (model.accelerators.isEmpty() || area.width() <= 0 || area.height() <= 0)
        return result;
    constexpr int MaxCell = 28;
    constexpr int BlockGap = 3;
    constexpr int FlowGap = 1;
    minCellPx = std::max(1, minCellPx);

    // Accelerator level: each node a block of columns × rows cells.
    const auto [bc, br] = blockShape(model.maxPerNode);
    const int nodeCount = int(model.nodes.size());
    for (int s = MaxCell; s >= minCellPx; --s) {
        const int bw = bc * s, bh = br * s;
        const int perRow = (area.width() + BlockGap) / (bw + BlockGap);
        if (perRow <= 0)
            continue;
        const int rows = (nodeCount + perRow - 1) / perRow;
        if (rows * (bh + BlockGap) - BlockGap > area.height())
            continue;
        result.level = GridLevel::Accelerator;
        result.cellSize = s;
        result.blockColumns = bc;
        result.perRow = perRow;
        result.strideX = bw + BlockGap;
        result.strideY = bh + BlockGap;
        result.cells.reserve(model.accelerators.size());
        for (int n = 0; n < nodeCount; ++n) {
            const GridNode& gn = model.nodes.at(n);
            const int x0 = (n % perRow) * (bw + BlockGap);
            const int y0 = (n / perRow) * (bh + BlockGap);
            for (int i = 0; i < gn.count; ++i)
                result.cells.append({ QRect(x0 + (i % bc) * s, y0 + (i / bc) * s, s, s), gn.first + i, 1, n, gn.rack });
        }
        return result;
    }

    auto flow = [&](GridLevel level, int items, int minCell, auto cellOf) {
        const int s = fitFlow(items, area, minCell, MaxCell, FlowGap);
        if (s == 0)
            return false;
        const int g = s >= 4 ? FlowGap : 0;
        const int perRow = std::max(1, (area.width() + g) / (s + g));
        result.level = level;
        result.cellSize = s;
        result.blockColumns = 1;
        result.perRow = perRow;
        result.strideX = result.strideY = s + g;
        result.cells.reserve(items);
        for (int k = 0; k < items; ++k) {
            GridCell c = cellOf(k);
            c.rect = QRect((k % perRow) * (s + g), (k / perRow) * (s + g), s, s);
            result.cells.append(c);
        }
        return true;
    };
    // Node level: one cell per node (≥ 2 px keeps single nodes distinguishable).
    if (flow(GridLevel::Node, nodeCount, std::min(minCellPx, 2), [&](int n) {
            const GridNode& gn = model.nodes.at(n);
            return GridCell { {}, gn.first, gn.count, n, gn.rack };
        }))
        return result;
    // Rack level: the last resort, down to 1 px.
    flow(GridLevel::Rack, int(model.racks.size()), 1, [&](int r) {
        const GridRack& rack = model.racks.at(r);
        return GridCell { {}, rack.firstAccelerator, rack.acceleratorCount, -1, r };
    });
    return result;
}

int hitTest(const GridModel& model, const GridLayoutResult& layout, const QPoint& pos)
{
    if (layout.cellSize <= 0 || layout.perRow <= 0 || pos.x() < 0 || pos.y() < 0)
        return -1;
    const int column = pos.x() / layout.strideX;
    const int row = pos.y() / layout.strideY;
    if (column >= layout.perRow)
        return -1;
    const int item = row * layout.perRow + column;
    int cell = item;
    if (layout.level == GridLevel::Accelerator) {
        if (item >= model.nodes.size())
            return -1;
        const GridNode& node = model.nodes.at(item);
        const int ix = (pos.x() - column * layout.strideX) / layout.cellSize;
        const int iy = (pos.y() - row * layout.strideY) / layout.cellSize;
        if (ix >= layout.blockColumns)
            return -1;
        const int i = iy * layout.blockColumns + ix;
        if (i >= node.count)
            return -1;
        cell = node.first + i;
    }
    if (cell >= layout.cells.size() || !layout.cells.at(cell).rect.contains(pos))
        return -1;
    return cell;
}

CellAggregate aggregateCell(const GridModel& model, const GridCell& cell, GridMetric metric)
{
    CellAggregate agg;
    double sum = 0;
    int valid = 0;
    const bool high = higherIsWorse(metric);
    for (int i = cell.first; i < cell.first + cell.count; ++i) {
        const float v = gridValue(model.accelerators.at(i), metric);
        ++agg.count;
        if (std::isnan(v)) {
            ++agg.missing;
            continue;
        }
        sum += v;
        ++valid;
        if (agg.worstAccelerator < 0 || (high ? v > agg.worst : v < agg.worst)) {
            agg.worst = v;
            agg.worstAccelerator = i;
        }
    }
    if (valid > 0)
        agg.mean = float(sum / valid);
    return agg;
}

} // namespace Meridian
