// SPDX-License-Identifier: GPL-3.0-or-later
// UI-thread responsiveness with a large simulated fleet streaming updates:
// a 5 ms timer records its lateness (max and p99 = event-loop stall), and a
// second console start on the same cache measures the time until the Overview
// shows cached numbers. Environment: MERIDIAN_BENCH_NODES (default 25000),
// MERIDIAN_BENCH_SECONDS (default 60), MERIDIAN_BENCH_FRONTS (default 1): the
// fleet split by region over that many simulators, one source each (issue 21:
// 100,000 nodes as four regional fronts of 25,000). Also the console's memory
// (VmRSS) and CPU (cores, over the live run's second half: polling and merging).

#include "core/model/fleettypes.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "ui/overview/overviewpage.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <unistd.h>

using namespace Meridian;

namespace {
// Times every event the UI thread handles and keeps the slowest: what held the thread, named by the object that
// received the event (a timer by its parent, whose slot it runs). Printed as SLOW lines after each run, to find a
// stall's cause before a profiler does (docs/performance.md, Issue 21).
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;

    struct Slow
    {
        qint64 ns = 0;
        QByteArray what;
        qint64 atMs = 0; ///< since the run's start
    };

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_depth > 0 || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer clock;
        clock.start();
        const QByteArray what = describe(receiver, event);
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        remember(clock.nsecsElapsed(), what);
        return handled;
    }

    void report(const char* run)
    {
        std::sort(m_slowest.begin(), m_slowest.end(), [](const Slow& a, const Slow& b) { return a.ns > b.ns; });
        for (const Slow& s : std::as_const(m_slowest))
            std::printf("SLOW %s %.1f ms %s at %.1f s\n", run, s.ns / 1e6, s.what.constData(), s.atMs / 1e3);
        m_slowest.clear();
        m_runClock.start();
    }

private:
    static QByteArray describe(QObject* receiver, QEvent* event)
    {
        QByteArray name = receiver->metaObject()->className();
        if (!receiver->objectName().isEmpty())
            name += '(' + receiver->objectName().toUtf8() + ')';
        if (qobject_cast<QTimer*>(receiver) && receiver->parent())
            name += QByteArray("<-") + receiver->parent()->metaObject()->className();
        return name + ' ' + QByteArray::number(int(event->type()));
    }

    void remember(qint64 ns, const QByteArray& what)
    {
        constexpr qsizetype Kept = 12;
        constexpr qint64 Threshold = 30'000'000;
        if (ns < Threshold)
            return;
        const qint64 at = m_runClock.isValid() ? m_runClock.elapsed() : 0;
        if (m_slowest.size() < Kept) {
            m_slowest.append({ ns, what, at });
            return;
        }
        auto least = std::min_element(
            m_slowest.begin(), m_slowest.end(), [](const Slow& a, const Slow& b) { return a.ns < b.ns; });
        if (least->ns < ns)
            *least = { ns, what, at };
    }

    int m_depth = 0;
    QList<Slow> m_slowest;
    QElapsedTimer m_runClock;

public:
    void startRun() { m_runClock.start(); }
};

struct LatenessProbe
{
    QTimer timer;
    QElapsedTimer clock;
    qint64 last = 0;
    QList<qint64> lateness;
    void start()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            const qint64 now = clock.nsecsElapsed();
            if (last != 0)
                lateness.append(qMax<qint64>(0, now - last - 5'000'000));
            last = now;
        });
        clock.start();
        timer.start();
    }
    void report(const char* name)
    {
        std::sort(lateness.begin(), lateness.end());
        const qint64 max = lateness.isEmpty() ? 0 : lateness.last();
        const qint64 p99 = lateness.isEmpty() ? 0 : lateness.at(qsizetype(lateness.size() * 0.99));
        std::printf("BENCH %s.stall_max %.1f ms\nBENCH %s.stall_p99 %.1f ms\n", name, max / 1e6, name, p99 / 1e6);
    }
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The default scenario's sites split into `fronts` groups of whole regions, balanced by node count: one
// scenario file per simulator, so the fronts serve distinct nodes (node names come from site and pool).
QStringList splitScenario(int fronts, const QString& dir, QString* error)
{
    QFile file(QStringLiteral(MERIDIAN_DEFAULT_SCENARIO));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    const QJsonObject scenario = QJsonDocument::fromJson(file.readAll()).object();
    QHash<QString, QString> regionOfSite;
    for (const QJsonValue& site : scenario.value(QStringLiteral("sites")).toArray())
        regionOfSite.insert(site[QStringLiteral("id")].toString(), site[QStringLiteral("region")].toString());
    std::map<QString, int> regionNodes;
    for (const QJsonValue& pool : scenario.value(QStringLiteral("pools")).toArray())
        regionNodes[regionOfSite.value(pool[QStringLiteral("site")].toString())]
            += pool[QStringLiteral("nodes")].toInt();
    QList<std::pair<int, QString>> regions;
    for (const auto& [region, nodes] : regionNodes)
        regions.append({ nodes, region });
    std::sort(regions.begin(), regions.end(), std::greater<>());
    QList<int> load(fronts, 0);
    QHash<QString, int> frontOfRegion;
    for (const auto& [nodes, region] : regions) {
        const int front = int(std::min_element(load.begin(), load.end()) - load.begin());
        load[front] += nodes;
        frontOfRegion.insert(region, front);
    }
    QStringList paths;
    for (int f = 0; f < fronts; ++f) {
        QJsonObject part = scenario;
        QJsonArray sites, pools;
        for (const QJsonValue& site : scenario.value(QStringLiteral("sites")).toArray())
            if (frontOfRegion.value(site[QStringLiteral("region")].toString()) == f)
                sites.append(site);
        for (const QJsonValue& pool : scenario.value(QStringLiteral("pools")).toArray())
            if (frontOfRegion.value(regionOfSite.value(pool[QStringLiteral("site")].toString())) == f)
                pools.append(pool);
        part.insert(QStringLiteral("sites"), sites);
        part.insert(QStringLiteral("pools"), pools);
        const QString path = QStringLiteral("%1/front-%2.json").arg(dir).arg(f);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(part).toJson()) < 0) {
            *error = out.errorString();
            return {};
        }
        paths.append(path);
    }
    return paths;
}

// A line of /proc/self/status in MiB ("VmRSS", "RssAnon": the heap without the cache files' mapped pages).
double statusMiB(const QByteArray& field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double processCpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// User + system CPU seconds of another process (/proc/PID/stat): the simulators share this machine's cores.
double cpuSecondsOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces, in parentheses): utime and stime are 14th and 15th.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    return ok && v > 0 ? v : fallback;
}
} // namespace

int main(int argc, char** argv)
{
    TimedApplication app(argc, argv);
    registerCoreMetaTypes();
    int nodes = envInt("MERIDIAN_BENCH_NODES", 25000);
    const int seconds = envInt("MERIDIAN_BENCH_SECONDS", 60);

    const int fronts = envInt("MERIDIAN_BENCH_FRONTS", 1);
    nodes -= nodes % fronts; // each front serves nodes / fronts
    QTemporaryDir scenarios;
    QString error;
    const QStringList scenarioFiles = fronts > 1 ? splitScenario(fronts, scenarios.path(), &error) : QStringList();
    if (fronts > 1 && scenarioFiles.isEmpty()) {
        std::fprintf(stderr, "scenario: %s\n", qPrintable(error));
        return 1;
    }
    std::vector<std::unique_ptr<Test::SimulatorFixture>> sims;
    QList<SourceConfig> sources;
    for (int f = 0; f < fronts; ++f) {
        auto sim = std::make_unique<Test::SimulatorFixture>();
        QStringList args = { QStringLiteral("--nodes"), QString::number(nodes / fronts), QStringLiteral("--history"),
            QStringLiteral("10m") };
        if (fronts > 1)
            args << QStringLiteral("--scenario") << scenarioFiles.at(f);
        if (!sim->start(args, 600'000)) {
            std::fprintf(stderr, "fleetsim did not start: %s\n", qPrintable(sim->error()));
            return 1;
        }
        sources.append(sim->source(QStringLiteral("bench-%1").arg(f), 5000));
        sims.push_back(std::move(sim));
    }
    std::printf("BENCH ui_live.fronts %d fronts\n", fronts);
    QTemporaryDir cache;
    // Kept for a look at what the live run left (sqlite3, the cache's size) when asked.
    if (qEnvironmentVariableIsSet("MERIDIAN_BENCH_KEEP_CACHE")) {
        cache.setAutoRemove(false);
        std::printf("cache kept in %s\n", qPrintable(cache.path()));
    }

    // Run 1: live streaming with the whole window up.
    {
        FleetSession session;
        if (!session.open(cache.path(), &error)) {
            std::fprintf(stderr, "cache: %s\n", qPrintable(error));
            return 1;
        }
        MainWindow window(&session);
        window.show();
        LatenessProbe probe;
        probe.start();
        QElapsedTimer sinceStart;
        sinceStart.start();
        app.startRun();
        session.setSources(sources);
        qint64 firstAllUpMs = -1;
        double cpuAtHalf = -1;
        double simCpuAtHalf = 0;
        qint64 halfMs = 0;
        auto simulatorsCpu = [&sims] {
            double sum = 0;
            for (const auto& sim : sims)
                sum += cpuSecondsOf(sim->process().process().processId());
            return sum;
        };
        while (sinceStart.elapsed() < seconds * 1000) {
            spin(200);
            if (firstAllUpMs < 0 && session.store()->agentStatusCounts().up >= nodes)
                firstAllUpMs = sinceStart.elapsed();
            if (cpuAtHalf < 0 && sinceStart.elapsed() >= seconds * 500) {
                cpuAtHalf = processCpuSeconds();
                simCpuAtHalf = simulatorsCpu();
                halfMs = sinceStart.elapsed();
            }
        }
        // The console's whole CPU (every thread) while it polls, merges and shows a fleet at steady state.
        const double halfSeconds = double(sinceStart.elapsed() - halfMs) / 1e3;
        std::printf("BENCH ui_live.cpu_cores %.2f cores\n", (processCpuSeconds() - cpuAtHalf) / halfSeconds);
        // What the simulators took of the same machine meanwhile: above two cores together, the console was starved.
        std::printf("BENCH ui_live.simulator_cpu_cores %.2f cores\n", (simulatorsCpu() - simCpuAtHalf) / halfSeconds);
        std::printf(
            "BENCH ui_live.rss %.0f MiB\nBENCH ui_live.rss_anon %.0f MiB\n", statusMiB("VmRSS"), statusMiB("RssAnon"));
        probe.report("ui_live");
        app.report("ui_live");
        // The Overview's own share of the UI thread (the rest is the store merging updates).
        auto* page = qobject_cast<OverviewPage*>(window.page(QStringLiteral("overview")));
        std::printf("BENCH ui_live.overview_recompute_max %.1f ms\n", page->slowestRecomputeNs() / 1e6);
        std::printf("BENCH ui_live.nodes_up %d nodes\n", session.store()->agentStatusCounts().up);
        std::printf("BENCH ui_live.time_to_all_up %lld ms\n", static_cast<long long>(firstAllUpMs));
        session.setSources({});
    }

    // Run 2: a fresh start on the filled cache, sources not polled yet: time to cached numbers.
    {
        QElapsedTimer sinceStart;
        sinceStart.start();
        FleetSession session;
        qint64 stateReadMs = -1, restoredMs = -1;
        QObject::connect(session.store(), &FleetStore::changed, [&] {
            if (stateReadMs < 0)
                stateReadMs = sinceStart.elapsed(); // the cache's state has been read: its first slice is out
        });
        QObject::connect(&session, &FleetSession::restored, [&] { restoredMs = sinceStart.elapsed(); });
        session.open(cache.path(), &error);
        MainWindow window(&session);
        window.show();
        const qint64 windowMs = sinceStart.elapsed();
        auto* page = qobject_cast<OverviewPage*>(window.page(QStringLiteral("overview")));
        LatenessProbe probe;
        probe.start();
        qint64 shownMs = -1;
        // The whole cached fleet on the Overview: the cache's state is applied in slices (FleetStore::enqueueRestore),
        // and a partial count is not yet the numbers.
        QObject::connect(page, &OverviewPage::recomputed, [&] {
            if (shownMs < 0 && session.store()->summary().nodesTotal >= nodes)
                shownMs = sinceStart.elapsed();
        });
        while (shownMs < 0 && sinceStart.elapsed() < 30'000)
            spin(10);
        std::printf("BENCH ui_cached_start.time_to_numbers %lld ms\n", static_cast<long long>(shownMs));
        // Where that time goes: the window built, the cache's state read (worker), applied (UI thread, in slices).
        std::printf("BENCH ui_cached_start.window_built %lld ms\nBENCH ui_cached_start.first_change_set %lld ms\n"
                    "BENCH ui_cached_start.restore_applied %lld ms\n",
            static_cast<long long>(windowMs), static_cast<long long>(stateReadMs), static_cast<long long>(restoredMs));
        std::printf("BENCH ui_cached_start.nodes %d nodes\n", session.store()->summary().nodesTotal);
        probe.report("ui_cached_start");
        app.report("ui_cached_start");
    }
    return 0;
}
