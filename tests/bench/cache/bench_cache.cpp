// SPDX-License-Identifier: GPL-3.0-or-later
// Cache ingest and query benchmark: fast-forwarded 5 s ticks for a fleet
// through CacheWriter, then the queries pages make; beside it a naive
// series-major table (WITHOUT ROWID PK(series, ts), one row per value) measured
// in the same process. Usage: bench_cache [--nodes N] [--ticks T] [--naive-seconds S] [--dir D]

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Meridian;

namespace {

constexpr qint64 Start = 1'750'000'000'000;
constexpr qint64 TickMs = 5000;
constexpr int Accelerators = 8;
const QStringList Regions = { QStringLiteral("east"), QStringLiteral("north"), QStringLiteral("south") };
const QStringList Models = { QStringLiteral("Ascend 910B"), QStringLiteral("H800"), QStringLiteral("MLU590") };

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
    std::fflush(stdout);
}

QString nodeId(int i)
{
    return QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
}

Protocol::NodeInventory inventoryOf(int i)
{
    Protocol::NodeInventory inv;
    inv.nodeId = nodeId(i);
    inv.hostname = inv.nodeId;
    inv.region = Regions[i % Regions.size()];
    inv.pool = inv.region + QStringLiteral("-pool-%1").arg(i % 4);
    inv.rack = QStringLiteral("rack-%1").arg(i / 16);
    for (int a = 0; a < Accelerators; ++a)
        inv.accelerators.append({ a, QStringLiteral("huawei"), Models[i % Models.size()],
            QStringLiteral("u%1-%2").arg(i).arg(a), 64LL << 30 });
    return inv;
}

Protocol::Sample sampleOf(int node, qint64 tick)
{
    Protocol::Sample s;
    s.seq = tick + 1;
    s.timestampMs = Start + tick * TickMs;
    s.node.cpuUtilization = double((node + tick) % 100);
    for (int a = 0; a < Accelerators; ++a) {
        Protocol::AcceleratorSample acc;
        acc.index = a;
        acc.health = Protocol::AcceleratorHealth::Healthy;
        const qint64 v = (node * 31 + a * 7 + tick) % 100;
        acc.utilization = double(v);
        acc.memoryUsedBytes = 1e9 * double(v);
        acc.temperatureC = 40.0 + double(v % 30);
        acc.powerW = 200.0 + double(v);
        if ((node + a) % 3 != 0)
            acc.jobId = QStringLiteral("job-%1").arg(node / 8);
        s.accelerators.append(acc);
    }
    return s;
}

template <typename T> T await(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

template <typename Fn> double medianMs(int runs, Fn fn)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// Largest commit among the first and the last `share` of the commits that wrote history windows.
std::pair<double, double> firstLastCommit(const CacheStatistics& stats)
{
    QList<double> heavy;
    for (qsizetype i = 0; i < stats.commitMs.size(); ++i) {
        if (stats.commitRows[i] > 0)
            heavy.append(stats.commitMs[i]);
    }
    if (heavy.isEmpty())
        return { 0, 0 };
    const qsizetype n = std::max<qsizetype>(1, heavy.size() / 20);
    return { *std::max_element(heavy.begin(), heavy.begin() + n), *std::max_element(heavy.end() - n, heavy.end()) };
}

double chosenLayout(const QString& dir, int nodes, int ticks)
{
    double valuesPerSecond = 0;
    CacheOptions options;
    options.recordCommitTimes = true;
    options.batchIntervalMs = 500;
    options.snapshotIntervalMs = 1LL << 40; // history only: snapshots are measured separately
    {
        CacheWriter writer(dir, options);
        writer.start();
        SourceUpdate inventory;
        for (int i = 0; i < nodes; ++i) {
            NodeUpdate u;
            u.nodeId = nodeId(i);
            u.hasInventory = true;
            u.inventory = inventoryOf(i);
            inventory.nodes.append(u);
        }
        writer.write(inventory);
        writer.flush();
        QElapsedTimer wall;
        wall.start();
        qint64 generateNs = 0;
        for (int tick = 0; tick < ticks; ++tick) {
            QElapsedTimer g;
            g.start();
            SourceUpdate u;
            u.samples.reserve(nodes);
            for (int i = 0; i < nodes; ++i)
                u.samples.append({ nodeId(i), sampleOf(i, tick) });
            generateNs += g.nsecsElapsed();
            writer.waitForQueueBelow(2);
            writer.write(u);
            if (tick % 2880 == 0)
                std::fprintf(stderr, "tick %d / %d, %.1f s\n", tick, ticks, double(wall.elapsed()) / 1000);
        }
        writer.flush();
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        const CacheStatistics stats = writer.statistics();
        bench("cache.ingest.nodes", nodes, "nodes");
        bench("cache.ingest.ticks", ticks, "ticks");
        bench("cache.ingest.values", double(stats.values), "values");
        valuesPerSecond = double(stats.values) / seconds;
        bench("cache.ingest.values_per_s", valuesPerSecond, "values/s");
        bench("cache.ingest.ticks_per_s", double(stats.samples) / seconds, "node-ticks/s");
        bench("cache.ingest.generate_share", double(generateNs) / 1e9 / seconds * 100, "%");
        bench("cache.ingest.commits", double(stats.commitMs.size()), "commits");
        const auto [first, last] = firstLastCommit(stats);
        bench("cache.ingest.commit_first_max", first, "ms");
        bench("cache.ingest.commit_last_max", last, "ms");
        bench("cache.ingest.commit_max", *std::max_element(stats.commitMs.begin(), stats.commitMs.end()), "ms");
    }
    const qint64 end = Start + qint64(ticks - 1) * TickMs;
    const qint64 from = end - 24LL * 3600 * 1000;
    CacheReader reader(dir);
    await(reader.cursors()); // open the connections
    int points = 0;
    const double raw = medianMs(21, [&] {
        points
            = await(reader.acceleratorHistory(nodeId(nodes / 2), 3, AcceleratorMetric::Utilization, from, end, 1 << 30))
                  .rawSamples;
    });
    bench("cache.query.series_24h_raw", raw, "ms");
    bench("cache.query.series_24h_points", points, "points");
    bench("cache.query.series_24h_decimated_2000",
        medianMs(21,
            [&] {
                await(
                    reader.acceleratorHistory(nodeId(nodes / 3), 5, AcceleratorMetric::TemperatureC, from, end, 2000));
            }),
        "ms");
    int minutes = 0;
    bench("cache.query.capacity_24h_region",
        medianMs(
            21, [&] { minutes = int(await(reader.capacityHistory(from, end, QStringLiteral("east"))).points.size()); }),
        "ms");
    bench("cache.query.capacity_24h_minutes", minutes, "points");
    bench("cache.query.capacity_24h_fleet_model",
        medianMs(21, [&] { await(reader.capacityHistory(from, end, {}, QStringLiteral("H800"))); }), "ms");
    bench("cache.disk.metrics_db", double(QFileInfo(dir + QStringLiteral("/metrics.db")).size()) / 1048576.0, "MiB");
    return valuesPerSecond;
}

void lastState(const QString& dir, int nodes)
{
    {
        CacheWriter writer(dir);
        writer.start();
        SourceUpdate u;
        for (int i = 0; i < nodes; ++i) {
            NodeUpdate n;
            n.nodeId = nodeId(i);
            n.hasInventory = true;
            n.inventory = inventoryOf(i);
            n.hasSnapshot = true;
            n.snapshot.instanceId = QStringLiteral("instance-%1").arg(i);
            n.snapshot.sample = sampleOf(i, 1000);
            Protocol::JobPlacement job;
            job.jobId = QStringLiteral("job-%1").arg(i / 8);
            job.name = QStringLiteral("llm-pretrain");
            job.state = QStringLiteral("running");
            job.accelerators = { 1, 2, 4, 5, 7 };
            n.snapshot.jobs.append(job);
            u.nodes.append(n);
        }
        writer.write(u);
        writer.flush();
    }
    QElapsedTimer t;
    t.start();
    CacheReader reader(dir);
    const int got = int(await(reader.lastState()).nodes.size());
    bench("cache.query.laststate_ms", double(t.nsecsElapsed()) / 1e6, "ms");
    bench("cache.query.laststate_nodes", got, "nodes");
}

// One row per value, series-major key: the layout whose commits grow with the tree.
double naiveLayout(const QString& dir, int seriesCount, double budgetSeconds, int maxTicks)
{
    const QString conn = QStringLiteral("naive");
    double rowsPerSecond = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), conn);
        db.setDatabaseName(dir + QStringLiteral("/naive.db"));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA cache_size=-65536"));
        q.exec(QStringLiteral("PRAGMA secure_delete=OFF"));
        q.exec(QStringLiteral(
            "CREATE TABLE sample(series INTEGER, ts INTEGER, v REAL, PRIMARY KEY(series, ts)) WITHOUT ROWID"));
        q.prepare(QStringLiteral("INSERT INTO sample(series, ts, v) VALUES(?, ?, ?)"));
        QElapsedTimer wall;
        wall.start();
        QList<double> commits;
        qint64 rows = 0;
        int tick = 0;
        for (; tick < maxTicks && double(wall.elapsed()) / 1000 < budgetSeconds; ++tick) {
            QElapsedTimer c;
            c.start();
            db.transaction();
            for (int s = 0; s < seriesCount; ++s) {
                q.bindValue(0, s);
                q.bindValue(1, Start + qint64(tick) * TickMs);
                q.bindValue(2, double((s + tick) % 100));
                q.exec();
            }
            db.commit();
            rows += seriesCount;
            commits.append(double(c.nsecsElapsed()) / 1e6);
        }
        rowsPerSecond = double(rows) / (double(wall.nsecsElapsed()) / 1e9);
        bench("cache.naive.series", seriesCount, "series");
        bench("cache.naive.ticks", tick, "ticks");
        bench("cache.naive.rows_per_s", rowsPerSecond, "rows/s");
        bench("cache.naive.commit_first", commits.first(), "ms");
        bench("cache.naive.commit_last", commits.last(), "ms");
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
    return rowsPerSecond;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("nodes"), QStringLiteral("Nodes in the ingest run."), QStringLiteral("N"),
        QStringLiteral("500") });
    parser.addOption(
        { QStringLiteral("ticks"), QStringLiteral("5 s ticks."), QStringLiteral("T"), QStringLiteral("17280") });
    parser.addOption({ QStringLiteral("state-nodes"), QStringLiteral("Nodes for lastState()."), QStringLiteral("N"),
        QStringLiteral("25000") });
    parser.addOption({ QStringLiteral("naive-seconds"), QStringLiteral("Time budget of the baseline."),
        QStringLiteral("S"), QStringLiteral("60") });
    parser.addOption(
        { QStringLiteral("dir"), QStringLiteral("Work directory (default: temporary)."), QStringLiteral("D") });
    parser.process(app);
    QTemporaryDir temp(parser.isSet(QStringLiteral("dir"))
            ? parser.value(QStringLiteral("dir")) + QStringLiteral("/bench-XXXXXX")
            : QString());
    const QString base = temp.path();
    const int nodes = parser.value(QStringLiteral("nodes")).toInt();
    const int ticks = parser.value(QStringLiteral("ticks")).toInt();
    QDir().mkpath(base + QStringLiteral("/chosen"));
    QDir().mkpath(base + QStringLiteral("/state"));
    QDir().mkpath(base + QStringLiteral("/naive"));

    lastState(base + QStringLiteral("/state"), parser.value(QStringLiteral("state-nodes")).toInt());
    const double chosen = chosenLayout(base + QStringLiteral("/chosen"), nodes, ticks);
    // Same series count as the chosen run: accelerator metrics + health + the node metric.
    const int series = nodes * (Accelerators * 5 + 1);
    const double naive = naiveLayout(
        base + QStringLiteral("/naive"), series, parser.value(QStringLiteral("naive-seconds")).toDouble(), ticks);
    bench("cache.ingest.values_per_s.ratio", chosen / naive, "x");
    return 0;
}
