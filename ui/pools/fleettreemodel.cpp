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

QString FleetTreeModel::path(const QString& region, const QString& pool, const QString& rack)
{
    return region + QLatin1Char('\n') + pool + QLatin1Char('\n') + rack;
}

FleetTreeModel::Built FleetTreeModel::build() const
{
    Built b;
    // Sorted names first, so the rows come out in a stable alphabetical order.
    QMap<QString, QMap<QString, QMap<QString, bool>>> names;
    for (const FleetNode& node : m_store->nodes()) {
        const Protocol::NodeInventory& inv = node.inventory;
        names[inv.region][inv.pool][inv.rack] = true;
    }
    auto add = [&b](int parent, Level level, const QString& region, const QString& pool, const QString& rack) {
        Item item;
        item.parent = parent;
        item.level = level;
        item.region = region;
        item.pool = pool;
        item.rack = rack;
        const int id = int(b.items.size());
        QVector<int>& siblings = parent < 0 ? b.top : b.items[parent].children;
        item.row = int(siblings.size());
        siblings.append(id);
        b.items.append(item);
        b.byPath.insert(path(region, level >= PoolLevel ? pool : QString(), level >= RackLevel ? rack : QString()), id);
        return id;
    };
    for (auto r = names.cbegin(); r != names.cend(); ++r) {
        const int region = add(-1, RegionLevel, r.key(), {}, {});
        for (auto p = r->cbegin(); p != r->cend(); ++p) {
            const int pool = add(region, PoolLevel, r.key(), p.key(), {});
            for (auto k = p->cbegin(); k != p->cend(); ++k)
                add(pool, RackLevel, r.key(), p.key(), k.key());
        }
    }
    count(b);
    return b;
}

FleetTreeModel::Contribution FleetTreeModel::contributionOf(const FleetNode& node, int item)
{
    Contribution c;
    c.item = item;
    c.accelerators = int(node.inventory.accelerators.size());
    c.reporting = node.snapshot.sample.seq > 0;
    if (c.reporting) {
        for (const Protocol::AcceleratorSample& a : node.snapshot.sample.accelerators)
            c.free += classify(a, node.snapshot.sample.state) == CapacityClass::Free ? 1 : 0;
    }
    return c;
}

void FleetTreeModel::apply(Built& b, const Contribution& c, int sign, QSet<int>* changedParents)
{
    for (int id = c.item; id >= 0; id = b.items[id].parent) {
        Item& item = b.items[id];
        item.nodes += sign;
        item.accelerators += sign * c.accelerators;
        item.free += sign * c.free;
        item.reportingNodes += c.reporting ? sign : 0;
        if (changedParents)
            changedParents->insert(item.parent);
    }
}

void FleetTreeModel::count(Built& b) const
{
    for (Item& item : b.items) {
        item.nodes = item.accelerators = item.free = item.reportingNodes = 0;
    }
    b.contributions.clear();
    b.contributions.reserve(m_store->nodes().size());
    for (const FleetNode& node : m_store->nodes()) {
        const Protocol::NodeInventory& inv = node.inventory;
        const Contribution c = contributionOf(node, b.byPath.value(path(inv.region, inv.pool, inv.rack), -1));
        b.contributions.insert(inv.nodeId, c);
        apply(b, c, +1, nullptr);
    }
}

void FleetTreeModel::onChanged(const FleetChangeSet& changes)
{
    // Only an inventory change can move nodes between regions, pools and racks.
    if (!changes.inventoryChanged && !changes.restoredFromCache) {
        onSnapshotsChanged(changes.updatedNodes);
        return;
    }
    Built next = build();
    const bool sameShape = next.byPath.size() == m_tree.byPath.size()
        && std::all_of(next.byPath.keyValueBegin(), next.byPath.keyValueEnd(),
            [this](const auto& kv) { return m_tree.byPath.value(kv.first, -1) == kv.second; });
    if (!sameShape || changes.restoredFromCache) {
        beginResetModel();
        m_tree = std::move(next);
        endResetModel();
        return;
    }
    // Same items at the same places: only counts moved. One signal per sibling group.
    QSet<int> changedParents;
    for (int id = 0; id < next.items.size(); ++id) {
        const Item& a = m_tree.items[id];
        const Item& b = next.items[id];
        if (a.nodes != b.nodes || a.accelerators != b.accelerators || a.free != b.free
            || a.reportingNodes != b.reportingNodes)
            changedParents.insert(b.parent);
    }
    m_tree = std::move(next);
    emitCountsChanged(changedParents);
}

void FleetTreeModel::onSnapshotsChanged(const QSet<QString>& nodes)
{
    QSet<int> changedParents;
    for (const QString& id : nodes) {
        const FleetNode* node = m_store->node(id);
        const auto it = m_tree.contributions.find(id);
        if (!node || it == m_tree.contributions.end())
            continue;
        const Contribution c = contributionOf(*node, it->item);
        if (c == *it)
            continue;
        apply(m_tree, *it, -1, &changedParents);
        apply(m_tree, c, +1, &changedParents);
        *it = c;
    }
    emitCountsChanged(changedParents);
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
    auto raw = [item](int column) -> QVariant {
        switch (column) {
        case Nodes:
            return item->nodes;
        case Accelerators:
            return item->accelerators;
        case Free:
            return item->reportingNodes > 0 ? QVariant(item->free) : QVariant();
        default:
            break;
        }
        return {};
    };
    switch (role) {
    case Qt::DisplayRole:
        if (column == Name) {
            const QString& name = item->level == RegionLevel ? item->region
                : item->level == PoolLevel                   ? item->pool
                                                             : item->rack;
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
        return item->region;
    case PoolRole:
        return item->pool;
    case RackRole:
        return item->rack;
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
    const int id = m_tree.byPath.value(path(region, pool, pool.isEmpty() ? QString() : rack), -1);
    return id < 0 ? QModelIndex() : createIndex(m_tree.items[id].row, 0, quintptr(id));
}

} // namespace Meridian
