// SPDX-License-Identifier: GPL-3.0-or-later
// Allocated-but-idle detection on synthetic snapshot sequences: threshold
// edges, missing values, job changes, faulty chips, gaps, and runs extended
// back through cache history.

#include "core/cache/cachetypes.h"
#include "core/capacity/idletracker.h"

#include <QTest>

using namespace Meridian;
using Protocol::Missing;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;

struct Step
{
    int fromS; ///< first sample, seconds after T0
    int toS; ///< last sample (inclusive), every 5 s
    double utilization;
    QString job = QStringLiteral("job-a");
    bool faulty = false;
    bool down = false;
};

Protocol::Sample sample(qint64 ts, const Step& s)
{
    Protocol::Sample out;
    out.seq = (ts - T0) / 5000 + 1;
    out.timestampMs = ts;
    out.state = s.down ? Protocol::NodeState::Down : Protocol::NodeState::Up;
    Protocol::AcceleratorSample a;
    a.index = 3;
    a.utilization = s.utilization;
    a.jobId = s.job;
    a.health = s.faulty ? Protocol::AcceleratorHealth::Faulty : Protocol::AcceleratorHealth::Healthy;
    out.accelerators.append(a);
    return out;
}

void feed(IdleTracker* tracker, const QList<Step>& steps)
{
    for (const Step& s : steps) {
        for (int t = s.fromS; t <= s.toS; t += 5)
            tracker->observe(QStringLiteral("n1"), sample(T0 + qint64(t) * 1000, s), QStringLiteral("H800"));
    }
}

using History = QList<std::pair<int, double>>; ///< (seconds after T0, utilization)

} // namespace

class TestIdleTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequences_data();
    void sequences();
    void reportsJobAndMean();
    void olderSamplesAreIgnored();
    void history_data();
    void history();
};

void TestIdleTracker::sequences_data()
{
    QTest::addColumn<QList<Step>>("steps");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("minimumS");
    QTest::addColumn<int>("idleSinceS"); ///< -1: not idle

    const QString b = QStringLiteral("job-b");
    QTest::addRow("under for exactly T: not yet") << QList<Step> { { 0, 900, 1 } } << 5.0 << 900 << -1;
    QTest::addRow("under for T + 5 s: idle") << QList<Step> { { 0, 905, 1 } } << 5.0 << 900 << 0;
    QTest::addRow("at the threshold is not under") << QList<Step> { { 0, 1800, 5.0 } } << 5.0 << 900 << -1;
    QTest::addRow("just under the threshold") << QList<Step> { { 0, 1800, 4.9 } } << 5.0 << 900 << 0;
    QTest::addRow("zero utilization") << QList<Step> { { 0, 1800, 0 } } << 5.0 << 900 << 0;
    QTest::addRow("missing value resets the run")
        << QList<Step> { { 0, 595, 1 }, { 600, 600, Missing }, { 605, 1500, 1 } } << 5.0 << 900 << -1;
    QTest::addRow("missing value, then long enough")
        << QList<Step> { { 0, 595, 1 }, { 600, 600, Missing }, { 605, 1510, 1 } } << 5.0 << 900 << 605;
    QTest::addRow("only missing values") << QList<Step> { { 0, 1800, Missing } } << 5.0 << 900 << -1;
    QTest::addRow("job change resets") << QList<Step> { { 0, 600, 1 }, { 605, 1200, 1, b } } << 5.0 << 900 << -1;
    QTest::addRow("new job idle long enough")
        << QList<Step> { { 0, 600, 1 }, { 605, 1600, 1, b } } << 5.0 << 900 << 605;
    QTest::addRow("faulty chip is not idle")
        << QList<Step> { { 0, 1800, 1, QStringLiteral("job-a"), true } } << 5.0 << 900 << -1;
    QTest::addRow("down node is not idle")
        << QList<Step> { { 0, 1800, 1, QStringLiteral("job-a"), false, true } } << 5.0 << 900 << -1;
    QTest::addRow("faulty in between resets")
        << QList<Step> { { 0, 600, 1 }, { 605, 605, 1, QStringLiteral("job-a"), true }, { 610, 1500, 1 } } << 5.0 << 900
        << -1;
    QTest::addRow("unallocated is not idle") << QList<Step> { { 0, 1800, 1, QString() } } << 5.0 << 900 << -1;
    QTest::addRow("a busy sample resets")
        << QList<Step> { { 0, 295, 1 }, { 300, 300, 50 }, { 305, 1800, 1 } } << 5.0 << 900 << 305;
    QTest::addRow("gap longer than six minutes resets")
        << QList<Step> { { 0, 300, 1 }, { 700, 1500, 1 } } << 5.0 << 900 << -1;
    QTest::addRow("gap under six minutes is bridged")
        << QList<Step> { { 0, 300, 1 }, { 600, 1500, 1 } } << 5.0 << 900 << 0;
    QTest::addRow("higher threshold") << QList<Step> { { 0, 1800, 20 } } << 25.0 << 900 << 0;
    QTest::addRow("shorter duration") << QList<Step> { { 0, 65, 1 } } << 5.0 << 60 << 0;
}

void TestIdleTracker::sequences()
{
    QFETCH(QList<Step>, steps);
    QFETCH(double, threshold);
    QFETCH(int, minimumS);
    QFETCH(int, idleSinceS);

    IdleTracker tracker;
    tracker.setThreshold(threshold);
    tracker.setMinimumDuration(qint64(minimumS) * 1000);
    feed(&tracker, steps);
    const QList<IdleAccelerator> idle = tracker.idle();
    if (idleSinceS < 0) {
        QVERIFY2(
            idle.isEmpty(), qPrintable(idle.isEmpty() ? QString() : QString::number(idle.first().idleSinceMs - T0)));
        return;
    }
    QCOMPARE(idle.size(), 1);
    QCOMPARE(idle.first().idleSinceMs, T0 + qint64(idleSinceS) * 1000);
    QCOMPARE(idle.first().nodeId, QStringLiteral("n1"));
    QCOMPARE(idle.first().accelerator, 3);
    QCOMPARE(idle.first().model, QStringLiteral("H800"));
}

void TestIdleTracker::reportsJobAndMean()
{
    IdleTracker tracker;
    feed(&tracker, { { 0, 300, 60 }, { 305, 1300, 2 }, { 1305, 2000, 4 } });
    const QList<IdleAccelerator> idle = tracker.idle();
    QCOMPARE(idle.size(), 1);
    QCOMPARE(idle.first().jobId, QStringLiteral("job-a"));
    QCOMPARE(idle.first().idleSinceMs, T0 + 305'000);
    QCOMPARE(idle.first().lastSampleMs, T0 + 2'000'000);
    // 200 samples at 2 %, 140 at 4 %.
    QCOMPARE(idle.first().meanUtilization, (200 * 2.0 + 140 * 4.0) / 340);
    // Raising the bar on the duration hides it; the run itself is kept.
    tracker.setMinimumDuration(2'000'000);
    QVERIFY(tracker.idle().isEmpty());
    tracker.setMinimumDuration(1'000'000);
    QCOMPARE(tracker.idle().size(), 1);
}

void TestIdleTracker::olderSamplesAreIgnored()
{
    IdleTracker tracker;
    feed(&tracker, { { 0, 1000, 1 } });
    // A re-delivered busy sample from the past must not end the run.
    tracker.observe(QStringLiteral("n1"), sample(T0 + 500'000, { 0, 0, 90 }), {});
    QCOMPARE(tracker.idle().size(), 1);
    tracker.forget(QStringLiteral("n1"));
    QVERIFY(tracker.idle().isEmpty());
}

void TestIdleTracker::history_data()
{
    QTest::addColumn<History>("history");
    QTest::addColumn<qint64>("bucketMs");
    QTest::addColumn<int>("jobStartS"); ///< 0: unknown
    QTest::addColumn<int>("idleSinceS"); ///< -1: not idle

    // The live run starts at 1000 s and lasts to 1600 s (600 s): idle only with history behind it.
    History quiet;
    for (int t = 400; t < 1000; t += 5)
        quiet.append({ t, 1.5 });
    QTest::addRow("history extends the run") << quiet << qint64(0) << 0 << 400;
    QTest::addRow("job start clips the history") << quiet << qint64(0) << 700 << -1;
    QTest::addRow("job start earlier than history") << quiet << qint64(0) << 100 << 400;
    History busy = quiet;
    busy[busy.size() - 20].second = 40; // at 900 s
    QTest::addRow("busy point in history stops") << busy << qint64(0) << 0 << -1;
    History holed = quiet;
    holed.removeAt(holed.size() - 10); // a missing sample at 950 s: absent from history
    QTest::addRow("missing sample in history stops") << holed << qint64(0) << 0 << -1;
    History early;
    for (int t = 100; t < 600; t += 5)
        early.append({ t, 1 });
    QTest::addRow("history ends more than six minutes before") << early << qint64(0) << 0 << -1;
    History buckets;
    for (int t = 100; t < 1000; t += 60)
        buckets.append({ t, 2 });
    QTest::addRow("decimated buckets") << buckets << qint64(60'000) << 0 << 100;
    QTest::addRow("no history") << History {} << qint64(0) << 0 << -1;
}

void TestIdleTracker::history()
{
    QFETCH(History, history);
    QFETCH(qint64, bucketMs);
    QFETCH(int, jobStartS);
    QFETCH(int, idleSinceS);

    IdleTracker tracker;
    Protocol::Snapshot snapshot;
    Protocol::JobPlacement placement;
    placement.jobId = QStringLiteral("job-a");
    placement.accelerators = { 3 };
    placement.startedMs = jobStartS > 0 ? T0 + qint64(jobStartS) * 1000 : 0;
    snapshot.jobs.append(placement);
    for (int t = 1000; t <= 1600; t += 5) {
        snapshot.sample = sample(T0 + qint64(t) * 1000, { 0, 0, 1 });
        tracker.observe(QStringLiteral("n1"), snapshot, nullptr);
    }
    QVERIFY(tracker.idle().isEmpty());

    MetricSeries series;
    series.nodeId = QStringLiteral("n1");
    series.accelerator = 3;
    series.bucketMs = bucketMs;
    for (const auto& [t, u] : std::as_const(history))
        series.points.append(MetricPoint { T0 + qint64(t) * 1000, float(u), float(u), float(u) });
    // History of another job changes nothing.
    tracker.applyHistory(QStringLiteral("n1"), 3, QStringLiteral("job-other"), series);
    QVERIFY(tracker.idle().isEmpty());
    tracker.applyHistory(QStringLiteral("n1"), 3, QStringLiteral("job-a"), series);
    const QList<IdleAccelerator> idle = tracker.idle();
    if (idleSinceS < 0) {
        QVERIFY2(
            idle.isEmpty(), qPrintable(idle.isEmpty() ? QString() : QString::number(idle.first().idleSinceMs - T0)));
        return;
    }
    QCOMPARE(idle.size(), 1);
    QCOMPARE(idle.first().idleSinceMs, T0 + qint64(idleSinceS) * 1000);
}

QTEST_GUILESS_MAIN(TestIdleTracker)
#include "tst_idletracker.moc"
