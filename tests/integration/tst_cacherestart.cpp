// SPDX-License-Identifier: GPL-3.0-or-later
// The console opens on what it has seen: a session fed by a real simulator
// writes the SQLite cache; a new session on the same cache, with no source
// answering, restores the same fleet and shows the history it had backfilled.

#include "core/cache/cachereader.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/integration/truthcompare.h"
#include "tests/support/simfixture.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

class TestCacheRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restartShowsCachedFleetAndHistory();
};

void TestCacheRestart::restartShowsCachedFleetAndHistory()
{
    SimulatorFixture sim;
    QVERIFY2(sim.start(
                 { QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--history"), QStringLiteral("30m") }),
        qPrintable(sim.error()));
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());

    QStringList seen;
    int nodesSeen = 0;
    qint64 windowEnd = 0;
    CapacitySeries backfilled;
    const auto nodesSeenNow = [](const FleetSession& session) { return int(session.store()->nodes().size()); };
    {
        FleetSession live;
        QString error;
        QVERIFY2(sim.openSession(live, cacheDir.path(), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            live.store()->nodes().size() >= 100 && live.store()->agentStatusCounts().up >= 100, 60000);
        // Freeze the fleet so the last state the cache keeps is the one compared.
        QVERIFY(sim.post(QStringLiteral("sim/control"), { { QStringLiteral("paused"), true } }).status == 200);
        const QStringList truth
            = canonicalTruth(QJsonDocument::fromJson(sim.get(QStringLiteral("sim/truth")).body).object());
        QTRY_COMPARE_WITH_TIMEOUT(canonicalSummary(*live.store()), truth, 60000);
        // Wait until the pre-generated history has been backfilled into the
        // cache: the minute 25 minutes back counts (nearly) every node.
        windowEnd = live.store()->newestDataMs();
        const auto history = [&live, windowEnd] {
            QFuture<CapacitySeries> f
                = live.cache()->capacityHistory(windowEnd - 25 * 60 * 1000, windowEnd - 60 * 1000);
            f.waitForFinished();
            return f.result();
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const CapacitySeries s = history();
                return s.points.size() >= 20 && s.points.first().nodesReporting * 10 >= nodesSeenNow(live) * 9;
            }(),
            240000);
        backfilled = history();
        seen = canonicalSummary(*live.store());
        nodesSeen = int(live.store()->nodes().size());
        // Closing the session flushes the writer: nothing that was received is lost.
    }
    sim.process().terminate();

    FleetSession offline;
    QSignalSpy restored(&offline, &FleetSession::restored);
    QString error;
    QVERIFY2(offline.open(cacheDir.path(), &error), qPrintable(error));
    QVERIFY(restored.wait(20000));
    QCOMPARE(int(offline.store()->nodes().size()), nodesSeen);
    QCOMPARE(canonicalSummary(*offline.store()), seen);
    QCOMPARE(offline.store()->agentStatusCounts().unknown, nodesSeen);

    // The history backfilled before the restart is all there. Fills still in
    // flight at the close may have added nodes to a minute since, never removed any.
    QFuture<CapacitySeries> history
        = offline.cache()->capacityHistory(windowEnd - 25 * 60 * 1000, windowEnd - 60 * 1000);
    QTRY_VERIFY_WITH_TIMEOUT(history.isFinished(), 20000);
    QHash<qint64, CapacityPoint> after;
    for (const CapacityPoint& p : history.result().points) {
        QVERIFY(p.total > 0);
        QCOMPARE(p.total, p.allocated + p.free + p.faulty);
        after.insert(p.timestampMs, p);
    }
    for (const CapacityPoint& before : std::as_const(backfilled.points)) {
        QVERIFY2(after.contains(before.timestampMs), qPrintable(QString::number(before.timestampMs)));
        QVERIFY(after.value(before.timestampMs).nodesReporting >= before.nodesReporting);
        QVERIFY(after.value(before.timestampMs).total >= before.total);
    }
}

QTEST_GUILESS_MAIN(TestCacheRestart)
#include "tst_cacherestart.moc"
