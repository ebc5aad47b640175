// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Opening, checking and migrating the cache's two SQLite files. Every function
// runs on the thread that owns the connection (one connection per thread).

#include <QSqlDatabase>
#include <QString>

class QSqlError;
class QSqlQuery;

namespace Meridian::CacheDb {

enum class File { State, Metrics };

inline constexpr int StateSchemaVersion = 2; ///< 2: job history and audit (jobhistory.h)
inline constexpr int MetricsSchemaVersion = 3; ///< 2: probe history (probehistory.h); 3: history spans
// 'MRDS' and 'MRDM': a file with any other application_id is not ours.
inline constexpr qint32 StateApplicationId = 0x4D524453;
inline constexpr qint32 MetricsApplicationId = 0x4D52444D;

QString fileName(File file); ///< "state.db" / "metrics.db"

struct OpenOptions
{
    bool readOnly = false; ///< QSQLITE_OPEN_READONLY
    bool queryOnly = false; ///< writable handle (WAL needs -shm) but PRAGMA query_only: never creates or migrates
    qint64 maxPageCount = 0; ///< >0: PRAGMA max_page_count (tests simulate a full disk)
};

// Why open() failed. Damaged: the file is not a sound Meridian cache (not SQLite, another program's, malformed,
// a schema other than the writer's): it is never read, and the way out is to move it aside (cacherepair.h).
// Unavailable: anything else (in use, written by a newer Meridian, permissions, a full disk).
enum class OpenFailure { None, Unavailable, Damaged };

// Opens `directory/fileName(file)` as connection `connectionName`, guards the
// connection (cacheguard.h), refuses a foreign, newer or differently shaped file
// (cacheschema.h) without writing to it, sets the per-open pragmas and
// (writable connections only) creates or migrates the schema. On failure the
// connection is removed and *error says why in words a user can act on.
bool open(const QString& connectionName, const QString& directory, File file, const OpenOptions& options,
    QString* error, OpenFailure* failure = nullptr);

// The statements that migrate `file` from schema toVersion-1 to toVersion.
QStringList migration(File file, int toVersion);
void close(const QString& connectionName); ///< PRAGMA optimize (writable), close, removeDatabase

// Runs one statement; on failure fills *error with the statement and SQLite's message.
bool exec(QSqlQuery& query, const QString& sql, QString* error);
bool exec(const QSqlDatabase& db, const QString& sql, QString* error);

// "ok" or the problems found; its time limit is QuickCheckLimitMs (cacheguard.h).
QString quickCheck(const QSqlDatabase& db);
QString integrityCheck(const QSqlDatabase& db); ///< "ok" or the problems found

// True when the last error of `query` was SQLITE_FULL (disk or page cap full).
bool isDiskFull(const QSqlError& error);

} // namespace Meridian::CacheDb
