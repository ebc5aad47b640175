// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QVector>

#include <array>
#include <functional>
#include <vector>

namespace Meridian {

// What every row offers to the free-text filter, the facets and the scope.
struct RowFilterKeys
{
    QString region;
    QString pool;
    QString rack;
    QString state; ///< facet value (untranslated key)
    QString model;
    QString vendor;
    QByteArray haystack; ///< case-folded UTF-8 the free-text filter searches (memmem is fast on bytes)
    QByteArray liveHaystack; ///< searched too: the part that changes with live data (a job id), kept apart so
                             ///< that an update rebuilds only this
    static QByteArray fold(const QString& text); ///< case-folded UTF-8, fast for ASCII
};

// A flat table that sorts and filters on a permutation vector inside the
// model instead of a dynamic QSortFilterProxyModel: sorting a column is one
// std::sort over (key, row) pairs; filtering walks the sorted order, so it
// never re-sorts. Subclasses own the rows ("source rows") and describe them.
//
// Order: by the sort key, missing values last in both directions, ties by
// source row — deterministic and stable.
class PermutedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        SortRole = Qt::UserRole + 1, ///< the key the model sorts by (double or case-folded string)
        RawRole, ///< the unformatted value; invalid QVariant when missing
        MissingRole, ///< true when nobody reported the value (shown as "—")
        NodeIdRole, ///< the node the row belongs to
        AcceleratorIndexRole, ///< the accelerator index, -1 for node rows
    };
    enum class Facet { State, Model, Vendor, Region, Pool };
    static constexpr int FacetCount = 5;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) final;

    int sortColumn() const { return m_sortColumn; } ///< -1: source order
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    void setFilterText(const QString& text);
    QString filterText() const { return m_filterText; }
    // Allowed values of a facet; empty: any.
    void setFacet(Facet facet, const QSet<QString>& allowed);
    QSet<QString> facet(Facet facet) const { return m_facets[int(facet)]; }
    void setScope(const QString& region, const QString& pool, const QString& rack); ///< empty = any
    // Rows per value of a facet among the rows that pass every other filter.
    QHash<QString, int> facetCounts(Facet facet) const;

    int sourceRowOf(int row) const { return m_view.value(row, -1); }
    int rowOfSource(int sourceRow) const { return m_viewOf.value(sourceRow, -1); }
    int sourceRowTotal() const { return int(m_keys.size()); }

protected:
    virtual bool isNumericColumn(int column) const = 0;
    virtual double numericKey(int sourceRow, int column) const = 0; ///< NaN: missing
    virtual QString textKey(int sourceRow, int column) const = 0; ///< case-folded; empty: missing
    virtual QVariant sourceData(int sourceRow, int column, int role) const = 0;
    // Source rows are about to be renumbered: oldOfNew[i] is the old index of new row i.
    virtual void compactSourceRows(const QVector<int>& oldOfNew) = 0;

    // For subclasses, after changing their rows:
    // Everything new: model reset; build() replaces the subclass's rows and returns their keys.
    void resetRows(const std::function<QVector<RowFilterKeys>()>& build);
    void appendRows(const QVector<RowFilterKeys>& keys); ///< rows appended to the source
    void removeSourceRows(const QSet<int>& sourceRows);
    // Rows changed in place; columnMask bit c = column c changed. Call setRowKeys() first for
    // rows whose filter keys changed (most live updates move metrics only, not keys).
    void updateRows(const QVector<int>& sourceRows, const QVector<quint64>& columnMasks, const QVector<int>& roles);
    void setRowKeys(int sourceRow, RowFilterKeys keys) { m_keys[sourceRow] = std::move(keys); }
    RowFilterKeys& mutableRowKeys(int sourceRow) { return m_keys[sourceRow]; } ///< same contract as setRowKeys
    // Every row's values in these columns changed (e.g. a derived age): one dataChanged.
    void touchColumn(int column, const QVector<int>& roles);
    const RowFilterKeys& filterKeys(int sourceRow) const { return m_keys[sourceRow]; }

private:
    bool accepts(int sourceRow, int skipFacet = -1) const;
    void sortOrderVector();
    bool extendSortKeys(int first); ///< sort keys of the rows from `first` on; false: the cache was not whole
    void fillSortKeys();
    bool refreshSortKey(int sourceRow); ///< true when the row's key moved
    bool orderedBefore(int a, int b) const; ///< the sort order as a comparator (cached keys)
    void mergeMovedRows(QVector<int> moved);
    QVector<int> filteredView() const;
    void applyView(QVector<int> newView); ///< removes/inserts runs, or a reset when there are too many
    // Re-sorts m_order (all of it, or only `moved` rows merged back in), then moves the
    // existing view rows by one layoutChanged.
    void relayout(const QVector<int>* moved = nullptr);
    void rebuildViewOf();

    QVector<RowFilterKeys> m_keys;
    QVector<bool> m_alive;
    QVector<int> m_order; ///< every live source row in sort order
    // The sort column's keys by source row. A live update re-sorts from this
    // contiguous copy instead of reaching into every row of the subclass.
    std::vector<double> m_numericKeys; ///< NaN: missing
    QVector<QString> m_textKeys; ///< empty: missing
    QVector<int> m_view; ///< visible rows: the accepted subsequence of m_order
    QVector<int> m_viewOf; ///< source row → view row, -1 hidden
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filterText;
    QByteArray m_needle;
    std::array<QSet<QString>, FacetCount> m_facets;
    QString m_scopeRegion;
    QString m_scopePool;
    QString m_scopeRack;
};

} // namespace Meridian

// Moved by memcpy when key lists grow (one per row: 200,000 for a fleet's accelerators).
Q_DECLARE_TYPEINFO(Meridian::RowFilterKeys, Q_RELOCATABLE_TYPE);
