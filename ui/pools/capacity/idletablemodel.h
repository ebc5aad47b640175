// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/capacity/idletracker.h"

#include <QAbstractTableModel>

namespace Meridian {

// The allocated-but-idle accelerators with their jobs. The sort role
// (Qt::UserRole) gives raw values; "idle for" is measured on the agent's
// clock (newest sample − idle since), never the console's.
class IdleTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Node, Accelerator, Model, Job, JobName, Tenant, IdleSince, IdleFor, MeanUtilization, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int NodeIdRole = Qt::UserRole + 1;

    explicit IdleTableModel(QObject* parent = nullptr);

    void setRows(const QList<IdleAccelerator>& rows);
    const QList<IdleAccelerator>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<IdleAccelerator> m_rows;
};

} // namespace Meridian
