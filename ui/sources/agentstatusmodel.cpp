// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/agentstatusmodel.h"

#include "core/model/peertext.h"
#include "core/store/fleetstore.h"
#include "ui/common/displayformat.h"
#include "ui/common/stateicon.h"
#include "ui/common/theme.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace Meridian {

namespace {
// Worst first: what needs attention sits at the top of the list.
int severity(AgentStatus status)
{
    switch (status) {
    case AgentStatus::Unauthorized:
        return 0;
    case AgentStatus::BadPayload:
        return 1;
    case AgentStatus::Unreachable:
        return 2;
    case AgentStatus::Stale:
        return 3;
    case AgentStatus::Unknown:
        return 4;
    case AgentStatus::Up:
        break;
    }
    return 5;
}
} // namespace

AgentStatusModel::AgentStatusModel(FleetStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    m_reloadTimer.setSingleShot(true);
    m_reloadTimer.setInterval(1000);
    connect(&m_reloadTimer, &QTimer::timeout, this, &AgentStatusModel::reload);
    connect(m_store, &FleetStore::changed, this, [this](const FleetChangeSet& changes) {
        if (!changes.isEmpty() && !m_reloadTimer.isActive())
            m_reloadTimer.start();
    });
    reload();
}

void AgentStatusModel::reload()
{
    QList<Row> rows;
    rows.reserve(m_store->nodes().size());
    for (const FleetNode& node : m_store->nodes())
        rows.append(
            { node.inventory.nodeId, node.source, node.status, node.lastSeenMs, PeerText::show(node.lastError) });
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        const int sa = severity(a.status), sb = severity(b.status);
        return sa != sb ? sa < sb : a.nodeId < b.nodeId;
    });
    if (rows.size() == m_rows.size()) {
        // Same row count: one dataChanged for the whole table instead of a reset keeps selection and scroll.
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int AgentStatusModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentStatusModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentStatusModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NodeColumn:
            return row.nodeId;
        case SourceColumn:
            return row.source;
        case StatusColumn:
            return Format::agentStatus(row.status);
        case LastSeenColumn:
            return row.lastSeenMs > 0 ? Format::timestamp(row.lastSeenMs) : Format::missing();
        case ErrorColumn:
            return row.error;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && row.status != AgentStatus::Unknown)
            return Theme::color(Theme::tone(row.status), QGuiApplication::palette());
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return Theme::stateIcon(Theme::state(row.status), QGuiApplication::palette());
        break;
    case Qt::ToolTipRole:
        if (index.column() == ErrorColumn && !row.error.isEmpty())
            return row.error;
        break;
    case SortRole:
    case RawValueRole:
        switch (index.column()) {
        case NodeColumn:
            return row.nodeId;
        case SourceColumn:
            return row.source;
        case StatusColumn:
            return role == SortRole ? severity(row.status) : int(row.status);
        case LastSeenColumn:
            return row.lastSeenMs;
        case ErrorColumn:
            return row.error;
        }
        break;
    }
    return {};
}

QVariant AgentStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Agent");
    case SourceColumn:
        return tr("Source");
    case StatusColumn:
        return tr("Status");
    case LastSeenColumn:
        return tr("Last seen");
    case ErrorColumn:
        return tr("Last error");
    }
    return {};
}

} // namespace Meridian
