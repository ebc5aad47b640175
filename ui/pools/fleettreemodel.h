// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetchangeset.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QVector>

namespace Meridian {

class FleetStore;

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
    struct Item
    {
        int parent = -1; ///< -1: top level
        int row = 0; ///< among its siblings
        Level level = RegionLevel;
        QString region;
        QString pool;
        QString rack;
        QVector<int> children;
        int nodes = 0;
        int accelerators = 0;
        int free = 0;
        bool freeKnown = false; ///< some node under it has reported a sample
    };
    struct Built
    {
        QVector<Item> items;
        QVector<int> top;
        QHash<QString, int> byPath; ///< "region\npool\nrack" → item
    };
    void onChanged(const FleetChangeSet& changes);
    Built build() const;
    void count(Built& b) const; ///< fills the counts of an already shaped tree
    static QString path(const QString& region, const QString& pool, const QString& rack);
    const Item* itemOf(const QModelIndex& index) const;

    const FleetStore* m_store;
    Built m_tree;
};

} // namespace Meridian
