// SPDX-License-Identifier: GPL-3.0-or-later
// Derived job figures (goodput, longest run, recovery, interruptions/day) and
// their aggregate, on hand-built histories whose answers are worked out here.
#include "core/jobs/jobfigures.h"

#include <QTest>

using namespace Meridian;
using Protocol::JobInterruption;
using Protocol::JobRecord;
using Protocol::JobSegment;

Q_DECLARE_METATYPE(Meridian::Protocol::JobRecord)

namespace {
constexpr qint64 T0 = 1767225600000LL;
constexpr qint64 Min = 60000;
constexpr qint64 Hour = 60 * Min;

JobRecord training(const QString& state)
{
    JobRecord j;
    j.jobId = QStringLiteral("job-1");
    j.kind = QStringLiteral("training");
    j.state = state;
    j.acceleratorsRequested = 64;
    j.startMs = T0;
    return j;
}
} // namespace

class TestJobFigures : public QObject
{
    Q_OBJECT
private slots:
    void goodput_data()
    {
        QTest::addColumn<JobRecord>("job");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<double>("goodput");
        QTest::addColumn<qint64>("longest");
        QTest::addColumn<qint64>("uninterrupted");
        QTest::addColumn<qint64>("lost");

        JobRecord clean = training(QStringLiteral("running"));
        clean.segments = { { T0, 0, {}, 0 } };
        QTest::addRow("never interrupted") << clean << T0 + 10 * Hour << 1.0 << 10 * Hour << 10 * Hour << qint64(0);

        // 4 h run, checkpoint at 3 h, fault at 4 h (1 h lost), 10 min recovery, 2 h more.
        JobRecord one = training(QStringLiteral("running"));
        one.interruptions = 1;
        one.segments = { { T0, T0 + 4 * Hour, QStringLiteral("interrupted"), 0 },
            { T0 + 4 * Hour + 10 * Min, 0, {}, T0 + 3 * Hour } };
        one.interruptionLog = { { T0 + 4 * Hour, QStringLiteral("chip-fault"), 7, QStringLiteral("n1"), T0 + 3 * Hour,
            T0 + 4 * Hour + 10 * Min } };
        const qint64 now = T0 + 6 * Hour + 10 * Min;
        QTest::addRow("one fault") << one << now << double(5 * Hour) / double(6 * Hour + 10 * Min) << 4 * Hour
                                   << 2 * Hour << Hour;

        // No checkpoint written before the fault: the whole segment is lost.
        JobRecord none = one;
        none.interruptionLog[0].lastCheckpointMs = 0;
        QTest::addRow("no checkpoint") << none << now << double(2 * Hour) / double(6 * Hour + 10 * Min) << 4 * Hour
                                       << 2 * Hour << 4 * Hour;

        // A checkpoint from the previous segment does not make that segment's start productive twice.
        JobRecord old = one;
        old.interruptionLog[0].lastCheckpointMs = T0 - Hour;
        QTest::addRow("checkpoint before segment")
            << old << now << double(2 * Hour) / double(6 * Hour + 10 * Min) << 4 * Hour << 2 * Hour << 4 * Hour;

        // Inference loses availability (the recovery gap), not work.
        JobRecord service = one;
        service.kind = QStringLiteral("inference");
        QTest::addRow("inference") << service << now << double(6 * Hour) / double(6 * Hour + 10 * Min) << 4 * Hour
                                   << 2 * Hour << qint64(0);

        // Finished: the clock stops at the end, whatever "now" is.
        JobRecord done = training(QStringLiteral("completed"));
        done.endMs = T0 + 5 * Hour;
        done.segments = { { T0, T0 + 5 * Hour, QStringLiteral("completed"), 0 } };
        QTest::addRow("completed") << done << T0 + 100 * Hour << 1.0 << 5 * Hour << qint64(-1) << qint64(0);
    }

    void goodput()
    {
        QFETCH(JobRecord, job);
        QFETCH(qint64, now);
        const Jobs::JobFigures f = Jobs::figures(job, now);
        QFETCH(double, goodput);
        QVERIFY2(qAbs(f.goodput - goodput) < 1e-9, qPrintable(QString::number(f.goodput)));
        QTEST(f.longestRunMs, "longest");
        QTEST(f.uninterruptedMs, "uninterrupted");
        QTEST(f.lostWorkMs, "lost");
    }

    void recovery()
    {
        JobRecord j = training(QStringLiteral("recovering"));
        j.interruptions = 2;
        j.segments = { { T0, T0 + Hour, QStringLiteral("interrupted"), 0 },
            { T0 + Hour + 25 * Min, T0 + 3 * Hour, QStringLiteral("interrupted"), 0 } };
        j.interruptionLog = { { T0 + Hour, {}, 0, {}, 0, T0 + Hour + 25 * Min }, { T0 + 3 * Hour, {}, 0, {}, 0, 0 } };
        const Jobs::JobFigures f = Jobs::figures(j, T0 + 3 * Hour + 4 * Min);
        QCOMPARE(f.recoveries.size(), 2);
        QCOMPARE(f.recoveries[0].durationMs, 25 * Min);
        QVERIFY(f.recoveries[0].overTarget());
        QVERIFY(!f.recoveries[0].open);
        QCOMPARE(f.recoveries[1].durationMs, 4 * Min);
        QVERIFY(f.recoveries[1].open);
        QCOMPARE(f.recoveriesOverTarget, 1);
        QCOMPARE(f.uninterruptedMs, -1); // recovering: not running
        // 2 interruptions over 3 h 4 min of wall time.
        QVERIFY(qAbs(f.interruptionsPerDay - 2.0 * 24 * 60 / (3 * 60 + 4)) < 1e-9);
    }

    void missingHistory()
    {
        JobRecord j = training(QStringLiteral("running"));
        const Jobs::JobFigures f = Jobs::figures(j, T0 + Hour);
        QVERIFY(!f.hasHistory);
        QVERIFY(std::isnan(f.goodput));
        QCOMPARE(f.longestRunMs, -1);
        QCOMPARE(f.wallMs, Hour);
        JobRecord queued = j;
        queued.startMs = 0;
        queued.state = QStringLiteral("queued");
        QCOMPARE(Jobs::figures(queued, T0).wallMs, -1);
        QVERIFY(std::isnan(Jobs::figures(queued, T0).interruptionsPerDay));
    }

    void aggregateWeighsAccelerators()
    {
        JobRecord big = training(QStringLiteral("completed"));
        big.acceleratorsRequested = 300;
        big.endMs = T0 + 10 * Hour;
        big.interruptions = 1;
        big.segments = { { T0, T0 + 5 * Hour, QStringLiteral("interrupted"), 0 },
            { T0 + 5 * Hour, T0 + 10 * Hour, QStringLiteral("completed"), 0 } };
        big.interruptionLog = { { T0 + 5 * Hour, {}, 0, {}, T0 + 4 * Hour, T0 + 5 * Hour } }; // 1 h lost, 0 recovery
        JobRecord small = training(QStringLiteral("completed"));
        small.acceleratorsRequested = 100;
        small.endMs = T0 + 10 * Hour;
        small.segments = { { T0, T0 + 10 * Hour, QStringLiteral("completed"), 0 } };
        JobRecord unknown = training(QStringLiteral("running")); // no history: not counted
        const Jobs::AggregateFigures a = Jobs::aggregate({ big, small, unknown }, T0 + 20 * Hour);
        QCOMPARE(a.jobs, 2);
        QVERIFY(qAbs(a.goodput - (300.0 * 9 + 100.0 * 10) / (400.0 * 10)) < 1e-12);
        QCOMPARE(a.interruptions, 1);
        QCOMPARE(a.recoveries, 1);
        QCOMPARE(a.meanRecoveryMs, 0.0);
        QCOMPARE(a.longestRunMs, 10 * Hour);
        QVERIFY(qAbs(a.interruptionsPerDay - 1.0 / (20.0 / 24.0)) < 1e-12);
    }

    // One count of checkpoints: the detail's list, and the newest from a later list update once.
    void checkpointsOfAJob()
    {
        Protocol::JobRecord j;
        QVERIFY(Jobs::checkpointsOf(j).isEmpty());
        j.lastCheckpointMs = 500; // a list entry: only the newest
        QCOMPARE(Jobs::checkpointsOf(j), (QList<qint64> { 500 }));
        j.checkpoints = { 100, 300, 500 }; // a detail that already has it
        QCOMPARE(Jobs::checkpointsOf(j), (QList<qint64> { 100, 300, 500 }));
        j.lastCheckpointMs = 700; // a list update after the detail was fetched
        QCOMPARE(Jobs::checkpointsOf(j), (QList<qint64> { 100, 300, 500, 700 }));
        j.lastCheckpointMs = 200; // older than the detail's newest: nothing new
        QCOMPARE(Jobs::checkpointsOf(j), (QList<qint64> { 100, 300, 500 }));
    }
};

QTEST_GUILESS_MAIN(TestJobFigures)
#include "tst_jobfigures.moc"
