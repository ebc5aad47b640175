// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace Meridian::Faults {

class FaultTracker;
struct Incident;

// The tracker's incidents, one row each, in the order they appeared: new
// incidents are appended (rowsInserted at the end), existing rows change in
// place (dataChanged), so a view's rows never move under the user by
// themselves. Sorting and facets live in IncidentFilterModel.
class IncidentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Severity,
        State,
        Scope,
        Component,
        Title,
        Where,
        Region,
        FirstSeen,
        LastSeen,
        Count,
        Action,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< numbers for time and count columns, ranks for enums
        IncidentIdRole,
        FacetRole, ///< untranslated key of the column's value (severity, state, component)
    };

    explicit IncidentTableModel(FaultTracker* tracker, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const Incident* incidentAt(int row) const;
    int rowOf(int incidentId) const { return incidentId - 1; }
    void retranslate(); ///< the language changed: every text column

private:
    void onIncidentsChanged(const QList<int>& changed, int previousCount);
    QString where(const Incident& incident) const;

    FaultTracker* m_tracker;
    int m_rows = 0;
};

} // namespace Meridian::Faults
