// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cacheschema.h"

#include "core/cache/cacheguard.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>
#include <QVariant>

namespace Meridian::CacheDb {
namespace {

struct CacheSchemaText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CacheSchema)
};

// One schema object, as sqlite_schema lists it.
QString describe(const QSqlQuery& q)
{
    const QString sql = q.value(3).isNull() ? QStringLiteral("(implicit)") : q.value(3).toString();
    return QStringLiteral("%1 %2 ON %3: %4")
        .arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), sql);
}

constexpr int MaxSchemaObjects = 1000;

bool readSchema(const QSqlDatabase& db, QStringList* out, QString* error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        if (out->size() >= MaxSchemaObjects) {
            *error = CacheSchemaText::tr("more than %n schema object(s)", "", MaxSchemaObjects);
            return false;
        }
        out->append(describe(q));
    }
    return true;
}

// The schema the migrations create, made once per (file, version) in a private in-memory database.
QStringList expectedSchema(File file, int version, QString* error)
{
    static QMutex mutex;
    static QHash<int, QStringList> made;
    const int key = int(file) * 1000 + version;
    QMutexLocker lock(&mutex);
    if (const auto it = made.constFind(key); it != made.constEnd())
        return *it;
    const QString name = QStringLiteral("meridian-cache-schema-") + QUuid::createUuid().toString(QUuid::Id128);
    QStringList schema;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        ok = db.open();
        for (int v = 1; ok && v <= version; ++v) {
            for (const QString& sql : migration(file, v)) {
                QSqlQuery q(db);
                if (!q.exec(sql)) {
                    *error = q.lastError().text();
                    ok = false;
                    break;
                }
            }
        }
        ok = ok && readSchema(db, &schema, error);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!ok)
        return {};
    made.insert(key, schema);
    return schema;
}

// Written by ANALYZE and PRAGMA optimize (CacheDb::close): SQLite's, with fixed columns.
const QStringList& statisticsTables()
{
    static const QStringList tables {
        QStringLiteral("table sqlite_stat1 ON sqlite_stat1: CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
        QStringLiteral("table sqlite_stat4 ON sqlite_stat4: CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"),
    };
    return tables;
}

} // namespace

bool verifySchema(const QSqlDatabase& db, File file, int version, QString* error)
{
    QString why;
    const QStringList expected = expectedSchema(file, version, &why);
    if (expected.isEmpty()) {
        *error = CacheSchemaText::tr("the expected schema could not be made: %1").arg(why);
        return false;
    }
    QStringList actual;
    if (!readSchema(db, &actual, &why)) {
        *error = CacheSchemaText::tr("its schema cannot be read: %1").arg(why);
        return false;
    }
    QStringList problems;
    for (const QString& object : actual) {
        if (!expected.contains(object) && !statisticsTables().contains(object))
            problems << CacheSchemaText::tr("unexpected %1").arg(object.left(200));
    }
    for (const QString& object : expected) {
        if (!actual.contains(object))
            problems << CacheSchemaText::tr("missing %1").arg(object.left(200));
    }
    if (problems.isEmpty())
        return true;
    const qsizetype shown = std::min<qsizetype>(problems.size(), 5);
    *error = CacheSchemaText::tr(
                 "its schema is not the one Meridian writes (%n difference(s)): ", "", int(problems.size()))
        + problems.mid(0, shown).join(QStringLiteral("; "));
    return false;
}

bool checkValueSizes(const QSqlDatabase& db, QString* error)
{
    const LongStatements longer(db, QuickCheckLimitMs);
    QStringList tables;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%'"
                                   " ESCAPE '\\' ORDER BY name"))) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next() && tables.size() < MaxSchemaObjects)
            tables << q.value(0).toString();
    }
    auto quoted = [](QString name) { return QStringLiteral("\"%1\"").arg(name.replace(u'"', QStringLiteral("\"\""))); };
    for (const QString& table : std::as_const(tables)) {
        QStringList tests;
        QSqlQuery columns(db);
        columns.setForwardOnly(true);
        if (!columns.exec(QStringLiteral("PRAGMA table_info(%1)").arg(quoted(table)))) {
            *error = columns.lastError().text();
            return false;
        }
        while (columns.next())
            tests << QStringLiteral("length(%1) > %2").arg(quoted(columns.value(1).toString())).arg(MaxValueBytes);
        if (tests.isEmpty())
            continue;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        // A text too long to load fails the statement (SQLITE_TOOBIG): that is the answer too.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM %1 WHERE %2")
                        .arg(quoted(table), tests.join(QStringLiteral(" OR "))))
            || !q.next() || q.value(0).toLongLong() > 0) {
            *error = CacheSchemaText::tr("table %1 holds a value larger than %2 bytes").arg(table).arg(MaxValueBytes);
            return false;
        }
    }
    return true;
}

} // namespace Meridian::CacheDb
