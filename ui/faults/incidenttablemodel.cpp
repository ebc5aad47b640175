// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/faults/incidenttablemodel.h"

#include "core/faults/faultmaptexts.h"
#include "core/faults/faulttracker.h"
#include "core/model/peertext.h"
#include "ui/common/displayformat.h"
#include "ui/common/regionnames.h"
#include "ui/common/stateicon.h"
#include "ui/common/theme.h"

#include <QApplication>
#include <QPalette>

namespace Meridian::Faults {

IncidentTableModel::IncidentTableModel(FaultTracker* tracker, QObject* parent)
    : QAbstractTableModel(parent)
    , m_tracker(tracker)
    , m_rows(tracker->incidentCount())
{
    connect(tracker, &FaultTracker::incidentsChanged, this, &IncidentTableModel::onIncidentsChanged);
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Incident* IncidentTableModel::incidentAt(int row) const
{
    return row >= 0 && row < m_rows ? m_tracker->grouper().incident(row + 1) : nullptr;
}

void IncidentTableModel::onIncidentsChanged(const QList<int>& changed, int previousCount)
{
    Q_UNUSED(previousCount);
    // Existing rows first (one range: cheap for views and proxies), then the new ones at the end.
    int low = m_rows, high = -1;
    for (int id : changed) {
        const int row = id - 1;
        if (row < m_rows) {
            low = std::min(low, row);
            high = std::max(high, row);
        }
    }
    if (high >= 0)
        Q_EMIT dataChanged(index(low, 0), index(high, ColumnCount - 1));
    const int now = m_tracker->incidentCount();
    if (now > m_rows) {
        beginInsertRows({}, m_rows, now - 1);
        m_rows = now;
        endInsertRows();
    }
}

void IncidentTableModel::retranslate()
{
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QString IncidentTableModel::where(const Incident& inc) const
{
    switch (inc.scope) {
    case IncidentScope::Accelerator: {
        const FaultObservation& o = m_tracker->grouper().observations()[inc.members.first()];
        return tr("%1 · accelerator %2").arg(inc.nodeId).arg(o.accelerator);
    }
    case IncidentScope::Node:
        return inc.nodeId;
    case IncidentScope::Rack:
        return tr("rack %1 · %2 · %n node(s)", nullptr, inc.nodeCount).arg(inc.rack, inc.pool);
    case IncidentScope::Region:
        return inc.pool.isEmpty() ? tr("%n node(s) in several pools", nullptr, inc.nodeCount)
                                  : tr("%n node(s) in pool %1", nullptr, inc.nodeCount).arg(inc.pool);
    case IncidentScope::SiteLink: {
        const FaultObservation& o = m_tracker->grouper().observations()[inc.members.first()];
        return QStringLiteral("%1 ↔ %2").arg(regionDisplayName(o.fromSite), regionDisplayName(o.toSite));
    }
    case IncidentScope::Site:
        return tr("links of %1").arg(regionDisplayName(inc.site));
    }
    return {};
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const
{
    const Incident* inc = index.isValid() ? incidentAt(index.row()) : nullptr;
    if (!inc)
        return {};
    if (role == IncidentIdRole)
        return inc->id;
    const auto column = Column(index.column());
    if (role == FacetRole) {
        switch (column) {
        case Severity:
            return Protocol::toString(inc->severity);
        case State:
            return toKey(inc->state);
        case Component:
            return toKey(inc->component);
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case Severity:
            return int(inc->severity);
        case State:
            return int(inc->state);
        case Scope:
            return int(inc->scope);
        case Component:
            return int(inc->component);
        case FirstSeen:
            return inc->firstSeenMs;
        case LastSeen:
            return inc->lastSeenMs;
        case Count:
            return inc->count();
        case Action:
            return int(inc->action);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if ((role == Qt::ForegroundRole || role == Qt::DecorationRole) && column == Severity) {
        // A resolved incident keeps its severity's word but loses its alarm: tick, bluish green.
        const Theme::State state = Theme::state(inc->severity, inc->state == IncidentState::Resolved);
        if (role == Qt::DecorationRole)
            return Theme::stateIcon(state, QApplication::palette());
        return Theme::color(state, QApplication::palette());
    }
    if (role == Qt::ToolTipRole && column == Title) {
        // The agent's own words (English) stay one hover away from the translated title.
        QStringList tip;
        if (!inc->message.isEmpty())
            tip.append(tr("Agent: %1").arg(PeerText::show(inc->message)));
        if (!inc->note.isEmpty())
            tip.append(tr("Acknowledged: %1").arg(inc->note));
        return tip.isEmpty() ? QVariant() : QVariant(tip.join(u'\n'));
    }
    if (role == Qt::TextAlignmentRole && column == Count)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Severity:
        return inc->severity == Protocol::Severity::Critical ? tr("Critical")
            : inc->severity == Protocol::Severity::Warning   ? tr("Warning")
                                                             : tr("Info");
    case State:
        return displayName(inc->state);
    case Scope:
        return displayName(inc->scope);
    case Component:
        return displayName(inc->component);
    case Title:
        return translatedFaultTitle(inc->title);
    case Where:
        return where(*inc);
    case Region:
        return regionDisplayName(inc->region);
    case FirstSeen:
        return Format::timestamp(inc->firstSeenMs);
    case LastSeen:
        return Format::timestamp(inc->lastSeenMs);
    case Count:
        return Format::count(inc->count());
    case Action:
        return displayName(inc->action);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Severity:
        return tr("Severity");
    case State:
        return tr("State");
    case Scope:
        return tr("Scope");
    case Component:
        return tr("Component");
    case Title:
        return tr("Fault");
    case Where:
        return tr("Where");
    case Region:
        return tr("Region");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case Count:
        return tr("Count");
    case Action:
        return tr("Action");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Meridian::Faults
