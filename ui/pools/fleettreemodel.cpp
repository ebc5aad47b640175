// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/fleettreemodel.h"

#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"

#include <algorithm>

namespace Meridian {

FleetTreeModel::FleetTreeModel(const FleetStore* store, QObject* parent)
    : QAbstractItemModel(parent)
    , m_store(store)
    , m_tree(build())
{
    connect(store, &FleetStore::changed, this, &FleetTreeModel::onChanged);
}

FleetTreeModel::Built FleetTreeModel::build() const
{
    Built b;
    auto add = [&b](int parent, Level level, const ScopeKey& scope) {
        Item item;
        item.parent = parent;
        item.level = level;
        item.scope = scope;
        const int id = int(b.items.size());
        QVector<int>& siblings = parent < 0 ? b.top : b.items[parent].children;
        item.row = int(siblings.size());
        siblings.append(id);
        b.items.append(item);
        b.byScope.insert(scope, id);
        return id;
    };
    // Sorted names (the aggregate's lists are), so the rows come out in a stable alphabetical order. Nodes
    // with no region are shown first, under "(none)".
    const FleetAggregate& fleet = m_store->aggregate();
    QStringList regions = fleet.regions();
    if (fleet.counts(ScopeKey::ofRegion({})))
        regions.prepend(QString());
    for (const QString& r : std::as_const(regions)) {
        const int region = add(-1, RegionLevel, ScopeKey::ofRegion(r));
        for (const QString& p : fleet.pools(r)) {
            const int pool = add(region, PoolLevel, ScopeKey::ofPool(r, p));
            for (const QString& k : fleet.racks(r, p))
                add(pool, RackLevel, ScopeKey::ofRack(r, p, k));
        }
    }
    return b;
}

void FleetTreeModel::onChanged(const FleetChangeSet& changes)
{
    // Only an inventory change can move nodes between regions, pools and racks.
    if (!changes.inventoryChanged && !changes.restoredFromCache) {
        onNodesChanged(changes.updatedNodes);
        return;
    }
    Built next = build();
    const bool sameShape = next.byScope.size() == m_tree.byScope.size()
        && std::all_of(next.byScope.keyValueBegin(), next.byScope.keyValueEnd(),
            [this](const auto& kv) { return m_tree.byScope.value(kv.first, -1) == kv.second; });
    if (!sameShape || changes.restoredFromCache) {
        beginResetModel();
        m_tree = std::move(next);
        endResetModel();
        return;
    }
    // Same items at the same places: only counts may have moved, anywhere. One signal per sibling group.
    QSet<int> parents { -1 };
    for (const Item& item : std::as_const(m_tree.items)) {
        if (!item.children.isEmpty())
            parents.insert(int(&item - m_tree.items.constData()));
    }
    emitCountsChanged(parents);
}

void FleetTreeModel::onNodesChanged(const QSet<QString>& nodes)
{
    // The rows whose counts may have moved: each changed node's rack and its ancestors.
    QSet<int> parents;
    QSet<ScopeKey> racks;
    for (const QString& id : nodes) {
        if (const FleetNode* node = m_store->node(id)) {
            const Protocol::NodeInventory& inv = node->inventory;
            racks.insert(ScopeKey::ofRack(inv.region, inv.pool, inv.rack));
        }
    }
    for (const ScopeKey& rack : std::as_const(racks)) {
        for (int id = m_tree.byScope.value(rack, -1); id >= 0; id = m_tree.items[id].parent) {
            if (parents.contains(m_tree.items[id].parent))
                break;
            parents.insert(m_tree.items[id].parent);
        }
    }
    emitCountsChanged(parents);
}

void FleetTreeModel::emitCountsChanged(const QSet<int>& parents)
{
    for (int parent : parents) {
        const QVector<int>& siblings = parent < 0 ? m_tree.top : m_tree.items[parent].children;
        const QModelIndex p = parent < 0 ? QModelIndex() : createIndex(m_tree.items[parent].row, 0, quintptr(parent));
        Q_EMIT dataChanged(index(0, Nodes, p), index(int(siblings.size()) - 1, Free, p), { Qt::DisplayRole, RawRole });
    }
}

const FleetTreeModel::Item* FleetTreeModel::itemOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= quintptr(m_tree.items.size()))
        return nullptr;
    return &m_tree.items[int(index.internalId())];
}

QVariant FleetTreeModel::count(const Item& item, int column) const
{
    const ScopeCounts* counts = m_store->aggregate().counts(item.scope);
    if (!counts)
        return {};
    switch (column) {
    case Nodes:
        return counts->nodesTotal;
    case Accelerators:
        return counts->allModels().total;
    case Free:
        // Free is known once a node under it has reported a sample.
        return counts->nodesUp + counts->nodesDown > 0 ? QVariant(counts->allModels().free) : QVariant();
    default:
        break;
    }
    return {};
}

QModelIndex FleetTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const Item* p = itemOf(parent);
    if (parent.isValid() && (!p || parent.column() != 0))
        return {};
    const QVector<int>& siblings = p ? p->children : m_tree.top;
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings[row]));
}

QModelIndex FleetTreeModel::parent(const QModelIndex& child) const
{
    const Item* item = itemOf(child);
    if (!item || item->parent < 0)
        return {};
    return createIndex(m_tree.items[item->parent].row, 0, quintptr(item->parent));
}

int FleetTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_tree.top.size());
    const Item* item = itemOf(parent);
    return item && parent.column() == 0 ? int(item->children.size()) : 0;
}

int FleetTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant FleetTreeModel::data(const QModelIndex& index, int role) const
{
    const Item* item = itemOf(index);
    if (!item)
        return {};
    const int column = index.column();
    auto raw = [this, item](int column) { return count(*item, column); };
    switch (role) {
    case Qt::DisplayRole:
        if (column == Name) {
            const QString& name = item->level == RegionLevel ? item->scope.region
                : item->level == PoolLevel                   ? item->scope.pool
                                                             : item->scope.rack;
            if (name.isEmpty())
                return tr("(none)");
            return item->level == RegionLevel ? regionDisplayName(name) : name;
        } else {
            const QVariant v = raw(column);
            return v.isValid() ? Format::count(v.toLongLong()) : Format::missing();
        }
    case Qt::TextAlignmentRole:
        return column == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case LevelRole:
        return int(item->level);
    case RegionRole:
        return item->scope.region;
    case PoolRole:
        return item->scope.pool;
    case RackRole:
        return item->scope.rack;
    case RawRole:
        return raw(column);
    default:
        break;
    }
    return {};
}

QVariant FleetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Scope");
    case Nodes:
        return tr("Nodes");
    case Accelerators:
        return tr("Accel.");
    case Free:
        return tr("Free");
    default:
        break;
    }
    return {};
}

QModelIndex FleetTreeModel::indexOf(const QString& region, const QString& pool, const QString& rack) const
{
    const ScopeKey scope = pool.isEmpty() ? ScopeKey::ofRegion(region)
        : rack.isEmpty()                  ? ScopeKey::ofPool(region, pool)
                                          : ScopeKey::ofRack(region, pool, rack);
    const int id = m_tree.byScope.value(scope, -1);
    return id < 0 ? QModelIndex() : createIndex(m_tree.items[id].row, 0, quintptr(id));
}

} // namespace Meridian
