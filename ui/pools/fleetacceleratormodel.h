// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/model/fleettypes.h"
#include "ui/common/permutedtablemodel.h"

namespace Meridian {

class FleetStore;

// (Named apart from the node detail's own per-node AcceleratorTableModel.)
// One row per accelerator of the store (200,000 at full scale), on the same
// permutation machinery as NodeTableModel.
class FleetAcceleratorModel final : public PermutedTableModel
{
    Q_OBJECT
public:
    enum Column {
        Node,
        Index,
        State, ///< capacity class: free / allocated / faulty
        Health,
        Model,
        Pool,
        Rack,
        Job,
        Utilization,
        Memory, ///< HBM / device memory used
        Temperature,
        Power,
        Uuid,
        ColumnCount
    };

    explicit FleetAcceleratorModel(const FleetStore* store, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString& nodeId, int index) const; ///< -1: absent or filtered out

    // A fleet's accelerators are 200,000 rows: a model nobody looks at yet (the Pools page's Accelerators tab
    // before it is first opened) follows no change and holds no row; made live, it loads the store's rows once
    // and follows from then on. Live from construction unless told otherwise.
    void setLive(bool live);
    bool isLive() const { return m_live; }

    struct Row
    {
        QString nodeId;
        QString host;
        int index = 0;
        QString state; ///< capacity key; empty: no sample yet
        Protocol::AcceleratorHealth health = Protocol::AcceleratorHealth::Unknown;
        QString region;
        QString pool;
        QString rack;
        QString model;
        QString vendor;
        QString uuid;
        QString job;
        double utilization = qQNaN();
        double memoryUsed = qQNaN();
        double memoryTotal = qQNaN();
        double temperature = qQNaN();
        double power = qQNaN();
    };
    static QVector<Row> makeRows(const FleetNode& node);

protected:
    bool isNumericColumn(int column) const override;
    double numericKey(int sourceRow, int column) const override;
    QString textKey(int sourceRow, int column) const override;
    QVariant sourceData(int sourceRow, int column, int role) const override;
    void compactSourceRows(const QVector<int>& oldOfNew) override;

private:
    void onChanged(const FleetChangeSet& changes);
    void reload();
    void appendNode(const FleetNode& node, QVector<RowFilterKeys>* keys);
    static RowFilterKeys keysOf(const Row& row);
    // Brings `row` up to date with accelerator `position` of the node's inventory;
    // returns the changed columns as a bit mask.
    static quint64 updateRow(Row& row, const FleetNode& node, int position);
    QVariant raw(int sourceRow, int column) const;

    const FleetStore* m_store;
    QVector<Row> m_rows;
    QHash<QString, QVector<int>> m_sourcesOf; ///< node id → its source rows, by accelerator
    bool m_live = true;
    bool m_stale = false; ///< the store changed while the model was not live
};

} // namespace Meridian

// Moved by memcpy when the row lists grow (200,000 rows: copying them one by one took a third of a reload).
Q_DECLARE_TYPEINFO(Meridian::FleetAcceleratorModel::Row, Q_RELOCATABLE_TYPE);
