// SPDX-License-Identifier: GPL-3.0-or-later
// SIGKILL the cache writer at random moments, N times: each time both files
// pass integrity_check, every batch reported committed is complete, no batch is
// half there, persisted history matches the cursors, and rollups never count a
// node twice in one minute.

#include "core/cache/cachereader.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Meridian;

class TestCacheKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killAtRandomMoments();

private:
    void verify(const QString& dir, qint64 resumed, qint64 lastCommitted);
};

void TestCacheKill::killAtRandomMoments()
{
    QTemporaryDir dir;
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo() << "seed" << seed;
    QRandomGenerator random(seed);
    constexpr int Kills = 20;
    for (int round = 0; round < Kills; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        qint64 resumed = -1;
        qint64 committed = -1;
        QStringList problems;
        connect(&writer, &QProcess::readyReadStandardOutput, this, [&] {
            while (writer.canReadLine()) {
                const QString line = QString::fromUtf8(writer.readLine()).trimmed();
                if (line.startsWith(QLatin1String("resume ")))
                    resumed = line.mid(7).toLongLong();
                else if (line.startsWith(QLatin1String("committed ")))
                    committed = line.mid(10).toLongLong();
                else if (line.startsWith(QLatin1String("integrity BAD")) || line.startsWith(QLatin1String("failed")))
                    problems << line;
            }
        });
        writer.start(QStringLiteral(CACHE_KILL_WRITER), { dir.path() });
        QVERIFY(writer.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(resumed > 0, 20000);
        // Kill after a random number of committed batches: lands anywhere in the cycle.
        const qint64 target = resumed + qint64(random.bounded(1, 40));
        QTRY_VERIFY_WITH_TIMEOUT(committed >= target, 30000);
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        verify(dir.path(), resumed, committed);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestCacheKill::verify(const QString& dir, qint64 resumed, qint64 lastCommitted)
{
    const QString conn = QStringLiteral("verify");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
        db.setDatabaseName(dir + QStringLiteral("/state.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QHash<qint64, int> jobs;
        QVERIFY(q.exec(QStringLiteral("SELECT job_id FROM job")));
        while (q.next())
            ++jobs[q.value(0).toString().section(QLatin1Char('-'), 0, 0).toLongLong()];
        QHash<qint64, int> events;
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM event")));
        while (q.next())
            ++events[q.value(0).toLongLong() / 10];
        for (auto it = jobs.cbegin(); it != jobs.cend(); ++it) {
            QVERIFY2(it.value() == 5, qPrintable(QStringLiteral("batch %1 half there").arg(it.key())));
            QCOMPARE(events.value(it.key()), 5); // same transaction as its jobs
        }
        QCOMPARE(events.size(), jobs.size());
        for (qint64 k = resumed; k <= lastCommitted; ++k)
            QVERIFY2(jobs.value(k) == 5, qPrintable(QStringLiteral("committed batch %1 lost").arg(k)));
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
    QHash<QString, qint64> cursorSeq;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
        db.setDatabaseName(dir + QStringLiteral("/metrics.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT node_id, seq FROM cursor")));
        while (q.next())
            cursorSeq.insert(q.value(0).toString(), q.value(1).toLongLong());
        QVERIFY(q.exec(QStringLiteral("SELECT MAX(c.nodes) FROM capacity_1m c JOIN capacity_key k ON k.id = c.key"
                                      " WHERE k.region = '*' AND k.pool = '*' AND k.model = '*'")));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() <= 4, "a node counted twice in one minute");
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
    QCOMPARE(cursorSeq.size(), 4);
    CacheReader reader(dir);
    for (auto it = cursorSeq.cbegin(); it != cursorSeq.cend(); ++it) {
        QVERIFY(it.value() >= lastCommitted);
        constexpr qint64 Base = 1'750'000'000'000; // as in cachekillwriter.cpp
        auto f = reader.nodeHistory(it.key(), NodeMetric::Load1, Base, Base + 100'000'000, 1 << 30);
        f.waitForFinished();
        // Persisted history is exactly what the cursor claims: seq 1..cursor, no gap, no duplicate.
        QCOMPARE(qint64(f.result().rawSamples), it.value());
    }
}

QTEST_GUILESS_MAIN(TestCacheKill)
#include "tst_cachekill.moc"
