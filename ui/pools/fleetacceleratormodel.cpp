// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/fleetacceleratormodel.h"

#include "core/store/fleetstore.h"
#include "ui/common/assignchanged.h"
#include "ui/common/displayformat.h"
#include "ui/common/nodeformat.h"

#include <cmath>
#include <utility>

namespace Meridian {

namespace {
const QVector<int> AcceleratorChangedRoles
    = { Qt::DisplayRole, PermutedTableModel::SortRole, PermutedTableModel::RawRole, PermutedTableModel::MissingRole };
// Columns whose values feed the free-text filter, the facets or the scope.
// Live data moves only the state and the job: those keys are updated in place.
constexpr quint64 AcceleratorInventoryColumns = (quint64(1) << FleetAcceleratorModel::Node)
    | (quint64(1) << FleetAcceleratorModel::Model) | (quint64(1) << FleetAcceleratorModel::Pool)
    | (quint64(1) << FleetAcceleratorModel::Rack) | (quint64(1) << FleetAcceleratorModel::Uuid);
constexpr quint64 AcceleratorLiveColumns
    = (quint64(1) << FleetAcceleratorModel::State) | (quint64(1) << FleetAcceleratorModel::Job);
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

namespace {
const Protocol::AcceleratorSample* sampleOf(const Protocol::Sample& sample, int position, int index)
{
    if (sample.seq <= 0)
        return nullptr;
    // Samples usually come in inventory order; search only when they do not.
    if (position < sample.accelerators.size() && sample.accelerators[position].index == index)
        return &sample.accelerators[position];
    for (const Protocol::AcceleratorSample& candidate : sample.accelerators) {
        if (candidate.index == index)
            return &candidate;
    }
    return nullptr;
}
} // namespace

quint64 FleetAcceleratorModel::updateRow(Row& row, const FleetNode& node, int position)
{
    const Protocol::NodeInventory& inv = node.inventory;
    const Protocol::AcceleratorInfo& info = inv.accelerators[position];
    const Protocol::Sample& sample = node.snapshot.sample;
    using AssignChanged::field;
    using AssignChanged::number;
    quint64 mask = 0;
    field(row.nodeId, inv.nodeId, Node, &mask);
    field(row.host, inv.hostname.isEmpty() ? inv.nodeId : inv.hostname, Node, &mask);
    field(row.index, info.index, Index, &mask);
    field(row.region, inv.region, Pool, &mask);
    field(row.pool, inv.pool, Pool, &mask);
    field(row.rack, inv.rack, Rack, &mask);
    field(row.model, info.model, Model, &mask);
    field(row.vendor, info.vendor, Model, &mask);
    field(row.uuid, info.uuid, Uuid, &mask);
    number(row.memoryTotal, info.memoryBytes > 0 ? double(info.memoryBytes) : qQNaN(), Memory, &mask);
    const Protocol::AcceleratorSample* s = sampleOf(sample, position, info.index);
    field(row.state, s ? NodeFormat::capacityKey(classify(*s, sample.state)) : QString(), State, &mask);
    field(row.health, s ? s->health : Protocol::AcceleratorHealth::Unknown, Health, &mask);
    if (s)
        field(row.job, s->jobId, Job, &mask);
    else if (!row.job.isEmpty())
        field(row.job, QString(), Job, &mask);
    number(row.utilization, s ? s->utilization : qQNaN(), Utilization, &mask);
    number(row.memoryUsed, s ? s->memoryUsedBytes : qQNaN(), Memory, &mask);
    number(row.temperature, s ? s->temperatureC : qQNaN(), Temperature, &mask);
    number(row.power, s ? s->powerW : qQNaN(), Power, &mask);
    return mask;
}

QVector<FleetAcceleratorModel::Row> FleetAcceleratorModel::makeRows(const FleetNode& node)
{
    QVector<Row> rows(node.inventory.accelerators.size());
    for (int i = 0; i < rows.size(); ++i)
        updateRow(rows[i], node, i);
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
    for (const QString* part : { &row.nodeId, &row.pool, &row.rack, &row.model, &row.uuid }) {
        h += QLatin1Char('\n');
        h += *part;
    }
    k.haystack = RowFilterKeys::fold(h);
    k.liveHaystack = RowFilterKeys::fold(row.job);
    return k;
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

void FleetAcceleratorModel::setLive(bool live)
{
    if (live == m_live)
        return;
    m_live = live;
    if (!live) {
        resetRows([this] {
            m_rows = {};
            m_sourcesOf = {};
            return QVector<RowFilterKeys> {};
        });
        m_stale = !m_store->nodes().isEmpty();
    } else if (std::exchange(m_stale, false)) {
        reload();
    }
}

void FleetAcceleratorModel::reload()
{
    resetRows([this] {
        m_rows.clear();
        m_sourcesOf.clear();
        qsizetype total = 0;
        for (const FleetNode& node : m_store->nodes())
            total += node.inventory.accelerators.size();
        m_rows.reserve(total);
        m_sourcesOf.reserve(m_store->nodes().size());
        QVector<RowFilterKeys> keys;
        keys.reserve(total);
        for (const FleetNode& node : m_store->nodes())
            appendNode(node, &keys);
        return keys;
    });
}

void FleetAcceleratorModel::onChanged(const FleetChangeSet& changes)
{
    if (!m_live) {
        m_stale = true;
        return;
    }
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
        if (node->inventory.accelerators.size() != it->size()) {
            dropNode(id);
            reappend.append(id);
            continue;
        }
        for (int i = 0; i < it->size(); ++i) {
            const int src = it->at(i);
            const quint64 mask = updateRow(m_rows[src], *node, i);
            if (mask == 0)
                continue;
            sources.append(src);
            masks.append(mask);
            if (mask & AcceleratorInventoryColumns) {
                setRowKeys(src, keysOf(m_rows[src]));
            } else if (mask & AcceleratorLiveColumns) {
                RowFilterKeys& keys = mutableRowKeys(src);
                keys.state = m_rows[src].state;
                if (mask & (quint64(1) << Job))
                    keys.liveHaystack = RowFilterKeys::fold(m_rows[src].job);
            }
        }
    }
    updateRows(sources, masks, AcceleratorChangedRoles);
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
            return r.state.isEmpty() ? Format::missing() : NodeFormat::stateText(r.state);
        case Health:
            return NodeFormat::healthText(r.health);
        case Utilization:
            return NodeFormat::percent(r.utilization);
        case Memory:
            return NodeFormat::gibPair(r.memoryUsed, r.memoryTotal);
        case Temperature:
            return NodeFormat::celsius(r.temperature);
        case Power:
            return NodeFormat::watts(r.power);
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
