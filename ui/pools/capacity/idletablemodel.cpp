// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/capacity/idletablemodel.h"

#include "ui/common/displayformat.h"

#include <QLocale>

namespace Meridian {

IdleTableModel::IdleTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void IdleTableModel::setRows(const QList<IdleAccelerator>& rows)
{
    if (rows == m_rows)
        return;
    bool sameKeys = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameKeys && i < rows.size(); ++i)
        sameKeys = rows.at(i).nodeId == m_rows.at(i).nodeId && rows.at(i).accelerator == m_rows.at(i).accelerator;
    if (!sameKeys) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int IdleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IdleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IdleTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IdleAccelerator& r = m_rows.at(index.row());
    auto text = [](const QString& s) { return s.isEmpty() ? Format::missing() : s; };
    if (role == NodeIdRole)
        return r.nodeId;
    if (role == SortRole) {
        switch (Column(index.column())) {
        case Node:
            return r.nodeId;
        case Accelerator:
            return r.accelerator;
        case Model:
            return r.model;
        case Job:
            return r.jobId;
        case JobName:
            return r.jobName;
        case Tenant:
            return r.tenant;
        case IdleSince:
            return r.idleSinceMs;
        case IdleFor:
            return r.lastSampleMs - r.idleSinceMs;
        case MeanUtilization:
            return Protocol::isMissing(r.meanUtilization) ? -1.0 : r.meanUtilization;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Node:
            return r.nodeId;
        case Accelerator:
            return QLocale().toString(r.accelerator);
        case Model:
            return text(r.model);
        case Job:
            return text(r.jobId);
        case JobName:
            return text(r.jobName);
        case Tenant:
            return text(r.tenant);
        case IdleSince:
            return Format::timestamp(r.idleSinceMs);
        case IdleFor:
            return Format::duration(r.lastSampleMs - r.idleSinceMs);
        case MeanUtilization:
            return Protocol::isMissing(r.meanUtilization)
                ? Format::missing()
                : tr("%1 %").arg(QLocale().toString(r.meanUtilization, 'f', 1));
        case ColumnCount:
            break;
        }
    } else if (role == Qt::TextAlignmentRole
        && (index.column() == Accelerator || index.column() == IdleFor || index.column() == MeanUtilization)) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant IdleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Node:
        return tr("Node");
    case Accelerator:
        return tr("Accelerator");
    case Model:
        return tr("Model");
    case Job:
        return tr("Job");
    case JobName:
        return tr("Job name");
    case Tenant:
        return tr("Tenant");
    case IdleSince:
        return tr("Idle since");
    case IdleFor:
        return tr("Idle for");
    case MeanUtilization:
        return tr("Mean utilization");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Meridian
