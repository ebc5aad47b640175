// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/model/fleettypes.h"
#include "ui/common/permutedtablemodel.h"

namespace Meridian {

class FleetStore;

// One row per node of the store, sorted and filtered in the model (see
// PermutedTableModel). Follows FleetStore::changed: changed rows get one
// dataChanged per row range with the columns that moved.
class NodeTableModel final : public PermutedTableModel
{
    Q_OBJECT
public:
    enum Column {
        Host,
        State,
        Pool,
        Rack,
        Model,
        Total,
        Allocated,
        Free,
        Faulty,
        Utilization, ///< mean over the node's accelerators
        Temperature, ///< hottest accelerator
        Memory, ///< host memory used
        Labels,
        LastSeen, ///< age of the last snapshot against the fleet's newest agent time
        ColumnCount
    };

    explicit NodeTableModel(const FleetStore* store, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOfNode(const QString& nodeId) const; ///< -1: absent or filtered out
    QString nodeIdAt(int row) const;

    struct Row
    {
        QString nodeId;
        QString host;
        QString state; ///< key, see NodeFormat::nodeStateKey
        QString region;
        QString pool;
        QString rack;
        QString model; ///< "A, B" when mixed
        QString vendor;
        QString labels; ///< "k=v, k=v"
        AgentStatus status = AgentStatus::Unknown; ///< with lastError: the tooltip
        QString lastError;
        double total = 0;
        double allocated = qQNaN(); ///< NaN: no snapshot yet
        double free = qQNaN();
        double faulty = qQNaN();
        double utilization = qQNaN();
        double temperature = qQNaN();
        double memoryUsed = qQNaN();
        double memoryTotal = qQNaN();
        qint64 lastSeenMs = 0; ///< 0: never
        quint32 inventoryRevision = 0; ///< of the node when the texts above were built
    };
    static Row makeRow(const FleetNode& node);

protected:
    bool isNumericColumn(int column) const override;
    double numericKey(int sourceRow, int column) const override;
    QString textKey(int sourceRow, int column) const override;
    QVariant sourceData(int sourceRow, int column, int role) const override;
    void compactSourceRows(const QVector<int>& oldOfNew) override;

private:
    void onChanged(const FleetChangeSet& changes);
    void reload();
    static RowFilterKeys keysOf(const Row& row);
    // Brings `row` up to date with the node; returns the changed columns as a bit mask.
    // The joined inventory texts are rebuilt only when the node's inventory revision moved.
    static quint64 updateRow(Row& row, const FleetNode& node);
    QVariant raw(const Row& row, int column) const;

    const FleetStore* m_store;
    QVector<Row> m_rows;
    QHash<QString, int> m_sourceOf; ///< node id → source row
    qint64 m_referenceMs = 0; ///< the fleet's newest agent time, for "last seen"
};

} // namespace Meridian
