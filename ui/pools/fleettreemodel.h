// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/store/fleetaggregate.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>
#include <QVector>

namespace Meridian {

class FleetStore;
struct FleetNode;

// Region → pool → rack with node and accelerator counts. The structure is
// rebuilt (model reset) only when the set of regions/pools/racks changes;
// otherwise new counts go out as one dataChanged per level's count columns.
class FleetTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Nodes, Accelerators, Free, ColumnCount };
    enum Level { RegionLevel, PoolLevel, RackLevel };
    enum Roles {
        LevelRole = Qt::UserRole + 1, ///< Level
        RegionRole, ///< the scope this item stands for (untranslated ids)
        PoolRole,
        RackRole,
        RawRole, ///< the count, invalid when unknown
    };

    explicit FleetTreeModel(const FleetStore* store, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The item for a scope; empty pool/rack: the region (or pool) itself.
    QModelIndex indexOf(const QString& region, const QString& pool = {}, const QString& rack = {}) const;

private:
    // One row of the tree: where it is and which scope of the store's aggregate it shows. The counts are
    // the aggregate's (core/store/fleetaggregate.h), read when shown: the model keeps no figures of its own.
    struct Item
    {
        int parent = -1; ///< -1: top level
        int row = 0; ///< among its siblings
        Level level = RegionLevel;
        ScopeKey scope;
        QVector<int> children;
    };
    struct Built
    {
        QVector<Item> items;
        QVector<int> top;
        QHash<ScopeKey, int> byScope;
    };
    void onChanged(const FleetChangeSet& changes);
    void onNodesChanged(const QSet<QString>& nodes);
    void emitCountsChanged(const QSet<int>& parents); ///< one dataChanged per sibling group
    Built build() const;
    const Item* itemOf(const QModelIndex& index) const;
    QVariant count(const Item& item, int column) const; ///< invalid when unknown

    const FleetStore* m_store;
    Built m_tree;
};

} // namespace Meridian
