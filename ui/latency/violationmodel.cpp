// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/violationmodel.h"

#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"

#include <cmath>

namespace Meridian {

void ViolationModel::setViolations(const QList<Violation>& violations)
{
    beginResetModel();
    m_rows = violations;
    endResetModel();
}

int ViolationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ViolationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ViolationModel::className(PairClass c)
{
    switch (c) {
    case PairClass::SameRack:
        return tr("same rack");
    case PairClass::SamePool:
        return tr("same pool");
    case PairClass::SameSite:
        return tr("same site");
    case PairClass::SameRegion:
        return tr("same region");
    case PairClass::HubCity:
        return tr("hub ↔ city");
    case PairClass::CrossRegion:
        return tr("cross-region");
    }
    return {};
}

QVariant ViolationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Violation& v = m_rows[index.row()];
    if (role == Qt::TextAlignmentRole)
        return index.column() >= P50 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    // Sites by the names the map and the matrix use (Ulanqab, 乌兰察布), the id as reported one hover away.
    if (role == Qt::ToolTipRole && (index.column() == From || index.column() == To))
        return index.column() == From ? v.from : v.to;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case From:
        return regionDisplayName(v.from);
    case To:
        return regionDisplayName(v.to);
    case Class:
        return className(v.pairClass);
    case P50:
        return Format::milliseconds(v.stats.p50Ms);
    case P99:
        return Format::milliseconds(v.stats.p99Ms);
    case Loss:
        return Format::percentOfOne(v.stats.loss);
    case Target:
        return tr("p50 ≤ %1 ms, loss ≤ %2")
            .arg(Format::milliseconds(v.target.p50Ms), Format::percentOfOne(v.target.loss));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ViolationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Class:
        return tr("Pair class");
    case P50:
        return tr("p50 (ms)");
    case P99:
        return tr("p99 (ms)");
    case Loss:
        return tr("Loss");
    case Target:
        return tr("Target");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Meridian
