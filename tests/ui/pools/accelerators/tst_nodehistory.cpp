// SPDX-License-Identifier: GPL-3.0-or-later
// The node detail view's history plot shows exactly the samples the simulated
// agent served: a real meridian-fleetsim feeds a session's cache; the points
// plotted for one accelerator's utilization equal /n/ID/api/v1/samples.

#include "core/cache/cachereader.h"
#include "core/protocol/protocoljson.h"
#include "core/session/fleethistory.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "ui/pools/accelerators/historychart.h"
#include "ui/pools/accelerators/nodedetailview.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

class TestNodeHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }
    void plotEqualsServedSamples();
};

void TestNodeHistory::plotEqualsServedSamples()
{
    SimulatorFixture sim;
    QVERIFY2(sim.start({ QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--nodes"),
                 QStringLiteral("20"), QStringLiteral("--history"), QStringLiteral("45m") }),
        qPrintable(sim.error()));
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());

    FleetSession session;
    QString error;
    QVERIFY2(sim.openSession(session, cacheDir.path(), &error), qPrintable(error));
    // One answering node is enough (the shared test machine may be slow to bring up all 20).
    QString nodeId;
    const auto firstUp = [&session] {
        QStringList ids;
        for (const FleetNode& n : session.store()->nodes())
            if (n.status == AgentStatus::Up && n.snapshot.sample.seq != 0)
                ids.append(n.inventory.nodeId);
        ids.sort();
        return ids.value(0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(!(nodeId = firstUp()).isEmpty(), 240000);

    // Everything the simulated agent holds for this node, straight from its endpoint.
    QList<Protocol::Sample> served;
    qint64 since = 0;
    for (;;) {
        const HttpResult r = sim.get(QStringLiteral("n/%1/api/v1/samples?since=%2&limit=20000").arg(nodeId).arg(since));
        QCOMPARE(r.status, 200);
        Protocol::SamplesPage page;
        const auto decoded = Protocol::Json::decodeBody(r.body, &page);
        QVERIFY2(decoded, qPrintable(decoded.error));
        served += page.samples;
        if (!page.more || page.samples.isEmpty())
            break;
        since = page.samples.last().seq;
    }
    QVERIFY(served.size() > 400);

    // A 20-minute window ending 12 minutes before the newest sample: long persisted
    // (windows are 5 minutes), and fewer points than the plot is wide, so nothing is decimated.
    const qint64 to = served.last().timestampMs - 12 * 60 * 1000;
    const qint64 from = to - 20 * 60 * 1000;
    QVERIFY(served.first().timestampMs <= from);
    QList<QPointF> expected;
    for (const Protocol::Sample& s : std::as_const(served)) {
        if (s.timestampMs < from || s.timestampMs > to)
            continue;
        for (const Protocol::AcceleratorSample& a : s.accelerators)
            if (a.index == 0 && !Protocol::isMissing(a.utilization)) // the cache stores float32
                expected.append(QPointF(double(s.timestampMs), double(float(a.utilization))));
    }
    QVERIFY(expected.size() > 200);

    // Wait until the backfill of that window is in the cache.
    const auto persisted = [&] {
        QFuture<MetricSeries> f
            = session.cache()->acceleratorHistory(nodeId, 0, AcceleratorMetric::Utilization, from, to, 5000);
        f.waitForFinished();
        return f.result().points.size();
    };
    QTRY_VERIFY_WITH_TIMEOUT(persisted() >= expected.size(), 240000);

    NodeDetailView view(session.store(), session.history());
    view.resize(1600, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy loaded(&view, &NodeDetailView::historyLoaded);
    view.showAccelerator(nodeId, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
    QVERIFY(!view.historyChart()->plottedPoints().isEmpty()); // the last hour
    loaded.clear();
    view.setHistoryWindow(from, to);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
    const QList<QPointF> plotted = view.historyChart()->plottedPoints();
    QVERIFY(!view.historyChart()->hasBand()); // raw samples: no min/max band
    QCOMPARE(plotted.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(qint64(plotted.at(i).x()), qint64(expected.at(i).x()));
        QCOMPARE(plotted.at(i).y(), expected.at(i).y());
    }

    // Fewer points than samples (a narrow plot): decimated, drawn with a min/max band,
    // each bucket's last value one of the served values.
    view.setMaxHistoryPoints(50);
    loaded.clear();
    view.setHistoryWindow(from, to);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
    QVERIFY(view.historyChart()->hasBand());
    const QList<QPointF> decimated = view.historyChart()->plottedPoints();
    QVERIFY(!decimated.isEmpty() && decimated.size() <= 50);
    QSet<double> values;
    for (const QPointF& p : std::as_const(expected))
        values.insert(p.y());
    for (const QPointF& p : decimated)
        QVERIFY(values.contains(p.y()));
}

QTEST_MAIN(TestNodeHistory)
#include "tst_nodehistory.moc"
