// SPDX-License-Identifier: GPL-3.0-or-later
// 30-day jobs and faults reports over a 25,000-node fleet's cache: compute time
// (worker thread), the UI thread's longest stall meanwhile (a 5 ms timer
// measures the gaps between its ticks) and the PDF written afterwards.
// Baseline in the same process: the same report over 1 day.
//
// The cache: inventories, last snapshots, ~1 fault per node per 10 days (events),
// 20,000 jobs with run segments and interruptions through CacheWriter, and the
// scope's per-minute capacity rollups inserted with SQL (as bench_reports does:
// ingesting 30 days of samples would take hours; these reports read the rollups
// only for coverage).
// Usage: bench_jobsfaultsreports [--nodes N] [--jobs J] [--days D]

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/reports/reportrunner.h"
#include "core/reports/reporttext.h"
#include "tests/bench/reports/reportbenchrun.h"
#include "ui/reports/reportpdf.h"

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

using namespace Meridian;
using namespace Meridian::Reports;

namespace {

constexpr qint64 Min = 60'000;
constexpr qint64 Day = 24 * 60 * Min;
constexpr qint64 End = 1'790'000'040'000; // a minute boundary
constexpr int Accelerators = 8;
constexpr int Pools = 40;

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
    std::fflush(stdout);
}

QString poolOf(int node)
{
    return QStringLiteral("pool-%1").arg(node % Pools);
}

QString regionOf(int node)
{
    return QStringLiteral("region-%1").arg(node % Pools % 5);
}

QString nodeId(int i)
{
    return QStringLiteral("node-%1").arg(i, 5, 10, QLatin1Char('0'));
}

Protocol::JobRecord makeJob(int i, int nodes, int days, QRandomGenerator& rng)
{
    Protocol::JobRecord j;
    j.jobId = QStringLiteral("job-%1").arg(i, 6, 10, QLatin1Char('0'));
    j.name = QStringLiteral("bench %1").arg(i);
    j.tenant = QStringLiteral("tenant-%1").arg(i % 17);
    j.kind = i % 3 == 0 ? QStringLiteral("inference") : QStringLiteral("training");
    const int node = int(rng.bounded(nodes));
    j.region = regionOf(node);
    j.pool = poolOf(node);
    j.model = QStringLiteral("Ascend 910B");
    j.acceleratorsRequested = j.acceleratorsAllocated = Accelerators * int(1 + rng.bounded(4));
    j.nodes = { nodeId(node) };
    j.submitMs = End - qint64(rng.bounded(days * 24 * 60)) * Min;
    j.startMs = j.submitMs + qint64(rng.bounded(30)) * Min;
    qint64 t = j.startMs;
    const int interruptions = int(rng.bounded(4));
    for (int k = 0; k <= interruptions && t < End; ++k) {
        const qint64 end = std::min(End, t + qint64(30 + rng.bounded(24 * 60)) * Min);
        const bool last = k == interruptions || end >= End;
        j.segments.append({ t, last && end >= End ? 0 : end,
            last ? (end >= End ? QString() : QStringLiteral("completed")) : QStringLiteral("interrupted"),
            k == 0 ? 0 : t - 20 * Min });
        if (last) {
            j.endMs = end >= End ? 0 : end;
            j.state = end >= End ? QStringLiteral("running") : QStringLiteral("completed");
            break;
        }
        Protocol::JobInterruption in;
        in.atMs = end;
        in.cause = QStringLiteral("chip-fault on %1 accelerator 0").arg(j.nodes.first());
        in.nodeId = j.nodes.first();
        in.lastCheckpointMs = end - qint64(rng.bounded(60)) * Min;
        in.recoveredMs = end + qint64(1 + rng.bounded(20)) * Min;
        j.interruptionLog.append(in);
        t = in.recoveredMs;
    }
    j.interruptions = int(j.interruptionLog.size());
    if (j.state.isEmpty())
        j.state = QStringLiteral("running");
    return j;
}

bool buildCache(const QString& dir, int nodes, int jobs, int days)
{
    const qint64 start = End - qint64(days) * Day;
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
        const QStringList kinds = { QStringLiteral("node-down"), QStringLiteral("chip-fault"),
            QStringLiteral("hbm-ecc"), QStringLiteral("link-down") };
        for (int i = 0; i < nodes; ++i) {
            NodeUpdate n;
            n.nodeId = nodeId(i);
            n.hasInventory = true;
            n.inventory.nodeId = n.nodeId;
            n.inventory.region = regionOf(i);
            n.inventory.pool = poolOf(i);
            for (int a = 0; a < Accelerators; ++a)
                n.inventory.accelerators.append({ a, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"),
                    QStringLiteral("u%1-%2").arg(i).arg(a), 64LL << 30 });
            n.hasSnapshot = true;
            n.snapshot.instanceId = QStringLiteral("bench");
            n.snapshot.sample.seq = 1;
            n.snapshot.sample.timestampMs = End - 30000;
            u.nodes.append(n);
            for (qint64 t = start - 7 * Day + qint64(rng.bounded(10 * 24 * 60)) * Min; t < End;
                 t += qint64(5 * 24 * 60 + rng.bounded(10 * 24 * 60)) * Min) {
                Protocol::Event e;
                e.nodeId = n.nodeId;
                e.kind = kinds[int(rng.bounded(kinds.size()))];
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
        SourceUpdate j;
        j.source = u.source;
        j.hasJobs = true;
        j.jobsComplete = true;
        for (int i = 0; i < jobs; ++i)
            j.jobs.append(makeJob(i, nodes, days, rng));
        writer.write(j);
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
        q.prepare(QStringLiteral("INSERT INTO capacity_key(id, region, pool, model) VALUES(1000, '*', '*', '*')"));
        if (!q.exec()) {
            std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
            return false;
        }
        q.prepare(QStringLiteral("INSERT INTO capacity_1m(key, minute_ms, total, allocated, free, faulty, nodes)"
                                 " VALUES(1000, ?, ?, ?, ?, 0, ?)"));
        for (qint64 m = start; m < End; m += Min) {
            q.addBindValue(m);
            q.addBindValue(nodes * Accelerators);
            q.addBindValue(nodes * Accelerators / 2);
            q.addBindValue(nodes * Accelerators / 2);
            q.addBindValue(nodes);
            if (!q.exec()) {
                std::fprintf(stderr, "%s\n", qPrintable(q.lastError().text()));
                return false;
            }
        }
        db.commit();
    }
    db.close();
    return true;
}

Bench::Timing runReport(CacheReader* reader, const QString& type, int days)
{
    return Bench::runReport(reader, type, qint64(days) * Day);
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
    const QCommandLineOption jobsOpt(
        QStringLiteral("jobs"), QStringLiteral("jobs"), QStringLiteral("J"), QStringLiteral("20000"));
    const QCommandLineOption daysOpt(
        QStringLiteral("days"), QStringLiteral("days"), QStringLiteral("D"), QStringLiteral("30"));
    parser.addOptions({ nodesOpt, jobsOpt, daysOpt });
    parser.process(app);
    const int nodes = parser.value(nodesOpt).toInt();
    const int days = parser.value(daysOpt).toInt();

    QTemporaryDir dir;
    QElapsedTimer build;
    build.start();
    if (!buildCache(dir.path(), nodes, parser.value(jobsOpt).toInt(), days)) {
        std::fprintf(stderr, "building the cache failed\n");
        return 1;
    }
    bench("reports_jf.build_cache", double(build.elapsed()) / 1000, "s");

    CacheReader reader(dir.path());
    for (const QString& type : { QStringLiteral("jobs"), QStringLiteral("faults") }) {
        const QByteArray name = "reports." + type.toLatin1() + "_" + QByteArray::number(days) + "d";
        const Bench::Timing baseline = runReport(&reader, type, 1);
        const Bench::Timing full = runReport(&reader, type, days);
        if (full.data.isEmpty()) {
            std::fprintf(stderr, "%s: no data\n", qPrintable(type));
            return 1;
        }
        bench(QByteArray(name + ".compute").constData(), full.seconds, "s");
        bench(QByteArray(name + ".ui_max_stall").constData(), full.maxStallMs, "ms");
        bench(QByteArray(name + ".baseline_1d").constData(), baseline.seconds, "s");
        bench(QByteArray(name + ".ratio").constData(), full.seconds / baseline.seconds, "x");
        qint64 rows = 0;
        for (const ReportTable& t : full.data.tables)
            rows += t.rows.size();
        bench(QByteArray(name + ".table_rows").constData(), double(rows), "rows");
        QElapsedTimer pdf;
        pdf.start();
        QString error;
        if (!writePdf(
                full.data, ReportText(QStringLiteral("en")), dir.filePath(type + QStringLiteral(".pdf")), &error)) {
            std::fprintf(stderr, "pdf: %s\n", qPrintable(error));
            return 1;
        }
        bench(QByteArray(name + ".pdf_write").constData(), double(pdf.elapsed()), "ms");
    }
    return 0;
}
