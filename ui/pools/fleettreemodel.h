// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"

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
        int reportingNodes = 0; ///< nodes under it that have reported a sample: free is known when > 0
    };
    // What one node adds to its rack and the rack's ancestors. Kept per node so
    // that a snapshot update moves the counts by the difference, without a recount.
    struct Contribution
    {
        int item = -1; ///< the node's rack
        int accelerators = 0;
        int free = 0;
        bool reporting = false;
        bool operator==(const Contribution&) const = default;
    };
    struct Built
    {
        QVector<Item> items;
        QVector<int> top;
        QHash<QString, int> byPath; ///< "region\npool\nrack" → item
        QHash<QString, Contribution> contributions; ///< node id → its share of the counts
    };
    void onChanged(const FleetChangeSet& changes);
    void onSnapshotsChanged(const QSet<QString>& nodes);
    void emitCountsChanged(const QSet<int>& parents); ///< one dataChanged per sibling group
    Built build() const;
    void count(Built& b) const; ///< fills the counts of an already shaped tree
    static Contribution contributionOf(const FleetNode& node, int item);
    // Adds (sign +1) or takes away (-1) a node's share along its chain; collects the parents of changed items.
    static void apply(Built& b, const Contribution& c, int sign, QSet<int>* changedParents);
    static QString path(const QString& region, const QString& pool, const QString& rack);
    const Item* itemOf(const QModelIndex& index) const;

    const FleetStore* m_store;
    Built m_tree;
};

} // namespace Meridian
