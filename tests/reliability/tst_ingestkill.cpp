// SPDX-License-Identifier: GPL-3.0-or-later
// SIGKILL the console's ingest path (real fleetsim → FleetSource → CacheWriter,
// in meridian-ingestkill) at random moments. After every kill: both cache files
// pass PRAGMA integrity_check, every sample reported committed before the kill
// is in the cache, and each node's persisted history is gap-free and without
// duplicates from its first sample to its cursor — so the next run resumes
// exactly after it. MERIDIAN_KILLS sets the number of kills (default 10; the
// `long` label runs 100).

#include "core/cache/cachereader.h"
#include "tests/support/processharness.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>

using namespace Meridian;
using Meridian::Test::ServerProcess;
using Meridian::Test::TokenFile;

namespace {
constexpr qint64 SimIntervalMs = 5000;
}

class TestIngestKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killWhileIngesting();

private:
    struct Committed
    {
        qint64 seq = 0; ///< newest committed
        qint64 firstTs = 0;
        qint64 lastTs = 0;
        QSet<qint64> noValue; ///< timestamps of samples without a CPU value: no point expected
    };
    void verify(const QString& dir, const QHash<QString, Committed>& committed);
};

void TestIngestKill::killWhileIngesting()
{
    const int kills = qEnvironmentVariableIsSet("MERIDIAN_KILLS") ? qEnvironmentVariableIntValue("MERIDIAN_KILLS") : 10;
    TokenFile token;
    // Simulated time runs 20× faster: a 5 s sample interval becomes 250 ms of wall time.
    ServerProcess sim(QStringLiteral(MERIDIAN_FLEETSIM_BIN),
        { QStringLiteral("--nodes"), QStringLiteral("12"), QStringLiteral("--speed"), QStringLiteral("20"),
            QStringLiteral("--history"), QStringLiteral("10m"), QStringLiteral("--token-file"), token.path() });
    QVERIFY2(sim.start(), qPrintable(sim.error()));
    QTemporaryDir dir;
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo() << "seed" << seed << "kills" << kills;
    QRandomGenerator random(seed);
    QHash<QString, Committed> committed; ///< over all runs: what each node has reported durable
    for (int round = 0; round < kills; ++round) {
        QProcess ingest;
        ingest.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        qint64 resumed = -1;
        QHash<QString, qint64> resumedCursors; ///< what the new process's CacheReader found
        // The reports of the earlier rounds, as they stood when this process said "resume". The
        // check below runs later, and by then the same read may have parsed this process's own
        // first "committed" lines (it commits right after "resume"): comparing against the live
        // map was the old one-in-five failure (more nodes committed than cursors resumed).
        QHash<QString, Committed> committedBefore;
        int commits = 0;
        QStringList problems;
        const auto readLines = [&] {
            while (ingest.canReadLine()) {
                const QList<QByteArray> f = ingest.readLine().trimmed().split(' ');
                if (f.value(0) == "cursor" && f.size() == 3) {
                    resumedCursors.insert(QString::fromUtf8(f.at(1)), f.at(2).toLongLong());
                } else if (f.value(0) == "resume") {
                    resumed = f.value(1).toLongLong();
                    committedBefore = committed;
                } else if (f.value(0) == "nan" && f.size() == 3) {
                    committed[QString::fromUtf8(f.at(1))].noValue.insert(f.at(2).toLongLong());
                } else if (f.value(0) == "committed" && f.size() == 4) {
                    Committed& c = committed[QString::fromUtf8(f.at(1))];
                    c.seq = std::max(c.seq, f.at(2).toLongLong());
                    if (const qint64 ts = f.at(3).toLongLong(); ts > 0) {
                        c.firstTs = c.firstTs == 0 ? ts : std::min(c.firstTs, ts);
                        c.lastTs = std::max(c.lastTs, ts);
                    }
                    ++commits;
                } else if (f.value(0) == "failed" || (f.value(0) == "integrity" && f.value(1) == "BAD")) {
                    problems << QString::fromUtf8(f.join(' '));
                }
            }
        };
        connect(&ingest, &QProcess::readyReadStandardOutput, this, readLines);
        ingest.start(QStringLiteral(MERIDIAN_INGESTKILL_BIN), { dir.path(), sim.url().toString(), token.path() });
        QVERIFY(ingest.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(resumed >= 0, 20000);
        QCOMPARE(resumed, qint64(resumedCursors.size()));
        // Every node with a reported commit resumes at or after it. The cache may hold more
        // than was reported: a batch is durable at COMMIT, its "committed" line comes after
        // flush() returns, and the batch timer commits without a line at all — a kill in
        // between leaves cursors the test never heard of: at least, not exactly.
        // ("nan" lines come before the commit and may belong to a batch the kill cut off:
        // they alone do not count.)
        for (auto it = committedBefore.cbegin(); it != committedBefore.cend(); ++it) {
            if (it->seq == 0)
                continue;
            QVERIFY2(resumedCursors.value(it.key(), -1) >= it->seq,
                qPrintable(QStringLiteral("round %1: %2 committed seq %3, the restarted reader resumes at %4"
                                          " (%5 cursors found)")
                               .arg(round)
                               .arg(it.key())
                               .arg(it->seq)
                               .arg(resumedCursors.value(it.key(), -1))
                               .arg(resumed)));
        }
        // Kill after a random number of committed updates: lands anywhere in poll, fill and flush.
        const int target = int(random.bounded(1, 30));
        QTRY_VERIFY_WITH_TIMEOUT(commits >= target, 60000);
        ::kill(pid_t(ingest.processId()), SIGKILL);
        QVERIFY(ingest.waitForFinished(10000));
        QCOMPARE(ingest.exitStatus(), QProcess::CrashExit);
        readLines(); // lines still buffered when the process died were printed before the kill
        disconnect(&ingest, nullptr, this, nullptr);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        verify(dir.path(), committed);
        if (QTest::currentTestFailed()) {
            qWarning("failed after kill %d", round + 1);
            return;
        }
    }
    qInfo("survived %d kills; %lld nodes in the cache", kills, qint64(committed.size()));
}

void TestIngestKill::verify(const QString& dir, const QHash<QString, Committed>& committed)
{
    const QString conn = QStringLiteral("verify");
    QHash<QString, qint64> cursors;
    for (const QString& file : { QStringLiteral("state.db"), QStringLiteral("metrics.db") }) {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
            db.setDatabaseName(dir + u'/' + file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
            if (file == QLatin1String("metrics.db")) {
                QVERIFY(q.exec(QStringLiteral("SELECT node_id, seq FROM cursor")));
                while (q.next())
                    cursors.insert(q.value(0).toString(), q.value(1).toLongLong());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(conn);
    }
    CacheReader reader(dir);
    for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
        if (it->seq == 0)
            continue; // only "nan" lines, from a batch the kill cut off before its commit
        // Committed before the kill → still there.
        QVERIFY2(cursors.value(it.key(), -1) >= it->seq,
            qPrintable(QStringLiteral("%1: committed seq %2 lost (cursor %3)")
                           .arg(it.key())
                           .arg(it->seq)
                           .arg(cursors.value(it.key(), -1))));
        if (it->lastTs == 0)
            continue; // no sample with a value committed yet
        constexpr qint64 HourMs = 3600 * 1000;
        auto f = reader.nodeHistory(
            it.key(), NodeMetric::CpuUtilization, it->firstTs - HourMs, it->lastTs + HourMs, 1 << 30);
        f.waitForFinished();
        const MetricSeries s = f.result();
        QVERIFY2(!s.points.isEmpty(), qPrintable(it.key()));
        QVERIFY2(s.points.last().timestampMs >= it->lastTs, qPrintable(it.key() + QStringLiteral(": newest lost")));
        // One point per interval from the first to the last — no gap, no duplicate — except
        // for the samples reported without a value.
        for (qsizetype i = 1; i < s.points.size(); ++i) {
            const qint64 prev = s.points[i - 1].timestampMs;
            const qint64 step = s.points[i].timestampMs - prev;
            bool explained = step > 0 && step % SimIntervalMs == 0;
            for (qint64 t = prev + SimIntervalMs; explained && t < s.points[i].timestampMs; t += SimIntervalMs)
                explained = it->noValue.contains(t);
            QVERIFY2(explained,
                qPrintable(QStringLiteral("%1: %2 ms between samples at %3").arg(it.key()).arg(step).arg(prev)));
        }
    }
}

QTEST_GUILESS_MAIN(TestIngestKill)
#include "tst_ingestkill.moc"
