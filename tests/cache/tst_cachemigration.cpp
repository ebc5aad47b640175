// SPDX-License-Identifier: GPL-3.0-or-later
// Creating, reopening and refusing cache files (schema by user_version,
// ownership by application_id). A refused file is never written to.

#include "core/cache/cachedatabase.h"
#include "core/cache/cachewriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

qint64 pragma(const QString& path, const QString& name)
{
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA ") + name) && q.next())
                value = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    return value;
}

void writeSqlite(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("maker"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString& sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("maker"));
}

QByteArray digest(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestCacheMigration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshCreateAndReopen();
    void refused_data();
    void refused();
    void secondWriterRefused();
};

void TestCacheMigration::freshCreateAndReopen()
{
    QTemporaryDir dir;
    for (int round = 0; round < 2; ++round) {
        CacheWriter writer(dir.path());
        QSignalSpy opened(&writer, &CacheWriter::opened);
        QSignalSpy failed(&writer, &CacheWriter::failed);
        writer.start();
        QVERIFY(opened.wait(5000));
        QCOMPARE(failed.count(), 0);
    }
    const QString state = dir.filePath(QStringLiteral("state.db"));
    const QString metrics = dir.filePath(QStringLiteral("metrics.db"));
    QCOMPARE(pragma(state, QStringLiteral("user_version")), CacheDb::StateSchemaVersion);
    QCOMPARE(pragma(metrics, QStringLiteral("user_version")), CacheDb::MetricsSchemaVersion);
    QCOMPARE(pragma(state, QStringLiteral("application_id")), CacheDb::StateApplicationId);
    QCOMPARE(pragma(metrics, QStringLiteral("application_id")), CacheDb::MetricsApplicationId);
    QCOMPARE(pragma(metrics, QStringLiteral("auto_vacuum")), 2); // incremental, set at creation
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("open.marker")))); // clean close
}

void TestCacheMigration::refused_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content"); // raw bytes, or empty to build an SQLite file below
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("damage"); // refused as damaged (moved aside on request) or only unavailable

    const QString newer = QStringLiteral("PRAGMA application_id=%1").arg(CacheDb::StateApplicationId);
    QTest::addRow("state newer schema") << QStringLiteral("state.db") << QByteArray()
                                        << QStringList { QStringLiteral("CREATE TABLE x(a)"), newer,
                                               QStringLiteral("PRAGMA user_version=99") }
                                        << QStringLiteral("newer Meridian") << false;
    QTest::addRow("metrics newer schema")
        << QStringLiteral("metrics.db") << QByteArray()
        << QStringList { QStringLiteral("CREATE TABLE x(a)"),
               QStringLiteral("PRAGMA application_id=%1").arg(CacheDb::MetricsApplicationId),
               QStringLiteral("PRAGMA user_version=%1").arg(CacheDb::MetricsSchemaVersion + 1) }
        << QStringLiteral("newer Meridian") << false;
    QTest::addRow("foreign application_id")
        << QStringLiteral("state.db") << QByteArray()
        << QStringList { QStringLiteral("CREATE TABLE photos(id)"), QStringLiteral("PRAGMA application_id=1234") }
        << QStringLiteral("not a Meridian cache") << true;
    QTest::addRow("someone's SQLite without id")
        << QStringLiteral("metrics.db") << QByteArray()
        << QStringList { QStringLiteral("CREATE TABLE t(a)"), QStringLiteral("INSERT INTO t VALUES(1)") }
        << QStringLiteral("not a Meridian cache") << true;
    QTest::addRow("garbage bytes") << QStringLiteral("state.db") << QByteArray(5000, '\x5a') << QStringList()
                                   << QStringLiteral("not an SQLite database") << true;
    QTest::addRow("text file") << QStringLiteral("metrics.db") << QByteArray("hello, this is a note\n") << QStringList()
                               << QStringLiteral("not an SQLite database") << true;
    // Ours by id and version, but not the writer's shape: a table more, or a table become a view.
    const QString ours = QStringLiteral("PRAGMA application_id=%1").arg(CacheDb::StateApplicationId);
    QStringList extra = CacheDb::migration(CacheDb::File::State, 1) + CacheDb::migration(CacheDb::File::State, 2);
    extra << QStringLiteral("CREATE TABLE spy(a)") << ours << QStringLiteral("PRAGMA user_version=2");
    QTest::addRow("extra table") << QStringLiteral("state.db") << QByteArray() << extra
                                 << QStringLiteral("unexpected table spy") << true;
}

void TestCacheMigration::refused()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, statements);
    QFETCH(QString, message);
    QFETCH(bool, damage);

    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    if (content.isEmpty()) {
        writeSqlite(path, statements);
    } else {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QByteArray before = digest(path);
    QVERIFY(!before.isEmpty());
    {
        CacheWriter writer(dir.path());
        QSignalSpy failed(&writer, &CacheWriter::failed);
        QSignalSpy damaged(&writer, &CacheWriter::damaged);
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count() + damaged.count(), 1, 5000);
        QCOMPARE(damaged.count(), damage ? 1 : 0);
        const QString reason = (damage ? damaged : failed).at(0).at(0).toString();
        QVERIFY2(reason.contains(message), qPrintable(reason));
        QCOMPARE(opened.count(), 0);
        writer.write(SourceUpdate {}); // keeps working (on live data), writes nothing
        writer.flush();
    }
    QCOMPARE(digest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestCacheMigration::secondWriterRefused()
{
    QTemporaryDir dir;
    CacheWriter first(dir.path());
    QSignalSpy opened(&first, &CacheWriter::opened);
    first.start();
    QVERIFY(opened.wait(5000));
    CacheWriter second(dir.path());
    QSignalSpy failed(&second, &CacheWriter::failed);
    second.start();
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("in use")));
}

QTEST_GUILESS_MAIN(TestCacheMigration)
#include "tst_cachemigration.moc"
