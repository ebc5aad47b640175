// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/model/fleettypes.h"

#include <QAbstractTableModel>
#include <QTimer>

namespace Meridian {

class FleetStore;

// Per-agent status from the store, problem agents first. Rows are copies taken
// at each change set (values, not pointers into the store), so a view never
// reads state the store has already replaced.
class AgentStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NodeColumn, SourceColumn, StatusColumn, LastSeenColumn, ErrorColumn, ColumnCount };
    enum Roles { SortRole = Qt::UserRole + 1, RawValueRole };

    explicit AgentStatusModel(FleetStore* store, QObject* parent = nullptr);

    void reload();

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    struct Row
    {
        QString nodeId;
        QString source;
        AgentStatus status;
        qint64 lastSeenMs;
        QString error;
    };
    FleetStore* m_store;
    QList<Row> m_rows;
    QTimer m_reloadTimer; // last-seen times change every poll: refresh the list at most once a second
};

} // namespace Meridian
