// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/acceleratortablemodel.h"

#include "ui/common/displayformat.h"
#include "ui/common/stateicon.h"
#include "ui/common/theme.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Meridian {

namespace {
QString number(double v, int decimals, const QString& unit)
{
    if (Protocol::isMissing(v))
        return Format::missing();
    return QLocale().toString(v, 'f', decimals) + unit;
}

QString healthText(Protocol::AcceleratorHealth health)
{
    switch (health) {
    case Protocol::AcceleratorHealth::Healthy:
        return AcceleratorTableModel::tr("healthy");
    case Protocol::AcceleratorHealth::Warning:
        return AcceleratorTableModel::tr("warning");
    case Protocol::AcceleratorHealth::Faulty:
        return AcceleratorTableModel::tr("faulty");
    case Protocol::AcceleratorHealth::Unknown:
        break;
    }
    return Format::missing();
}
} // namespace

AcceleratorTableModel::AcceleratorTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void AcceleratorTableModel::setNode(const FleetNode* node)
{
    QList<Row> rows;
    if (node) {
        const bool hasSample = node->snapshot.sample.seq != 0;
        for (const Protocol::AcceleratorInfo& info : node->inventory.accelerators) {
            Row row;
            row.info = info;
            if (hasSample)
                for (const Protocol::AcceleratorSample& s : node->snapshot.sample.accelerators)
                    if (s.index == info.index) {
                        row.sample = s;
                        row.hasSample = true;
                        break;
                    }
            rows.append(row);
        }
    }
    const QString id = node ? node->inventory.nodeId : QString();
    m_nodeDown = node && node->snapshot.sample.seq != 0 && node->snapshot.sample.state == Protocol::NodeState::Down;
    if (id == m_nodeId && rows.size() == m_rows.size() && !rows.isEmpty()) {
        m_rows = rows; // same shape: values only
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_nodeId = id;
    m_rows = rows;
    endResetModel();
}

int AcceleratorTableModel::acceleratorIndex(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).info.index : -1;
}

int AcceleratorTableModel::rowOfAccelerator(int index) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_rows.at(r).info.index == index)
            return r;
    return -1;
}

int AcceleratorTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AcceleratorTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AcceleratorTableModel::display(const Row& row, int column) const
{
    const Protocol::AcceleratorSample& s = row.sample;
    const bool has = row.hasSample;
    switch (column) {
    case Index:
        return row.info.index;
    case Model:
        return row.info.model;
    case Uuid:
        return row.info.uuid;
    case Health:
        if (m_nodeDown)
            return tr("node down");
        return has ? healthText(s.health) : Format::missing();
    case Utilization:
        return number(has ? s.utilization : Protocol::Missing, 0, QStringLiteral(" %"));
    case Memory: {
        if (!has || Protocol::isMissing(s.memoryUsedBytes))
            return Format::missing();
        const double gib = s.memoryUsedBytes / double(1LL << 30);
        if (row.info.memoryBytes <= 0)
            return tr("%1 GiB").arg(QLocale().toString(gib, 'f', 1));
        return tr("%1 / %2 GiB (%3 %)")
            .arg(QLocale().toString(gib, 'f', 1), QLocale().toString(row.info.memoryBytes / double(1LL << 30), 'f', 0),
                QLocale().toString(s.memoryUsedBytes * 100.0 / double(row.info.memoryBytes), 'f', 0));
    }
    case Temperature:
        return number(has ? s.temperatureC : Protocol::Missing, 0, QStringLiteral(" °C"));
    case Power:
        return number(has ? s.powerW : Protocol::Missing, 0, QStringLiteral(" W"));
    case EccSingle:
        return number(has ? s.eccSingleBitTotal : Protocol::Missing, 0, {});
    case EccDouble:
        return number(has ? s.eccDoubleBitTotal : Protocol::Missing, 0, {});
    case Job:
        return has ? (s.jobId.isEmpty() ? tr("free") : s.jobId) : Format::missing();
    }
    return {};
}

QVariant AcceleratorTableModel::sortValue(const Row& row, int column) const
{
    const Protocol::AcceleratorSample& s = row.sample;
    const double missing = Protocol::Missing;
    switch (column) {
    case Index:
        return row.info.index;
    case Health:
        return row.hasSample ? int(s.health) : -1;
    case Utilization:
        return row.hasSample ? s.utilization : missing;
    case Memory:
        return row.hasSample ? s.memoryUsedBytes : missing;
    case Temperature:
        return row.hasSample ? s.temperatureC : missing;
    case Power:
        return row.hasSample ? s.powerW : missing;
    case EccSingle:
        return row.hasSample ? s.eccSingleBitTotal : missing;
    case EccDouble:
        return row.hasSample ? s.eccDoubleBitTotal : missing;
    default:
        return display(row, column);
    }
}

QVariant AcceleratorTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == Index || (index.column() >= Utilization && index.column() <= EccDouble))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (index.column() == Health) {
            const QPalette pal = QGuiApplication::palette();
            if (m_nodeDown || (row.hasSample && row.sample.health == Protocol::AcceleratorHealth::Faulty))
                return Theme::color(Theme::Tone::Bad, pal);
            if (row.hasSample && row.sample.health == Protocol::AcceleratorHealth::Warning)
                return Theme::color(Theme::Tone::Warning, pal);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Health && (m_nodeDown || row.hasSample))
            return Theme::stateIcon(
                m_nodeDown ? Theme::State::Down : Theme::state(row.sample.health), QGuiApplication::palette());
        return {};
    default:
        return {};
    }
}

QVariant AcceleratorTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index:
        return tr("#");
    case Model:
        return tr("Model");
    case Uuid:
        return tr("UUID");
    case Health:
        return tr("Health");
    case Utilization:
        return tr("Utilization");
    case Memory:
        return tr("Memory");
    case Temperature:
        return tr("Temperature");
    case Power:
        return tr("Power");
    case EccSingle:
        return tr("ECC single-bit");
    case EccDouble:
        return tr("ECC double-bit");
    case Job:
        return tr("Job");
    }
    return {};
}

} // namespace Meridian
