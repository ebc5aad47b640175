// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A cache file is input like any other: someone may have damaged it, or written it to attack the console
// (a table replaced by a view that loops forever, a trigger that fires on every write, rows of gigabytes).
// Every connection CacheDb::open makes is therefore guarded before its first query (docs/security.md,
// "The cache is verified before it is believed"):
// - SQLite's defensive mode (SQLITE_DBCONFIG_DEFENSIVE) and trusted_schema=OFF: the schema cannot call
//   functions with side effects, and the file cannot be edited behind SQLite's back through SQL;
// - views are off (Meridian creates none); triggers are off on read-only connections (the writer keeps its
//   own append-only triggers on the audit table);
// - no single value larger than MaxValueBytes (SQLITE_LIMIT_LENGTH): a huge row is an error, not an
//   allocation of gigabytes;
// - no statement runs longer than a time limit (a progress handler interrupts it), counted from the
//   statement's first step, so also bounding how long its rows are read;
// - the schema is compared with the one the writer creates (cacheschema.h).

#include <QString>

class QSqlDatabase;

namespace Meridian::CacheDb {

inline constexpr qsizetype MaxValueBytes = 16 * 1024 * 1024;
inline constexpr int StatementLimitMs = 60 * 1000;
inline constexpr int QuickCheckLimitMs = 10 * 60 * 1000; ///< a multi-GB metrics.db takes tens of seconds

// Applies the rules above to an open connection. False (and why in *error) when the connection is not
// SQLite or refuses a setting.
bool guard(const QSqlDatabase& db, bool readOnly, QString* error);

// Forgets the guard of a connection that has been closed.
void releaseGuard(const QString& connectionName);

// Raises the statement time limit of one connection while it lives (PRAGMA quick_check).
class LongStatements
{
public:
    LongStatements(const QSqlDatabase& db, int limitMs);
    ~LongStatements();
    LongStatements(const LongStatements&) = delete;
    LongStatements& operator=(const LongStatements&) = delete;

private:
    QString m_connection;
    int m_previousMs = StatementLimitMs;
};

} // namespace Meridian::CacheDb
