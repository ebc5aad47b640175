// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sources/sourcetablemodel.h"

#include <QLocale>

namespace Meridian {

SourceTableModel::SourceTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void SourceTableModel::setSources(const QList<SourceConfig>& sources)
{
    beginResetModel();
    m_sources = sources;
    endResetModel();
}

void SourceTableModel::addSource(const SourceConfig& source)
{
    const int row = int(m_sources.size());
    beginInsertRows({}, row, row);
    m_sources.append(source);
    endInsertRows();
}

void SourceTableModel::replaceSource(int row, const SourceConfig& source)
{
    if (row < 0 || row >= m_sources.size())
        return;
    m_sources[row] = source;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SourceTableModel::removeSource(int row)
{
    if (row < 0 || row >= m_sources.size())
        return;
    beginRemoveRows({}, row, row);
    m_sources.removeAt(row);
    endRemoveRows();
}

int SourceTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourceTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SourceTableModel::kindName(SourceConfig::Kind kind)
{
    switch (kind) {
    case SourceConfig::Kind::Agent:
        break;
    case SourceConfig::Kind::Fleet:
        return tr("Fleet front");
    case SourceConfig::Kind::Prometheus:
        return tr("Prometheus");
    case SourceConfig::Kind::Slurm:
        return tr("Slurm (slurmrestd)");
    }
    return tr("Single agent");
}

QVariant SourceTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceConfig& s = m_sources[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case KindColumn:
            return kindName(s.kind);
        case UrlColumn:
            return s.url.toDisplayString();
        case TokenFileColumn:
            return s.tokenFile.isEmpty() ? tr("(none)") : s.tokenFile;
        case IntervalColumn:
            return tr("%1 s").arg(QLocale().toString(s.intervalMs / 1000.0, 'g', 4));
        }
        break;
    case SortRole:
    case RawValueRole:
        switch (index.column()) {
        case NameColumn:
            return s.name;
        case KindColumn:
            return int(s.kind);
        case UrlColumn:
            return s.url;
        case TokenFileColumn:
            return s.tokenFile;
        case IntervalColumn:
            return s.intervalMs;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == IntervalColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == TokenFileColumn && !s.tokenFile.isEmpty())
            return tr("The token is read from this file; it is never stored in the configuration");
        break;
    }
    return {};
}

QVariant SourceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case UrlColumn:
        return tr("URL");
    case TokenFileColumn:
        return tr("Token file");
    case IntervalColumn:
        return tr("Interval");
    }
    return {};
}

} // namespace Meridian
