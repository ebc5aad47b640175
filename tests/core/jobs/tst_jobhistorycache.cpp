// SPDX-License-Identifier: GPL-3.0-or-later
// Job history in the cache: segments and interruptions survive a console
// restart (writer closed, a new reader over the same files); a source without
// history does not erase it; the audit table is append-only even to raw SQL.
#include "core/cache/auditstore.h"
#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "tests/ui/jobs/syntheticjobs.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

namespace {
template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

SourceUpdate jobsUpdate(const QList<Protocol::JobRecord>& jobs, bool complete)
{
    SourceUpdate u;
    u.source = QStringLiteral("sim");
    u.hasJobs = true;
    u.jobsComplete = complete;
    u.jobs = jobs;
    return u;
}
} // namespace

class TestJobHistoryCache : public QObject
{
    Q_OBJECT
private slots:
    void historySurvivesRestart();
    void auditAppendOnly();
};

void TestJobHistoryCache::historySurvivesRestart()
{
    QTemporaryDir dir;
    const QList<Protocol::JobRecord> jobs = TestJobs::jobs(30, 10);
    {
        CacheWriter writer(dir.path());
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        QVERIFY(opened.wait(10000));
        writer.write(jobsUpdate(jobs, true));
        writer.flush();
    } // the console exits

    // A later session whose source reports the same jobs without history (a node-report fleet):
    {
        CacheWriter writer(dir.path());
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        QVERIFY(opened.wait(10000));
        QList<Protocol::JobRecord> bare = jobs.mid(30);
        for (Protocol::JobRecord& j : bare) {
            j.segments.clear();
            j.interruptionLog.clear();
        }
        writer.write(jobsUpdate(bare, false));
        writer.flush();
    }

    CacheReader reader(dir.path());
    const CacheReader::State state = await(reader.lastState());
    QCOMPARE(state.jobs.size(), jobs.size());
    QHash<QString, Protocol::JobRecord> byId;
    for (const Protocol::JobRecord& j : state.jobs)
        byId.insert(j.jobId, j);
    int withInterruptions = 0;
    for (const Protocol::JobRecord& j : jobs) {
        const Protocol::JobRecord back = byId.value(j.jobId);
        QCOMPARE(back.state, j.state);
        QCOMPARE(back.segments, j.segments);
        QCOMPARE(back.interruptionLog, j.interruptionLog);
        withInterruptions += j.interruptionLog.isEmpty() ? 0 : 1;
    }
    QVERIFY(withInterruptions >= 5);
}

void TestJobHistoryCache::auditAppendOnly()
{
    QTemporaryDir dir;
    CacheWriter writer(dir.path());
    QSignalSpy opened(&writer, &CacheWriter::opened);
    writer.start();
    QVERIFY(opened.wait(10000));
    writer.flush();

    AuditStore store(dir.path());
    AuditEntry e;
    e.timestampMs = TestJobs::NowMs;
    e.principal = QStringLiteral("ops");
    e.source = QStringLiteral("sim");
    e.action = QStringLiteral("cancel (preview)");
    e.jobId = QStringLiteral("job-000001");
    e.preview = QStringLiteral("the job ends as cancelled");
    e.result = QStringLiteral("{}");
    e.status = 200;
    QVERIFY2(await(store.append(e)), qPrintable(store.lastError()));
    e.action = QStringLiteral("cancel");
    e.timestampMs += 5000;
    QVERIFY(await(store.append(e)));
    QList<AuditEntry> entries = await(store.entries());
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries[0].action, QStringLiteral("cancel")); // newest first
    QCOMPARE(entries[1].preview, QStringLiteral("the job ends as cancelled"));

    // A refusal has no preview and no result body: kept all the same, never dropped.
    AuditEntry refused;
    refused.timestampMs = e.timestampMs + 5000;
    refused.principal = QStringLiteral("viewer");
    refused.action = QStringLiteral("cancel");
    refused.jobId = QStringLiteral("job-000001");
    refused.status = 403;
    QVERIFY2(await(store.append(refused)), qPrintable(store.lastError()));
    entries = await(store.entries());
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[0].status, 403);
    QVERIFY(entries[0].preview.isEmpty());

    // Nothing can edit it, not even SQL from outside the console.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        QVERIFY(!q.exec(QStringLiteral("UPDATE audit SET result = 'forged'")));
        QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")), qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM audit")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    entries = await(store.entries());
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries[1].result, QStringLiteral("{}"));
}

QTEST_GUILESS_MAIN(TestJobHistoryCache)
#include "tst_jobhistorycache.moc"
