// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cachedatabase.h"

#include "core/cache/cacheguard.h"
#include "core/cache/cacheschema.h"
#include "core/cache/jobhistory.h"
#include "core/cache/probehistory.h"

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

Q_LOGGING_CATEGORY(lcCacheDb, "meridian.core.cache")

namespace Meridian::CacheDb {

namespace {

constexpr int SqliteFull = 13; // SQLITE_FULL

// One list of statements per schema version; step N migrates N-1 → N.
QStringList stateMigration(int toVersion)
{
    switch (toVersion) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE node(node_id TEXT PRIMARY KEY, source TEXT NOT NULL, region TEXT NOT NULL,"
                           " pool TEXT NOT NULL, inventory BLOB, snapshot BLOB, status INTEGER NOT NULL,"
                           " last_error TEXT NOT NULL, last_seen_ms INTEGER NOT NULL, last_poll_ms INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE job(job_id TEXT PRIMARY KEY, name TEXT, tenant TEXT, user TEXT, kind TEXT,"
                           " state TEXT NOT NULL, region TEXT, pool TEXT, model TEXT, acc_requested INTEGER,"
                           " acc_allocated INTEGER, nodes TEXT, submit_ms INTEGER, start_ms INTEGER, end_ms INTEGER,"
                           " last_checkpoint_ms INTEGER, interruptions INTEGER)"),
            QStringLiteral("CREATE TABLE event(source TEXT NOT NULL, node_id TEXT NOT NULL, id INTEGER NOT NULL,"
                           " ts_ms INTEGER NOT NULL, kind TEXT NOT NULL, severity INTEGER NOT NULL,"
                           " accelerator INTEGER NOT NULL, message TEXT NOT NULL, code TEXT NOT NULL,"
                           " cleared INTEGER NOT NULL, PRIMARY KEY(source, node_id, id)) WITHOUT ROWID"),
            QStringLiteral("CREATE INDEX event_ts ON event(ts_ms)"),
        };
    case 2:
        return CacheJobHistory::migrationV2();
    }
    return {};
}

QStringList metricsMigration(int toVersion)
{
    switch (toVersion) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE series(id INTEGER PRIMARY KEY, node_id TEXT NOT NULL,"
                           " accelerator INTEGER NOT NULL, metric INTEGER NOT NULL,"
                           " UNIQUE(node_id, accelerator, metric))"),
            // Time-major: each commit appends at the right edge of the tree (flat ingest).
            QStringLiteral("CREATE TABLE chunk(t0 INTEGER NOT NULL, series INTEGER NOT NULL, n INTEGER NOT NULL,"
                           " data BLOB NOT NULL, PRIMARY KEY(t0, series)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE cursor(node_id TEXT PRIMARY KEY, instance TEXT NOT NULL,"
                           " seq INTEGER NOT NULL, chunk_t0 INTEGER NOT NULL, rollup_minute INTEGER NOT NULL)"
                           " WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE capacity_key(id INTEGER PRIMARY KEY, region TEXT NOT NULL,"
                           " pool TEXT NOT NULL, model TEXT NOT NULL, UNIQUE(region, pool, model))"),
            QStringLiteral("CREATE TABLE capacity_1m(key INTEGER NOT NULL, minute_ms INTEGER NOT NULL,"
                           " total INTEGER NOT NULL, allocated INTEGER NOT NULL, free INTEGER NOT NULL,"
                           " faulty INTEGER NOT NULL, nodes INTEGER NOT NULL, PRIMARY KEY(key, minute_ms))"
                           " WITHOUT ROWID"),
        };
    case 2:
        return ProbeHistory::migration();
    case 3:
        // Per source, the span of its engine's history already here (SourceUpdate::historyComplete).
        return { QStringLiteral("CREATE TABLE history_span(source TEXT PRIMARY KEY, from_ms INTEGER NOT NULL,"
                                " to_ms INTEGER NOT NULL) WITHOUT ROWID") };
    }
    return {};
}

// -1 when the database does not answer.
qint64 userVersion(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    const qint64 version = q.value(0).toLongLong();
    q.finish();
    return version;
}

// Refuses what is visibly not an SQLite file before SQLite touches it.
bool checkHeader(const QString& path, QString* error, OpenFailure* failure)
{
    QFile f(path);
    if (!f.exists() || f.size() == 0)
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray header = f.read(16);
    if (header != QByteArray("SQLite format 3\0", 16)) {
        *error = QStringLiteral("%1 is not a Meridian cache (not an SQLite database); move it away").arg(path);
        *failure = OpenFailure::Damaged;
        return false;
    }
    return true;
}

bool migrate(QSqlDatabase& db, File file, int from, QString* error)
{
    const int target = file == File::State ? StateSchemaVersion : MetricsSchemaVersion;
    const qint32 appId = file == File::State ? StateApplicationId : MetricsApplicationId;
    for (int v = from + 1; v <= target; ++v) {
        if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), error))
            return false;
        // Two connections of one session (the writer, the audit store) may open a new cache at once:
        // the version read before the write lock can be stale, so read it again under the lock.
        if (const qint64 applied = userVersion(db); applied < 0 || applied >= v) {
            exec(db, QStringLiteral("ROLLBACK"), nullptr);
            if (applied < 0) {
                *error = QStringLiteral("%1: PRAGMA user_version gave no answer").arg(fileName(file));
                return false;
            }
            continue;
        }
        QStringList ddl = file == File::State ? stateMigration(v) : metricsMigration(v);
        // The integers are ours, not input: PRAGMA values cannot be bound.
        ddl << QStringLiteral("PRAGMA application_id=%1").arg(appId) << QStringLiteral("PRAGMA user_version=%1").arg(v);
        for (const QString& sql : std::as_const(ddl)) {
            if (!exec(db, sql, error)) {
                exec(db, QStringLiteral("ROLLBACK"), nullptr);
                return false;
            }
        }
        if (!exec(db, QStringLiteral("COMMIT"), error))
            return false;
        qCInfo(lcCacheDb) << "migrated" << fileName(file) << "to schema" << v;
    }
    return true;
}

bool checkAndMigrate(
    QSqlDatabase& db, const QString& path, File file, const OpenOptions& options, QString* error, OpenFailure* failure)
{
    // One statement, so one snapshot: read one by one, a reader could see the application id
    // before the writer's first migration committed and the tables after it — and call a cache
    // being created "not a Meridian cache".
    QSqlQuery identity(db);
    if (!identity.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id()),"
                                      " (SELECT user_version FROM pragma_user_version()),"
                                      " (SELECT count(*) FROM sqlite_schema)"))
        || !identity.next()) {
        // A truncated file fails on the statement, not the connection: its text is the reason.
        QString why = identity.lastError().text().trimmed();
        *error = QStringLiteral("%1 cannot be read: %2")
                     .arg(path, why.isEmpty() ? QStringLiteral("no answer about its identity") : why);
        *failure = OpenFailure::Damaged;
        return false;
    }
    const qint64 appId = identity.value(0).toLongLong();
    const qint64 version = identity.value(1).toLongLong();
    const qint64 tableCount = identity.value(2).toLongLong();
    QString why;
    identity.finish(); // an active statement holds a read transaction: journal_mode could not change
    const qint32 ourId = file == File::State ? StateApplicationId : MetricsApplicationId;
    const int known = file == File::State ? StateSchemaVersion : MetricsSchemaVersion;

    const bool fresh = appId == 0 && version == 0 && tableCount == 0;
    if (!fresh && appId != ourId) {
        *error = QStringLiteral("%1 is not a Meridian cache (application_id 0x%2); move it away")
                     .arg(path, QString::number(appId, 16));
        *failure = OpenFailure::Damaged;
        return false;
    }
    if (version > known) {
        *error = QStringLiteral("%1 was created by a newer Meridian (schema %2, this version knows %3)")
                     .arg(path)
                     .arg(version)
                     .arg(known);
        return false;
    }
    // Before any query reads a table: the file holds exactly what the writer made for its version.
    if (!fresh && !verifySchema(db, file, int(version), &why)) {
        *error = QStringLiteral("%1 is damaged: %2").arg(path, why);
        *failure = OpenFailure::Damaged;
        return false;
    }
    if (options.readOnly || options.queryOnly) {
        if (version < known) {
            *error = QStringLiteral("%1 is not migrated yet (schema %2)").arg(path).arg(version);
            return false;
        }
        // Readers do point lookups all over a multi-GB tree: map it instead of a pread per page.
        if (!exec(db, QStringLiteral("PRAGMA mmap_size=1073741824"), error)
            || !exec(db, QStringLiteral("PRAGMA cache_size=-32768"), error))
            return false;
        return !options.queryOnly || exec(db, QStringLiteral("PRAGMA query_only=ON"), error);
    }

    // Only now, with the file known to be ours (or empty), change anything.
    const bool metrics = file == File::Metrics;
    QStringList pragmas;
    // Only possible while the file is empty, before WAL mode writes its header.
    if (fresh)
        pragmas << QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL");
    pragmas << QStringList {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        metrics ? QStringLiteral("PRAGMA synchronous=NORMAL") : QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA journal_size_limit=67108864"),
        metrics ? QStringLiteral("PRAGMA cache_size=-65536") : QStringLiteral("PRAGMA cache_size=-16384"),
    };
    // Debian builds SQLite with SECURE_DELETE: retention would overwrite every freed page.
    if (metrics)
        pragmas << QStringLiteral("PRAGMA secure_delete=OFF");
    if (options.maxPageCount > 0)
        pragmas << QStringLiteral("PRAGMA max_page_count=%1").arg(options.maxPageCount);
    for (const QString& sql : std::as_const(pragmas)) {
        if (!exec(db, sql, error))
            return false;
    }
    return migrate(db, file, int(version), error);
}

} // namespace

QString fileName(File file)
{
    return file == File::State ? QStringLiteral("state.db") : QStringLiteral("metrics.db");
}

QStringList migration(File file, int toVersion)
{
    return file == File::State ? stateMigration(toVersion) : metricsMigration(toVersion);
}

bool open(const QString& connectionName, const QString& directory, File file, const OpenOptions& options,
    QString* error, OpenFailure* failure)
{
    OpenFailure ignored = OpenFailure::None;
    if (!failure)
        failure = &ignored;
    *failure = OpenFailure::Unavailable;
    const QString path = directory + QLatin1Char('/') + fileName(file);
    if (!checkHeader(path, error, failure))
        return false;
    if ((options.readOnly || options.queryOnly) && !QFileInfo::exists(path)) {
        *error = QStringLiteral("%1 does not exist yet").arg(path);
        return false;
    }
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (options.readOnly)
            connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(connectOptions);
        if (!db.open())
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
        else
            ok = guard(db, options.readOnly || options.queryOnly, error)
                && checkAndMigrate(db, path, file, options, error, failure);
        if (!ok)
            db.close();
    }
    if (!ok) {
        QSqlDatabase::removeDatabase(connectionName);
        releaseGuard(connectionName);
    } else {
        *failure = OpenFailure::None;
    }
    return ok;
}

void close(const QString& connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen()) {
            if (!db.connectOptions().contains(QLatin1String("READONLY")))
                exec(db, QStringLiteral("PRAGMA optimize"), nullptr);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    releaseGuard(connectionName); // after the close: SQLite calls the guard until then
}

bool exec(QSqlQuery& query, const QString& sql, QString* error)
{
    if (query.exec(sql))
        return true;
    if (error)
        *error = sql.left(60) + QStringLiteral(": ") + query.lastError().text();
    return false;
}

bool exec(const QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    return exec(q, sql, error);
}

static QString runCheck(const QSqlDatabase& db, const QString& pragma)
{
    QSqlQuery q(db);
    if (!q.exec(pragma))
        return q.lastError().text();
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

QString quickCheck(const QSqlDatabase& db)
{
    const LongStatements longer(db, QuickCheckLimitMs);
    const QString result = runCheck(db, QStringLiteral("PRAGMA quick_check"));
    return result.isEmpty() ? QStringLiteral("quick_check gave no answer") : result;
}

QString integrityCheck(const QSqlDatabase& db)
{
    const LongStatements longer(db, QuickCheckLimitMs);
    return runCheck(db, QStringLiteral("PRAGMA integrity_check"));
}

bool isDiskFull(const QSqlError& error)
{
    // Extended codes keep the primary code in the low byte.
    return (error.nativeErrorCode().toInt() & 0xff) == SqliteFull;
}

} // namespace Meridian::CacheDb
