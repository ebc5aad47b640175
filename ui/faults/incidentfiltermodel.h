// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/faults/incidenttablemodel.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace Meridian::Faults {

// Facets (severity, state, component: an empty set lets everything through)
// and a free-text filter over the incident table; sorts on SortRole.
class IncidentFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Facet { Severity, State, Component };
    explicit IncidentFilterModel(QObject* parent = nullptr);

    void setFacet(Facet facet, const QSet<QString>& keys);
    QSet<QString> facet(Facet facet) const;
    void setText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QSet<QString> m_facets[3];
    QString m_text;
};

} // namespace Meridian::Faults
