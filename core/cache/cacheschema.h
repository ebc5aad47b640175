// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The schema a cache file must have: exactly the tables, indexes, views and triggers the writer's migrations
// create for its schema version (compared on their type, name, table and SQL text), plus the statistics
// tables SQLite's own ANALYZE writes. Anything else (a table replaced by a view, a foreign trigger, a changed
// column, an extra index) means the file was damaged or written by someone else: it is refused, not read.

#include "core/cache/cachedatabase.h"

#include <QString>

class QSqlDatabase;

namespace Meridian::CacheDb {

// True when `db` has exactly the schema of `file` at `version`; else false with the first differences
// in *error.
bool verifySchema(const QSqlDatabase& db, File file, int version, QString* error);

// True when no value in any table of `db` is larger than MaxValueBytes (cacheguard.h); else false with
// the table in *error. One scan per table; blobs are measured without being read.
bool checkValueSizes(const QSqlDatabase& db, QString* error);

} // namespace Meridian::CacheDb
