// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/jobtablemodel.h"

#include "core/jobs/jobfigures.h"
#include "ui/common/displayformat.h"
#include "ui/common/jobsformat.h"

#include <QHash>
#include <QSet>

#include <numeric>

namespace Meridian {
namespace {

constexpr qint64 Day = Jobs::DayMs;

quint64 mix(quint64 h, quint64 v)
{
    return (h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2))) * 0xff51afd7ed558ccdULL;
}

} // namespace

JobTableModel::JobTableModel(QObject* parent)
    : PermutedTableModel(parent)
{ }

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return PermutedTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("Job");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Kind:
        return tr("Kind");
    case Tenant:
        return tr("Tenant");
    case Pool:
        return tr("Pool");
    case Accelerators:
        return tr("Accelerators");
    case Started:
        return tr("Started");
    case RunningFor:
        return tr("Running for");
    case Uninterrupted:
        return tr("Uninterrupted for");
    case Interruptions:
        return tr("Interruptions");
    case Goodput:
        return tr("Goodput");
    case CheckpointAge:
        return tr("Last checkpoint");
    default:
        return {};
    }
}

QString JobTableModel::timeBucket(const Protocol::JobRecord& job, qint64 nowMs)
{
    if (Jobs::isActive(job.state) || job.endMs <= 0)
        return QStringLiteral("live");
    const qint64 age = nowMs - job.endMs;
    return age <= Day     ? QStringLiteral("day")
        : age <= 7 * Day  ? QStringLiteral("week")
        : age <= 30 * Day ? QStringLiteral("month")
                          : QStringLiteral("older");
}

quint64 JobTableModel::signatureOf(const Protocol::JobRecord& j)
{
    quint64 h = qHash(j.state);
    for (qint64 v : { j.endMs, j.startMs, j.lastCheckpointMs, qint64(j.interruptions), qint64(j.acceleratorsAllocated),
             qint64(j.segments.size()), qint64(j.interruptionLog.size()) })
        h = mix(h, quint64(v));
    return h;
}

int JobTableModel::intern(int column, const QString& value)
{
    const size_t c = size_t(column - Name);
    const auto raw = m_rawIds[c].constFind(value);
    if (raw != m_rawIds[c].constEnd())
        return *raw;
    // A spelling not seen before: fold it once; "Acme" and "ACME" share one value.
    const QString folded = value.toCaseFolded();
    auto it = m_foldedIds[c].constFind(folded);
    if (it == m_foldedIds[c].constEnd()) {
        it = m_foldedIds[c].insert(folded, int(m_values[c].size()));
        m_values[c].append(folded);
        m_ranksDirty = true;
        m_valuesGrew = true;
    }
    m_rawIds[c].insert(value, *it);
    return *it;
}

void JobTableModel::clearValues()
{
    for (size_t c = 0; c < size_t(RankColumnCount); ++c) {
        m_rawIds[c].clear();
        m_foldedIds[c].clear();
        m_values[c].clear();
    }
    m_ranksDirty = true;
}

JobTableModel::Row JobTableModel::makeRow(const Protocol::JobRecord& j, qint64 nowMs)
{
    Row r;
    r.id = j.jobId;
    r.name = j.name;
    r.state = j.state;
    r.kind = j.kind;
    r.tenant = j.tenant;
    r.pool = j.pool;
    r.region = j.region;
    r.model = j.model;
    r.user = j.user;
    r.idKey = j.jobId.toCaseFolded();
    for (const auto& [column, value] : { std::pair { int(Name), &j.name }, std::pair { int(State), &j.state },
             std::pair { int(Kind), &j.kind }, std::pair { int(Tenant), &j.tenant }, std::pair { int(Pool), &j.pool } })
        r.valueIds[size_t(column - Name)] = intern(column, *value);
    r.accelerators = j.acceleratorsRequested;
    r.allocated = j.acceleratorsAllocated;
    r.interruptions = j.interruptions;
    r.startMs = j.startMs;
    r.endMs = j.endMs;
    r.lastCheckpointMs = j.lastCheckpointMs;
    if (Jobs::isRunning(j.state)) {
        if (!j.segments.isEmpty() && j.segments.constLast().endMs == 0)
            r.openSegmentMs = j.segments.constLast().startMs;
        else if (j.segments.isEmpty() && j.interruptions == 0)
            r.openSegmentMs = j.startMs; // never interrupted: running since its start
    }
    r.goodput = Jobs::figures(j, nowMs).goodput;
    r.signature = signatureOf(j);
    return r;
}

RowFilterKeys JobTableModel::keysOf(const Row& r) const
{
    RowFilterKeys k;
    k.state = r.state;
    k.model = r.kind;
    k.vendor = r.tenant;
    k.pool = r.pool;
    Protocol::JobRecord probe;
    probe.state = r.state;
    probe.endMs = r.endMs;
    k.region = timeBucket(probe, m_nowMs);
    k.haystack = QStringList { r.id, r.name, r.tenant, r.user, r.pool, r.model, r.state, r.kind }
                     .join(QLatin1Char('\n'))
                     .toCaseFolded()
                     .toUtf8();
    return k;
}

void JobTableModel::setJobs(const QList<Protocol::JobRecord>& jobs, qint64 nowMs)
{
    m_nowMs = nowMs;
    resetRows([&] {
        m_rows.clear();
        m_sourceOf.clear();
        clearValues();
        m_rows.reserve(jobs.size());
        QVector<RowFilterKeys> keys;
        keys.reserve(jobs.size());
        for (const Protocol::JobRecord& j : jobs) {
            if (m_sourceOf.contains(j.jobId))
                continue;
            m_sourceOf.insert(j.jobId, int(m_rows.size()));
            m_rows.append(makeRow(j, nowMs));
            keys.append(keysOf(m_rows.constLast()));
        }
        return keys;
    });
}

void JobTableModel::beginUpdate(qint64 nowMs)
{
    m_nowMs = nowMs;
    m_added.clear();
    m_addedKeys.clear();
    m_changed.clear();
}

void JobTableModel::upsert(const Protocol::JobRecord& job)
{
    const auto it = m_sourceOf.constFind(job.jobId);
    if (it == m_sourceOf.constEnd()) {
        m_sourceOf.insert(job.jobId, int(m_rows.size() + m_added.size()));
        m_added.append(makeRow(job, m_nowMs));
        m_addedKeys.append(keysOf(m_added.constLast()));
        return;
    }
    Row& row = m_rows[*it];
    if (row.signature == signatureOf(job) && row.name == job.name)
        return;
    row = makeRow(job, m_nowMs);
    setRowKeys(*it, keysOf(row));
    m_changed.append(*it);
}

void JobTableModel::endUpdate()
{
    if (!m_changed.isEmpty())
        updateRows(m_changed, QVector<quint64>(m_changed.size(), (quint64(1) << ColumnCount) - 1),
            { Qt::DisplayRole, SortRole, RawRole });
    if (!m_added.isEmpty()) {
        m_rows.append(m_added);
        appendRows(m_addedKeys);
    }
    // A new distinct name may shift every rank: re-sort once so cached keys agree.
    if (m_valuesGrew && isRankColumn(sortColumn()))
        sort(sortColumn(), sortOrder());
    m_valuesGrew = false;
    m_added.clear();
    m_addedKeys.clear();
    m_changed.clear();
    // Ages move with the clock even when no record changed.
    if (rowCount() > 0)
        for (int c : { RunningFor, Uninterrupted, CheckpointAge })
            touchColumn(c, { Qt::DisplayRole, SortRole, RawRole });
}

void JobTableModel::setTimeRange(TimeRange range)
{
    m_range = range;
    // Buckets move with time: refresh every row's before filtering on them.
    for (int i = 0; i < m_rows.size(); ++i) {
        RowFilterKeys k = filterKeys(i);
        Protocol::JobRecord probe;
        probe.state = m_rows[i].state;
        probe.endMs = m_rows[i].endMs;
        k.region = timeBucket(probe, m_nowMs);
        setRowKeys(i, std::move(k));
    }
    QSet<QString> allowed;
    switch (range) {
    case TimeRange::All:
        break;
    case TimeRange::Month:
        allowed << QStringLiteral("month");
        [[fallthrough]];
    case TimeRange::Week:
        allowed << QStringLiteral("week");
        [[fallthrough]];
    case TimeRange::Day:
        allowed << QStringLiteral("day");
        [[fallthrough]];
    case TimeRange::Live:
        allowed << QStringLiteral("live");
        break;
    }
    setFacet(TimeFacet, allowed);
}

QString JobTableModel::jobIdAt(int row) const
{
    const int src = sourceRowOf(row);
    return src < 0 ? QString() : m_rows[src].id;
}

int JobTableModel::rowOfJob(const QString& jobId) const
{
    const auto it = m_sourceOf.constFind(jobId);
    return it == m_sourceOf.constEnd() ? -1 : rowOfSource(*it);
}

void JobTableModel::compactSourceRows(const QVector<int>& oldOfNew)
{
    QVector<Row> rows;
    rows.reserve(oldOfNew.size());
    m_sourceOf.clear();
    for (int old : oldOfNew) {
        m_sourceOf.insert(m_rows[old].id, int(rows.size()));
        rows.append(std::move(m_rows[old]));
    }
    m_rows = std::move(rows); // value ids stay valid: the dictionaries only grow
}

bool JobTableModel::isRankColumn(int column)
{
    return column >= Name && column <= Pool;
}

bool JobTableModel::isNumericColumn(int column) const
{
    return column >= Accelerators || isRankColumn(column);
}

double JobTableModel::rankKey(int src, int column) const
{
    const size_t c = size_t(column - Name);
    const int id = m_rows[src].valueIds[c];
    if (m_values[c][id].isEmpty())
        return qQNaN();
    if (m_ranksDirty) {
        // Only the distinct values sort: a few hundred, not 100,000 rows.
        for (size_t k = 0; k < size_t(RankColumnCount); ++k) {
            const QStringList& values = m_values[k];
            QVector<int> ids(values.size());
            std::iota(ids.begin(), ids.end(), 0);
            std::sort(ids.begin(), ids.end(), [&values](int a, int b) { return values[a] < values[b]; });
            QVector<int>& rankOf = m_rankOf[k];
            rankOf.resize(values.size());
            for (int rank = 0; rank < ids.size(); ++rank)
                rankOf[ids[rank]] = rank;
        }
        m_ranksDirty = false;
    }
    return m_rankOf[c][id];
}

double JobTableModel::numericKey(int src, int column) const
{
    const Row& r = m_rows[src];
    const qint64 end = r.endMs > 0 ? r.endMs : m_nowMs;
    if (isRankColumn(column))
        return rankKey(src, column);
    switch (column) {
    case Accelerators:
        return r.accelerators;
    case Started:
        return r.startMs > 0 ? double(r.startMs) : qQNaN();
    case RunningFor:
        return r.startMs > 0 ? double(std::max<qint64>(0, end - r.startMs)) : qQNaN();
    case Uninterrupted:
        return r.openSegmentMs > 0 ? double(std::max<qint64>(0, m_nowMs - r.openSegmentMs)) : qQNaN();
    case Interruptions:
        return r.interruptions;
    case Goodput:
        return r.goodput;
    case CheckpointAge:
        return r.lastCheckpointMs > 0 && Jobs::isActive(r.state)
            ? double(std::max<qint64>(0, m_nowMs - r.lastCheckpointMs))
            : qQNaN();
    default:
        return qQNaN();
    }
}

QString JobTableModel::textKey(int src, int column) const
{
    const Row& r = m_rows[src];
    if (column == Id)
        return r.idKey;
    return isRankColumn(column) ? m_values[size_t(column - Name)][r.valueIds[size_t(column - Name)]] : QString();
}

QVariant JobTableModel::raw(const Row& r, int column) const
{
    switch (column) {
    case Id:
        return r.id;
    case Name:
        return r.name.isEmpty() ? QVariant() : QVariant(r.name);
    case State:
        return r.state;
    case Kind:
        return r.kind;
    case Tenant:
        return r.tenant.isEmpty() ? QVariant() : QVariant(r.tenant);
    case Pool:
        return r.pool.isEmpty() ? QVariant() : QVariant(r.pool);
    default: {
        const double v = numericKey(int(&r - m_rows.constData()), column);
        return std::isnan(v) ? QVariant() : QVariant(v);
    }
    }
}

QVariant JobTableModel::sourceData(int src, int column, int role) const
{
    const Row& r = m_rows[src];
    switch (role) {
    case Qt::DisplayRole: {
        const double v = column >= Accelerators ? numericKey(src, column) : 0;
        switch (column) {
        case State:
            return JobsFormat::stateText(r.state);
        case Kind:
            return JobsFormat::kindText(r.kind);
        case Accelerators:
            return r.allocated > 0 && r.allocated != r.accelerators
                ? tr("%1 of %2").arg(r.allocated).arg(r.accelerators)
                : QString::number(r.accelerators);
        case Started:
            return r.startMs > 0 ? Format::timestamp(r.startMs) : Format::missing();
        case RunningFor:
        case Uninterrupted:
        case CheckpointAge:
            return std::isnan(v) ? Format::missing() : Format::duration(qint64(v));
        case Interruptions:
            return QString::number(r.interruptions);
        case Goodput:
            return JobsFormat::goodput(r.goodput);
        default: {
            const QVariant value = raw(r, column);
            return value.isValid() ? value.toString() : Format::missing();
        }
        }
    }
    case Qt::ForegroundRole:
        if (column == State) {
            const QColor c = JobsFormat::stateColor(r.state);
            return c.isValid() ? QVariant(c) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Id || column == Name)
            return tr("%1 — %2, user %3, %4 accelerators of %5")
                .arg(r.id, r.name, r.user.isEmpty() ? Format::missing() : r.user)
                .arg(r.accelerators)
                .arg(r.model.isEmpty() ? Format::missing() : r.model);
        return {};
    case Qt::TextAlignmentRole:
        return column >= Accelerators ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole: {
        if (isNumericColumn(column)) {
            const double v = numericKey(src, column);
            return std::isnan(v) ? QVariant() : QVariant(v);
        }
        const QString k = textKey(src, column);
        return k.isEmpty() ? QVariant() : QVariant(k);
    }
    case RawRole:
        return raw(r, column);
    case MissingRole:
        return !raw(r, column).isValid();
    case NodeIdRole:
        return QVariant();
    case AcceleratorIndexRole:
        return -1;
    default:
        break;
    }
    return {};
}

} // namespace Meridian
