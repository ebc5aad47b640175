// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/incidentfiltermodel.h"

namespace Meridian::Faults {

IncidentFilterModel::IncidentFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(IncidentTableModel::SortRole);
}

void IncidentFilterModel::setFacet(Facet facet, const QSet<QString>& keys)
{
    if (m_facets[int(facet)] == keys)
        return;
    m_facets[int(facet)] = keys;
    invalidateFilter();
}

QSet<QString> IncidentFilterModel::facet(Facet facet) const
{
    return m_facets[int(facet)];
}

void IncidentFilterModel::setText(const QString& text)
{
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

bool IncidentFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* m = sourceModel();
    static const int facetColumns[]
        = { IncidentTableModel::Severity, IncidentTableModel::State, IncidentTableModel::Component };
    for (int f = 0; f < 3; ++f) {
        if (m_facets[f].isEmpty())
            continue;
        const QString key
            = m->index(sourceRow, facetColumns[f], sourceParent).data(IncidentTableModel::FacetRole).toString();
        if (!m_facets[f].contains(key))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int c : { IncidentTableModel::Title, IncidentTableModel::Where, IncidentTableModel::Region,
             IncidentTableModel::Scope, IncidentTableModel::Component }) {
        if (m->index(sourceRow, c, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Meridian::Faults
