// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/protocol/protocoltypes.h"
#include "ui/common/permutedtablemodel.h"

#include <QHash>

#include <array>

namespace Meridian {

// One row per job, live and past, sorted and filtered in the model (see
// PermutedTableModel): the jobs page's table. Facets reuse the base's slots:
// State = job state, Model = kind, Vendor = tenant, Pool = pool, and Region
// holds the job's time bucket (live, ended within a day, a week, a month,
// older) so a time range is a facet too.
class JobTableModel final : public PermutedTableModel
{
    Q_OBJECT
public:
    enum Column {
        Id,
        Name,
        State,
        Kind,
        Tenant,
        Pool,
        Accelerators,
        Started,
        RunningFor,
        Uninterrupted,
        Interruptions,
        Goodput,
        CheckpointAge,
        ColumnCount
    };
    static constexpr int RankColumnCount = Pool - Name + 1;
    static constexpr Facet KindFacet = Facet::Model;
    static constexpr Facet TenantFacet = Facet::Vendor;
    static constexpr Facet TimeFacet = Facet::Region;
    enum class TimeRange { All, Live, Day, Week, Month };

    explicit JobTableModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every row.
    void setJobs(const QList<Protocol::JobRecord>& jobs, qint64 nowMs);
    // Adds new jobs and updates changed ones in place; jobs not listed stay (history).
    template <typename Container> void updateJobs(const Container& jobs, qint64 nowMs)
    {
        beginUpdate(nowMs);
        for (const Protocol::JobRecord& job : jobs)
            upsert(job);
        endUpdate();
    }
    void setTimeRange(TimeRange range);
    TimeRange timeRange() const { return m_range; }
    qint64 nowMs() const { return m_nowMs; }

    QString jobIdAt(int row) const;
    int rowOfJob(const QString& jobId) const; ///< -1: absent or filtered out
    static QString timeBucket(const Protocol::JobRecord& job, qint64 nowMs);

protected:
    bool isNumericColumn(int column) const override;
    double numericKey(int sourceRow, int column) const override;
    QString textKey(int sourceRow, int column) const override;
    QVariant sourceData(int sourceRow, int column, int role) const override;
    void compactSourceRows(const QVector<int>& oldOfNew) override;

private:
    struct Row
    {
        QString id, name, state, kind, tenant, pool, region, model, user;
        QString idKey; ///< case-folded once: sorting reads it 100,000 times
        std::array<int, RankColumnCount> valueIds {}; ///< Name…Pool: index into m_values (interned)
        int accelerators = 0;
        int allocated = 0;
        int interruptions = 0;
        qint64 startMs = 0, endMs = 0, lastCheckpointMs = 0;
        qint64 openSegmentMs = 0; ///< start of the running segment; 0: not running or unknown
        double goodput = qQNaN();
        quint64 signature = 0; ///< what changes the row: recompute only then
    };
    Row makeRow(const Protocol::JobRecord& job, qint64 nowMs);
    static quint64 signatureOf(const Protocol::JobRecord& job);
    RowFilterKeys keysOf(const Row& row) const;
    void beginUpdate(qint64 nowMs);
    void upsert(const Protocol::JobRecord& job);
    void endUpdate();
    QVariant raw(const Row& row, int column) const;

    // Text columns sort by the rank of their value among the distinct values: a
    // few hundred names sort once instead of 100,000 scattered string compares.
    // Values are interned when a row is made (one hash lookup of the raw text,
    // folded only when new), so the first sort after loading 100,000 jobs only
    // sorts the few distinct values instead of hashing every row's.
    static bool isRankColumn(int column);
    int intern(int column, const QString& value);
    void clearValues();
    double rankKey(int sourceRow, int column) const;
    std::array<QHash<QString, int>, RankColumnCount> m_rawIds; ///< raw text → value id
    std::array<QHash<QString, int>, RankColumnCount> m_foldedIds; ///< folded text → value id
    std::array<QStringList, RankColumnCount> m_values; ///< value id → folded text (empty: missing)
    mutable std::array<QVector<int>, RankColumnCount> m_rankOf; ///< value id → rank among m_values
    mutable bool m_ranksDirty = true;
    bool m_valuesGrew = false; ///< a new distinct value since the last update: cached ranks moved

    QVector<Row> m_rows;
    QHash<QString, int> m_sourceOf;
    qint64 m_nowMs = 0;
    TimeRange m_range = TimeRange::All;
    QVector<Row> m_added;
    QVector<RowFilterKeys> m_addedKeys;
    QVector<int> m_changed;
};

} // namespace Meridian
