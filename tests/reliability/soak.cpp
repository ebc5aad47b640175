// SPDX-License-Identifier: GPL-3.0-or-later
// Soak driver: the console's core (FleetSource on a worker thread → FleetStore on
// the main thread, CacheWriter) against a real meridian-fleetsim for a while,
// sampling its own resident memory, open file descriptors and threads, and the
// longest stall of the main thread's event loop.
//   meridian-soak [--nodes N] [--minutes M] [--speed X] [--cache DIR]
// Defaults: 25,000 nodes, 30 minutes of simulated time at 5 s intervals, fast-
// forwarded 4× (7.5 min of wall time). Prints one "SOAK …" line per sample and
// BENCH lines at the end (fleet/start/peak/end RSS, fds, threads, stalls); exits 1
// if memory, fds or threads grew beyond the tolerances below.

#include "core/cache/cachewriter.h"
#include "core/sources/fleetsource.h"
#include "core/store/fleetstore.h"
#include "core/util/backgroundpriority.h"
#include "tests/support/processharness.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <cstdint>
#include <cstdio>
#include <dlfcn.h>
#include <malloc.h>

using namespace Meridian;

namespace {

struct Usage
{
    qint64 rssKiB = 0;
    qint64 heapUsedKiB = 0; ///< bytes malloc has handed out and not got back
    qint64 heapFreeKiB = 0; ///< bytes malloc holds free: RSS above heapUsed is the allocator's, not ours
    int fds = 0;
    int threads = 0;
};

// jemalloc's control interface when the console's allocator is jemalloc (cmake/MeridianAllocator.cmake).
using MallctlFn = int (*)(const char*, void*, size_t*, void*, size_t);
MallctlFn jemallocCtl()
{
    static const auto fn = reinterpret_cast<MallctlFn>(::dlsym(RTLD_DEFAULT, "mallctl"));
    return fn;
}

Usage usage()
{
    Usage u;
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                u.rssKiB = line.mid(6).trimmed().split(' ').value(0).toLongLong();
            else if (line.startsWith("Threads:"))
                u.threads = line.mid(8).trimmed().toInt();
        }
    }
    // Tells live data from allocator retention (fragmentation, arenas) when RSS grows.
    if (const auto mallctl = jemallocCtl()) {
        std::uint64_t epoch = 1;
        size_t size = sizeof(epoch);
        mallctl("epoch", &epoch, &size, &epoch, sizeof(epoch)); // refreshes the statistics
        size_t allocated = 0, resident = 0;
        size = sizeof(size_t);
        mallctl("stats.allocated", &allocated, &size, nullptr, 0);
        mallctl("stats.resident", &resident, &size, nullptr, 0);
        u.heapUsedKiB = qint64(allocated / 1024);
        u.heapFreeKiB = qint64(resident > allocated ? (resident - allocated) / 1024 : 0);
    } else {
        const struct mallinfo2 heap = mallinfo2();
        u.heapUsedKiB = qint64((heap.uordblks + heap.hblkhd) / 1024);
        u.heapFreeKiB = qint64(heap.fordblks / 1024);
    }
    u.fds = int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
    return u;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    registerCoreMetaTypes();
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption nodesOpt(
        QStringLiteral("nodes"), QStringLiteral("Simulated nodes."), QStringLiteral("N"), QStringLiteral("25000"));
    const QCommandLineOption minutesOpt(
        QStringLiteral("minutes"), QStringLiteral("Simulated minutes."), QStringLiteral("M"), QStringLiteral("30"));
    const QCommandLineOption speedOpt(QStringLiteral("speed"), QStringLiteral("Simulated seconds per real second."),
        QStringLiteral("X"), QStringLiteral("4"));
    parser.addOptions({ nodesOpt, minutesOpt, speedOpt });
    parser.process(app);
    const int nodes = parser.value(nodesOpt).toInt();
    const double minutes = parser.value(minutesOpt).toDouble();
    const double speed = parser.value(speedOpt).toDouble();
    if (nodes < 1 || minutes <= 0 || speed <= 0)
        return 2;

    Test::TokenFile token;
    // The simulator stands for 25,000 remote machines: here it shares the console's two cores, so
    // it runs ten nice steps below the console and takes the CPU the console does not use.
    Test::ServerProcess sim(QStringLiteral("nice"),
        { QStringLiteral("-n"), QStringLiteral("10"), QStringLiteral(MERIDIAN_FLEETSIM_BIN), QStringLiteral("--nodes"),
            QString::number(nodes), QStringLiteral("--speed"), QString::number(speed), QStringLiteral("--token-file"),
            token.path() });
    if (!sim.start(300000)) {
        std::fprintf(stderr, "%s\n", qPrintable(sim.error()));
        return 2;
    }
    QTemporaryDir cacheDir;
    CacheWriter writer(cacheDir.path());
    writer.start();
    FleetStore store;
    SourceConfig config;
    config.name = QStringLiteral("soak");
    config.kind = SourceConfig::Kind::Fleet;
    config.url = sim.url();
    config.tokenFile = token.path();
    // 5 s of simulated time between polls.
    config.intervalMs = std::max(1000, int(5000 / speed));
    // As in the console (FleetSession): the source polls and decodes on a worker thread and
    // writes to the cache from there; the store takes its updates on this thread, which stands
    // for the UI thread — its event-loop lateness is the stall measured below.
    auto* source = new FleetSource(config);
    QThread sourceThread;
    sourceThread.setObjectName(QStringLiteral("meridian-source"));
    setBackgroundPriority(&sourceThread);
    source->moveToThread(&sourceThread);
    QObject::connect(&sourceThread, &QThread::finished, source, &QObject::deleteLater);
    qint64 updates = 0;
    QObject::connect(
        source, &Source::updateReady, source, [&writer](const SourceUpdate& u) { writer.write(u); },
        Qt::DirectConnection);
    QObject::connect(
        source, &Source::updateReady, &store,
        [&](const SourceUpdate& u) {
            // Applied in slices on later passes of this loop: their length shows in the stall below.
            store.enqueueUpdate(u);
            ++updates;
        },
        Qt::QueuedConnection);
    sourceThread.start();
    QMetaObject::invokeMethod(
        source, [source] { source->start(); }, Qt::QueuedConnection);

    // Event-loop stall: a 10 ms timer that measures how late it fires.
    QElapsedTimer clock;
    clock.start();
    qint64 lastBeat = clock.elapsed();
    qint64 maxStallMs = 0;
    int stallsOver100 = 0;
    QTimer beat;
    beat.setInterval(10);
    beat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const qint64 late = now - lastBeat - 10;
        maxStallMs = std::max(maxStallMs, late);
        stallsOver100 += late > 100 ? 1 : 0;
        lastBeat = now;
    });
    beat.start();

    const qint64 wallMs = qint64(minutes * 60000 / speed);
    // The cache writer keeps every node's open 5-minute history window in RAM (readers see it:
    // docs/cache.md), so memory rises over the first windows by design and is then bounded. The
    // baseline is taken after two windows (a third of a shorter run); what the fleet alone
    // took is reported too (rss_fleet).
    const qint64 warmupWallMs = qint64(std::min(10.0, minutes / 3) * 60000 / speed);
    Usage fleet {}, start {}, peak {}, last {};
    bool full = false;
    bool warm = false;
    qint64 fullAtMs = 0;
    QTimer sampler;
    sampler.setInterval(5000);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        last = usage();
        // Stalls count from the first full fleet answer (before it the store is empty).
        if (!full && store.nodes().size() >= nodes) {
            full = true;
            fullAtMs = clock.elapsed();
            fleet = last;
            maxStallMs = 0;
            stallsOver100 = 0;
        }
        if (full && !warm && clock.elapsed() - fullAtMs >= warmupWallMs) {
            warm = true;
            start = last;
        }
        peak.rssKiB = std::max(peak.rssKiB, last.rssKiB);
        peak.fds = std::max(peak.fds, last.fds);
        peak.threads = std::max(peak.threads, last.threads);
        std::printf("SOAK t=%llds nodes=%lld updates=%lld rss=%lldKiB heap_used=%lldKiB heap_free=%lldKiB fds=%d "
                    "threads=%d stall=%lldms stalls>100ms=%d"
                    " queue=%d jobs=%lld\n",
            clock.elapsed() / 1000, qint64(store.nodes().size()), updates, last.rssKiB, last.heapUsedKiB,
            last.heapFreeKiB, last.fds, last.threads, maxStallMs, stallsOver100, writer.queuedUpdates(),
            qint64(store.jobs().size()));
        std::fflush(stdout);
        if (clock.elapsed() >= wallMs)
            QCoreApplication::quit();
        // The probe itself (mallinfo2 walks every arena) is not the console's stall.
        lastBeat = clock.elapsed();
    });
    sampler.start();
    QCoreApplication::exec();
    QMetaObject::invokeMethod(
        source, [source] { source->stop(); }, Qt::BlockingQueuedConnection);
    sourceThread.quit();
    sourceThread.wait();

    std::printf("SOAK allocator=%s\n", jemallocCtl() ? "jemalloc" : "glibc");
    std::printf("BENCH soak.nodes %d nodes\nBENCH soak.simulated_minutes %.1f min\n", nodes, minutes);
    std::printf("BENCH soak.rss_fleet %.1f MiB\nBENCH soak.rss_start %.1f MiB\nBENCH soak.rss_peak %.1f MiB\n"
                "BENCH soak.rss_end %.1f MiB\n",
        fleet.rssKiB / 1024.0, start.rssKiB / 1024.0, peak.rssKiB / 1024.0, last.rssKiB / 1024.0);
    std::printf("BENCH soak.heap_used_start %.1f MiB\nBENCH soak.heap_used_end %.1f MiB\n", start.heapUsedKiB / 1024.0,
        last.heapUsedKiB / 1024.0);
    std::printf("BENCH soak.fds_start %d fds\nBENCH soak.fds_end %d fds\n", start.fds, last.fds);
    std::printf(
        "BENCH soak.threads_start %d threads\nBENCH soak.threads_end %d threads\n", start.threads, last.threads);
    std::printf(
        "BENCH soak.max_loop_stall %lld ms\nBENCH soak.stalls_over_100ms %d count\n", maxStallMs, stallsOver100);
    std::fflush(stdout);
    if (!warm) {
        std::fprintf(stderr, "the fleet never arrived in full (or too late to warm up)\n");
        return 1;
    }
    // Flat: the end within 10 % (+32 MiB of slack for SQLite's page cache) of the warm start; no fd/thread growth.
    const bool flat = last.rssKiB <= start.rssKiB * 11 / 10 + 32 * 1024 && last.fds <= start.fds + 2
        && last.threads <= start.threads;
    if (!flat)
        std::fprintf(stderr, "resources grew: see the SOAK lines\n");
    return flat ? 0 : 1;
}
