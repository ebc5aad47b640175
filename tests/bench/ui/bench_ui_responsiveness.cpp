// SPDX-License-Identifier: GPL-3.0-or-later
// UI-thread responsiveness with a large simulated fleet streaming updates:
// a 5 ms timer records its lateness (max and p99 = event-loop stall), and a
// second console start on the same cache measures the time until the Overview
// shows cached numbers. Environment: MERIDIAN_BENCH_NODES (default 25000),
// MERIDIAN_BENCH_SECONDS (default 60).

#include "core/model/fleettypes.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "ui/overview/overviewpage.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

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
    const int nodes = envInt("MERIDIAN_BENCH_NODES", 25000);
    const int seconds = envInt("MERIDIAN_BENCH_SECONDS", 60);

    Test::SimulatorFixture sim;
    if (!sim.start(
            { QStringLiteral("--nodes"), QString::number(nodes), QStringLiteral("--history"), QStringLiteral("10m") },
            600'000)) {
        std::fprintf(stderr, "fleetsim did not start: %s\n", qPrintable(sim.error()));
        return 1;
    }
    QTemporaryDir cache;
    // Kept for a look at what the live run left (sqlite3, the cache's size) when asked.
    if (qEnvironmentVariableIsSet("MERIDIAN_BENCH_KEEP_CACHE")) {
        cache.setAutoRemove(false);
        std::printf("cache kept in %s\n", qPrintable(cache.path()));
    }
    const SourceConfig source = sim.source(QStringLiteral("bench"), 5000);

    // Run 1: live streaming with the whole window up.
    {
        FleetSession session;
        QString error;
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
        session.setSources({ source });
        qint64 firstAllUpMs = -1;
        while (sinceStart.elapsed() < seconds * 1000) {
            spin(200);
            if (firstAllUpMs < 0 && session.store()->agentStatusCounts().up >= nodes)
                firstAllUpMs = sinceStart.elapsed();
        }
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
        QString error;
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
