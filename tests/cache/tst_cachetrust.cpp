// SPDX-License-Identifier: GPL-3.0-or-later
// A cache is verified before it is believed (docs/security.md): damaged and hostile caches (truncated,
// overwritten bytes, a table more, a trigger or view of someone else's, a changed column, a table become
// a view that never ends, a value of 20 MB) are refused by the reader's verify(), by the writer (damaged()),
// by `meridian report` (exit 3, no file) and by the console's session, which on request moves the files
// aside and starts afresh. Every query is bounded in time and every value in size.

#include "core/cache/auditstore.h"
#include "core/cache/cachedatabase.h"
#include "core/cache/cacheguard.h"
#include "core/cache/cachereader.h"
#include "core/cache/cacherepair.h"
#include "core/cache/cachewriter.h"
#include "core/session/fleetsession.h"
#include "tests/cache/cachetestdata.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {

// A small cache with nodes, events and history, closed cleanly.
void makeCache(const QString& directory)
{
    CacheWriter writer(directory);
    QSignalSpy opened(&writer, &CacheWriter::opened);
    writer.start();
    QVERIFY(opened.wait(10000));
    for (int n = 0; n < 8; ++n) {
        const QString id = QStringLiteral("n%1").arg(n);
        const auto inv = CacheTest::inventory(id, QStringLiteral("east"), QStringLiteral("pool-a"),
            { QStringLiteral("Ascend 910B"), QStringLiteral("Ascend 910B") });
        SourceUpdate u;
        u.source = QStringLiteral("test");
        u.nodes.append(CacheTest::nodeUpdate(
            inv, CacheTest::snapshot(QStringLiteral("i1"), CacheTest::sample(1, 1'000'000, QStringLiteral("af")))));
        for (int s = 0; s < 30; ++s)
            u.samples.append({ id, CacheTest::sample(s + 1, 1'000'000 + s * 10'000, QStringLiteral("af")) });
        u.events.append(CacheTest::event(n + 1, id, 1'000'000, QStringLiteral("ecc")));
        u.jobs.append(CacheTest::job(QStringLiteral("j%1").arg(n), QStringLiteral("running")));
        u.hasJobs = true;
        writer.write(u);
    }
    writer.flush();
}

// Statements run on a plain connection: what an attacker with write access to the files would do.
void tamper(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString& sql : statements) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

// 200 random 32-byte overwrites past the file header (or past `from`), as in the issue.
void overwrite(const QString& path, qint64 from = 100)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QRandomGenerator random(17);
    const qint64 size = f.size();
    QVERIFY(size > 4096);
    for (int i = 0; i < 200; ++i) {
        f.seek(from + qint64(random.bounded(quint64(size - from - 32))));
        QByteArray junk(32, Qt::Uninitialized);
        for (char& c : junk)
            c = char(random.bounded(256));
        f.write(junk);
    }
}

void truncateToHalf(const QString& path)
{
    QFile f(path);
    QVERIFY(f.resize(f.size() / 2));
}

CacheVerdict verify(const QString& directory)
{
    CacheReader reader(directory);
    QFuture<CacheVerdict> f = reader.verify();
    f.waitForFinished();
    return f.result();
}

QByteArray digest(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

} // namespace

class TestCacheTrust : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void soundCacheIsBelieved();
    void damaged_data();
    void damaged();
    void writerRefusesAHostileSchema();
    void uncleanShutdownRunsQuickCheck();
    void statementsAreTimeBounded();
    void valuesAreSizeBounded();
    void sessionMovesTheDamagedCacheAside();
    void auditWritesNothingWhileSuspended();
    void reportRefusesADamagedCache_data();
    void reportRefusesADamagedCache();

private:
    QString copyOfPristine(QTemporaryDir* dir) const;
    QTemporaryDir m_pristine;
};

void TestCacheTrust::initTestCase()
{
    makeCache(m_pristine.path());
    QVERIFY(QFile::exists(m_pristine.filePath(QStringLiteral("metrics.db"))));
}

QString TestCacheTrust::copyOfPristine(QTemporaryDir* dir) const
{
    for (const QString& name : QDir(m_pristine.path()).entryList(QDir::Files))
        QFile::copy(m_pristine.filePath(name), dir->filePath(name));
    return dir->path();
}

void TestCacheTrust::soundCacheIsBelieved()
{
    QTemporaryDir dir;
    const CacheVerdict v = verify(copyOfPristine(&dir));
    QVERIFY2(v.state == CacheVerdict::State::Sound, qPrintable(v.detail));
    CacheReader reader(dir.path());
    QFuture<CacheReader::State> state = reader.lastState();
    state.waitForFinished();
    QCOMPARE(state.result().nodes.size(), 8);
}

void TestCacheTrust::damaged_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("damage"); ///< "truncate", "overwrite" or SQL statements separated by ';;'
    QTest::addColumn<QString>("reason");
    QTest::addRow("truncated state.db") << "state.db"
                                        << "truncate" << QString();
    QTest::addRow("truncated metrics.db") << "metrics.db"
                                          << "truncate" << QString();
    QTest::addRow("overwritten state.db") << "state.db"
                                          << "overwrite" << QString();
    QTest::addRow("overwritten metrics.db") << "metrics.db"
                                            << "overwrite" << QString();
    QTest::addRow("extra table") << "state.db"
                                 << "CREATE TABLE spy(a)" << QStringLiteral("unexpected table spy");
    QTest::addRow("extra index") << "metrics.db"
                                 << "CREATE INDEX chunk_n ON chunk(n)" << QStringLiteral("unexpected index chunk_n");
    QTest::addRow("foreign trigger") << "state.db"
                                     << "CREATE TABLE fired(n);;CREATE TRIGGER count_nodes AFTER UPDATE ON node BEGIN "
                                        "INSERT INTO fired VALUES(1); END"
                                     << QStringLiteral("unexpected trigger count_nodes");
    QTest::addRow("extra view") << "metrics.db"
                                << "CREATE VIEW v AS SELECT 1" << QStringLiteral("unexpected view v");
    QTest::addRow("changed column") << "state.db"
                                    << "ALTER TABLE node ADD COLUMN owner TEXT" << QStringLiteral("missing table node");
    QTest::addRow("table become an endless view")
        << "state.db"
        << "DROP TABLE node;;CREATE VIEW node AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
           "SELECT 'n' || x AS node_id, '' AS source, '' AS region, '' AS pool, NULL AS inventory, NULL AS snapshot, "
           "0 AS status, '' AS last_error, 0 AS last_seen_ms, 0 AS last_poll_ms FROM c"
        << QStringLiteral("unexpected view node");
    QTest::addRow("value of 20 MB") << "state.db"
                                    << "UPDATE node SET inventory = zeroblob(20971520) WHERE node_id = 'n3'"
                                    << QStringLiteral("holds a value larger than");
    QTest::addRow("text of 20 MB") << "state.db"
                                   << "UPDATE node SET last_error = printf('%.*c', 20971520, 'x') WHERE node_id = 'n4'"
                                   << QStringLiteral("holds a value larger than");
}

void TestCacheTrust::damaged()
{
    QFETCH(QString, file);
    QFETCH(QString, damage);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    const QString path = QDir(copyOfPristine(&dir)).filePath(file);
    if (damage == QLatin1String("truncate"))
        truncateToHalf(path);
    else if (damage == QLatin1String("overwrite"))
        overwrite(path);
    else
        tamper(path, damage.split(QStringLiteral(";;")));
    QElapsedTimer timer;
    timer.start();
    const CacheVerdict v = verify(dir.path());
    QVERIFY2(v.state == CacheVerdict::State::Damaged, qPrintable(v.detail));
    QVERIFY2(v.detail.contains(file), qPrintable(v.detail));
    QVERIFY2(v.detail.contains(reason), qPrintable(v.detail));
    qInfo("%s: %s (%lld ms)", QTest::currentDataTag(), qPrintable(v.detail.left(300)), timer.elapsed());
}

// A foreign trigger used to fire on every write of the console (851 times in 30 s); the writer now refuses
// the file without writing to it.
void TestCacheTrust::writerRefusesAHostileSchema()
{
    QTemporaryDir dir;
    const QString path = QDir(copyOfPristine(&dir)).filePath(QStringLiteral("state.db"));
    tamper(path,
        { QStringLiteral("CREATE TABLE fired(n)"),
            QStringLiteral("CREATE TRIGGER count_nodes AFTER UPDATE ON node BEGIN INSERT INTO fired VALUES(1); END") });
    const QByteArray before = digest(path);
    CacheWriter writer(dir.path());
    QSignalSpy damaged(&writer, &CacheWriter::damaged);
    QSignalSpy opened(&writer, &CacheWriter::opened);
    writer.start();
    QVERIFY(damaged.wait(10000));
    QVERIFY2(damaged.at(0).at(0).toString().contains(QLatin1String("count_nodes")),
        qPrintable(damaged.at(0).at(0).toString()));
    QCOMPARE(opened.count(), 0);
    writer.write(SourceUpdate {});
    writer.flush();
    QCOMPARE(digest(path), before);
}

void TestCacheTrust::uncleanShutdownRunsQuickCheck()
{
    QTemporaryDir dir;
    const QString path = QDir(copyOfPristine(&dir)).filePath(QStringLiteral("metrics.db"));
    overwrite(path, 4096); // the schema on page 1 stays readable: only quick_check can tell
    QFile marker(dir.filePath(QStringLiteral("open.marker"))); // as a killed writer leaves it
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    CacheWriter writer(dir.path());
    QSignalSpy damaged(&writer, &CacheWriter::damaged);
    writer.start();
    QVERIFY(damaged.wait(20000));
    QVERIFY2(damaged.at(0).at(0).toString().contains(QLatin1String("quick_check")),
        qPrintable(damaged.at(0).at(0).toString()));
    // Refused, never repaired behind the user's back: the damaged file is where it was.
    QVERIFY(QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList({ QStringLiteral("*.damaged-*") }).size(), 0);
}

// A statement that would never end is interrupted at the connection's time limit (lowered here from
// StatementLimitMs so that the test is short).
void TestCacheTrust::statementsAreTimeBounded()
{
    QTemporaryDir dir;
    copyOfPristine(&dir);
    QString error;
    CacheDb::OpenOptions options;
    options.readOnly = true;
    QVERIFY2(
        CacheDb::open(QStringLiteral("bounded"), dir.path(), CacheDb::File::State, options, &error), qPrintable(error));
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("bounded"));
        const CacheDb::LongStatements shorter(db, 200);
        QSqlQuery q(db);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!q.exec(
            QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")));
        QVERIFY2(q.lastError().text().contains(QLatin1String("interrupt")), qPrintable(q.lastError().text()));
        QVERIFY2(timer.elapsed() < 30000, "the statement was not interrupted");
        // The connection stays usable after the interruption.
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM node")) && q.next());
        QCOMPARE(q.value(0).toInt(), 8);
    }
    CacheDb::close(QStringLiteral("bounded"));
}

void TestCacheTrust::valuesAreSizeBounded()
{
    QTemporaryDir dir;
    copyOfPristine(&dir);
    QString error;
    CacheDb::OpenOptions options;
    options.readOnly = true;
    QVERIFY2(
        CacheDb::open(QStringLiteral("sized"), dir.path(), CacheDb::File::Metrics, options, &error), qPrintable(error));
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("sized"));
        QSqlQuery q(db);
        QVERIFY(!q.exec(QStringLiteral("SELECT zeroblob(%1)").arg(CacheDb::MaxValueBytes + 1)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("too big")), qPrintable(q.lastError().text()));
    }
    CacheDb::close(QStringLiteral("sized"));
}

// The console's decision, without the dialog: refused as damaged, then on request moved aside (kept) and
// a new cache started that the writer opens and the reader believes.
void TestCacheTrust::sessionMovesTheDamagedCacheAside()
{
    QTemporaryDir dir;
    const QString state = QDir(copyOfPristine(&dir)).filePath(QStringLiteral("state.db"));
    tamper(state, { QStringLiteral("CREATE TABLE spy(a)") });
    const QByteArray damagedDigest = digest(state);
    FleetSession session;
    QSignalSpy damaged(&session, &FleetSession::cacheDamaged);
    QSignalSpy moved(&session, &FleetSession::cacheMovedAside);
    QString error;
    QVERIFY2(session.open(dir.path(), &error), qPrintable(error));
    QVERIFY(damaged.wait(10000));
    QVERIFY2(damaged.at(0).at(0).toString().contains(QLatin1String("spy")), qPrintable(damaged.at(0).at(0).toString()));

    session.startFreshCache();
    QVERIFY(moved.wait(10000));
    const QStringList movedTo = moved.at(0).at(0).toStringList();
    QVERIFY2(movedTo.size() >= 2, qPrintable(movedTo.join(u',')));
    const QStringList aside = QDir(dir.path()).entryList({ QStringLiteral("state.db.damaged-*") });
    QCOMPARE(aside.size(), 1);
    QCOMPARE(digest(dir.filePath(aside.first())), damagedDigest); // kept as it was
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(state), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(dir.filePath(QStringLiteral("metrics.db"))), 10000);
    // The new writer opens (and migrates) on its thread: the new cache is sound once both files are there.
    CacheVerdict v;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (v = verify(dir.path())).state == CacheVerdict::State::Sound, qPrintable(v.detail), 10000);
    QCOMPARE(damaged.count(), 1);
}

// The audit lives in state.db: while the cache is refused it writes nowhere, then into the new cache.
void TestCacheTrust::auditWritesNothingWhileSuspended()
{
    QTemporaryDir dir;
    copyOfPristine(&dir);
    AuditStore audit(dir.path());
    AuditEntry entry;
    entry.action = QStringLiteral("cancel");
    entry.jobId = QStringLiteral("j1");
    QFuture<bool> first = audit.append(entry);
    first.waitForFinished();
    QVERIFY2(first.result(), qPrintable(audit.lastError()));
    audit.suspend(QStringLiteral("state.db is damaged: test"));
    QFuture<bool> refused = audit.append(entry);
    refused.waitForFinished();
    QVERIFY(!refused.result());
    QVERIFY2(audit.lastError().contains(QLatin1String("damaged: test")), qPrintable(audit.lastError()));
    audit.resume();
    QFuture<bool> again = audit.append(entry);
    again.waitForFinished();
    QVERIFY2(again.result(), qPrintable(audit.lastError()));
    QFuture<QList<AuditEntry>> all = audit.entries();
    all.waitForFinished();
    QCOMPARE(all.result().size(), 2);
}

void TestCacheTrust::reportRefusesADamagedCache_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("damage");
    QTest::addRow("truncated state.db") << "state.db"
                                        << "truncate";
    QTest::addRow("overwritten metrics.db") << "metrics.db"
                                            << "overwrite";
    QTest::addRow("table become an endless view")
        << "state.db"
        << "DROP TABLE node;;CREATE VIEW node AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
           "SELECT 'n' || x AS node_id FROM c";
}

// A report from a damaged cache gave 70 nodes instead of 212 with exit 0, or hung for ever: now exit 3,
// a plain reason, and no file.
void TestCacheTrust::reportRefusesADamagedCache()
{
    QFETCH(QString, file);
    QFETCH(QString, damage);
    QTemporaryDir dir;
    const QString path = QDir(copyOfPristine(&dir)).filePath(file);
    if (damage == QLatin1String("truncate"))
        truncateToHalf(path);
    else if (damage == QLatin1String("overwrite"))
        overwrite(path);
    else
        tamper(path, damage.split(QStringLiteral(";;")));
#ifndef MERIDIAN_CONSOLE_BIN
    QSKIP("built without the console (MERIDIAN_BUILD_UI=OFF)");
#else
    QTemporaryDir out;
    const QString output = out.filePath(QStringLiteral("report.pdf"));
    QProcess report;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    report.setProcessEnvironment(env);
    report.start(QStringLiteral(MERIDIAN_CONSOLE_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("availability"), QStringLiteral("--cache"),
            dir.path(), QStringLiteral("--range"), QStringLiteral("1970-01-01T00:00:00Z..1970-01-02T00:00:00Z"),
            QStringLiteral("-o"), output });
    QVERIFY2(report.waitForFinished(120000), "the report did not end");
    const QByteArray err = report.readAllStandardError();
    QCOMPARE(report.exitCode(), 3);
    QVERIFY2(err.contains("is damaged") && err.contains(file.toUtf8()), err.constData());
    QVERIFY(!QFile::exists(output));
#endif
}

QTEST_GUILESS_MAIN(TestCacheTrust)
#include "tst_cachetrust.moc"
