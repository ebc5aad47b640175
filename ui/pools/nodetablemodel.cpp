// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/nodetablemodel.h"

#include "core/model/peertext.h"
#include "core/store/fleetstore.h"
#include "ui/common/assignchanged.h"
#include "ui/common/displayformat.h"
#include "ui/common/nodeformat.h"

#include <cmath>

namespace Meridian {

namespace {
const QVector<int> NodeChangedRoles = { Qt::DisplayRole, Qt::ToolTipRole, PermutedTableModel::SortRole,
    PermutedTableModel::RawRole, PermutedTableModel::MissingRole };
// Columns whose values feed the free-text filter, the facets or the scope.
// The state is a facet only (not searched): a state change updates it in place.
constexpr quint64 NodeInventoryColumns = (quint64(1) << NodeTableModel::Host) | (quint64(1) << NodeTableModel::Pool)
    | (quint64(1) << NodeTableModel::Rack) | (quint64(1) << NodeTableModel::Model)
    | (quint64(1) << NodeTableModel::Labels);
} // namespace

NodeTableModel::NodeTableModel(const FleetStore* store, QObject* parent)
    : PermutedTableModel(parent)
    , m_store(store)
{
    connect(store, &FleetStore::changed, this, &NodeTableModel::onChanged);
    reload();
}

int NodeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Host:
        return tr("Host");
    case State:
        return tr("State");
    case Pool:
        return tr("Pool");
    case Rack:
        return tr("Rack");
    case Model:
        return tr("Accelerator");
    case Total:
        return tr("Total");
    case Allocated:
        return tr("Allocated");
    case Free:
        return tr("Free");
    case Faulty:
        return tr("Faulty");
    case Utilization:
        return tr("Utilization");
    case Temperature:
        return tr("Temperature");
    case Memory:
        return tr("Memory");
    case Labels:
        return tr("Labels");
    case LastSeen:
        return tr("Last seen");
    default:
        break;
    }
    return {};
}

int NodeTableModel::rowOfNode(const QString& nodeId) const
{
    const int src = m_sourceOf.value(nodeId, -1);
    return src < 0 ? -1 : rowOfSource(src);
}

QString NodeTableModel::nodeIdAt(int row) const
{
    const int src = sourceRowOf(row);
    return src < 0 ? QString() : m_rows[src].nodeId;
}

quint64 NodeTableModel::updateRow(Row& row, const FleetNode& node)
{
    using AssignChanged::field;
    using AssignChanged::number;
    const Protocol::NodeInventory& inv = node.inventory;
    const bool fresh = row.nodeId.isEmpty();
    quint64 mask = 0;
    field(row.nodeId, inv.nodeId, Host, &mask);
    field(row.host, inv.hostname.isEmpty() ? inv.nodeId : inv.hostname, Host, &mask);
    field(row.status, node.status, Host, &mask);
    field(row.lastError, node.lastError, Host, &mask);
    field(row.state, NodeFormat::nodeStateKey(node), State, &mask);
    field(row.region, inv.region, Pool, &mask);
    field(row.pool, inv.pool, Pool, &mask);
    field(row.rack, inv.rack, Rack, &mask);
    // The joined texts change only with the inventory; skip building them when it has not.
    if (fresh || row.inventoryRevision != node.inventoryRevision) {
        row.inventoryRevision = node.inventoryRevision;
        QStringList models, vendors;
        for (const Protocol::AcceleratorInfo& info : inv.accelerators) {
            if (!models.contains(info.model))
                models.append(info.model);
            if (!vendors.contains(info.vendor))
                vendors.append(info.vendor);
        }
        field(row.model, models.join(QStringLiteral(", ")), Model, &mask);
        field(row.vendor, vendors.join(QStringLiteral(", ")), Model, &mask);
        QStringList labels;
        for (auto it = inv.labels.cbegin(); it != inv.labels.cend(); ++it)
            labels.append(it.key() + QLatin1Char('=') + it.value());
        field(row.labels, labels.join(QStringLiteral(", ")), Labels, &mask);
        number(row.total, double(inv.accelerators.size()), Total, &mask);
    }
    const Protocol::Sample& sample = node.snapshot.sample;
    double free = qQNaN(), allocated = qQNaN(), faulty = qQNaN();
    double utilization = qQNaN(), temperature = qQNaN(), memoryUsed = qQNaN(), memoryTotal = qQNaN();
    qint64 lastSeenMs = 0;
    if (sample.seq > 0) {
        int counts[3] = { 0, 0, 0 };
        double utilSum = 0;
        int utilCount = 0;
        for (const Protocol::AcceleratorSample& a : sample.accelerators) {
            ++counts[int(classify(a, sample.state))];
            if (!std::isnan(a.utilization)) {
                utilSum += a.utilization;
                ++utilCount;
            }
            if (!std::isnan(a.temperatureC) && (std::isnan(temperature) || a.temperatureC > temperature))
                temperature = a.temperatureC;
        }
        free = counts[int(CapacityClass::Free)];
        allocated = counts[int(CapacityClass::Allocated)];
        faulty = counts[int(CapacityClass::Faulty)];
        if (utilCount > 0)
            utilization = utilSum / utilCount;
        memoryUsed = sample.node.memoryUsedBytes;
        memoryTotal = sample.node.memoryTotalBytes;
        lastSeenMs = node.lastSeenMs > 0 ? node.lastSeenMs : sample.timestampMs;
    }
    number(row.free, free, Free, &mask);
    number(row.allocated, allocated, Allocated, &mask);
    number(row.faulty, faulty, Faulty, &mask);
    number(row.utilization, utilization, Utilization, &mask);
    number(row.temperature, temperature, Temperature, &mask);
    number(row.memoryUsed, memoryUsed, Memory, &mask);
    number(row.memoryTotal, memoryTotal, Memory, &mask);
    field(row.lastSeenMs, lastSeenMs, LastSeen, &mask);
    return mask;
}

NodeTableModel::Row NodeTableModel::makeRow(const FleetNode& node)
{
    Row row;
    updateRow(row, node);
    return row;
}

RowFilterKeys NodeTableModel::keysOf(const Row& row)
{
    RowFilterKeys k;
    k.region = row.region;
    k.pool = row.pool;
    k.rack = row.rack;
    k.state = row.state;
    k.model = row.model;
    k.vendor = row.vendor;
    k.haystack = QStringList { row.host, row.nodeId, row.pool, row.rack, row.model, row.labels }
                     .join(QLatin1Char('\n'))
                     .toCaseFolded()
                     .toUtf8();
    return k;
}

void NodeTableModel::reload()
{
    m_referenceMs = m_store->newestDataMs();
    resetRows([this] {
        m_rows.clear();
        m_sourceOf.clear();
        QVector<RowFilterKeys> keys;
        m_rows.reserve(m_store->nodes().size());
        keys.reserve(m_store->nodes().size());
        for (const FleetNode& node : m_store->nodes()) {
            m_sourceOf.insert(node.inventory.nodeId, int(m_rows.size()));
            m_rows.append(makeRow(node));
            keys.append(keysOf(m_rows.last()));
        }
        return keys;
    });
}

void NodeTableModel::onChanged(const FleetChangeSet& changes)
{
    // The state restored from the cache arrives as added nodes, a slice per frame (FleetStore::flush): appended
    // like live ones, never a reload of 25,000 rows in one UI-thread pass.
    QSet<int> removed;
    for (const QString& id : changes.removedNodes) {
        const int src = m_sourceOf.value(id, -1);
        if (src >= 0)
            removed.insert(src);
    }
    removeSourceRows(removed);

    QVector<RowFilterKeys> added;
    QVector<int> sources;
    QVector<quint64> masks;
    auto visit = [&](const QString& id) {
        const FleetNode* node = m_store->node(id);
        if (!node)
            return;
        const int src = m_sourceOf.value(id, -1);
        if (src < 0) {
            m_sourceOf.insert(id, int(m_rows.size()));
            m_rows.append(makeRow(*node));
            added.append(keysOf(m_rows.last()));
            return;
        }
        const quint64 mask = updateRow(m_rows[src], *node);
        if (mask == 0)
            return;
        sources.append(src);
        masks.append(mask);
        if (mask & NodeInventoryColumns)
            setRowKeys(src, keysOf(m_rows[src]));
        else if (mask & (quint64(1) << State))
            mutableRowKeys(src).state = m_rows[src].state;
    };
    for (const QString& id : changes.addedNodes)
        visit(id);
    for (const QString& id : changes.updatedNodes)
        visit(id);
    appendRows(added);
    updateRows(sources, masks, NodeChangedRoles);

    // Ages move for every row when the fleet's clock moves: one signal for the column.
    const qint64 reference = m_store->newestDataMs();
    if (reference != m_referenceMs) {
        m_referenceMs = reference;
        touchColumn(LastSeen, { Qt::DisplayRole });
    }
}

void NodeTableModel::compactSourceRows(const QVector<int>& oldOfNew)
{
    QVector<Row> rows;
    rows.reserve(oldOfNew.size());
    m_sourceOf.clear();
    for (int old : oldOfNew) {
        m_sourceOf.insert(m_rows[old].nodeId, int(rows.size()));
        rows.append(std::move(m_rows[old]));
    }
    m_rows = std::move(rows);
}

bool NodeTableModel::isNumericColumn(int column) const
{
    return (column >= Total && column <= Memory) || column == LastSeen;
}

double NodeTableModel::numericKey(int src, int column) const
{
    const Row& r = m_rows[src];
    switch (column) {
    case Total:
        return r.total;
    case Allocated:
        return r.allocated;
    case Free:
        return r.free;
    case Faulty:
        return r.faulty;
    case Utilization:
        return r.utilization;
    case Temperature:
        return r.temperature;
    case Memory:
        return r.memoryUsed;
    case LastSeen:
        return r.lastSeenMs > 0 ? -double(r.lastSeenMs) : qQNaN(); // youngest first
    default:
        break;
    }
    return qQNaN();
}

QString NodeTableModel::textKey(int src, int column) const
{
    const Row& r = m_rows[src];
    switch (column) {
    case Host:
        return r.host.toCaseFolded();
    case State:
        return r.state;
    case Pool:
        return r.pool.toCaseFolded();
    case Rack:
        return r.rack.toCaseFolded();
    case Model:
        return r.model.toCaseFolded();
    case Labels:
        return r.labels.toCaseFolded();
    default:
        break;
    }
    return {};
}

QVariant NodeTableModel::raw(const Row& r, int column) const
{
    switch (column) {
    case Host:
        return r.host;
    case State:
        return r.state;
    case Pool:
        return r.pool.isEmpty() ? QVariant() : QVariant(r.pool);
    case Rack:
        return r.rack.isEmpty() ? QVariant() : QVariant(r.rack);
    case Model:
        return r.model.isEmpty() ? QVariant() : QVariant(r.model);
    case Labels:
        return r.labels.isEmpty() ? QVariant() : QVariant(r.labels);
    case LastSeen:
        return r.lastSeenMs > 0 ? QVariant(r.lastSeenMs) : QVariant();
    default:
        break;
    }
    const double v = numericKey(int(&r - m_rows.constData()), column);
    return std::isnan(v) ? QVariant() : QVariant(v);
}

QVariant NodeTableModel::sourceData(int src, int column, int role) const
{
    const Row& r = m_rows[src];
    switch (role) {
    case Qt::DisplayRole: {
        switch (column) {
        case State:
            return NodeFormat::stateText(r.state);
        case Total:
        case Allocated:
        case Free:
        case Faulty: {
            const double v = numericKey(src, column);
            return std::isnan(v) ? Format::missing() : QString::number(qint64(v));
        }
        case Utilization:
            return NodeFormat::percent(r.utilization);
        case Temperature:
            return NodeFormat::celsius(r.temperature);
        case Memory:
            return NodeFormat::gibPair(r.memoryUsed, r.memoryTotal);
        case LastSeen:
            return r.lastSeenMs > 0 ? Format::duration(qMax<qint64>(0, m_referenceMs - r.lastSeenMs))
                                    : Format::missing();
        default: {
            const QVariant v = raw(r, column);
            return v.isValid() ? v.toString() : Format::missing();
        }
        }
    }
    case Qt::ToolTipRole:
        if (column == Host || column == State) {
            return r.lastError.isEmpty()
                ? Format::agentStatus(r.status)
                : Format::agentStatus(r.status) + QStringLiteral(": ") + PeerText::show(r.lastError);
        }
        if (column == LastSeen && r.lastSeenMs > 0)
            return Format::timestamp(r.lastSeenMs);
        return {};
    case Qt::TextAlignmentRole:
        return isNumericColumn(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole: {
        if (isNumericColumn(column)) {
            const double v = numericKey(src, column);
            return std::isnan(v) ? QVariant() : QVariant(v);
        }
        const QString k = textKey(src, column);
        return k.isEmpty() ? QVariant() : QVariant(k);
    }
    case RawRole:
        return raw(r, column);
    case MissingRole:
        return !raw(r, column).isValid();
    case NodeIdRole:
        return r.nodeId;
    case AcceleratorIndexRole:
        return -1;
    default:
        break;
    }
    return {};
}

} // namespace Meridian
