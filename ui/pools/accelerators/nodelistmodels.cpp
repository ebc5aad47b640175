// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/pools/accelerators/nodelistmodels.h"

#include "core/model/peertext.h"
#include "ui/common/displayformat.h"
#include "ui/common/stateicon.h"
#include "ui/common/theme.h"

#include <QGuiApplication>
#include <QPalette>

namespace Meridian {

namespace {
QString severityText(Protocol::Severity severity)
{
    switch (severity) {
    case Protocol::Severity::Info:
        return NodeEventsModel::tr("info");
    case Protocol::Severity::Warning:
        return NodeEventsModel::tr("warning");
    case Protocol::Severity::Critical:
        return NodeEventsModel::tr("critical");
    }
    return {};
}
} // namespace

NodeEventsModel::NodeEventsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void NodeEventsModel::setEvents(const QList<Protocol::Event>& events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

int NodeEventsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int NodeEventsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeEventsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Protocol::Event& e = m_events.at(index.row());
    if ((role == Qt::ForegroundRole || role == Qt::DecorationRole) && index.column() == Severity) {
        const Theme::State state = Theme::state(e.severity, e.cleared);
        if (role == Qt::DecorationRole)
            return Theme::stateIcon(state, QGuiApplication::palette());
        if (state == Theme::State::Warning || state == Theme::State::Critical)
            return Theme::color(state, QGuiApplication::palette());
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return Format::timestamp(e.timestampMs);
    case Severity:
        return e.cleared ? tr("%1 (cleared)").arg(severityText(e.severity)) : severityText(e.severity);
    case Kind:
        return e.kind;
    case Accelerator:
        return e.accelerator < 0 ? tr("node") : QString::number(e.accelerator);
    case Message:
        return PeerText::show(e.message, e.messageKey, e.messageArgs);
    case Code:
        return e.code;
    }
    return {};
}

QVariant NodeEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Severity:
        return tr("Severity");
    case Kind:
        return tr("Kind");
    case Accelerator:
        return tr("Accelerator");
    case Message:
        return tr("Message");
    case Code:
        return tr("Code");
    }
    return {};
}

NodeJobsModel::NodeJobsModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void NodeJobsModel::setJobs(const QList<Protocol::JobPlacement>& jobs)
{
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

int NodeJobsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int NodeJobsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeJobsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || role != Qt::DisplayRole)
        return {};
    const Protocol::JobPlacement& j = m_jobs.at(index.row());
    switch (index.column()) {
    case Job:
        return j.jobId;
    case Name:
        return j.name;
    case Tenant:
        return j.tenant;
    case Kind:
        return j.kind;
    case State:
        return j.state;
    case Accelerators: {
        QStringList list;
        for (int a : j.accelerators)
            list << QString::number(a);
        return list.join(QStringLiteral(", "));
    }
    case Started:
        return j.startedMs > 0 ? Format::timestamp(j.startedMs) : Format::missing();
    case LastCheckpoint:
        return j.lastCheckpointMs > 0 ? Format::timestamp(j.lastCheckpointMs) : tr("none yet");
    }
    return {};
}

QVariant NodeJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Job:
        return tr("Job");
    case Name:
        return tr("Name");
    case Tenant:
        return tr("Tenant");
    case Kind:
        return tr("Kind");
    case State:
        return tr("State");
    case Accelerators:
        return tr("Accelerators");
    case Started:
        return tr("Started");
    case LastCheckpoint:
        return tr("Last checkpoint");
    }
    return {};
}

} // namespace Meridian
