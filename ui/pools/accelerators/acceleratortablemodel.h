// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleettypes.h"

#include <QAbstractTableModel>

namespace Meridian {

// The accelerators of one node right now: inventory joined with the newest
// sample by index. Missing values show as "—" and sort below every value.
class AcceleratorTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Index,
        Model,
        Uuid,
        Health,
        Utilization,
        Memory,
        Temperature,
        Power,
        EccSingle,
        EccDouble,
        Job,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1; ///< raw number (NaN when missing) or text

    explicit AcceleratorTableModel(QObject* parent = nullptr);

    void setNode(const FleetNode* node); ///< nullptr: empty
    int acceleratorIndex(int row) const; ///< the accelerator's index on the node, -1 for a bad row
    int rowOfAccelerator(int index) const; ///< -1 when the node has no such accelerator

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Protocol::AcceleratorInfo info;
        Protocol::AcceleratorSample sample;
        bool hasSample = false;
    };
    QVariant display(const Row& row, int column) const;
    QVariant sortValue(const Row& row, int column) const;

    QString m_nodeId;
    bool m_nodeDown = false;
    QList<Row> m_rows;
};

} // namespace Meridian
