// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/consoleconfig.h"

#include <QAbstractTableModel>

namespace Meridian {

// The configured sources, as edited in the Sources dialog (a working copy:
// nothing is applied until the dialog is accepted).
class SourceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, UrlColumn, TokenFileColumn, IntervalColumn, ColumnCount };
    enum Roles { SortRole = Qt::UserRole + 1, RawValueRole };

    explicit SourceTableModel(QObject* parent = nullptr);

    void setSources(const QList<SourceConfig>& sources);
    const QList<SourceConfig>& sources() const { return m_sources; }
    void addSource(const SourceConfig& source);
    void replaceSource(int row, const SourceConfig& source);
    void removeSource(int row);

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

    static QString kindName(SourceConfig::Kind kind); ///< translated

private:
    QList<SourceConfig> m_sources;
};

} // namespace Meridian
