// SPDX-License-Identifier: GPL-3.0-or-later
// A 30-day availability report over a 25,000-node fleet's cache: time to
// compute (worker thread), the longest stall of the UI thread's event loop
// meanwhile (a 5 ms timer measures the gaps between its ticks), and the PDF
// written afterwards. Baseline in the same process: the same report over 1 day.
//
// Building the cache: inventories, last snapshots and 30 (+7 look-back) days
// of fault events go through CacheWriter; the per-minute capacity rollups
// (43,200 minutes × fleet/region/pool keys) are inserted directly with SQL in
// the writer's schema, because ingesting 30 days of 25,000 nodes' samples
// would take hours and the report reads only the rollups.
// Usage: bench_reports [--nodes N] [--days D] [--dir DIR]

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/reports/reportrunner.h"
#include "core/reports/reporttext.h"
#include "tests/bench/reports/reportbenchrun.h"
#include "ui/reports/reportpdf.h"
#include "ui/reports/reportwriter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Meridian;
using namespace Meridian::Reports;

namespace {

constexpr qint64 Min = 60'000;
constexpr qint64 End = 1'790'000'040'000; // a minute boundary
constexpr int Accelerators = 8;
constexpr int Pools = 40;
const QStringList Regions = { QStringLiteral("east"), QStringLiteral("north"), QStringLiteral("south"),
    QStringLiteral("southwest"), QStringLiteral("central") };

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
    std::fflush(stdout);
}

QString regionOf(int pool)
{
    return Regions[pool % Regions.size()];
}

bool buildCache(const QString& dir, int nodes, int days)
{
    const qint64 start = End - qint64(days) * 24 * 60 * Min;
    QRandomGenerator rng(7);
    {
        CacheWriter writer(dir);
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        if (!opened.wait(20000))
            return false;
        SourceUpdate u;
        u.source = QStringLiteral("bench");
        qint64 eventId = 0;
        for (int i = 0; i < nodes; ++i) {
            NodeUpdate n;
            n.nodeId = QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
            n.hasInventory = true;
            n.inventory.nodeId = n.nodeId;
            n.inventory.region = regionOf(i % Pools);
            n.inventory.pool = QStringLiteral("pool-%1").arg(i % Pools);
            for (int a = 0; a < Accelerators; ++a)
                n.inventory.accelerators.append({ a, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"),
                    QStringLiteral("u%1-%2").arg(i).arg(a), 64LL << 30 });
            n.hasSnapshot = true;
            n.snapshot.instanceId = QStringLiteral("bench");
            n.snapshot.sample.seq = 1;
            n.snapshot.sample.timestampMs = End - 30000;
            for (int a = 0; a < Accelerators; ++a) {
                Protocol::AcceleratorSample s;
                s.index = a;
                s.health = Protocol::AcceleratorHealth::Healthy;
                s.utilization = 60;
                n.snapshot.sample.accelerators.append(s);
            }
            u.nodes.append(n);
            // About one fault per node per 10 days, repaired within 5–120 minutes.
            for (qint64 t = start - 7LL * 24 * 60 * Min + qint64(rng.bounded(10 * 24 * 60)) * Min; t < End;
                 t += qint64(5 * 24 * 60 + rng.bounded(10 * 24 * 60)) * Min) {
                Protocol::Event e;
                e.nodeId = n.nodeId;
                e.kind = rng.bounded(4) == 0 ? QStringLiteral("node-down") : QStringLiteral("chip-fault");
                e.accelerator = e.kind == QLatin1String("node-down") ? -1 : int(rng.bounded(Accelerators));
                e.severity = Protocol::Severity::Critical;
                e.timestampMs = t;
                e.id = ++eventId;
                e.message = QStringLiteral("bench fault");
                u.events.append(e);
                e.id = ++eventId;
                e.cleared = true;
                e.severity = Protocol::Severity::Info;
                e.timestampMs = t + qint64(5 + rng.bounded(115)) * Min;
                u.events.append(e);
            }
            if (u.nodes.size() >= 1000) {
                writer.write(u);
                writer.waitForQueueBelow(2);
                u.nodes.clear();
                u.events.clear();
            }
        }
        writer.write(u);
        writer.flush();
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-rollups"));
    db.setDatabaseName(QDir(dir).filePath(QStringLiteral("metrics.db")));
    if (!db.open())
        return false;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        db.transaction();
        // Keys: the fleet, each region, each pool (all models), as the writer's rollup keeps them.
        QList<std::tuple<qint64, int, int>> keys; // id, nodes, first pool index (-1: fleet or region)
        qint64 id = 1000;
        q.prepare(QStringLiteral("INSERT INTO capacity_key(id, region, pool, model) VALUES(?, ?, ?, '*')"));
        auto addKey = [&](const QString& region, const QString& pool, int keyNodes) {
            q.addBindValue(++id);
            q.addBindValue(region);
            q.addBindValue(pool);
            q.exec();
            keys.append({ id, keyNodes, 0 });
        };
        addKey(QStringLiteral("*"), QStringLiteral("*"), nodes);
        for (const QString& r : Regions)
            addKey(r, QStringLiteral("*"), nodes / Regions.size());
        for (int p = 0; p < Pools; ++p)
            addKey(regionOf(p), QStringLiteral("pool-%1").arg(p), nodes / Pools);
        QSqlQuery ins(db);
        ins.prepare(QStringLiteral("INSERT INTO capacity_1m(key, minute_ms, total, allocated, free, faulty, nodes)"
                                   " VALUES(?, ?, ?, ?, ?, ?, ?)"));
        for (const auto& [key, keyNodes, unused] : keys) {
            Q_UNUSED(unused)
            for (qint64 m = start; m < End; m += Min) {
                if ((m - start) / Min % 5000 < 30)
                    continue; // a 30-minute hole every ~3.5 days: the report must show gaps
                const int total = keyNodes * Accelerators;
                const int faulty = int(total / 400);
                const int allocated = total * 8 / 10;
                ins.addBindValue(key);
                ins.addBindValue(m);
                ins.addBindValue(total);
                ins.addBindValue(allocated);
                ins.addBindValue(total - allocated - faulty);
                ins.addBindValue(faulty);
                ins.addBindValue(keyNodes);
                if (!ins.exec()) {
                    std::fprintf(stderr, "%s\n", qPrintable(ins.lastError().text()));
                    return false;
                }
            }
        }
        db.commit();
    }
    db.close();
    return true;
}

Bench::Timing runReport(CacheReader* reader, int days)
{
    return Bench::runReport(reader, QStringLiteral("availability"), qint64(days) * 24 * 60 * Min);
}

// The UI thread's longest stall (5 ms probe timer, as above) while `begin` runs from the event
// loop and until it calls `end`; and the wall time.
std::pair<double, double> stallWhile(const std::function<void(const std::function<void()>& end)>& begin)
{
    QEventLoop loop;
    double maxStallMs = 0;
    QElapsedTimer tick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        maxStallMs = std::max(maxStallMs, double(tick.nsecsElapsed()) / 1e6 - 5);
        tick.restart();
    });
    QElapsedTimer wall;
    wall.start();
    tick.start();
    probe.start(5);
    // Quit a few probe ticks after the end, so that a stall right before it is measured too.
    QTimer::singleShot(20, &loop, [&] { begin([&] { QTimer::singleShot(30, &loop, &QEventLoop::quit); }); });
    loop.exec();
    probe.stop();
    return { double(wall.nsecsElapsed()) / 1e6 - 50, maxStallMs };
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    registerCoreMetaTypes();
    QCommandLineParser parser;
    const QCommandLineOption nodesOpt(
        QStringLiteral("nodes"), QStringLiteral("nodes"), QStringLiteral("N"), QStringLiteral("25000"));
    const QCommandLineOption daysOpt(
        QStringLiteral("days"), QStringLiteral("days"), QStringLiteral("D"), QStringLiteral("30"));
    const QCommandLineOption dirOpt(
        QStringLiteral("dir"), QStringLiteral("existing cache to reuse"), QStringLiteral("DIR"));
    parser.addOptions({ nodesOpt, daysOpt, dirOpt });
    parser.process(app);
    const int nodes = parser.value(nodesOpt).toInt();
    const int days = parser.value(daysOpt).toInt();

    QTemporaryDir tmp;
    QString dir = parser.value(dirOpt);
    if (dir.isEmpty() || !QFileInfo::exists(QDir(dir).filePath(QStringLiteral("metrics.db")))) {
        if (dir.isEmpty())
            dir = tmp.path();
        QElapsedTimer build;
        build.start();
        if (!buildCache(dir, nodes, days)) {
            std::fprintf(stderr, "building the cache failed\n");
            return 1;
        }
        bench("reports.build_cache", double(build.elapsed()) / 1000, "s");
    }

    CacheReader reader(dir);
    const Bench::Timing baseline = runReport(&reader, 1);
    const Bench::Timing full = runReport(&reader, days);
    if (full.data.isEmpty()) {
        std::fprintf(stderr, "the report found no data\n");
        return 1;
    }
    bench("reports.availability_30d.nodes", nodes, "nodes");
    bench("reports.availability_30d.compute", full.seconds, "s");
    bench("reports.availability_30d.ui_max_stall", full.maxStallMs, "ms");
    bench("reports.availability_30d.gaps", double(full.data.gaps.size()), "gaps");
    bench("reports.availability_1d.compute", baseline.seconds, "s");
    bench("reports.availability_30d.ratio", full.seconds / baseline.seconds, "x");

    QElapsedTimer pdf;
    pdf.start();
    QString error;
    if (!writePdf(full.data, ReportText(QStringLiteral("zh_CN")), QDir(tmp.path()).filePath(QStringLiteral("r.pdf")),
            &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    bench("reports.availability_30d.pdf_write", double(pdf.elapsed()), "ms");

    // The UI thread while the file is written: on it (as the page did before ReportWriter), then on
    // the writer's thread (only the charts are recorded on the UI thread). Three rounds, the worst stall.
    const ReportText zh(QStringLiteral("zh_CN"));
    const QString path = QDir(tmp.path()).filePath(QStringLiteral("w.pdf"));
    double syncStall = 0, workerStall = 0, workerWall = 0, chartsMs = 0;
    for (int round = 0; round < 3; ++round) {
        syncStall = std::max(syncStall, stallWhile([&](const std::function<void()>& end) {
            QString e;
            writePdf(full.data, zh, path, &e);
            end();
        }).second);
        ReportWriter writer;
        QObject::connect(
            &writer, &ReportWriter::failed, [](const QString& e) { std::fprintf(stderr, "%s\n", qPrintable(e)); });
        const auto [wall, stall] = stallWhile([&](const std::function<void()>& end) {
            QObject::connect(&writer, &ReportWriter::written, end);
            QObject::connect(&writer, &ReportWriter::failed, end);
            writer.start(full.data, QStringLiteral("pdf"), path);
        });
        workerStall = std::max(workerStall, stall);
        workerWall = std::max(workerWall, wall);
        chartsMs = std::max(chartsMs, double(writer.lastGuiThreadMs()));
    }
    bench("reports.availability_30d.write_ui_stall_on_ui_thread", syncStall, "ms");
    bench("reports.availability_30d.write_ui_stall_worker", workerStall, "ms");
    bench("reports.availability_30d.write_worker_wall", workerWall, "ms");
    bench("reports.availability_30d.write_charts_on_ui_thread", chartsMs, "ms");
    bench("reports.availability_30d.write_ui_stall.ratio", workerStall > 0 ? syncStall / workerStall : 0, "x");
    return 0;
}
