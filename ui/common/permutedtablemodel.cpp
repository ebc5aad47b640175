// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/permutedtablemodel.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <iterator>
#include <numeric>
#include <utility>

namespace Meridian {

namespace {
// Above this many insert/remove runs one reset is cheaper for the views than the signals.
constexpr int MaxRunsBeforeReset = 64;
// Above this many changed ranges one bounding dataChanged replaces them.
constexpr int MaxChangedRanges = 32;
} // namespace

QByteArray RowFilterKeys::fold(const QString& text)
{
    const bool ascii = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (!ascii)
        return text.toCaseFolded().toUtf8();
    QByteArray out = text.toLatin1();
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return out;
}

int PermutedTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_view.size());
}

QVariant PermutedTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return sourceData(m_view[index.row()], index.column(), role);
}

void PermutedTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= columnCount())
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    relayout();
}

void PermutedTableModel::setFilterText(const QString& text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_needle = text.trimmed().toCaseFolded().toUtf8();
    applyView(filteredView());
}

void PermutedTableModel::setFacet(Facet facet, const QSet<QString>& allowed)
{
    if (m_facets[int(facet)] == allowed)
        return;
    m_facets[int(facet)] = allowed;
    applyView(filteredView());
}

void PermutedTableModel::setScope(const QString& region, const QString& pool, const QString& rack)
{
    if (region == m_scopeRegion && pool == m_scopePool && rack == m_scopeRack)
        return;
    m_scopeRegion = region;
    m_scopePool = pool;
    m_scopeRack = rack;
    applyView(filteredView());
}

QHash<QString, int> PermutedTableModel::facetCounts(Facet facet) const
{
    QHash<QString, int> counts;
    for (int src = 0; src < m_keys.size(); ++src) {
        if (!accepts(src, int(facet)))
            continue;
        const RowFilterKeys& k = m_keys[src];
        switch (facet) {
        case Facet::State:
            ++counts[k.state];
            break;
        case Facet::Model:
            ++counts[k.model];
            break;
        case Facet::Vendor:
            ++counts[k.vendor];
            break;
        case Facet::Region:
            ++counts[k.region];
            break;
        case Facet::Pool:
            ++counts[k.pool];
            break;
        }
    }
    return counts;
}

bool PermutedTableModel::accepts(int src, int skipFacet) const
{
    if (!m_alive[src])
        return false;
    const RowFilterKeys& k = m_keys[src];
    if ((!m_scopeRegion.isEmpty() && k.region != m_scopeRegion) || (!m_scopePool.isEmpty() && k.pool != m_scopePool)
        || (!m_scopeRack.isEmpty() && k.rack != m_scopeRack))
        return false;
    const QString* values[FacetCount] = { &k.state, &k.model, &k.vendor, &k.region, &k.pool };
    for (int f = 0; f < FacetCount; ++f) {
        if (f != skipFacet && !m_facets[f].isEmpty() && !m_facets[f].contains(*values[f]))
            return false;
    }
    const auto contains = [this](const QByteArray& haystack) {
        return memmem(haystack.constData(), size_t(haystack.size()), m_needle.constData(), size_t(m_needle.size()))
            != nullptr;
    };
    return m_needle.isEmpty() || contains(k.haystack) || contains(k.liveHaystack);
}

void PermutedTableModel::fillSortKeys()
{
    const int n = int(m_keys.size());
    m_numericKeys.clear();
    m_textKeys.clear();
    if (m_sortColumn < 0)
        return;
    if (isNumericColumn(m_sortColumn)) {
        m_numericKeys.resize(size_t(n));
        for (int src = 0; src < n; ++src)
            m_numericKeys[size_t(src)] = numericKey(src, m_sortColumn);
    } else {
        m_textKeys.resize(n);
        for (int src = 0; src < n; ++src)
            m_textKeys[src] = textKey(src, m_sortColumn);
    }
}

bool PermutedTableModel::refreshSortKey(int src)
{
    if (isNumericColumn(m_sortColumn)) {
        const double key = numericKey(src, m_sortColumn);
        double& cached = m_numericKeys[size_t(src)];
        const bool moved = !(key == cached || (std::isnan(key) && std::isnan(cached)));
        cached = key;
        return moved;
    }
    QString key = textKey(src, m_sortColumn);
    if (key == m_textKeys[src])
        return false;
    m_textKeys[src] = std::move(key);
    return true;
}

bool PermutedTableModel::orderedBefore(int a, int b) const
{
    // Missing values last whatever the direction; ties by source row.
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    if (!m_numericKeys.empty()) {
        const double ka = m_numericKeys[size_t(a)];
        const double kb = m_numericKeys[size_t(b)];
        const bool ma = std::isnan(ka);
        const bool mb = std::isnan(kb);
        if (ma != mb)
            return mb;
        if (!ma && ka != kb)
            return descending ? ka > kb : ka < kb;
        return a < b;
    }
    const QString& ka = m_textKeys[a];
    const QString& kb = m_textKeys[b];
    if (ka.isEmpty() != kb.isEmpty())
        return kb.isEmpty();
    const int c = QString::compare(ka, kb);
    if (c != 0)
        return descending ? c > 0 : c < 0;
    return a < b;
}

void PermutedTableModel::sortOrderVector()
{
    const int n = int(m_keys.size());
    fillSortKeys();
    m_order.clear();
    m_order.reserve(n);
    if (m_sortColumn < 0) {
        for (int src = 0; src < n; ++src) {
            if (m_alive[src])
                m_order.append(src);
        }
        return;
    }
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    QVector<int> missing;
    // Sorting (key, row) pairs keeps the keys next to each other in memory; ties fall back to the row.
    if (!m_numericKeys.empty()) {
        std::vector<std::pair<double, int>> keys;
        keys.reserve(size_t(n));
        for (int src = 0; src < n; ++src) {
            if (!m_alive[src])
                continue;
            const double key = m_numericKeys[size_t(src)];
            if (std::isnan(key))
                missing.append(src);
            else
                keys.emplace_back(descending ? -key : key, src);
        }
        std::sort(keys.begin(), keys.end());
        for (const auto& key : keys)
            m_order.append(key.second);
    } else {
        QVector<int> rows;
        rows.reserve(n);
        for (int src = 0; src < n; ++src) {
            if (!m_alive[src])
                continue;
            if (m_textKeys[src].isEmpty())
                missing.append(src);
            else
                rows.append(src);
        }
        std::sort(rows.begin(), rows.end(), [this](int a, int b) { return orderedBefore(a, b); });
        m_order = std::move(rows);
    }
    m_order.append(missing); // missing values last, whatever the direction
}

void PermutedTableModel::mergeMovedRows(QVector<int> moved)
{
    // O(n + k log k) for k moved rows: take them out, sort them, merge them back.
    QVector<char> isMoved(m_keys.size(), 0);
    moved.removeIf([&isMoved](int src) { return std::exchange(isMoved[src], char(1)) != 0; });
    m_order.removeIf([&isMoved](int src) { return isMoved[src] != 0; });
    const auto before = [this](int a, int b) { return orderedBefore(a, b); };
    std::sort(moved.begin(), moved.end(), before);
    QVector<int> order;
    order.reserve(m_order.size() + moved.size());
    std::merge(m_order.cbegin(), m_order.cend(), moved.cbegin(), moved.cend(), std::back_inserter(order), before);
    m_order = std::move(order);
}

QVector<int> PermutedTableModel::filteredView() const
{
    QVector<int> view;
    view.reserve(m_order.size());
    for (int src : m_order) {
        if (accepts(src))
            view.append(src);
    }
    return view;
}

void PermutedTableModel::rebuildViewOf()
{
    m_viewOf.fill(-1, m_keys.size());
    for (int row = 0; row < m_view.size(); ++row)
        m_viewOf[m_view[row]] = row;
}

void PermutedTableModel::applyView(QVector<int> newView)
{
    const int n = int(m_keys.size());
    QVector<char> inNew(n, 0);
    for (int src : newView)
        inNew[src] = 1;
    QVector<std::pair<int, int>> removed; // runs of old view rows, first..last
    for (int row = 0; row < m_view.size(); ++row) {
        if (inNew[m_view[row]])
            continue;
        if (!removed.isEmpty() && removed.last().second == row - 1)
            removed.last().second = row;
        else
            removed.append({ row, row });
    }
    QVector<std::pair<int, int>> inserted; // runs of new view rows
    for (int row = 0; row < newView.size(); ++row) {
        const int src = newView[row];
        if (src < m_viewOf.size() && m_viewOf[src] >= 0)
            continue;
        if (!inserted.isEmpty() && inserted.last().second == row - 1)
            inserted.last().second = row;
        else
            inserted.append({ row, row });
    }
    if (removed.isEmpty() && inserted.isEmpty()) {
        m_view = std::move(newView);
        rebuildViewOf();
        return;
    }
    if (removed.size() + inserted.size() > MaxRunsBeforeReset) {
        beginResetModel();
        m_view = std::move(newView);
        rebuildViewOf();
        endResetModel();
        return;
    }
    // Both views are subsequences of m_order: remove from the back, then insert from the front.
    for (auto it = removed.crbegin(); it != removed.crend(); ++it) {
        beginRemoveRows({}, it->first, it->second);
        m_view.remove(it->first, it->second - it->first + 1);
        endRemoveRows();
    }
    for (const auto& [first, last] : inserted) {
        beginInsertRows({}, first, last);
        m_view.insert(first, last - first + 1, 0);
        std::copy(newView.cbegin() + first, newView.cbegin() + last + 1, m_view.begin() + first);
        endInsertRows();
    }
    rebuildViewOf();
}

void PermutedTableModel::relayout(const QVector<int>* moved)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    if (moved)
        mergeMovedRows(*moved);
    else
        sortOrderVector();
    const QVector<int> oldView = m_view;
    QVector<int> view;
    view.reserve(m_view.size());
    for (int src : std::as_const(m_order)) {
        if (m_viewOf.value(src, -1) >= 0)
            view.append(src);
    }
    m_view = std::move(view);
    rebuildViewOf();
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex& index : from) {
        const int row = m_viewOf.value(oldView.value(index.row(), -1), -1);
        to.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void PermutedTableModel::resetRows(const std::function<QVector<RowFilterKeys>()>& build)
{
    beginResetModel();
    m_keys = build();
    m_alive.fill(true, m_keys.size());
    sortOrderVector();
    m_view = filteredView();
    rebuildViewOf();
    endResetModel();
}

void PermutedTableModel::appendRows(const QVector<RowFilterKeys>& keys)
{
    if (keys.isEmpty())
        return;
    const int first = int(m_keys.size());
    m_keys.append(keys);
    m_alive.resize(m_keys.size(), true);
    m_viewOf.resize(m_keys.size(), -1);
    // Ties break by source row, so rows already shown keep their relative order: inserts only. Only the new rows'
    // sort keys are made, and the rows are merged into the order, O(n + k log k): a fleet's first load comes in
    // dozens of slices, and re-sorting 25,000 rows for each took most of every slice.
    QVector<int> added(int(keys.size()));
    std::iota(added.begin(), added.end(), first);
    if (m_sortColumn < 0)
        m_order.append(added);
    else if (extendSortKeys(first))
        mergeMovedRows(std::move(added));
    else
        sortOrderVector();
    applyView(filteredView());
}

bool PermutedTableModel::extendSortKeys(int first)
{
    const int n = int(m_keys.size());
    if (isNumericColumn(m_sortColumn)) {
        if (m_numericKeys.size() != size_t(first))
            return false;
        m_numericKeys.resize(size_t(n));
        for (int src = first; src < n; ++src)
            m_numericKeys[size_t(src)] = numericKey(src, m_sortColumn);
        return true;
    }
    if (m_textKeys.size() != first)
        return false;
    m_textKeys.resize(n);
    for (int src = first; src < n; ++src)
        m_textKeys[src] = textKey(src, m_sortColumn);
    return true;
}

void PermutedTableModel::removeSourceRows(const QSet<int>& sourceRows)
{
    if (sourceRows.isEmpty())
        return;
    for (int src : sourceRows)
        m_alive[src] = false;
    m_order.removeIf([this](int src) { return !m_alive[src]; });
    applyView(filteredView());
    // Renumber the live rows; view rows do not move, so the views see nothing.
    QVector<int> oldOfNew;
    QVector<int> newOfOld(m_keys.size(), -1);
    for (int src = 0; src < m_keys.size(); ++src) {
        if (m_alive[src]) {
            newOfOld[src] = int(oldOfNew.size());
            oldOfNew.append(src);
        }
    }
    compactSourceRows(oldOfNew);
    QVector<RowFilterKeys> keys;
    keys.reserve(oldOfNew.size());
    for (int old : std::as_const(oldOfNew))
        keys.append(std::move(m_keys[old]));
    m_keys = std::move(keys);
    if (!m_numericKeys.empty()) {
        std::vector<double> numericKeys(oldOfNew.size());
        for (qsizetype i = 0; i < oldOfNew.size(); ++i)
            numericKeys[size_t(i)] = m_numericKeys[size_t(oldOfNew[i])];
        m_numericKeys = std::move(numericKeys);
    }
    if (!m_textKeys.isEmpty()) {
        QVector<QString> textKeys;
        textKeys.reserve(oldOfNew.size());
        for (int old : std::as_const(oldOfNew))
            textKeys.append(std::move(m_textKeys[old]));
        m_textKeys = std::move(textKeys);
    }
    m_alive.fill(true, m_keys.size());
    for (int& src : m_order)
        src = newOfOld[src];
    for (int& src : m_view)
        src = newOfOld[src];
    rebuildViewOf();
}

void PermutedTableModel::updateRows(
    const QVector<int>& sourceRows, const QVector<quint64>& columnMasks, const QVector<int>& roles)
{
    quint64 mask = 0;
    bool membership = false;
    for (int i = 0; i < sourceRows.size(); ++i) {
        const int src = sourceRows[i];
        mask |= columnMasks[i];
        if (accepts(src) != (m_viewOf[src] >= 0))
            membership = true;
    }
    if (mask == 0 && !membership)
        return;
    // Re-sort only the rows whose sort key moved; merging them back is linear.
    if (m_sortColumn >= 0 && (mask & (quint64(1) << m_sortColumn))) {
        QVector<int> moved;
        for (int i = 0; i < sourceRows.size(); ++i) {
            if ((columnMasks[i] & (quint64(1) << m_sortColumn)) && refreshSortKey(sourceRows[i]))
                moved.append(sourceRows[i]);
        }
        if (!moved.isEmpty())
            relayout(&moved);
    }
    if (membership)
        applyView(filteredView());
    if (mask == 0)
        return;
    QVector<int> rows;
    rows.reserve(sourceRows.size());
    for (int i = 0; i < sourceRows.size(); ++i) {
        const int row = m_viewOf[sourceRows[i]];
        if (row >= 0 && columnMasks[i] != 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    QVector<std::pair<int, int>> ranges;
    for (int row : std::as_const(rows)) {
        if (!ranges.isEmpty() && ranges.last().second >= row - 1)
            ranges.last().second = row;
        else
            ranges.append({ row, row });
    }
    if (ranges.size() > MaxChangedRanges)
        ranges = { { ranges.first().first, ranges.last().second } };
    const int firstColumn = std::countr_zero(mask);
    const int lastColumn = 63 - std::countl_zero(mask);
    for (const auto& [first, last] : ranges)
        Q_EMIT dataChanged(index(first, firstColumn), index(last, lastColumn), roles);
}

void PermutedTableModel::touchColumn(int column, const QVector<int>& roles)
{
    if (!m_view.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_view.size()) - 1, column), roles);
}

} // namespace Meridian
