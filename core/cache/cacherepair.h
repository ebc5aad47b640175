// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What to do with a cache found damaged (CacheWriter::damaged, CacheReader::verify): never read it, never
// repair it silently. The console asks; on yes, the files are moved aside (kept for support, renamed with
// the time) and a new, empty cache starts. `meridian report` refuses with exit 3.

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Meridian {

// The verdict on a cache directory's two files.
struct CacheVerdict
{
    enum class State {
        Sound, ///< both files open with the writer's schema and pass PRAGMA quick_check
        Missing, ///< no cache there (yet)
        Damaged, ///< refused: never read (detail says which file and why)
        Unavailable, ///< could not be checked (in use, newer version, permissions)
    };
    State state = State::Missing;
    QString detail;
};

namespace CacheRepair {

// The suffix damaged files get: ".damaged-20261207T101500Z".
QString asideSuffix(const QDateTime& now);

// Renames state.db, metrics.db and their -wal and -shm files in `directory` to NAME + asideSuffix(now).
// Nothing is deleted. Only the writer's files are touched (its lock and the audit are not: the audit lives
// in state.db and goes with it). False with *error when a rename failed; the renamed paths in *moved.
// Call only while no connection has the files open (the damaged writer opened none).
bool moveAside(const QString& directory, const QDateTime& now, QStringList* moved, QString* error);

} // namespace CacheRepair
} // namespace Meridian
