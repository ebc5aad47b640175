// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cachereader.h"

#include "core/cache/cachedatabase.h"
#include "core/cache/cacherepair.h"
#include "core/cache/cacheschema.h"
#include "core/cache/cacheserialize.h"
#include "core/cache/capacityrollup.h"
#include "core/cache/historyquery.h"
#include "core/cache/jobhistory.h"
#include "core/cache/probehistory.h"
#include "core/util/backgroundpriority.h"
#include "core/util/paralleldrain.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPromise>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <deque>
#include <iterator>

Q_DECLARE_LOGGING_CATEGORY(lcCacheDb)

namespace Meridian {

struct CacheReader::Private
{
    QString directory;
    QThread thread;
    QObject* context = nullptr; ///< lives on `thread`: queries are queued to it
    QString connTag;
    bool stateOpen = false; ///< touched on the reader thread only
    bool metricsOpen = false;
    std::function<void()> observer;
    RecentPoints recent;

    QString connection(CacheDb::File file) const
    {
        return (file == CacheDb::File::State ? QStringLiteral("meridian-cache-r-state-")
                                             : QStringLiteral("meridian-cache-r-metrics-"))
            + connTag;
    }

    bool openFile(CacheDb::File file, QString* error, CacheDb::OpenFailure* failure)
    {
        CacheDb::OpenOptions options;
        options.readOnly = true;
        if (CacheDb::open(connection(file), directory, file, options, error, failure))
            return true;
        if (*failure == CacheDb::OpenFailure::Damaged)
            return false;
        // A read-only handle cannot create the WAL index when no writer has it open.
        options.readOnly = false;
        options.queryOnly = true;
        return CacheDb::open(connection(file), directory, file, options, error, failure);
    }

    // Opens lazily: before the writer created the files there is nothing to read.
    QSqlDatabase database(CacheDb::File file)
    {
        bool& open = file == CacheDb::File::State ? stateOpen : metricsOpen;
        if (!open) {
            QString error;
            CacheDb::OpenFailure failure = CacheDb::OpenFailure::None;
            open = openFile(file, &error, &failure);
            if (!open) {
                qCInfo(lcCacheDb) << "reader:" << error;
                return {};
            }
        }
        return QSqlDatabase::database(connection(file), false);
    }

    void closeFile(CacheDb::File file)
    {
        CacheDb::close(connection(file));
        (file == CacheDb::File::State ? stateOpen : metricsOpen) = false;
    }

    // PRAGMA quick_check, then the size of every value; empty when both pass.
    QString check(CacheDb::File file)
    {
        const QSqlDatabase db = QSqlDatabase::database(connection(file), false);
        const QString result = CacheDb::quickCheck(db);
        if (result != QLatin1String("ok"))
            return QCoreApplication::translate("Meridian::CacheReader", "%1 fails PRAGMA quick_check: %2")
                .arg(CacheDb::fileName(file), result.left(300));
        QString why;
        if (!CacheDb::checkValueSizes(db, &why))
            return QCoreApplication::translate("Meridian::CacheReader", "%1: %2").arg(CacheDb::fileName(file), why);
        return {};
    }

    // Both files opened afresh (the schema checked again) and PRAGMA quick_check on each.
    CacheVerdict verify()
    {
        CacheVerdict verdict;
        QStringList damaged;
        QStringList unavailable;
        int missing = 0;
        for (const CacheDb::File file : { CacheDb::File::State, CacheDb::File::Metrics }) {
            closeFile(file);
            if (!QFileInfo::exists(directory + u'/' + CacheDb::fileName(file))) {
                ++missing;
                continue;
            }
            QString error;
            CacheDb::OpenFailure failure = CacheDb::OpenFailure::None;
            if (!openFile(file, &error, &failure)) {
                (failure == CacheDb::OpenFailure::Damaged ? damaged : unavailable) << error;
                continue;
            }
            (file == CacheDb::File::State ? stateOpen : metricsOpen) = true;
            const QString problem = check(file);
            if (!problem.isEmpty()) {
                damaged << problem;
                closeFile(file);
            }
        }
        if (!damaged.isEmpty()) {
            verdict.state = CacheVerdict::State::Damaged;
            verdict.detail = damaged.join(QStringLiteral("; "));
        } else if (!unavailable.isEmpty()) {
            verdict.state = CacheVerdict::State::Unavailable;
            verdict.detail = unavailable.join(QStringLiteral("; "));
        } else {
            verdict.state = missing > 0 ? CacheVerdict::State::Missing : CacheVerdict::State::Sound;
        }
        return verdict;
    }

    template <typename T, typename Fn> QFuture<T> run(Fn job)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            context,
            [this, promise, job = std::move(job)]() mutable {
                if (observer)
                    observer();
                promise->addResult(job());
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }
};

CacheReader::CacheReader(const QString& databasePath, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->directory = databasePath;
    d->connTag = QUuid::createUuid().toString(QUuid::Id128);
    d->thread.setObjectName(QStringLiteral("meridian-cache-reader"));
    setBackgroundPriority(&d->thread);
    d->context = new QObject;
    d->context->moveToThread(&d->thread);
    d->thread.start();
}

CacheReader::~CacheReader()
{
    // Connections belong to the reader thread: close them there.
    QMetaObject::invokeMethod(
        d->context,
        [this] {
            CacheDb::close(d->connection(CacheDb::File::State));
            CacheDb::close(d->connection(CacheDb::File::Metrics));
        },
        Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
    delete d->context;
}

QFuture<CacheVerdict> CacheReader::verify()
{
    return d->run<CacheVerdict>([this] { return d->verify(); });
}

QFuture<bool> CacheReader::closeFiles()
{
    return d->run<bool>([this] {
        d->closeFile(CacheDb::File::State);
        d->closeFile(CacheDb::File::Metrics);
        return true;
    });
}

void CacheReader::setRecentHistory(RecentPoints recent)
{
    QMetaObject::invokeMethod(
        d->context, [this, r = std::move(recent)] { d->recent = r; }, Qt::BlockingQueuedConnection);
}

void CacheReader::setJobObserver(std::function<void()> observer)
{
    QMetaObject::invokeMethod(
        d->context, [this, o = std::move(observer)] { d->observer = o; }, Qt::BlockingQueuedConnection);
}

QFuture<CapacitySeries> CacheReader::capacityHistory(
    qint64 fromMs, qint64 toMs, const QString& region, const QString& model)
{
    return poolCapacityHistory(fromMs, toMs, region, {}, model);
}

QFuture<CapacitySeries> CacheReader::poolCapacityHistory(
    qint64 fromMs, qint64 toMs, const QString& region, const QString& pool, const QString& model)
{
    return d->run<CapacitySeries>([this, fromMs, toMs, region, pool, model] {
        CapacitySeries series;
        series.region = region;
        series.model = model;
        series.fromMs = fromMs;
        series.toMs = toMs;
        const QSqlDatabase db = d->database(CacheDb::File::Metrics);
        if (!db.isValid())
            return series;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT c.minute_ms, c.total, c.allocated, c.free, c.faulty, c.nodes"
                                 " FROM capacity_key k JOIN capacity_1m c ON c.key = k.id"
                                 " WHERE k.region = ? AND k.pool = ? AND k.model = ?"
                                 " AND c.minute_ms >= ? AND c.minute_ms <= ? ORDER BY c.minute_ms"));
        q.addBindValue(region.isEmpty() ? RollupAll : region);
        q.addBindValue(pool.isEmpty() ? RollupAll : pool);
        q.addBindValue(model.isEmpty() ? RollupAll : model);
        q.addBindValue(fromMs);
        q.addBindValue(toMs);
        if (!q.exec()) {
            qCWarning(lcCacheDb) << "capacityHistory:" << q.lastError().text();
            return series;
        }
        while (q.next()) {
            series.points.append({ q.value(0).toLongLong(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(),
                q.value(4).toInt(), q.value(5).toInt() });
        }
        return series;
    });
}

namespace {

// The node rows of state.db, their blobs decoded on the other cores while this thread reads on (ParallelDrain):
// decoding is four fifths of a 25,000-node start's second of reading, and the console waits for it to show numbers.
QList<FleetNode> readNodes(QSqlQuery& q)
{
    struct Chunk
    {
        QList<FleetNode> nodes;
        QList<std::pair<QVariant, QVariant>> blobs; ///< inventory and snapshot, each possibly NULL
    };
    constexpr qsizetype ChunkRows = 512;
    ParallelDrain<Chunk> decoder([](Chunk* chunk) {
        for (qsizetype i = 0; i < chunk->nodes.size(); ++i) {
            FleetNode& node = chunk->nodes[i];
            const QString id = node.inventory.nodeId;
            const auto& [inventory, snapshot] = chunk->blobs.at(i);
            if (inventory.isNull() || !CacheBlob::decode(inventory.toByteArray(), &node.inventory))
                node.inventory = {};
            node.inventory.nodeId = id; // the key is authoritative, whatever the blob says
            if (!snapshot.isNull() && !CacheBlob::decode(snapshot.toByteArray(), &node.snapshot))
                node.snapshot = {}; // damaged: as if none (sample.seq == 0)
        }
        chunk->blobs = {};
    });
    std::deque<Chunk> chunks; // stable addresses while the decoder holds them
    while (q.next()) {
        if (chunks.empty() || chunks.back().nodes.size() == ChunkRows) {
            if (!chunks.empty())
                decoder.post(&chunks.back());
            chunks.emplace_back();
            chunks.back().nodes.reserve(ChunkRows);
            chunks.back().blobs.reserve(ChunkRows);
        }
        Chunk& chunk = chunks.back();
        FleetNode& node = chunk.nodes.emplace_back();
        node.inventory.nodeId = q.value(0).toString();
        node.status = AgentStatus::Unknown; // the console re-polls
        node.source = q.value(1).toString();
        node.lastError = q.value(4).toString();
        node.lastSeenMs = q.value(5).toLongLong();
        chunk.blobs.append({ q.value(2), q.value(3) });
    }
    if (!chunks.empty())
        decoder.post(&chunks.back());
    decoder.finish();
    QList<FleetNode> nodes;
    nodes.reserve(qsizetype(chunks.size()) * ChunkRows);
    for (Chunk& chunk : chunks)
        std::move(chunk.nodes.begin(), chunk.nodes.end(), std::back_inserter(nodes));
    return nodes;
}

} // namespace

QFuture<CacheReader::State> CacheReader::lastState()
{
    return d->run<State>([this] {
        State state;
        const QSqlDatabase db = d->database(CacheDb::File::State);
        if (!db.isValid())
            return state;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT node_id, source, inventory, snapshot, last_error, last_seen_ms FROM node")))
            state.nodes = readNodes(q);
        if (q.exec(QStringLiteral("SELECT job_id, name, tenant, user, kind, state, region, pool, model, acc_requested,"
                                  " acc_allocated, nodes, submit_ms, start_ms, end_ms, last_checkpoint_ms,"
                                  " interruptions FROM job"))) {
            while (q.next()) {
                Protocol::JobRecord j;
                j.jobId = q.value(0).toString();
                j.name = q.value(1).toString();
                j.tenant = q.value(2).toString();
                j.user = q.value(3).toString();
                j.kind = q.value(4).toString();
                j.state = q.value(5).toString();
                j.region = q.value(6).toString();
                j.pool = q.value(7).toString();
                j.model = q.value(8).toString();
                j.acceleratorsRequested = q.value(9).toInt();
                j.acceleratorsAllocated = q.value(10).toInt();
                const QJsonArray nodes = QJsonDocument::fromJson(q.value(11).toByteArray()).array();
                for (const QJsonValue& n : nodes)
                    j.nodes.append(n.toString());
                j.submitMs = q.value(12).toLongLong();
                j.startMs = q.value(13).toLongLong();
                j.endMs = q.value(14).toLongLong();
                j.lastCheckpointMs = q.value(15).toLongLong();
                j.interruptions = q.value(16).toInt();
                state.jobs.append(std::move(j));
            }
        }
        CacheJobHistory::load(db, &state.jobs);
        return state;
    });
}

QFuture<CacheCursors> CacheReader::cursors()
{
    return d->run<CacheCursors>([this] {
        CacheCursors cursors;
        const QSqlDatabase db = d->database(CacheDb::File::Metrics);
        if (!db.isValid())
            return cursors;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT node_id, instance, seq FROM cursor WHERE seq > 0"))) {
            while (q.next())
                cursors.insert(q.value(0).toString(), { q.value(1).toString(), q.value(2).toLongLong() });
        }
        return cursors;
    });
}

QFuture<HistorySpans> CacheReader::historySpans()
{
    return d->run<HistorySpans>([this] {
        HistorySpans spans;
        const QSqlDatabase db = d->database(CacheDb::File::Metrics);
        if (!db.isValid())
            return spans;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("SELECT source, from_ms, to_ms FROM history_span"))) {
            while (q.next())
                spans.insert(q.value(0).toString(), { q.value(1).toLongLong(), q.value(2).toLongLong() });
        }
        return spans;
    });
}

QFuture<MetricSeries> CacheReader::acceleratorHistory(
    const QString& nodeId, int acceleratorIndex, AcceleratorMetric metric, qint64 fromMs, qint64 toMs, int maxPoints)
{
    return d->run<MetricSeries>([this, nodeId, acceleratorIndex, metric, fromMs, toMs, maxPoints] {
        const QSqlDatabase db = d->database(CacheDb::File::Metrics);
        if (!db.isValid() || acceleratorIndex < 0)
            return MetricSeries { nodeId, acceleratorIndex, int(metric), fromMs, toMs };
        return History::readSeries(db, nodeId, acceleratorIndex, int(metric), fromMs, toMs, maxPoints,
            d->recent ? d->recent(nodeId, acceleratorIndex, int(metric)) : QList<std::pair<qint64, float>> {});
    });
}

QFuture<MetricSeries> CacheReader::nodeHistory(
    const QString& nodeId, NodeMetric metric, qint64 fromMs, qint64 toMs, int maxPoints)
{
    return d->run<MetricSeries>([this, nodeId, metric, fromMs, toMs, maxPoints] {
        const QSqlDatabase db = d->database(CacheDb::File::Metrics);
        if (!db.isValid())
            return MetricSeries { nodeId, -1, int(metric), fromMs, toMs };
        return History::readSeries(db, nodeId, -1, int(metric), fromMs, toMs, maxPoints,
            d->recent ? d->recent(nodeId, -1, int(metric)) : QList<std::pair<qint64, float>> {});
    });
}

QFuture<QList<PairPoint>> CacheReader::probeHistory(
    bool siteLevel, const QString& from, const QString& to, qint64 fromMs, qint64 toMs)
{
    return d->run<QList<PairPoint>>([this, siteLevel, from, to, fromMs, toMs] {
        const QSqlDatabase db = d->database(CacheDb::File::Metrics);
        return db.isValid() ? ProbeHistory::read(db, siteLevel, from, to, fromMs, toMs) : QList<PairPoint>();
    });
}

QFuture<QList<Protocol::Event>> CacheReader::events(const EventFilter& filter)
{
    return d->run<QList<Protocol::Event>>([this, filter] {
        QList<Protocol::Event> events;
        const QSqlDatabase db = d->database(CacheDb::File::State);
        if (!db.isValid())
            return events;
        QString sql = QStringLiteral("SELECT id, ts_ms, kind, severity, node_id, accelerator, message, code, cleared"
                                     " FROM event WHERE ts_ms >= ? AND ts_ms <= ? AND severity >= ?");
        if (!filter.nodeId.isEmpty())
            sql += QStringLiteral(" AND node_id = ?");
        if (!filter.kind.isEmpty())
            sql += QStringLiteral(" AND kind = ?");
        sql += QStringLiteral(" ORDER BY ts_ms DESC, id DESC LIMIT ?");
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(sql);
        q.addBindValue(filter.fromMs);
        q.addBindValue(filter.toMs);
        q.addBindValue(int(filter.minSeverity));
        if (!filter.nodeId.isEmpty())
            q.addBindValue(filter.nodeId);
        if (!filter.kind.isEmpty())
            q.addBindValue(filter.kind);
        q.addBindValue(std::clamp(filter.limit, 0, 100000));
        if (!q.exec())
            return events;
        while (q.next()) {
            Protocol::Event e;
            e.id = q.value(0).toLongLong();
            e.timestampMs = q.value(1).toLongLong();
            e.kind = q.value(2).toString();
            const int severity = q.value(3).toInt();
            e.severity = Protocol::Severity(std::clamp(severity, 0, int(Protocol::Severity::Critical)));
            e.nodeId = q.value(4).toString();
            e.accelerator = q.value(5).toInt();
            e.message = q.value(6).toString();
            e.code = q.value(7).toString();
            e.cleared = q.value(8).toInt() != 0;
            events.append(std::move(e));
        }
        return events;
    });
}

} // namespace Meridian
