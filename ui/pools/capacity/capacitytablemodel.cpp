// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/capacity/capacitytablemodel.h"

#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"

namespace Meridian {

CapacityTableModel::CapacityTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void CapacityTableModel::setRows(const QList<Row>& rows)
{
    bool sameKeys = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < rows.size(); ++i) {
        sameKeys = rows.at(i).region == m_rows.at(i).region && rows.at(i).pool == m_rows.at(i).pool
            && rows.at(i).capacity.model == m_rows.at(i).capacity.model;
    }
    if (!sameKeys) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows.at(i) == m_rows.at(i))
            continue;
        m_rows[i] = rows.at(i);
        Q_EMIT dataChanged(index(int(i), Total), index(int(i), ColumnCount - 1));
    }
}

int CapacityTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CapacityTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CapacityTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const ModelCapacity& c = row.capacity;
    // Chips nobody reported yet make allocated/free/faulty a lower bound; with
    // every chip unknown the figures are missing, not zero.
    const bool known = c.unknown < c.total || c.total == 0;
    auto number = [&](int value, bool isKnown) -> QVariant {
        if (role == SortRole)
            return isKnown ? qint64(value) : qint64(-1);
        return isKnown ? Format::count(value) : Format::missing();
    };
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (Column(index.column())) {
        case Region:
            return role == SortRole ? row.region : regionDisplayName(row.region);
        case Pool:
            return row.pool;
        case Model:
            return c.model.isEmpty() ? Format::missing() : c.model;
        case Total:
            return number(c.total, true);
        case Allocated:
            return number(c.allocated, known);
        case Free:
            return number(c.free, known);
        case Faulty:
            return number(c.faulty, known);
        case Unknown:
            return number(c.unknown, true);
        case ColumnCount:
            break;
        }
    } else if (role == Qt::TextAlignmentRole && index.column() >= Total) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant CapacityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Region:
        return tr("Region");
    case Pool:
        return tr("Pool");
    case Model:
        return tr("Model");
    case Total:
        return tr("Total");
    case Allocated:
        return tr("Allocated");
    case Free:
        return tr("Free");
    case Faulty:
        return tr("Faulty");
    case Unknown:
        return tr("Not reported");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Meridian
