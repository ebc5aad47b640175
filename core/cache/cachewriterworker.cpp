// SPDX-License-Identifier: GPL-3.0-or-later
// Storage half of CacheWriterWorker: opening, batched commits, retention.

#include "core/cache/cachewriterworker.h"

#include "core/cache/cachedatabase.h"
#include "core/cache/cacheserialize.h"
#include "core/cache/jobhistory.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <cmath>

Q_DECLARE_LOGGING_CATEGORY(lcCacheDb)

namespace Meridian {

namespace {
const QString MarkerName = QStringLiteral("open.marker"); // present while a writer has the cache open

bool isFinished(const QString& state)
{
    return state == QLatin1String("failed") || state == QLatin1String("completed")
        || state == QLatin1String("cancelled");
}
} // namespace

CacheWriterWorker::CacheWriterWorker(const QString& directory, const CacheOptions& options, CacheWriteQueue* queue)
    : m_directory(directory)
    , m_options(options)
    , m_queue(queue)
{
    const QString tag = QUuid::createUuid().toString(QUuid::Id128);
    m_stateConn = QStringLiteral("meridian-cache-w-state-") + tag;
    m_metricsConn = QStringLiteral("meridian-cache-w-metrics-") + tag;
}

CacheWriterWorker::~CacheWriterWorker() = default;

void CacheWriterWorker::open()
{
    m_batchTimer = std::make_unique<QTimer>();
    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer.get(), &QTimer::timeout, this, [this] { commit(false); });
    m_idleTimer = std::make_unique<QTimer>();
    m_idleTimer->setSingleShot(true);
    connect(m_idleTimer.get(), &QTimer::timeout, this, [this] {
        // Small steps while idle; come back at once if there was more to delete.
        if (retentionStep())
            m_idleTimer->start(0);
    });

    QString error;
    bool damaged = false;
    if (!openFiles(&error, &damaged)) {
        closeFiles();
        qCWarning(lcCacheDb) << (damaged ? "cache damaged:" : "cache unavailable:") << error;
        if (damaged)
            Q_EMIT this->damaged(error);
        else
            Q_EMIT failed(error);
        return;
    }
    m_open = true;
    Q_EMIT opened();
    drain(); // anything written before the files were open
}

bool CacheWriterWorker::openFiles(QString* error, bool* damaged)
{
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create the cache directory %1").arg(m_directory);
        return false;
    }
    m_lock = std::make_unique<QLockFile>(m_directory + QStringLiteral("/writer.lock"));
    m_lock->setStaleLockTime(0); // only a dead owner's lock is stale, whatever its age
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        *error = QStringLiteral("the cache %1 is in use by another Meridian (pid %2)").arg(m_directory).arg(pid);
        m_lock.reset();
        return false;
    }
    const bool unclean = QFile::exists(m_directory + QLatin1Char('/') + MarkerName);
    CacheDb::OpenOptions state;
    CacheDb::OpenOptions metrics;
    metrics.maxPageCount = m_options.maxPageCount;
    CacheDb::OpenFailure failure = CacheDb::OpenFailure::None;
    if (!CacheDb::open(m_stateConn, m_directory, CacheDb::File::State, state, error, &failure)
        || !CacheDb::open(m_metricsConn, m_directory, CacheDb::File::Metrics, metrics, error, &failure)) {
        *damaged = failure == CacheDb::OpenFailure::Damaged;
        return false;
    }
    if (unclean && !checkAfterUncleanShutdown(error)) {
        *damaged = true;
        return false;
    }
    QFile marker(m_directory + QLatin1Char('/') + MarkerName);
    if (!marker.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write in the cache directory %1").arg(m_directory);
        return false;
    }
    return loadState(error);
}

// A damaged file is refused, not repaired behind the user's back: the console asks whether to move it aside
// (cacherepair.h), keeping it for support.
bool CacheWriterWorker::checkAfterUncleanShutdown(QString* error)
{
    QStringList problems;
    for (const auto& [conn, file] :
        { std::pair { m_stateConn, CacheDb::File::State }, std::pair { m_metricsConn, CacheDb::File::Metrics } }) {
        const QString result = CacheDb::quickCheck(QSqlDatabase::database(conn));
        if (result != QLatin1String("ok"))
            problems << QStringLiteral("%1: %2").arg(CacheDb::fileName(file), result.left(200));
    }
    qCInfo(lcCacheDb) << "unclean shutdown; quick_check:"
                      << (problems.isEmpty() ? QStringLiteral("ok") : problems.join(QStringLiteral("; ")));
    Q_EMIT integrityChecked(
        problems.isEmpty(), problems.isEmpty() ? QStringLiteral("ok") : problems.join(QLatin1Char('\n')));
    if (problems.isEmpty())
        return true;
    *error = QStringLiteral("the cache in %1 is damaged (PRAGMA quick_check after an unclean shutdown): %2")
                 .arg(m_directory, problems.join(QStringLiteral("; ")));
    return false;
}

bool CacheWriterWorker::loadState(QString* error)
{
    QSqlDatabase mdb = QSqlDatabase::database(m_metricsConn);
    QSqlQuery q(mdb);
    q.setForwardOnly(true);
    QMutexLocker historyLock(&m_historyMutex);
    m_ingestTablesLoaded = false; // read again before the next ingest, keeping what arrived since
    m_history.clear();
    m_closedUncommitted.clear();
    if (!CacheDb::exec(q, QStringLiteral("SELECT node_id, instance, seq, chunk_t0, rollup_minute FROM cursor"), error))
        return false;
    while (q.next()) {
        NodeHistory& h = history(q.value(0).toString());
        h.persistedInstance = h.seenInstance = q.value(1).toString();
        h.persistedSeq = h.seenSeq = q.value(2).toLongLong();
        h.persistedT0 = q.value(3).toLongLong();
        h.rollupMinute = q.value(4).toLongLong();
    }
    QHash<RollupKey, qint64> keys;
    if (!CacheDb::exec(q, QStringLiteral("SELECT id, region, pool, model FROM capacity_key"), error))
        return false;
    while (q.next())
        keys.insert({ q.value(1).toString(), q.value(2).toString(), q.value(3).toString() }, q.value(0).toLongLong());
    m_rollup.reset(std::move(keys));
    if (!CacheDb::exec(q, QStringLiteral("SELECT MAX(t0) FROM chunk"), error))
        return false;
    if (q.next() && !q.value(0).isNull())
        m_newestSampleMs = q.value(0).toLongLong() + History::WindowMs;
    if (!CacheDb::exec(q, QStringLiteral("SELECT value FROM meta WHERE key = 'batch'"), error))
        return false;
    if (q.next())
        m_batch = q.value(0).toLongLong();
    if (!CacheDb::exec(q, QStringLiteral("SELECT source, from_ms, to_ms FROM history_span"), error))
        return false;
    for (auto it = m_spans.begin(); it != m_spans.end(); ++it)
        it->written = {};
    while (q.next())
        m_spans[q.value(0).toString()].written = { q.value(1).toLongLong(), q.value(2).toLongLong() };

    return true;
}

void CacheWriterWorker::loadIngestTables()
{
    if (std::exchange(m_ingestTablesLoaded, true))
        return;
    loadSeries();
    loadPlacement();
}

void CacheWriterWorker::loadSeries()
{
    // A 25,000-node cache has over a million series: seconds of CPU, which at open took a core from the reader
    // while the console waited for its numbers. Called with m_historyMutex held (drain()).
    QSqlQuery q(QSqlDatabase::database(m_metricsConn));
    q.setForwardOnly(true);
    QString error;
    m_nextSeriesId = 1;
    if (!CacheDb::exec(q, QStringLiteral("SELECT id, node_id, accelerator, metric FROM series"), &error)) {
        qCWarning(lcCacheDb) << "series not read:" << error;
        return;
    }
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const int acc = q.value(2).toInt();
        const int metric = q.value(3).toInt();
        m_nextSeriesId = std::max(m_nextSeriesId, id + 1);
        if (acc < -1 || acc > History::MaxAcceleratorIndex || metric < 0 || metric >= History::MetricStride)
            continue;
        NodeHistory& h = history(q.value(1).toString());
        const size_t slot = size_t(History::slotOf(acc, metric));
        if (slot >= h.seriesIds.size())
            h.seriesIds.resize(slot + 1, 0);
        h.seriesIds[slot] = id;
    }
}

void CacheWriterWorker::loadPlacement()
{
    QSqlQuery s(QSqlDatabase::database(m_stateConn));
    s.setForwardOnly(true);
    QString error;
    if (!CacheDb::exec(s, QStringLiteral("SELECT node_id, inventory FROM node"), &error)) {
        qCWarning(lcCacheDb) << "placements not read:" << error;
        return;
    }
    while (s.next()) {
        Protocol::NodeInventory inv;
        if (!s.value(1).isNull() && CacheBlob::decode(s.value(1).toByteArray(), &inv)) {
            NodePlacement p { inv.region, inv.pool, {} };
            for (const Protocol::AcceleratorInfo& a : std::as_const(inv.accelerators))
                p.modelByIndex.insert(a.index, a.model);
            // An inventory that arrived before this read is newer than the cache's.
            if (!m_placement.contains(s.value(0).toString()))
                m_placement.insert(s.value(0).toString(), std::move(p));
        }
    }
}

void CacheWriterWorker::drain()
{
    QList<SourceUpdate> updates;
    {
        QMutexLocker lock(&m_queue->mutex);
        updates.swap(m_queue->updates);
        m_queue->wakePosted = false;
        m_queue->drained.wakeAll();
    }
    if (!m_open)
        return; // the console runs on live data; nothing to persist into
    {
        QMutexLocker historyLock(&m_historyMutex);
        for (const SourceUpdate& u : std::as_const(updates))
            ingest(u);
    }
    if (!updates.isEmpty())
        m_idleTimer->start(m_options.retentionIdleMs);
    if (pendingRows() >= m_options.batchRows)
        commit(false);
    else
        scheduleCommit();
}

void CacheWriterWorker::scheduleCommit()
{
    // Probe rows alone (a front's probe history) need a commit too.
    if ((pendingRows() > 0 || m_probes.pendingRows() > 0) && !m_batchTimer->isActive())
        m_batchTimer->start(m_options.batchIntervalMs);
}

QList<std::pair<qint64, float>> CacheWriterWorker::openWindowPoints(
    const QString& nodeId, int accelerator, int metric) const
{
    QList<std::pair<qint64, float>> points;
    if (accelerator < -1 || accelerator > History::MaxAcceleratorIndex || metric <= History::TimelineMetric
        || metric >= History::MetricStride)
        return points;
    const size_t slot = size_t(History::slotOf(accelerator, metric));
    QMutexLocker historyLock(&m_historyMutex);
    const auto it = m_history.constFind(nodeId);
    if (it == m_history.cend())
        return points;
    for (const History::WindowBuffer* window : { &it->closedWindow, &it->window }) {
        if (!window->isOpen() || slot >= window->seriesValues().size())
            continue;
        const std::vector<float>& values = window->seriesValues()[slot];
        const qsizetype n = std::min<qsizetype>(window->offsets().size(), qsizetype(values.size()));
        for (qsizetype i = 0; i < n; ++i) {
            if (!std::isnan(values[size_t(i)]))
                points.append({ window->t0() + window->offsets()[i], values[size_t(i)] });
        }
    }
    return points;
}

void CacheWriterWorker::flush()
{
    drain();
    if (!m_open)
        return;
    for (auto it = m_history.begin(); it != m_history.end(); ++it) {
        if (it->windowDirty)
            persistWindow(it.key(), *it); // partial: rewritten whole when the window closes
    }
    commit(true);
}

void CacheWriterWorker::commit(bool force)
{
    m_batchTimer->stop();
    if (!m_open)
        return;
    QElapsedTimer timer;
    timer.start();
    const int rows = int(m_chunks.size() + m_rollup.pendingRows() + m_dirtyCursors.size());
    QString error;
    if (!commitMetrics(&error))
        reportFailure(error, error.contains(QLatin1String("full")));
    {
        // Committed (or lost to a failure, shown as a gap): readers now find those windows on disk.
        QMutexLocker historyLock(&m_historyMutex);
        for (const QString& nodeId : std::as_const(m_closedUncommitted)) {
            if (const auto it = m_history.find(nodeId); it != m_history.end())
                it->closedWindow.release();
        }
        m_closedUncommitted.clear();
    }
    if (!commitState(force, &error))
        reportFailure(error, error.contains(QLatin1String("full")));
    ++m_stats.commits;
    if (m_options.recordCommitTimes) {
        m_stats.commitMs.append(double(timer.nsecsElapsed()) / 1e6);
        m_stats.commitRows.append(rows);
    }
    scheduleCommit(); // throttled node snapshots still pending
}

bool CacheWriterWorker::commitMetrics(QString* error)
{
    // Sources' history spans, as far as their samples are on disk after this commit.
    QList<std::pair<QString, HistorySpan>> spans;
    for (auto it = m_spans.cbegin(); it != m_spans.cend(); ++it) {
        if (it->wanted == it->written)
            continue;
        const HistorySpan durable = durableSpan(it.key(), it->wanted);
        if (durable.isValid() && durable != it->written)
            spans.append({ it.key(), durable });
    }
    if (m_chunks.isEmpty() && m_newSeries.isEmpty() && m_rollup.pendingRows() == 0 && m_dirtyCursors.isEmpty()
        && m_probes.pendingRows() == 0 && spans.isEmpty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_metricsConn);
    const QList<NewSeries> newSeries = std::exchange(m_newSeries, {});
    QList<ChunkRow> chunks = std::exchange(m_chunks, {});
    const QList<CapacityRollup::Row> rollups = m_rollup.takeRows();
    const auto newKeys = m_rollup.takeNewKeys();
    const QSet<QString> cursors = std::exchange(m_dirtyCursors, {});
    // Key order: the B-tree takes appends at its right edge.
    std::sort(chunks.begin(), chunks.end(),
        [](const ChunkRow& a, const ChunkRow& b) { return a.t0 != b.t0 ? a.t0 < b.t0 : a.series < b.series; });

    auto fail = [&](const QSqlQuery& q) {
        *error = q.lastError().text();
        const bool full = CacheDb::isDiskFull(q.lastError());
        CacheDb::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        if (full)
            *error = QStringLiteral("full: ") + *error;
        // Ids handed out in RAM for rows that were rolled back no longer exist.
        QString reloadError;
        loadState(&reloadError);
        return false;
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(q);
    if (!newSeries.isEmpty()) {
        q.prepare(QStringLiteral("INSERT INTO series(id, node_id, accelerator, metric) VALUES(?, ?, ?, ?)"));
        for (const NewSeries& s : newSeries) {
            q.bindValue(0, s.id);
            q.bindValue(1, s.nodeId);
            q.bindValue(2, History::acceleratorOfSlot(s.slot));
            q.bindValue(3, History::metricOfSlot(s.slot));
            if (!q.exec())
                return fail(q);
        }
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO chunk(t0, series, n, data) VALUES(?, ?, ?, ?)"));
    for (const ChunkRow& c : std::as_const(chunks)) {
        q.bindValue(0, c.t0);
        q.bindValue(1, c.series);
        q.bindValue(2, c.n);
        q.bindValue(3, c.data);
        if (!q.exec())
            return fail(q);
    }
    m_stats.chunkRows += chunks.size();
    if (!m_probes.commit(q))
        return fail(q);
    if (!newKeys.isEmpty()) {
        q.prepare(QStringLiteral("INSERT INTO capacity_key(id, region, pool, model) VALUES(?, ?, ?, ?)"));
        for (const auto& [id, key] : newKeys) {
            q.bindValue(0, id);
            q.bindValue(1, key.region);
            q.bindValue(2, key.pool);
            q.bindValue(3, key.model);
            if (!q.exec())
                return fail(q);
        }
    }
    q.prepare(QStringLiteral("INSERT INTO capacity_1m(key, minute_ms, total, allocated, free, faulty, nodes)"
                             " VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key, minute_ms) DO UPDATE SET"
                             " total = total + excluded.total, allocated = allocated + excluded.allocated,"
                             " free = free + excluded.free, faulty = faulty + excluded.faulty,"
                             " nodes = nodes + excluded.nodes"));
    for (const CapacityRollup::Row& r : rollups) {
        q.bindValue(0, r.key);
        q.bindValue(1, r.minuteMs);
        q.bindValue(2, r.counts.total);
        q.bindValue(3, r.counts.allocated);
        q.bindValue(4, r.counts.free);
        q.bindValue(5, r.counts.faulty);
        q.bindValue(6, r.counts.nodes);
        if (!q.exec())
            return fail(q);
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO cursor(node_id, instance, seq, chunk_t0, rollup_minute)"
                             " VALUES(?, COALESCE(?, ''), ?, ?, ?)"));
    for (const QString& nodeId : cursors) {
        const auto found = m_history.constFind(nodeId); // a lookup, not operator[]: no insert here
        if (found == m_history.cend())
            continue;
        const NodeHistory& h = *found;
        q.bindValue(0, nodeId);
        q.bindValue(1, h.persistedInstance);
        q.bindValue(2, h.persistedSeq);
        q.bindValue(3, h.persistedT0);
        q.bindValue(4, h.rollupMinute);
        if (!q.exec())
            return fail(q);
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO history_span(source, from_ms, to_ms) VALUES(?, ?, ?)"));
    for (const auto& [source, span] : std::as_const(spans)) {
        q.bindValue(0, source);
        q.bindValue(1, span.fromMs);
        q.bindValue(2, span.toMs);
        if (!q.exec())
            return fail(q);
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('batch', ?)"));
    q.bindValue(0, m_batch + 1);
    if (!q.exec() || !q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    for (const auto& [source, span] : std::as_const(spans))
        m_spans[source].written = span;
    ++m_batch;
    m_failing = false;
    return true;
}

bool CacheWriterWorker::commitState(bool force, QString* error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QString> dueNodes;
    for (auto it = m_pendingNodes.cbegin(); it != m_pendingNodes.cend(); ++it) {
        if (force || it->dueMs <= now)
            dueNodes.append(it.key());
    }
    if (dueNodes.isEmpty() && m_pendingJobs.isEmpty() && m_pendingEvents.isEmpty() && !m_jobsReplace)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_stateConn);
    const auto jobs = std::exchange(m_pendingJobs, {});
    const auto replace = std::exchange(m_jobsReplace, std::nullopt);
    const auto events = std::exchange(m_pendingEvents, {});
    QList<std::pair<QString, PendingNode>> nodes;
    nodes.reserve(dueNodes.size());
    for (const QString& id : std::as_const(dueNodes))
        nodes.append({ id, m_pendingNodes.take(id) });

    auto fail = [&](const QSqlQuery& q) {
        *error = q.lastError().text();
        if (CacheDb::isDiskFull(q.lastError()))
            *error = QStringLiteral("full: ") + *error;
        CacheDb::exec(db, QStringLiteral("ROLLBACK"), nullptr);
        return false;
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(q);
    QSqlQuery inv(db);
    inv.prepare(QStringLiteral(
        "INSERT INTO node(node_id, source, region, pool, inventory, snapshot, status, last_error, last_seen_ms,"
        " last_poll_ms) VALUES(?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, NULL, 0, '', 0, 0) ON "
        "CONFLICT(node_id) DO UPDATE SET"
        " source = excluded.source, region = excluded.region, pool = excluded.pool, inventory = excluded.inventory"));
    q.prepare(QStringLiteral(
        "INSERT INTO node(node_id, source, region, pool, inventory, snapshot, status, last_error, last_seen_ms,"
        " last_poll_ms) VALUES(?, COALESCE(?, ''), '', '', NULL, ?, ?, COALESCE(?, ''), ?, ?) ON CONFLICT(node_id) DO "
        "UPDATE SET"
        " source = excluded.source, snapshot = COALESCE(excluded.snapshot, snapshot), status = excluded.status,"
        " last_error = excluded.last_error, last_seen_ms = MAX(last_seen_ms, excluded.last_seen_ms),"
        " last_poll_ms = excluded.last_poll_ms"));
    for (const auto& [id, p] : std::as_const(nodes)) {
        if (p.hasInventory) {
            inv.bindValue(0, id);
            inv.bindValue(1, p.source);
            inv.bindValue(2, p.region);
            inv.bindValue(3, p.pool);
            inv.bindValue(4, p.inventory);
            if (!inv.exec())
                return fail(inv);
        }
        q.bindValue(0, id);
        q.bindValue(1, p.source);
        q.bindValue(
            2, p.hasSnapshot ? QVariant(CacheBlob::encode(p.snapshot)) : QVariant(QMetaType(QMetaType::QByteArray)));
        q.bindValue(3, int(p.status));
        q.bindValue(4, p.error);
        q.bindValue(5, p.lastSeenMs);
        q.bindValue(6, p.polledAtMs);
        if (!q.exec())
            return fail(q);
    }
    if (replace) {
        QStringList gone;
        if (!q.exec(QStringLiteral("SELECT job_id, state FROM job")))
            return fail(q);
        while (q.next()) {
            if (!replace->contains(q.value(0).toString()) && !isFinished(q.value(1).toString()))
                gone << q.value(0).toString();
        }
        q.prepare(QStringLiteral("DELETE FROM job WHERE job_id = ?"));
        for (const QString& id : std::as_const(gone)) {
            q.bindValue(0, id);
            if (!q.exec())
                return fail(q);
        }
    }
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO job(job_id, name, tenant, user, kind, state, region, pool, model,"
                       " acc_requested, acc_allocated, nodes, submit_ms, start_ms, end_ms, last_checkpoint_ms,"
                       " interruptions) VALUES(?, ?, ?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Protocol::JobRecord& j : jobs) {
        const QVariant values[] = { j.jobId, j.name, j.tenant, j.user, j.kind, j.state, j.region, j.pool, j.model,
            j.acceleratorsRequested, j.acceleratorsAllocated,
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(j.nodes)).toJson(QJsonDocument::Compact)),
            j.submitMs, j.startMs, j.endMs, j.lastCheckpointMs, j.interruptions };
        for (int i = 0; i < 17; ++i)
            q.bindValue(i, values[i]);
        if (!q.exec())
            return fail(q);
    }
    if (!CacheJobHistory::write(jobs, q))
        return fail(q);
    q.prepare(
        QStringLiteral("INSERT OR IGNORE INTO event(source, node_id, id, ts_ms, kind, severity, accelerator,"
                       " message, code, cleared) VALUES(COALESCE(?, ''), COALESCE(?, ''), ?, ?, COALESCE(?, ''), ?, ?,"
                       " COALESCE(?, ''), COALESCE(?, ''), ?)"));
    for (const auto& [source, e] : events) {
        const QVariant values[] = { source, e.nodeId, e.id, e.timestampMs, e.kind, int(e.severity), e.accelerator,
            e.message, e.code, e.cleared ? 1 : 0 };
        for (int i = 0; i < 10; ++i)
            q.bindValue(i, values[i]);
        if (!q.exec())
            return fail(q);
    }
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES('batch', ?)"));
    q.bindValue(0, m_batch);
    if (!q.exec() || !q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    for (const auto& [id, p] : std::as_const(nodes))
        m_writtenNodes.insert(id, { p.status, now });
    m_failing = false;
    return true;
}

void CacheWriterWorker::reportFailure(const QString& error, bool diskFull)
{
    ++m_stats.failures;
    qCWarning(lcCacheDb) << "cache write failed:" << error;
    if (m_failing)
        return; // one report per outage, not one per batch
    m_failing = true;
    Q_EMIT failed(diskFull ? QStringLiteral("disk full: the cache cannot store more data (%1)").arg(error)
                           : QStringLiteral("cache write failed: %1").arg(error));
}

bool CacheWriterWorker::retentionStep()
{
    if (!m_open || m_newestSampleMs <= 0)
        return false;
    QSqlDatabase mdb = QSqlDatabase::database(m_metricsConn);
    QSqlQuery q(mdb);
    bool more = false;
    // A window goes only when all of it is older than the horizon.
    const qint64 rawHorizon = m_newestSampleMs - m_options.rawRetentionMs - History::WindowMs;
    const qint64 rollupHorizon = m_newestSampleMs - m_options.rollupRetentionMs;
    if (q.exec(QStringLiteral("SELECT MIN(t0) FROM chunk")) && q.next() && !q.value(0).isNull()) {
        const qint64 oldest = q.value(0).toLongLong();
        if (oldest < rawHorizon) {
            // About one window of every node per transaction: short, never a long writer lock.
            q.prepare(QStringLiteral("DELETE FROM chunk WHERE t0 < ?"));
            q.bindValue(0, std::min(oldest + History::WindowMs, rawHorizon));
            more = q.exec() && q.numRowsAffected() > 0;
        }
    }
    if (!more) {
        CacheDb::exec(mdb, QStringLiteral("BEGIN IMMEDIATE"), nullptr);
        q.prepare(QStringLiteral("DELETE FROM capacity_1m WHERE key = ? AND minute_ms < ?"));
        for (const qint64 key : m_rollup.keyIds()) {
            q.bindValue(0, key);
            q.bindValue(1, rollupHorizon);
            q.exec();
        }
        // Probe windows live as long as raw samples, site-pair minutes as long as the rollups.
        q.prepare(QStringLiteral("DELETE FROM probe_window WHERE t_ms < ?"));
        q.bindValue(0, rawHorizon);
        q.exec();
        q.prepare(QStringLiteral("DELETE FROM probe_site_1m WHERE minute_ms < ?"));
        q.bindValue(0, rollupHorizon);
        q.exec();
        CacheDb::exec(mdb, QStringLiteral("COMMIT"), nullptr);
        QSqlQuery s(QSqlDatabase::database(m_stateConn));
        s.prepare(QStringLiteral("DELETE FROM event WHERE ts_ms < ?"));
        s.bindValue(0, rollupHorizon);
        s.exec();
        CacheDb::exec(mdb, QStringLiteral("PRAGMA incremental_vacuum(256)"), nullptr);
    }
    return more;
}

void CacheWriterWorker::enforceRetention()
{
    flush();
    while (retentionStep()) { }
}

void CacheWriterWorker::shutdown()
{
    if (m_open)
        flush();
    if (m_batchTimer)
        m_batchTimer->stop();
    m_batchTimer.reset();
    m_idleTimer.reset();
    closeFiles();
}

void CacheWriterWorker::closeFiles()
{
    const bool wasOpen = m_open;
    m_open = false;
    CacheDb::close(m_stateConn);
    CacheDb::close(m_metricsConn);
    if (wasOpen)
        QFile::remove(m_directory + QLatin1Char('/') + MarkerName);
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

} // namespace Meridian
