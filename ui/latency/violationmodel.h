// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pairs that break their latency target now, one row each.

#include "core/latency/latencytargets.h"

#include <QAbstractTableModel>

namespace Meridian {

class ViolationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { From, To, Class, P50, P99, Loss, Target, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setViolations(const QList<Violation>& violations);
    const Violation& violation(int row) const { return m_rows[row]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString className(PairClass c); ///< translated

private:
    QList<Violation> m_rows;
};

} // namespace Meridian
