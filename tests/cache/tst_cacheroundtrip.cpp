// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the writer stores comes back through the reader: inventory and
// last state, jobs, events, cursors, history and capacity rollups.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "tests/cache/cachetestdata.h"

#include <QFuture>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Meridian;
using namespace Meridian::CacheTest;

namespace {
constexpr qint64 T0 = 1'750'000'040'000; // a minute boundary + 20 s
constexpr qint64 Minute = 60'000;

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

SourceUpdate withSamples(const QString& nodeId, const QList<Protocol::Sample>& samples)
{
    SourceUpdate u;
    u.source = QStringLiteral("test");
    for (const Protocol::Sample& s : samples)
        u.samples.append({ nodeId, s });
    return u;
}
} // namespace

class TestCacheRoundTrip : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void stateRoundTrip();
    void stateOfManyNodesWithADamagedBlob();
    void jobsUpsertAndReplace();
    void eventsDeduplicated();
    void historyAndCursors();
    void historyAcrossRestart();
    void historyReachesTheOpenWindow();
    void capacity_data();
    void capacity();
    void missingMinuteStaysMissing();
    void redeliveryIdempotent();
    void retention();
    void diskFullReported();
    void readerRunsOnItsThread();

private:
    void openWriter(const CacheOptions& options = {});
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheWriter> m_writer;
};

void TestCacheRoundTrip::init()
{
    m_writer.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    openWriter();
}

void TestCacheRoundTrip::openWriter(const CacheOptions& options)
{
    m_writer.reset();
    m_writer = std::make_unique<CacheWriter>(m_dir->path(), options);
    QSignalSpy opened(m_writer.get(), &CacheWriter::opened);
    m_writer->start();
    QVERIFY(opened.wait(5000));
}

void TestCacheRoundTrip::stateRoundTrip()
{
    const auto inv = inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("wuhu-train"),
        { QStringLiteral("Ascend 910B"), QStringLiteral("Ascend 910B") });
    auto snap = snapshot(QStringLiteral("inst-a"), sample(42, T0, QStringLiteral("ax")));
    snap.faults.append(CacheTest::event(9, QStringLiteral("n1"), T0, QStringLiteral("hbm-ecc")));
    snap.sample.node.memoryUsedBytes = Protocol::Missing;
    SourceUpdate u;
    u.source = QStringLiteral("fleet");
    u.nodes.append(nodeUpdate(inv, snap));
    NodeUpdate down;
    down.nodeId = QStringLiteral("n2");
    down.status = AgentStatus::Unreachable;
    down.error = QStringLiteral("connection refused");
    u.nodes.append(down);
    m_writer->write(u);
    m_writer->flush();

    CacheReader reader(m_dir->path());
    const CacheReader::State state = await(reader.lastState());
    QCOMPARE(state.nodes.size(), 2);
    const FleetNode n1 = state.nodes[0].inventory.nodeId == QLatin1String("n1") ? state.nodes[0] : state.nodes[1];
    const FleetNode n2 = state.nodes[0].inventory.nodeId == QLatin1String("n1") ? state.nodes[1] : state.nodes[0];
    QCOMPARE(n1.inventory, inv);
    QVERIFY(n1.status == AgentStatus::Unknown);
    QCOMPARE(n1.source, QStringLiteral("fleet"));
    QCOMPARE(n1.lastSeenMs, T0);
    QCOMPARE(n1.snapshot.instanceId, QStringLiteral("inst-a"));
    QCOMPARE(n1.snapshot.sample.seq, 42);
    QCOMPARE(n1.snapshot.sample.accelerators.size(), 2);
    QVERIFY(n1.snapshot.sample.accelerators[1].health == Protocol::AcceleratorHealth::Faulty);
    QCOMPARE(n1.snapshot.sample.accelerators[0].jobId, QStringLiteral("job-1"));
    QVERIFY(Protocol::isMissing(n1.snapshot.sample.node.memoryUsedBytes)); // missing stays missing
    QCOMPARE(n1.snapshot.faults.size(), 1);
    QCOMPARE(n1.snapshot.faults[0].code, QStringLiteral("0x80E18402"));
    QCOMPARE(n1.snapshot.jobs.size(), 1);
    QCOMPARE(n1.snapshot.jobs[0].accelerators, QList<int>({ 0, 1 }));
    QVERIFY(n2.status == AgentStatus::Unknown);
    QCOMPARE(n2.lastError, QStringLiteral("connection refused"));
    QCOMPARE(n2.snapshot.sample.seq, 0); // never had a snapshot
}

void TestCacheRoundTrip::stateOfManyNodesWithADamagedBlob()
{
    // More rows than one decoding chunk (the reader decodes chunks on several threads): every node comes back,
    // each with its own blobs, and a damaged blob costs only its own node's inventory.
    constexpr int Nodes = 1300;
    SourceUpdate u;
    u.source = QStringLiteral("fleet");
    for (int i = 0; i < Nodes; ++i) {
        const QString id = QStringLiteral("n%1").arg(i);
        u.nodes.append(nodeUpdate(inventory(id, QStringLiteral("east"), QStringLiteral("pool-%1").arg(i % 7),
                                      { QStringLiteral("Ascend 910B") }),
            snapshot(QStringLiteral("inst-%1").arg(i), sample(i + 1, T0, QStringLiteral("ax")))));
    }
    m_writer->write(u);
    m_writer->flush();
    m_writer.reset();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("state.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE node SET inventory = x'00ff00ff' WHERE node_id = 'n777'")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));

    CacheReader reader(m_dir->path());
    const CacheReader::State state = await(reader.lastState());
    QCOMPARE(state.nodes.size(), Nodes);
    QSet<QString> seen;
    for (const FleetNode& node : state.nodes) {
        const QString id = node.inventory.nodeId;
        QVERIFY(!seen.contains(id));
        seen.insert(id);
        const int i = id.mid(1).toInt();
        QCOMPARE(node.snapshot.instanceId, QStringLiteral("inst-%1").arg(i));
        QCOMPARE(node.snapshot.sample.seq, i + 1);
        if (i == 777) {
            QVERIFY(node.inventory.pool.isEmpty()); // damaged: as if none, the key kept
        } else {
            QCOMPARE(node.inventory.pool, QStringLiteral("pool-%1").arg(i % 7));
        }
    }
    QCOMPARE(seen.size(), Nodes);
}

void TestCacheRoundTrip::jobsUpsertAndReplace()
{
    SourceUpdate u;
    u.hasJobs = true;
    u.jobs = { job(QStringLiteral("j1"), QStringLiteral("running")),
        job(QStringLiteral("j2"), QStringLiteral("queued")), job(QStringLiteral("j3"), QStringLiteral("completed")) };
    m_writer->write(u);
    SourceUpdate change;
    change.hasJobs = true;
    change.jobs = { job(QStringLiteral("j1"), QStringLiteral("recovering")) };
    m_writer->write(change);
    m_writer->flush();
    CacheReader reader(m_dir->path());
    auto jobs = await(reader.lastState()).jobs;
    QCOMPARE(jobs.size(), 3);
    for (const auto& j : jobs) {
        if (j.jobId == QLatin1String("j1")) {
            QCOMPARE(j.state, QStringLiteral("recovering"));
            QCOMPARE(j.nodes, QStringList({ QStringLiteral("n1"), QStringLiteral("n2") }));
            QCOMPARE(j.interruptions, 2);
        }
    }
    // A complete list without j2 (unfinished, gone) and j3 (finished: stays).
    SourceUpdate complete;
    complete.hasJobs = true;
    complete.jobsComplete = true;
    complete.jobs = { job(QStringLiteral("j1"), QStringLiteral("running")) };
    m_writer->write(complete);
    m_writer->flush();
    jobs = await(reader.lastState()).jobs;
    QStringList ids;
    for (const auto& j : jobs)
        ids << j.jobId;
    ids.sort();
    QCOMPARE(ids, QStringList({ QStringLiteral("j1"), QStringLiteral("j3") }));
}

void TestCacheRoundTrip::eventsDeduplicated()
{
    SourceUpdate u;
    u.source = QStringLiteral("fleet");
    u.events = { CacheTest::event(1, QStringLiteral("n1"), T0, QStringLiteral("hbm-ecc")),
        CacheTest::event(2, QStringLiteral("n1"), T0 + 1000, QStringLiteral("thermal")),
        CacheTest::event(1, QStringLiteral("n2"), T0 + 2000, QStringLiteral("link-down")) };
    m_writer->write(u);
    m_writer->write(u); // overlapping delivery
    m_writer->flush();
    CacheReader reader(m_dir->path());
    auto events = await(reader.events({}));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].nodeId, QStringLiteral("n2")); // newest first
    QCOMPARE(events[0].accelerator, 3);
    EventFilter filter;
    filter.nodeId = QStringLiteral("n1");
    filter.kind = QStringLiteral("thermal");
    events = await(reader.events(filter));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].id, 2);
    QVERIFY(events[0].severity == Protocol::Severity::Critical);
}

void TestCacheRoundTrip::historyAndCursors()
{
    const auto inv = inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p"),
        { QStringLiteral("H800"), QStringLiteral("H800") });
    SourceUpdate first;
    first.nodes.append(nodeUpdate(inv, snapshot(QStringLiteral("inst-a"), sample(1, T0, QStringLiteral("ff")))));
    QList<Protocol::Sample> samples;
    for (int i = 1; i <= 720; ++i) // one hour at 5 s: spans several windows
        samples.append(sample(i, T0 + (i - 1) * 5000, QStringLiteral("af")));
    samples[10].accelerators[1].utilization = Protocol::Missing;
    first.samples = withSamples(QStringLiteral("n1"), samples).samples;
    m_writer->write(first);
    m_writer->flush();

    CacheReader reader(m_dir->path());
    const CacheCursors cursors = await(reader.cursors());
    QCOMPARE(cursors.value(QStringLiteral("n1")), std::make_pair(QStringLiteral("inst-a"), qint64(720)));

    const qint64 end = T0 + 719 * 5000;
    MetricSeries s
        = await(reader.acceleratorHistory(QStringLiteral("n1"), 1, AcceleratorMetric::Utilization, T0, end, 5000));
    QCOMPARE(s.rawSamples, 719); // one missing value is absent, not zero
    QCOMPARE(s.bucketMs, 0);
    QCOMPARE(s.points.first().timestampMs, T0);
    QCOMPARE(s.points.first().min, float((1 + 1) % 100));
    QCOMPARE(s.points.last().timestampMs, end);

    s = await(reader.acceleratorHistory(QStringLiteral("n1"), 1, AcceleratorMetric::Utilization, T0, end, 100));
    QVERIFY(s.points.size() <= 100);
    QVERIFY(s.bucketMs > 0);
    float lowest = 100;
    float highest = -1;
    for (const MetricPoint& p : s.points) {
        QVERIFY(p.min <= p.last && p.last <= p.max);
        lowest = std::min(lowest, p.min);
        highest = std::max(highest, p.max);
    }
    QCOMPARE(lowest, 0.0f); // decimation keeps the extremes
    QCOMPARE(highest, 99.0f);

    s = await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::Load1, T0 + 5000, T0 + 10000));
    QCOMPARE(s.points.size(), 2);
    QCOMPARE(s.points[0].last, 1.5f);
    s = await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::DiskReadBytesPerSecond, T0, end));
    QCOMPARE(s.points.size(), 0); // never reported
    s = await(reader.acceleratorHistory(QStringLiteral("nope"), 0, AcceleratorMetric::PowerW, T0, end));
    QCOMPARE(s.points.size(), 0);
}

void TestCacheRoundTrip::historyAcrossRestart()
{
    const auto inv
        = inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p"), { QStringLiteral("H20") });
    SourceUpdate u;
    u.nodes.append(nodeUpdate(inv, snapshot(QStringLiteral("inst-a"), sample(1, T0, QStringLiteral("f")))));
    u.samples = withSamples(
        QStringLiteral("n1"), { sample(1, T0, QStringLiteral("f")), sample(2, T0 + 5000, QStringLiteral("f")) })
                    .samples;
    m_writer->write(u);
    m_writer->flush(); // a partial window on disk
    openWriter(); // restart: the next samples land in the same window
    m_writer->write(withSamples(QStringLiteral("n1"),
        { sample(2, T0 + 5000, QStringLiteral("f")), sample(3, T0 + 10000, QStringLiteral("f")) }));
    m_writer->flush();
    CacheReader reader(m_dir->path());
    const MetricSeries s = await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::CpuUtilization, T0, T0 + Minute));
    QCOMPARE(s.points.size(), 3);
    QCOMPARE(s.points[2].last, 3.0f);
    QCOMPARE(await(reader.cursors()).value(QStringLiteral("n1")).second, 3);
}

// Samples still in the writer's RAM window (up to 5 minutes) reach history
// reads through setRecentHistory: a plot ends at the newest sample, not at the
// last persisted window; points already on disk (a flushed partial window) are
// not repeated.
void TestCacheRoundTrip::historyReachesTheOpenWindow()
{
    const auto inv = inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p"),
        { QStringLiteral("H800"), QStringLiteral("H800") });
    SourceUpdate first;
    first.nodes.append(nodeUpdate(inv, snapshot(QStringLiteral("inst-a"), sample(1, T0, QStringLiteral("ff")))));
    QList<Protocol::Sample> samples;
    for (int i = 1; i <= 720; ++i)
        samples.append(sample(i, T0 + (i - 1) * 5000, QStringLiteral("af")));
    first.samples = withSamples(QStringLiteral("n1"), samples).samples;
    m_writer->write(first);
    m_writer->flush(); // everything on disk, the last window partially

    samples.clear();
    for (int i = 721; i <= 760; ++i)
        samples.append(sample(i, T0 + (i - 1) * 5000, QStringLiteral("af")));
    m_writer->write(withSamples(QStringLiteral("n1"), samples));
    m_writer->waitForQueueBelow(1);
    (void)m_writer->statistics(); // runs on the writer thread after the ingest: the samples are in RAM
    const qint64 end = T0 + 759 * 5000;

    CacheReader diskOnly(m_dir->path());
    const MetricSeries persisted
        = await(diskOnly.acceleratorHistory(QStringLiteral("n1"), 1, AcceleratorMetric::Utilization, T0, end, 5000));
    QCOMPARE(persisted.points.last().timestampMs, T0 + 719 * 5000); // the gap this closes

    CacheReader reader(m_dir->path());
    CacheWriter* writer = m_writer.get();
    reader.setRecentHistory([writer](const QString& nodeId, int accelerator, int metric) {
        return writer->recentPoints(nodeId, accelerator, metric);
    });
    const MetricSeries s
        = await(reader.acceleratorHistory(QStringLiteral("n1"), 1, AcceleratorMetric::Utilization, T0, end, 5000));
    QCOMPARE(s.rawSamples, 760);
    QCOMPARE(s.points.last().timestampMs, end);
    QCOMPARE(s.points.last().last, float((760 + 1) % 100));
    for (qsizetype i = 1; i < s.points.size(); ++i)
        QVERIFY2(s.points[i].timestampMs > s.points[i - 1].timestampMs, "ascending, no sample twice");
    // Node metrics take the same path; a series nobody reported stays empty.
    QCOMPARE(await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::Load1, end - 10000, end)).points.size(), 3);
    QCOMPARE(
        await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::DiskReadBytesPerSecond, T0, end)).points.size(), 0);
}

void TestCacheRoundTrip::capacity_data()
{
    QTest::addColumn<QString>("accs");
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("allocated");
    QTest::addColumn<int>("free");
    QTest::addColumn<int>("faulty");
    QTest::addRow("all free") << QStringLiteral("ffff") << int(Protocol::NodeState::Up) << 0 << 4 << 0;
    QTest::addRow("allocated") << QStringLiteral("aaff") << int(Protocol::NodeState::Up) << 2 << 2 << 0;
    QTest::addRow("faulty beats allocated")
        << QStringLiteral("axxf") << int(Protocol::NodeState::Degraded) << 1 << 1 << 2;
    QTest::addRow("down node: all faulty") << QStringLiteral("aaff") << int(Protocol::NodeState::Down) << 0 << 0 << 4;
    QTest::addRow("draining counts normally")
        << QStringLiteral("afff") << int(Protocol::NodeState::Draining) << 1 << 3 << 0;
}

void TestCacheRoundTrip::capacity()
{
    QFETCH(QString, accs);
    QFETCH(int, state);
    QFETCH(int, allocated);
    QFETCH(int, free);
    QFETCH(int, faulty);
    const QStringList models(accs.size(), QStringLiteral("Ascend 910B"));
    SourceUpdate u;
    u.nodes.append(nodeUpdate(inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p1"), models),
        snapshot(QStringLiteral("i"), sample(1, T0, accs))));
    // Second node elsewhere: all free, other model, must not leak into "east".
    u.nodes.append(nodeUpdate(inventory(QStringLiteral("n2"), QStringLiteral("north"), QStringLiteral("p2"),
                                  { QStringLiteral("H20"), QStringLiteral("H20") }),
        snapshot(QStringLiteral("j"), sample(1, T0, QStringLiteral("ff")))));
    for (int i = 0; i < 12; ++i) {
        u.samples.append({ QStringLiteral("n1"), sample(i + 1, T0 + i * 5000, accs, Protocol::NodeState(state)) });
        u.samples.append({ QStringLiteral("n2"), sample(i + 1, T0 + i * 5000, QStringLiteral("ff")) });
    }
    m_writer->write(u);
    m_writer->flush();
    CacheReader reader(m_dir->path());
    const qint64 minute = T0 / Minute * Minute;
    const CapacitySeries east
        = await(reader.capacityHistory(minute - Minute, minute + 2 * Minute, QStringLiteral("east")));
    QCOMPARE(east.points.size(), 2); // T0 + 0..55 s spans two minutes
    QCOMPARE(east.points[0].timestampMs, minute);
    QCOMPARE(east.points[0].total, accs.size());
    QCOMPARE(east.points[0].allocated, allocated);
    QCOMPARE(east.points[0].free, free);
    QCOMPARE(east.points[0].faulty, faulty);
    QCOMPARE(east.points[0].nodesReporting, 1);
    const CapacitySeries fleet = await(reader.capacityHistory(minute, minute));
    QCOMPARE(fleet.points.size(), 1);
    QCOMPARE(fleet.points[0].total, accs.size() + 2);
    QCOMPARE(fleet.points[0].free, free + 2);
    QCOMPARE(fleet.points[0].nodesReporting, 2);
    const CapacitySeries h20 = await(reader.capacityHistory(minute, minute, {}, QStringLiteral("H20")));
    QCOMPARE(h20.points.size(), 1);
    QCOMPARE(h20.points[0].total, 2);
    QCOMPARE(h20.points[0].nodesReporting, 1);
    QCOMPARE(
        await(reader.capacityHistory(minute, minute, QStringLiteral("east"), QStringLiteral("H20"))).points.size(), 0);
}

void TestCacheRoundTrip::missingMinuteStaysMissing()
{
    SourceUpdate u;
    u.nodes.append(nodeUpdate(
        inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p1"), { QStringLiteral("H800") }),
        snapshot(QStringLiteral("i"), sample(1, T0, QStringLiteral("f")))));
    const qint64 minute = T0 / Minute * Minute;
    u.samples = withSamples(QStringLiteral("n1"),
        { sample(1, minute, QStringLiteral("f")), sample(2, minute + 2 * Minute, QStringLiteral("a")) })
                    .samples;
    m_writer->write(u);
    m_writer->flush();
    CacheReader reader(m_dir->path());
    const CapacitySeries s = await(reader.capacityHistory(minute, minute + 3 * Minute));
    QCOMPARE(s.points.size(), 2);
    QCOMPARE(s.points[0].timestampMs, minute);
    QCOMPARE(s.points[1].timestampMs, minute + 2 * Minute);
    QCOMPARE(s.points[1].allocated, 1);
}

void TestCacheRoundTrip::redeliveryIdempotent()
{
    SourceUpdate u;
    u.nodes.append(nodeUpdate(inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p1"),
                                  { QStringLiteral("H800"), QStringLiteral("H800") }),
        snapshot(QStringLiteral("i"), sample(1, T0, QStringLiteral("ff")))));
    const qint64 minute = T0 / Minute * Minute;
    QList<Protocol::Sample> samples;
    for (int i = 0; i < 36; ++i) // three minutes
        samples.append(sample(i + 1, minute + i * 5000, QStringLiteral("af")));
    u.samples = withSamples(QStringLiteral("n1"), samples.mid(0, 20)).samples;
    m_writer->write(u);
    m_writer->write(withSamples(QStringLiteral("n1"), samples.mid(10, 20))); // overlaps
    m_writer->flush();
    openWriter(); // after a restart the source re-fetches from an older cursor
    m_writer->write(withSamples(QStringLiteral("n1"), samples));
    m_writer->write(withSamples(QStringLiteral("n1"), samples));
    m_writer->flush();
    CacheReader reader(m_dir->path());
    const CapacitySeries s = await(reader.capacityHistory(minute, minute + 3 * Minute));
    QCOMPARE(s.points.size(), 3);
    for (const CapacityPoint& p : s.points) {
        QCOMPARE(p.total, 2);
        QCOMPARE(p.allocated, 1);
        QCOMPARE(p.nodesReporting, 1);
    }
    const MetricSeries h
        = await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::CpuUtilization, minute, minute + 3 * Minute));
    QCOMPARE(h.rawSamples, 36);
}

void TestCacheRoundTrip::retention()
{
    CacheOptions options;
    options.rawRetentionMs = 3600 * 1000;
    options.rollupRetentionMs = 2 * 3600 * 1000;
    openWriter(options);
    SourceUpdate u;
    u.nodes.append(nodeUpdate(
        inventory(QStringLiteral("n1"), QStringLiteral("east"), QStringLiteral("p1"), { QStringLiteral("H800") }),
        snapshot(QStringLiteral("i"), sample(1, T0, QStringLiteral("f")))));
    for (int i = 0; i < 4 * 60; ++i) // four hours, one sample a minute
        u.samples.append({ QStringLiteral("n1"), sample(i + 1, T0 + i * Minute, QStringLiteral("f")) });
    m_writer->write(u);
    m_writer->enforceRetention();
    CacheReader reader(m_dir->path());
    const qint64 newest = T0 + 239 * Minute;
    const MetricSeries h = await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::CpuUtilization, T0, newest));
    QVERIFY2(h.rawSamples >= 61 && h.rawSamples <= 66, qPrintable(QString::number(h.rawSamples))); // 1 h + one window
    const CapacitySeries c = await(reader.capacityHistory(T0 - Minute, newest));
    QCOMPARE(c.points.size(), 120); // minutes within 2 h of the newest sample
}

void TestCacheRoundTrip::diskFullReported()
{
    CacheOptions options;
    options.maxPageCount = 60; // metrics.db may not grow past ~240 KiB
    openWriter(options);
    QSignalSpy failed(m_writer.get(), &CacheWriter::failed);
    QList<Protocol::Sample> samples;
    for (int i = 0; i < 20000; ++i)
        samples.append(sample(i + 1, T0 + i * 5000, QStringLiteral("aaaaffff")));
    m_writer->write(withSamples(QStringLiteral("n1"), samples));
    m_writer->flush();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().startsWith(QLatin1String("disk full")),
        qPrintable(failed.at(0).at(0).toString()));
    m_writer->write(withSamples(QStringLiteral("n2"), samples.mid(0, 100)));
    m_writer->flush(); // still running, no crash
}

void TestCacheRoundTrip::readerRunsOnItsThread()
{
    CacheReader reader(m_dir->path());
    QList<QThread*> threads;
    QMutex mutex;
    reader.setJobObserver([&] {
        QMutexLocker lock(&mutex);
        threads.append(QThread::currentThread());
    });
    await(reader.lastState());
    await(reader.cursors());
    await(reader.capacityHistory(0, T0));
    await(reader.events({}));
    await(reader.nodeHistory(QStringLiteral("n1"), NodeMetric::Load1, 0, T0));
    QMutexLocker lock(&mutex);
    QCOMPARE(threads.size(), 5);
    for (QThread* t : std::as_const(threads)) {
        QVERIFY(t != QThread::currentThread());
        QCOMPARE(t, threads.first());
    }
}

QTEST_GUILESS_MAIN(TestCacheRoundTrip)
#include "tst_cacheroundtrip.moc"
