// SPDX-License-Identifier: GPL-3.0-or-later
// Against the real meridian-fleetsim (paused): capacity per pool and model
// equals /sim/truth; allocated-but-idle detection on the samples the
// simulator served equals an independent recomputation from them, and so
// does the detection right after a "restart" seeded from the cache.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/capacity/idletracker.h"
#include "core/capacity/poolcapacity.h"
#include "core/protocol/protocoljson.h"
#include "core/reports/report.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/fleetbuilder.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

namespace {

constexpr double Threshold = 5.0;
constexpr qint64 MinimumMs = 15 * 60 * 1000;
constexpr qint64 MaxGapMs = 6 * 60 * 1000;

QStringList canonicalPools(const FleetAggregate& fleet)
{
    QStringList out;
    for (const PoolCapacity& p : poolCapacities(fleet)) {
        for (const ModelCapacity& m : p.models) {
            out << QStringLiteral("%1/%2 %3 %4/%5/%6/%7")
                       .arg(p.region, p.pool, m.model)
                       .arg(m.total)
                       .arg(m.allocated)
                       .arg(m.free)
                       .arg(m.faulty);
        }
    }
    out.sort();
    return out;
}

QStringList canonicalTruthPools(const QJsonObject& truth)
{
    QStringList out;
    for (const QJsonValue& pv : truth.value(QStringLiteral("pools")).toArray()) {
        const QJsonObject p = pv.toObject();
        for (const QJsonValue& mv : p.value(QStringLiteral("models")).toArray()) {
            const QJsonObject m = mv.toObject();
            out << QStringLiteral("%1/%2 %3 %4/%5/%6/%7")
                       .arg(p.value(QStringLiteral("region")).toString(), p.value(QStringLiteral("pool")).toString(),
                           m.value(QStringLiteral("model")).toString())
                       .arg(m.value(QStringLiteral("total")).toInt())
                       .arg(m.value(QStringLiteral("allocated")).toInt())
                       .arg(m.value(QStringLiteral("free")).toInt())
                       .arg(m.value(QStringLiteral("faulty")).toInt());
        }
    }
    out.sort();
    return out;
}

QString key(const QString& node, int accelerator, const QString& job, qint64 since)
{
    return QStringLiteral("%1#%2 %3 since %4").arg(node).arg(accelerator).arg(job).arg(since);
}

// The reference: walk back from the newest sample while the chip stays
// allocated to the same job, healthy, on an up node, under the threshold,
// with a value, and without a gap. Deliberately written apart from IdleTracker.
QStringList referenceIdle(const QHash<QString, QList<Protocol::Sample>>& samples)
{
    QStringList out;
    for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
        const QList<Protocol::Sample>& s = *it;
        if (s.isEmpty())
            continue;
        for (const Protocol::AcceleratorSample& newest : s.last().accelerators) {
            auto under = [&](const Protocol::Sample& sample, const QString& job) {
                for (const Protocol::AcceleratorSample& a : sample.accelerators) {
                    if (a.index != newest.index)
                        continue;
                    return sample.state != Protocol::NodeState::Down && a.health != Protocol::AcceleratorHealth::Faulty
                        && !a.jobId.isEmpty() && a.jobId == job && !std::isnan(a.utilization)
                        && a.utilization < Threshold;
                }
                return false;
            };
            if (!under(s.last(), newest.jobId))
                continue;
            qsizetype first = s.size() - 1;
            while (first > 0 && s.at(first).timestampMs - s.at(first - 1).timestampMs <= MaxGapMs
                && under(s.at(first - 1), newest.jobId))
                --first;
            if (s.last().timestampMs - s.at(first).timestampMs > MinimumMs)
                out << key(it.key(), newest.index, newest.jobId, s.at(first).timestampMs);
        }
    }
    out.sort();
    return out;
}

QStringList detected(const IdleTracker& tracker)
{
    QStringList out;
    for (const IdleAccelerator& a : tracker.idle())
        out << key(a.nodeId, a.accelerator, a.jobId, a.idleSinceMs);
    out.sort();
    return out;
}

} // namespace

class TestCapacitySim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void poolsEqualTruth();
    void idleOnServedSamples();
    void idleAfterRestartFromCache();
    void idleWhenHistoryArrivesLate();
    void reportIdleEqualsTracker();

private:
    QJsonObject truth();
    void writeHistory(const QString& cacheDir, bool withSamples);
    void loadLiveSnapshots(FleetStore* store, qint64 shiftMs = 0);

    SimulatorFixture m_sim;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<FleetSession> m_session;
    QHash<QString, QList<Protocol::Sample>> m_samples; ///< what the simulator served, per node
    QStringList m_expectedIdle;
};

QJsonObject TestCapacitySim::truth()
{
    const HttpResult r = m_sim.get(QStringLiteral("sim/truth"));
    if (r.status != 200)
        qWarning() << "truth:" << r.status << r.error;
    return QJsonDocument::fromJson(r.body).object();
}

void TestCapacitySim::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_cacheDir.isValid());
    // Paused from the start: every poll sees the same instant, so figures must agree exactly.
    QVERIFY2(
        m_sim.start({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--nodes"), QStringLiteral("240"),
            QStringLiteral("--history"), QStringLiteral("50m"), QStringLiteral("--paused") }),
        qPrintable(m_sim.error()));

    m_session = std::make_unique<FleetSession>();
    QString error;
    QVERIFY2(m_sim.openSession(*m_session, m_cacheDir.path(), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->nodes().size() >= 240, 60000);
}

void TestCapacitySim::cleanupTestCase()
{
    m_session.reset();
    m_sim.stop();
}

void TestCapacitySim::poolsEqualTruth()
{
    const FleetStore* store = m_session->store();
    const FleetAggregate& index = store->aggregate();
    const QStringList expected = canonicalTruthPools(truth());
    QVERIFY(expected.size() >= 10);
    QTRY_COMPARE_WITH_TIMEOUT(canonicalPools(index), expected, 60000);
    // Not trivially equal: there is work, spare and broken capacity in the fleet.
    int allocated = 0, free = 0;
    for (const ModelCapacity& m : capacityByModel(index)) {
        allocated += m.allocated;
        free += m.free;
    }
    QVERIFY(allocated > 0);
    QVERIFY(free > 0);
    FleetAggregate rebuilt;
    for (auto it = store->nodes().cbegin(); it != store->nodes().cend(); ++it)
        rebuilt.put(it.key(), &*it);
    QCOMPARE(canonicalPools(rebuilt), expected);
}

void TestCapacitySim::idleOnServedSamples()
{
    const FleetStore* store = m_session->store();
    IdleTracker tracker;
    for (auto it = store->nodes().cbegin(); it != store->nodes().cend(); ++it) {
        const QString id = it.key();
        QUrl url = m_sim.url(QStringLiteral("n/") + QString::fromLatin1(QUrl::toPercentEncoding(id))
            + QStringLiteral("/api/v1/samples"));
        url.setQuery(QStringLiteral("since=0&limit=20000"));
        const HttpResult r = httpGet(url, m_sim.token());
        QVERIFY2(r.status == 200, qPrintable(id + u' ' + r.error));
        Protocol::SamplesPage page;
        Protocol::Limits limits;
        limits.maxBodyBytes = 256 << 20;
        const auto decoded = Protocol::Json::decodeBody(r.body, &page, limits);
        QVERIFY2(decoded, qPrintable(decoded.error));
        QVERIFY(!page.more);
        QVERIFY(!page.samples.isEmpty());
        m_samples.insert(id, page.samples);
        const QString model
            = it->inventory.accelerators.isEmpty() ? QString() : it->inventory.accelerators.first().model;
        for (const Protocol::Sample& s : std::as_const(page.samples))
            tracker.observe(id, s, model);
    }
    m_expectedIdle = referenceIdle(m_samples);
    // The scenario has allocated-but-idle chips (stuck loaders, forgotten services) to find.
    QVERIFY2(m_expectedIdle.size() >= 4, qPrintable(QString::number(m_expectedIdle.size())));
    QCOMPARE(detected(tracker), m_expectedIdle);
    qInfo() << m_expectedIdle.size() << "allocated-but-idle accelerators, e.g." << m_expectedIdle.first();
    for (const IdleAccelerator& a : tracker.idle()) {
        QVERIFY(a.meanUtilization >= 0 && a.meanUtilization < Threshold);
        QVERIFY(!a.model.isEmpty());
    }
}

// A console started on a cache that holds the history sees one live snapshot
// per node (the simulator is paused) and must still list every idle chip
// with its full idle time: the runs are extended through the cache.
void TestCapacitySim::idleAfterRestartFromCache()
{
    QVERIFY(!m_samples.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeHistory(dir.path(), true);

    FleetStore store;
    loadLiveSnapshots(&store);

    IdleTracker withoutHistory;
    withoutHistory.attach(&store);
    QVERIFY(withoutHistory.idle().isEmpty()); // one snapshot per node: nothing idle for 15 min yet

    CacheReader reader(dir.path());
    IdleTracker tracker;
    tracker.attach(&store, &reader);
    // Without history nothing has been idle for 15 minutes yet: one snapshot per node.
    QVERIFY(tracker.pendingSeeds() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingSeeds(), 0, 30000);
    QCOMPARE(detected(tracker), m_expectedIdle);

    // Thresholds changed by the user: recomputed from the cache again, not lost.
    tracker.setThreshold(3.5);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingSeeds(), 0, 30000);
    for (const IdleAccelerator& a : tracker.idle())
        QVERIFY(a.meanUtilization < 3.5);
    tracker.setThreshold(Threshold);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingSeeds(), 0, 30000);
    QCOMPARE(detected(tracker), m_expectedIdle);
}

// A first start: the live snapshots arrive before the console has filled the
// history from the agents' rings, so the first seeds find nothing. Once the
// history is in the cache, the next snapshots ask again and find every idle chip.
void TestCapacitySim::idleWhenHistoryArrivesLate()
{
    QVERIFY(!m_samples.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeHistory(dir.path(), false);

    FleetStore store;
    loadLiveSnapshots(&store);
    CacheReader reader(dir.path());
    IdleTracker tracker;
    constexpr qint64 RetryMs = 1000;
    tracker.setSeedRetry(RetryMs);
    tracker.attach(&store, &reader);
    QVERIFY(tracker.pendingSeeds() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingSeeds(), 0, 30000);
    QVERIFY(tracker.idle().isEmpty());

    writeHistory(dir.path(), true);
    // A snapshot before the retry is due asks nothing; the one after it does.
    loadLiveSnapshots(&store, RetryMs / 2);
    QCOMPARE(tracker.pendingSeeds(), 0);
    QVERIFY(tracker.idle().isEmpty());
    loadLiveSnapshots(&store, RetryMs);
    QVERIFY(tracker.pendingSeeds() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingSeeds(), 0, 30000);
    QCOMPARE(detected(tracker), m_expectedIdle);
}

// The capacity report replays the same IdleTracker over the same cache: its "allocated but idle"
// table lists exactly the chips (and idle-since times) the session's tracker finds, and its per-pool
// column sums to the same count (issue 18: 64 on Pools → Capacity, "0 / No rows" in the report).
void TestCapacitySim::reportIdleEqualsTracker()
{
    QVERIFY(!m_expectedIdle.isEmpty());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeHistory(dir.path(), true);
    CacheReader reader(dir.path());

    FleetStore store;
    loadLiveSnapshots(&store);
    IdleTracker tracker;
    tracker.attach(&store, &reader);
    QTRY_COMPARE_WITH_TIMEOUT(tracker.pendingSeeds(), 0, 30000);
    QCOMPARE(detected(tracker), m_expectedIdle);

    qint64 first = std::numeric_limits<qint64>::max(), last = 0;
    for (const QList<Protocol::Sample>& samples : std::as_const(m_samples)) {
        first = std::min(first, samples.first().timestampMs);
        last = std::max(last, samples.last().timestampMs);
    }
    Reports::ReportParameters p;
    p.type = QStringLiteral("capacity");
    p.fromMs = first / 60000 * 60000;
    p.toMs = last / 60000 * 60000 + 60000;
    const auto d = Reports::generate(p, Reports::ReportContext(&reader));
    QVERIFY(d && !d->isEmpty());
    QStringList reported;
    qint64 perPool = 0;
    for (const Reports::ReportTable& t : d->tables) {
        if (t.id == QLatin1String("allocated_idle")) {
            for (const QVariantList& r : t.rows)
                reported << key(r[0].toString(), r[1].toInt(), r[3].toString(), r[4].toLongLong());
        } else if (t.id == QLatin1String("capacity_by_pool_model")) {
            for (const QVariantList& r : t.rows)
                perPool += r[6].toLongLong();
        }
    }
    reported.sort();
    QCOMPARE(reported, m_expectedIdle);
    QCOMPARE(perPool, qint64(m_expectedIdle.size()));
}

// Writes the live inventory and snapshots, and with `withSamples` every
// served sample, into the cache in `cacheDir` (closed again on return).
void TestCapacitySim::writeHistory(const QString& cacheDir, bool withSamples)
{
    const FleetStore* live = m_session->store();
    CacheWriter writer(cacheDir);
    QSignalSpy opened(&writer, &CacheWriter::opened);
    writer.start();
    QVERIFY(opened.wait(10000));
    for (auto it = m_samples.cbegin(); it != m_samples.cend(); ++it) {
        const FleetNode* node = live->node(it.key());
        QVERIFY(node);
        SourceUpdate u;
        u.source = QStringLiteral("sim");
        u.nodes.append(FleetBuilder::node(it.key()).inventory(node->inventory).snapshot(node->snapshot));
        if (withSamples) {
            for (const Protocol::Sample& s : *it)
                u.samples.append({ it.key(), s });
        }
        writer.write(u);
    }
    writer.flush();
}

// Applies the simulator's current snapshot of every node to `store`, moved
// `shiftMs` later in agent time (the simulator is paused: same values).
void TestCapacitySim::loadLiveSnapshots(FleetStore* store, qint64 shiftMs)
{
    const FleetStore* live = m_session->store();
    store->setCoalescingInterval(0);
    SourceUpdate u;
    u.source = QStringLiteral("sim");
    for (auto it = live->nodes().cbegin(); it != live->nodes().cend(); ++it) {
        u.nodes.append(FleetBuilder::node(it.key())
                           .inventory(it->inventory)
                           .snapshot(it->snapshot)
                           .sampledAt(it->snapshot.sample.timestampMs + shiftMs)
                           .seq(it->snapshot.sample.seq + shiftMs)); // a later sequence number too
    }
    QSignalSpy changed(store, &FleetStore::changed);
    store->applyUpdate(u);
    QVERIFY(changed.wait(5000));
}

QTEST_GUILESS_MAIN(TestCapacitySim)
#include "tst_capacitysim.moc"
