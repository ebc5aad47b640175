// SPDX-License-Identifier: GPL-3.0-or-later
// Faults figures:
// 1. A power domain of 1,000 nodes failing at once (synthetic store of
//    MERIDIAN_BENCH_NODES, default 25,000, with the Faults page shown) is one
//    incident; the UI thread's worst lateness (5 ms probe) while it arrives,
//    beside the same update into a store with no page (.ratio).
// 2. Detection end to end: /sim/faults injection into a real meridian-fleetsim
//    polled at the default 5 s, until the incident is in the Faults page's
//    table; in ms and in poll intervals (target ≤ 2).

#include "core/faults/faulttracker.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "tests/ui/pools/syntheticfleet.h"
#include "ui/common/pagecontext.h"
#include "ui/faults/faultspage.h"
#include "ui/faults/incidenttablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace Meridian;
using namespace Meridian::Faults;

namespace {

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    return ok && v > 0 ? v : fallback;
}

// 1,000 nodes of one region (pools 0 and 3 of the synthetic fleet, both East China: 40 racks) lose
// power within two seconds; nodes that never answered (every 97th) have nothing to lose.
QList<SourceUpdate> powerLoss()
{
    QList<int> failing;
    for (int i = 0; i < 500; ++i)
        failing << i << 1500 + i;
    QList<SourceUpdate> pages;
    for (int start = 0; start < failing.size(); start += 250) {
        SourceUpdate page;
        page.source = QStringLiteral("synthetic");
        for (int k = start; k < std::min(int(failing.size()), start + 250); ++k) {
            const int i = failing[k];
            NodeUpdate n = TestFleet::syntheticNode(i, 1);
            if (!n.hasSnapshot)
                continue;
            n.hasInventory = false;
            n.snapshot.sample.state = Protocol::NodeState::Down;
            Protocol::Event e;
            e.id = 1'000'000 + i;
            e.timestampMs = 1'700'000'000'000 + (i % 20) * 100;
            e.kind = QStringLiteral("node-down");
            e.severity = Protocol::Severity::Critical;
            e.nodeId = n.nodeId;
            e.message = QStringLiteral("heartbeat lost: power loss");
            n.snapshot.faults = { e };
            page.nodes.append(n);
        }
        pages.append(page);
    }
    return pages;
}

// Feeds the pages 10 ms apart (the paged fleet poll) and returns the worst lateness of a 5 ms timer.
double worstLateness(FleetStore& store, const QList<SourceUpdate>& pages, const std::function<bool()>& done)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last != 0)
            worst = std::max<qint64>(worst, now - last - 5'000'000);
        last = now;
    });
    probe.start();
    int next = 0;
    QTimer feeder;
    feeder.setInterval(10);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        if (next < pages.size())
            store.applyUpdate(pages.at(next++));
    });
    feeder.start();
    QElapsedTimer limit;
    limit.start();
    while ((next < pages.size() || store.hasPendingChanges() || !done()) && limit.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    // A few more frames: slices of the change set and queued page updates.
    const qint64 settle = clock.elapsed() + 300;
    while (clock.elapsed() < settle)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    return worst / 1e6;
}

void powerDomain(int nodes)
{
    const QList<SourceUpdate> failure = powerLoss();
    // Baseline: the store alone.
    double baseline = 0;
    {
        FleetStore store;
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(TestFleet::syntheticFleet(nodes));
        spy.wait(10000);
        baseline = worstLateness(store, failure, [] { return true; });
    }
    FleetSession services; // the page's services, without a cache
    FleetStore& store = *services.store();
    {
        QSignalSpy spy(&store, &FleetStore::changed);
        store.applyUpdate(TestFleet::syntheticFleet(nodes));
        spy.wait(10000);
    }
    FaultsPage page(PageContext::of(&services));
    page.resize(1600, 900);
    page.show();
    QCoreApplication::processEvents();
    const int before = page.tracker()->incidentCount();
    QElapsedTimer t;
    t.start();
    const double worst = worstLateness(store, failure, [&] {
        const Incident* inc = page.tracker()->grouper().incident(before + 1);
        return inc && inc->nodeCount >= 980;
    });
    const int incidents = page.tracker()->incidentCount() - before;
    const Incident* inc = page.tracker()->grouper().incident(before + 1);
    page.selectIncident(before + 1);
    QElapsedTimer sel;
    sel.start();
    QCoreApplication::processEvents();
    std::printf("BENCH faults.power_domain_nodes %d nodes\n", inc ? inc->nodeCount : 0);
    std::printf("BENCH faults.power_domain_incidents %d count\n", incidents);
    std::printf("BENCH faults.power_domain_stall_max %.1f ms\n", worst);
    std::printf("BENCH faults.power_domain_stall_max.store_only %.1f ms\n", baseline);
    std::printf("BENCH faults.power_domain_stall_max.ratio %.2f x\n", worst / std::max(baseline, 0.1));
    std::printf("BENCH faults.power_domain_select_blast_radius %.1f ms\n", sel.nsecsElapsed() / 1e6);
    std::fflush(stdout);
}

void detection()
{
    using namespace Meridian::Test;
    SimulatorFixture sim;
    if (!sim.start(
            { QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--history"), QStringLiteral("10m") })) {
        std::printf("fleetsim did not start: %s\n", qPrintable(sim.error()));
        return;
    }
    QTemporaryDir cache;
    FleetSession session;
    QString error;
    session.open(cache.path(), &error);
    FaultsPage page(PageContext::of(&session));
    page.show();
    session.setSources({ sim.source(QStringLiteral("sim"), 5000) });
    if (!QTest::qWaitFor([&] { return session.store()->nodes().size() >= 100; }, 60000)) {
        std::printf("the console never saw the simulated fleet\n");
        return;
    }
    for (const QString& kind : { QStringLiteral("chip-fault"), QStringLiteral("node-down") }) {
        double worst = 0, sum = 0;
        const int rounds = 3;
        for (int round = 0; round < rounds; ++round) {
            QString target;
            for (const FleetNode& n : session.store()->nodes())
                if (n.snapshot.faults.isEmpty() && n.snapshot.sample.state == Protocol::NodeState::Up
                    && n.status == AgentStatus::Up) {
                    target = n.inventory.nodeId;
                    break;
                }
            // Start at a random phase of the poll cycle.
            QTest::qWait(1000 + round * 1700);
            QElapsedTimer t;
            t.start();
            const HttpResult r = sim.post(
                QStringLiteral("sim/faults"), { { QStringLiteral("node"), target }, { QStringLiteral("kind"), kind } });
            const qint64 id = QJsonDocument::fromJson(r.body).object().value(QLatin1String("id")).toInteger();
            const bool seen = QTest::qWaitFor(
                [&] {
                    for (const FaultObservation& o : page.tracker()->grouper().observations())
                        if (o.eventId == id)
                            return page.model()->rowCount() >= page.tracker()->incidentCount();
                    return false;
                },
                30000);
            const double ms = seen ? t.nsecsElapsed() / 1e6 : 30000;
            worst = std::max(worst, ms);
            sum += ms;
        }
        std::printf("BENCH faults.detect_%s_mean %.0f ms\n", qPrintable(kind), sum / rounds);
        std::printf("BENCH faults.detect_%s_max %.0f ms\n", qPrintable(kind), worst);
        std::printf("BENCH faults.detect_%s_max_intervals %.2f intervals\n", qPrintable(kind), worst / 5000.0);
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    registerCoreMetaTypes();
    powerDomain(envInt("MERIDIAN_BENCH_NODES", 25000));
    if (!qEnvironmentVariableIsSet("MERIDIAN_BENCH_NO_SIM"))
        detection();
    return 0;
}
