// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetacceleratormodel.h"

#include "displayformat.h"
#include "fleetstore.h"
#include "poolsformat.h"

#include <cmath>

namespace Meridian {

namespace {
const QVector<int> ChangedRoles
    = { Qt::DisplayRole, PermutedTableModel::SortRole, PermutedTableModel::RawRole, PermutedTableModel::MissingRole };
// Columns whose values feed the free-text filter, the facets or the scope.
constexpr quint64 KeyColumns = (quint64(1) << FleetAcceleratorModel::Node)
    | (quint64(1) << FleetAcceleratorModel::State) | (quint64(1) << FleetAcceleratorModel::Model)
    | (quint64(1) << FleetAcceleratorModel::Pool) | (quint64(1) << FleetAcceleratorModel::Rack)
    | (quint64(1) << FleetAcceleratorModel::Job) | (quint64(1) << FleetAcceleratorModel::Uuid);
} // namespace

FleetAcceleratorModel::FleetAcceleratorModel(const FleetStore* store, QObject* parent)
    : PermutedTableModel(parent)
    , m_store(store)
{
    connect(store, &FleetStore::changed, this, &FleetAcceleratorModel::onChanged);
    reload();
}

int FleetAcceleratorModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetAcceleratorModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Node:
        return tr("Node");
    case Index:
        return tr("#");
    case State:
        return tr("Capacity");
    case Health:
        return tr("Health");
    case Model:
        return tr("Model");
    case Pool:
        return tr("Pool");
    case Rack:
        return tr("Rack");
    case Job:
        return tr("Job");
    case Utilization:
        return tr("Utilization");
    case Memory:
        return tr("Memory");
    case Temperature:
        return tr("Temperature");
    case Power:
        return tr("Power");
    case Uuid:
        return tr("UUID");
    default:
        break;
    }
    return {};
}

int FleetAcceleratorModel::rowOf(const QString& nodeId, int index) const
{
    const QVector<int> sources = m_sourcesOf.value(nodeId);
    for (int src : sources) {
        if (m_rows[src].index == index)
            return rowOfSource(src);
    }
    return -1;
}

QVector<FleetAcceleratorModel::Row> FleetAcceleratorModel::makeRows(const FleetNode& node)
{
    const Protocol::NodeInventory& inv = node.inventory;
    const Protocol::Sample& sample = node.snapshot.sample;
    const bool hasSample = sample.seq > 0;
    QVector<Row> rows;
    rows.reserve(inv.accelerators.size());
    for (int i = 0; i < inv.accelerators.size(); ++i) {
        const Protocol::AcceleratorInfo& info = inv.accelerators[i];
        Row row;
        row.nodeId = inv.nodeId;
        row.host = inv.hostname.isEmpty() ? inv.nodeId : inv.hostname;
        row.index = info.index;
        row.region = inv.region;
        row.pool = inv.pool;
        row.rack = inv.rack;
        row.model = info.model;
        row.vendor = info.vendor;
        row.uuid = info.uuid;
        row.memoryTotal = info.memoryBytes > 0 ? double(info.memoryBytes) : qQNaN();
        const Protocol::AcceleratorSample* s = nullptr;
        if (hasSample) {
            // Samples usually come in inventory order; search only when they do not.
            if (i < sample.accelerators.size() && sample.accelerators[i].index == info.index) {
                s = &sample.accelerators[i];
            } else {
                for (const Protocol::AcceleratorSample& candidate : sample.accelerators) {
                    if (candidate.index == info.index)
                        s = &candidate;
                }
            }
        }
        if (s) {
            row.state = PoolsFormat::capacityKey(classify(*s, sample.state));
            row.health = s->health;
            row.job = s->jobId;
            row.utilization = s->utilization;
            row.memoryUsed = s->memoryUsedBytes;
            row.temperature = s->temperatureC;
            row.power = s->powerW;
        }
        rows.append(std::move(row));
    }
    return rows;
}

RowFilterKeys FleetAcceleratorModel::keysOf(const Row& row)
{
    RowFilterKeys k;
    k.region = row.region;
    k.pool = row.pool;
    k.rack = row.rack;
    k.state = row.state;
    k.model = row.model;
    k.vendor = row.vendor;
    // Built in one allocation: a live update may rebuild this for every accelerator.
    QString h;
    h.reserve(row.host.size() + row.nodeId.size() + row.pool.size() + row.rack.size() + row.model.size()
        + row.uuid.size() + row.job.size() + 16);
    h += row.host;
    h += QLatin1Char('#');
    h += QString::number(row.index);
    for (const QString* part : { &row.nodeId, &row.pool, &row.rack, &row.model, &row.uuid, &row.job }) {
        h += QLatin1Char('\n');
        h += *part;
    }
    k.haystack = std::move(h).toCaseFolded().toUtf8();
    return k;
}

quint64 FleetAcceleratorModel::diff(const Row& a, const Row& b)
{
    auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
    quint64 mask = 0;
    auto mark = [&mask](bool changed, int column) {
        if (changed)
            mask |= quint64(1) << column;
    };
    mark(a.host != b.host, Node);
    mark(a.index != b.index, Index);
    mark(a.state != b.state, State);
    mark(a.health != b.health, Health);
    mark(a.model != b.model, Model);
    mark(a.pool != b.pool, Pool);
    mark(a.rack != b.rack, Rack);
    mark(a.job != b.job, Job);
    mark(!same(a.utilization, b.utilization), Utilization);
    mark(!same(a.memoryUsed, b.memoryUsed) || !same(a.memoryTotal, b.memoryTotal), Memory);
    mark(!same(a.temperature, b.temperature), Temperature);
    mark(!same(a.power, b.power), Power);
    mark(a.uuid != b.uuid, Uuid);
    return mask;
}

void FleetAcceleratorModel::appendNode(const FleetNode& node, QVector<RowFilterKeys>* keys)
{
    QVector<int>& sources = m_sourcesOf[node.inventory.nodeId];
    sources.clear();
    for (Row& row : makeRows(node)) {
        sources.append(int(m_rows.size()));
        keys->append(keysOf(row));
        m_rows.append(std::move(row));
    }
}

void FleetAcceleratorModel::reload()
{
    resetRows([this] {
        m_rows.clear();
        m_sourcesOf.clear();
        QVector<RowFilterKeys> keys;
        for (const FleetNode& node : m_store->nodes())
            appendNode(node, &keys);
        return keys;
    });
}

void FleetAcceleratorModel::onChanged(const FleetChangeSet& changes)
{
    if (changes.restoredFromCache) {
        reload();
        return;
    }
    // Nodes whose accelerator list changed shape are removed and appended again.
    QSet<int> removed;
    QStringList reappend;
    auto dropNode = [&](const QString& id) {
        const auto it = m_sourcesOf.constFind(id);
        if (it == m_sourcesOf.cend())
            return;
        for (int src : *it)
            removed.insert(src);
    };
    for (const QString& id : changes.removedNodes)
        dropNode(id);
    QVector<int> sources;
    QVector<quint64> masks;
    for (const QString& id : changes.updatedNodes) {
        const FleetNode* node = m_store->node(id);
        const auto it = m_sourcesOf.constFind(id);
        if (!node || it == m_sourcesOf.cend())
            continue;
        QVector<Row> rows = makeRows(*node);
        if (rows.size() != it->size()) {
            dropNode(id);
            reappend.append(id);
            continue;
        }
        for (int i = 0; i < rows.size(); ++i) {
            const int src = it->at(i);
            const quint64 mask = diff(m_rows[src], rows[i]);
            if (mask == 0)
                continue;
            m_rows[src] = std::move(rows[i]);
            sources.append(src);
            masks.append(mask);
            if (mask & KeyColumns)
                setRowKeys(src, keysOf(m_rows[src]));
        }
    }
    updateRows(sources, masks, ChangedRoles);
    for (const QString& id : changes.removedNodes)
        m_sourcesOf.remove(id);
    removeSourceRows(removed);

    QVector<RowFilterKeys> added;
    for (const QString& id : changes.addedNodes + QSet<QString>(reappend.cbegin(), reappend.cend())) {
        if (const FleetNode* node = m_store->node(id); node && (!m_sourcesOf.contains(id) || reappend.contains(id)))
            appendNode(*node, &added);
    }
    appendRows(added);
}

void FleetAcceleratorModel::compactSourceRows(const QVector<int>& oldOfNew)
{
    QVector<Row> rows;
    rows.reserve(oldOfNew.size());
    m_sourcesOf.clear();
    for (int old : oldOfNew) {
        m_sourcesOf[m_rows[old].nodeId].append(int(rows.size()));
        rows.append(std::move(m_rows[old]));
    }
    m_rows = std::move(rows);
}

bool FleetAcceleratorModel::isNumericColumn(int column) const
{
    return column == Index || (column >= Utilization && column <= Power);
}

double FleetAcceleratorModel::numericKey(int src, int column) const
{
    const Row& r = m_rows[src];
    switch (column) {
    case Index:
        return r.index;
    case Utilization:
        return r.utilization;
    case Memory:
        return r.memoryUsed;
    case Temperature:
        return r.temperature;
    case Power:
        return r.power;
    default:
        break;
    }
    return qQNaN();
}

QString FleetAcceleratorModel::textKey(int src, int column) const
{
    const Row& r = m_rows[src];
    switch (column) {
    case Node:
        return r.host.toCaseFolded();
    case State:
        return r.state;
    case Health:
        return r.health == Protocol::AcceleratorHealth::Unknown ? QString() : Protocol::toString(r.health);
    case Model:
        return r.model.toCaseFolded();
    case Pool:
        return r.pool.toCaseFolded();
    case Rack:
        return r.rack.toCaseFolded();
    case Job:
        return r.job.toCaseFolded();
    case Uuid:
        return r.uuid.toCaseFolded();
    default:
        break;
    }
    return {};
}

QVariant FleetAcceleratorModel::raw(int src, int column) const
{
    const Row& r = m_rows[src];
    auto text = [](const QString& s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    switch (column) {
    case Node:
        return r.host;
    case State:
        return text(r.state);
    case Health:
        return text(textKey(src, column));
    case Model:
        return text(r.model);
    case Pool:
        return text(r.pool);
    case Rack:
        return text(r.rack);
    case Job:
        return text(r.job);
    case Uuid:
        return text(r.uuid);
    default:
        break;
    }
    const double v = numericKey(src, column);
    return std::isnan(v) ? QVariant() : QVariant(v);
}

QVariant FleetAcceleratorModel::sourceData(int src, int column, int role) const
{
    const Row& r = m_rows[src];
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Index:
            return QString::number(r.index);
        case State:
            return r.state.isEmpty() ? Format::missing() : PoolsFormat::stateText(r.state);
        case Health:
            return PoolsFormat::healthText(r.health);
        case Utilization:
            return PoolsFormat::percent(r.utilization);
        case Memory:
            return PoolsFormat::gibPair(r.memoryUsed, r.memoryTotal);
        case Temperature:
            return PoolsFormat::celsius(r.temperature);
        case Power:
            return PoolsFormat::watts(r.power);
        default: {
            const QVariant v = raw(src, column);
            return v.isValid() ? v.toString() : Format::missing();
        }
        }
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
        return raw(src, column);
    case MissingRole:
        return !raw(src, column).isValid();
    case NodeIdRole:
        return r.nodeId;
    case AcceleratorIndexRole:
        return r.index;
    default:
        break;
    }
    return {};
}

} // namespace Meridian
