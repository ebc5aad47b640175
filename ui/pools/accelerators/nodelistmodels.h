// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"

#include <QAbstractTableModel>

namespace Meridian {

// One node's events from the cache, newest first.
class NodeEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Severity, Kind, Accelerator, Message, Code, ColumnCount };
    explicit NodeEventsModel(QObject* parent = nullptr);
    void setEvents(const QList<Protocol::Event>& events);
    const QList<Protocol::Event>& events() const { return m_events; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Protocol::Event> m_events;
};

// The jobs placed on one node, from its snapshot.
class NodeJobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Job, Name, Tenant, Kind, State, Accelerators, Started, LastCheckpoint, ColumnCount };
    explicit NodeJobsModel(QObject* parent = nullptr);
    void setJobs(const QList<Protocol::JobPlacement>& jobs);
    const QList<Protocol::JobPlacement>& jobs() const { return m_jobs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Protocol::JobPlacement> m_jobs;
};

} // namespace Meridian
