// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The accelerator grid's data and geometry, free of widgets so that tests can
// check cell layout and aggregation at any size without painting.

#include "core/model/fleettypes.h"

#include <QHash>
#include <QList>
#include <QRect>
#include <QSize>
#include <QString>

#include <limits>

namespace Meridian {

enum class GridMetric;

// One accelerator's values for every metric the grid can show; NaN = missing.
struct GridAccelerator
{
    static constexpr float NaN = std::numeric_limits<float>::quiet_NaN();
    int node = -1; ///< index into GridModel::nodes
    int index = 0; ///< the accelerator's index on its node
    float utilization = NaN; ///< percent
    float memoryPercent = NaN; ///< used / the accelerator's memory, percent
    float temperature = NaN; ///< °C
    float health = NaN; ///< 0 healthy, 1 warning, 2 faulty (a down node counts faulty); NaN unknown
};

struct GridNode
{
    QString nodeId;
    QString hostname;
    int rack = -1; ///< index into GridModel::racks
    int first = 0; ///< first accelerator in GridModel::accelerators
    int count = 0;
};

struct GridRack
{
    QString region;
    QString pool;
    QString rack;
    int firstNode = 0;
    int nodeCount = 0;
    int firstAccelerator = 0;
    int acceleratorCount = 0;
};

// The accelerators of one scope, nodes in rack order, a node's accelerators adjacent.
struct GridModel
{
    QList<GridAccelerator> accelerators;
    QList<GridNode> nodes;
    QList<GridRack> racks;
    QHash<QString, int> nodeIndex; ///< nodeId → index into nodes
    int maxPerNode = 0;

    static GridModel build(
        const QHash<QString, FleetNode>& nodes, const QString& region, const QString& pool, const QString& rack);
    // Refreshes one node's values in place; false when its shape changed (rebuild instead).
    bool updateNode(const FleetNode& node);
};

float gridValue(const GridAccelerator& accelerator, GridMetric metric);
// True when a larger value is worse (temperature, memory, health); for
// utilization the worst is the lowest: an idle accelerator is wasted capacity.
bool higherIsWorse(GridMetric metric);

enum class GridLevel { Accelerator, Node, Rack };

// One painted cell: a single accelerator, or a node's or rack's accelerators.
struct GridCell
{
    QRect rect;
    int first = 0; ///< accelerators [first, first + count) of the model
    int count = 0;
    int node = -1; ///< -1 at rack level
    int rack = -1;
};

struct GridLayoutResult
{
    GridLevel level = GridLevel::Accelerator;
    int cellSize = 0; ///< px, 0 when nothing fits or there is nothing
    int blockColumns = 1; ///< accelerator level: cells per row of a node's block
    int perRow = 0; ///< blocks (accelerator level) or cells per row
    int strideX = 0; ///< px from one block/cell to the next in a row
    int strideY = 0;
    QList<GridCell> cells; ///< accelerator level: cell i is model accelerator i
};

// The finest level whose cells are at least minCellPx wide in `area`
// (racks are the last resort and may be 1 px).
GridLayoutResult layoutGrid(const GridModel& model, const QSize& area, int minCellPx = 3);

// The cell under `pos` (relative to the grid's origin), -1 when none; O(1).
int hitTest(const GridModel& model, const GridLayoutResult& layout, const QPoint& pos);

struct CellAggregate
{
    float mean = GridAccelerator::NaN;
    float worst = GridAccelerator::NaN;
    int worstAccelerator = -1; ///< model index of the worst accelerator
    int missing = 0;
    int count = 0;
};
CellAggregate aggregateCell(const GridModel& model, const GridCell& cell, GridMetric metric);

} // namespace Meridian
