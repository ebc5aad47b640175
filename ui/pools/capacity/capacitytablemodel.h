// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QAbstractTableModel>

namespace Meridian {

// Rows of capacity by scope and model: region, pool, model, total,
// allocated, free, faulty. Used for the per-pool table and, with the scope
// columns hidden, for "free right now by model". Numbers are absolute; the
// sort role (Qt::UserRole) gives the raw value, -1 when missing.
class CapacityTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Region, Pool, Model, Total, Allocated, Free, Faulty, Unknown, ColumnCount };
    struct Row
    {
        QString region;
        QString pool;
        ModelCapacity capacity;
        friend bool operator==(const Row& a, const Row& b)
        {
            return a.region == b.region && a.pool == b.pool && a.capacity.model == b.capacity.model
                && a.capacity.total == b.capacity.total && a.capacity.allocated == b.capacity.allocated
                && a.capacity.free == b.capacity.free && a.capacity.faulty == b.capacity.faulty
                && a.capacity.unknown == b.capacity.unknown;
        }
    };
    static constexpr int SortRole = Qt::UserRole;

    explicit CapacityTableModel(QObject* parent = nullptr);

    // Same keys in the same order: changed cells only (keeps selection and scroll); else a reset.
    void setRows(const QList<Row>& rows);
    const QList<Row>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace Meridian
