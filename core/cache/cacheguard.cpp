// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cacheguard.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <atomic>
#include <chrono>
#include <memory>
#include <sqlite3.h>

namespace Meridian::CacheDb {
namespace {

struct CacheGuardText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CacheGuard)
};

// VM instructions between two looks at the clock: a few microseconds of work.
constexpr int ProgressStep = 4096;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Guard
{
    std::atomic<qint64> statementStartNs { 0 };
    std::atomic<int> limitMs { StatementLimitMs };
};

QMutex g_mutex;
QHash<QString, std::shared_ptr<Guard>>& guards()
{
    static QHash<QString, std::shared_ptr<Guard>> map;
    return map;
}

std::shared_ptr<Guard> guardOf(const QString& connection)
{
    QMutexLocker lock(&g_mutex);
    return guards().value(connection);
}

// A statement starts (or a trigger program inside it): its time runs from here.
int onTrace(unsigned, void* context, void*, void*)
{
    static_cast<Guard*>(context)->statementStartNs.store(nowNs(), std::memory_order_relaxed);
    return 0;
}

// Non-zero interrupts the statement (SQLITE_INTERRUPT).
int onProgress(void* context)
{
    const auto* g = static_cast<Guard*>(context);
    const qint64 start = g->statementStartNs.load(std::memory_order_relaxed);
    return start != 0 && nowNs() - start > qint64(g->limitMs.load(std::memory_order_relaxed)) * 1000000;
}

sqlite3* handleOf(const QSqlDatabase& db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

} // namespace

bool guard(const QSqlDatabase& db, bool readOnly, QString* error)
{
    sqlite3* h = handleOf(db);
    if (!h) {
        *error = CacheGuardText::tr("%1: not an SQLite connection").arg(db.databaseName());
        return false;
    }
    struct Setting
    {
        int option;
        int value;
        const char* name;
    };
    const Setting settings[] = {
        { SQLITE_DBCONFIG_DEFENSIVE, 1, "defensive" },
        { SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, "trusted_schema" },
        { SQLITE_DBCONFIG_ENABLE_VIEW, 0, "views" },
        { SQLITE_DBCONFIG_ENABLE_TRIGGER, readOnly ? 0 : 1, "triggers" },
        { SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, "load_extension" },
    };
    for (const Setting& s : settings) {
        int now = -1;
        if (sqlite3_db_config(h, s.option, s.value, &now) != SQLITE_OK || now != s.value) {
            *error
                = CacheGuardText::tr("%1: SQLite refused the setting %2").arg(db.databaseName(), QLatin1String(s.name));
            return false;
        }
    }
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, int(MaxValueBytes));
    sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);

    auto g = std::make_shared<Guard>();
    {
        QMutexLocker lock(&g_mutex);
        guards().insert(db.connectionName(), g); // replaces the guard of a closed connection of that name
    }
    sqlite3_trace_v2(h, SQLITE_TRACE_STMT, onTrace, g.get());
    sqlite3_progress_handler(h, ProgressStep, onProgress, g.get());
    return true;
}

void releaseGuard(const QString& connectionName)
{
    QMutexLocker lock(&g_mutex);
    guards().remove(connectionName);
}

LongStatements::LongStatements(const QSqlDatabase& db, int limitMs)
    : m_connection(db.connectionName())
{
    if (const auto g = guardOf(m_connection))
        m_previousMs = g->limitMs.exchange(limitMs);
}

LongStatements::~LongStatements()
{
    if (const auto g = guardOf(m_connection))
        g->limitMs.store(m_previousMs);
}

} // namespace Meridian::CacheDb
