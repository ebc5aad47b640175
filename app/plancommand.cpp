// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancommand.h"

#include "app/planjsonwriter.h"
#include "app/plantablewriter.h"
#include "app/subcommandparser.h"
#include "core/cache/cachereader.h"
#include "core/planner/plannerservice.h"
#include "core/session/consoleconfig.h"
#include "core/session/demofleet.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cmath>

namespace Meridian {

namespace {

using namespace Planner;

struct CommandText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::PlanCommand)
};

// Waits until the session's store has the fleet, the job list and (demo) the pre-generated history in the
// cache: the same readiness the report command waits for, and the probes that give latency.
bool waitForFleet(FleetSession* session, bool demo, int timeoutMs, QString* error)
{
    QEventLoop loop;
    bool ok = false;
    qsizetype lastCount = -1;
    int stable = 0;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const FleetStore* store = session->store();
        qsizetype count = store->nodes().size() + store->jobs().size();
        if (demo) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QFuture<CapacitySeries> f
                = session->cache()->capacityHistory(now - 40LL * 24 * 3600 * 1000, now + 3600 * 1000);
            f.waitForFinished(); // headless: nothing else to keep responsive
            count += f.resultCount() ? f.result().points.size() : 0;
        }
        qsizetype probes = 0;
        for (const FleetNode& n : store->nodes())
            probes += n.snapshot.probes.isEmpty() ? 0 : 1;
        count += probes;
        stable = store->nodes().size() > 0 && count == lastCount ? stable + 1 : 0;
        lastCount = count;
        if (stable >= 3) {
            ok = true;
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, [&] {
        *error = CommandText::tr("the fleet did not answer within %n second(s)", "", timeoutMs / 1000);
        loop.quit();
    });
    poll.start(1000);
    loop.exec();
    return ok;
}

bool parseWeights(const QString& text, PlannerWeights* w)
{
    const QStringList parts = text.split(u',');
    if (parts.size() != 4)
        return false;
    double v[4];
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        v[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok || v[i] < 0 || !std::isfinite(v[i]))
            return false;
    }
    *w = { v[0], v[1], v[2], v[3] };
    return v[0] + v[1] + v[2] + v[3] > 0;
}

} // namespace

int runPlan(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandText::tr("Where can this job run, now or soon, and at what risk? (docs/planner.md)"));
    parser.addHelpOption();
    const QCommandLineOption model(
        QStringLiteral("model"), CommandText::tr("Accelerator model."), QStringLiteral("MODEL"));
    const QCommandLineOption family(
        QStringLiteral("family"), CommandText::tr("Family of compatible models."), QStringLiteral("NAME"));
    const QCommandLineOption count(QStringLiteral("count"), CommandText::tr("Accelerators."), QStringLiteral("N"));
    const QCommandLineOption whole(QStringLiteral("whole-nodes"), CommandText::tr("Whole nodes only."));
    const QCommandLineOption minMem(
        QStringLiteral("min-mem"), CommandText::tr("Minimum memory per chip, GiB."), QStringLiteral("GiB"));
    const QCommandLineOption duration(QStringLiteral("duration"),
        CommandText::tr("Expected run time: 90m, 36h, 7d, 2w."), QStringLiteral("DURATION"));
    const QCommandLineOption near(
        QStringLiteral("near"), CommandText::tr("Anchor site (the data or the users)."), QStringLiteral("SITE"));
    const QCommandLineOption maxRtt(QStringLiteral("max-rtt"),
        CommandText::tr("Bound on the p99 RTT to the anchor, e.g. 10ms."), QStringLiteral("MS"));
    const QCommandLineOption pairClass(QStringLiteral("pair-class"),
        CommandText::tr("Or the latency target of a pair class (same-site, same-region, hub-city, cross-region)."),
        QStringLiteral("CLASS"));
    const QCommandLineOption tenant(
        QStringLiteral("tenant"), CommandText::tr("Tenant (carried with the request)."), QStringLiteral("TENANT"));
    const QCommandLineOption allow(
        QStringLiteral("allow-region"), CommandText::tr("Only this region (repeatable)."), QStringLiteral("REGION"));
    const QCommandLineOption deny(
        QStringLiteral("deny-region"), CommandText::tr("Never this region (repeatable)."), QStringLiteral("REGION"));
    const QCommandLineOption lostWork(QStringLiteral("lost-work"),
        CommandText::tr("Share of the run that may be lost to interruptions, percent (default 1)."),
        QStringLiteral("PERCENT"), QStringLiteral("1"));
    const QCommandLineOption weights(QStringLiteral("weights"),
        CommandText::tr("Weights of fit, wait, latency and risk (default 0.4,0.2,0.2,0.2)."),
        QStringLiteral("W,W,W,W"));
    const QCommandLineOption config(QStringLiteral("config"),
        CommandText::tr("Console configuration (its sources and cache)."), QStringLiteral("FILE"));
    const QCommandLineOption demo(QStringLiteral("demo"), CommandText::tr("Plan on the demo fleet."));
    const QCommandLineOption demoHistory(QStringLiteral("demo-history"),
        CommandText::tr("History the demo fleet pre-generates (default 2h)."), QStringLiteral("DURATION"),
        QStringLiteral("2h"));
    const QCommandLineOption demoSeed(QStringLiteral("demo-seed"),
        CommandText::tr("Seed of the demo fleet (default 1)."), QStringLiteral("SEED"), QStringLiteral("1"));
    const QCommandLineOption jsonOut(QStringLiteral("json"), CommandText::tr("Print JSON for scripts."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        CommandText::tr("Seconds to wait for the fleet (default 300)."), QStringLiteral("SECONDS"),
        QStringLiteral("300"));
    parser.addOptions({ model, family, count, whole, minMem, duration, near, maxRtt, pairClass, tenant, allow, deny,
        lostWork, weights, config, demo, demoHistory, demoSeed, jsonOut, timeout });

    const QString name = QStringLiteral("plan");
    if (const std::optional<int> stop = parseSubcommand(parser, arguments, name, out, err))
        return *stop;
    auto fail = [&](const QString& message, int code) { return subcommandFailed(err, name, message, code); };

    PlacementRequest r;
    r.model = parser.value(model);
    r.family = parser.value(family);
    bool ok = false;
    r.count = parser.value(count).toInt(&ok);
    if (!ok)
        return fail(CommandText::tr("--count N is required (a whole number of accelerators)"), 2);
    r.wholeNodes = parser.isSet(whole);
    if (parser.isSet(minMem)) {
        r.minMemoryGiB = parser.value(minMem).toDouble(&ok);
        if (!ok)
            return fail(CommandText::tr("--min-mem must be a number of GiB"), 2);
    }
    r.durationMs = parseDuration(parser.value(duration));
    if (r.durationMs <= 0)
        return fail(CommandText::tr("--duration must be like 90m, 36h, 7d or 2w"), 2);
    r.anchorSite = parser.value(near);
    if (parser.isSet(maxRtt)) {
        r.maxP99Ms = parseMilliseconds(parser.value(maxRtt));
        if (std::isnan(r.maxP99Ms))
            return fail(CommandText::tr("--max-rtt must be like 10ms"), 2);
    }
    r.pairClass = parser.value(pairClass);
    r.tenant = parser.value(tenant);
    r.allowRegions = parser.values(allow);
    r.denyRegions = parser.values(deny);
    const QStringList problems = validate(r);
    if (!problems.isEmpty())
        return fail(problems.join(QStringLiteral("; ")), 2);
    const double share = parser.value(lostWork).toDouble(&ok) / 100;
    if (!ok || !(share > 0 && share < 1))
        return fail(CommandText::tr("--lost-work must be a percentage between 0 and 100"), 2);
    PlannerWeights w;
    if (parser.isSet(weights) && !parseWeights(parser.value(weights), &w))
        return fail(CommandText::tr("--weights must be four non-negative numbers, not all 0"), 2);
    if (parser.isSet(config) && parser.isSet(demo))
        return fail(CommandText::tr("give --config or --demo, not both"), 2);
    const int timeoutMs = parser.value(timeout).toInt(&ok) * 1000;
    if (!ok || timeoutMs <= 0)
        return fail(CommandText::tr("--timeout must be a number of seconds"), 2);

    // The fleet: the demo's, or the configuration's sources with the configuration's cache.
    QTemporaryDir demoDir;
    DemoFleet demoFleet;
    FleetSession session;
    QString error;
    ConsoleConfig cfg;
    if (!parser.isSet(demo) && parser.isSet(config) && !ConsoleConfig::load(parser.value(config), &cfg, &error))
        return fail(CommandText::tr("cannot use the configuration %1: %2").arg(parser.value(config), error), 1);
    const QString cacheDir = parser.isSet(demo) ? demoDir.path()
        : cfg.cachePath.isEmpty()
        ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("cache"))
        : cfg.cachePath;
    if (!session.open(cacheDir, &error))
        return fail(CommandText::tr("cannot open the cache %1: %2").arg(cacheDir, error), 1);
    if (parser.isSet(demo)) {
        QEventLoop started;
        QObject::connect(&demoFleet, &DemoFleet::failed, &started, [&](const QString& message) {
            error = message;
            started.quit();
        });
        QObject::connect(&demoFleet, &DemoFleet::ready, &started, [&] {
            session.setSources({ demoFleet.source(QStringLiteral("demo"), 1000) });
            started.quit();
        });
        DemoOptions options;
        options.history = parser.value(demoHistory);
        options.seed = parser.value(demoSeed).toULongLong();
        demoFleet.start(options);
        started.exec();
        if (!error.isEmpty())
            return fail(CommandText::tr("the demo fleet failed: %1").arg(error), 1);
    } else {
        if (cfg.sources.isEmpty())
            return fail(CommandText::tr("the configuration has no sources (give --config FILE or --demo)"), 1);
        session.setSources(cfg.sources);
    }
    if (!waitForFleet(&session, parser.isSet(demo), timeoutMs, &error))
        return fail(error, 1);

    PlannerService planner(session.store(), session.cache());
    std::optional<PlanAnswer> answer;
    QEventLoop loop;
    QObject::connect(&planner, &PlannerService::riskReady, &loop, [&] { planner.ask(r, w, share); });
    QObject::connect(&planner, &PlannerService::answered, &loop, [&](const PlanAnswer& a) {
        answer = a;
        loop.quit();
    });
    planner.refreshRisk();
    loop.exec();
    session.setSources({});
    if (!answer)
        return fail(CommandText::tr("the planner gave no answer"), 1);
    if (!planner.familiesWarning().isEmpty())
        err << CommandText::tr("warning: model families override ignored: %1").arg(planner.familiesWarning()) << '\n';
    if (parser.isSet(jsonOut))
        out << QJsonDocument(PlanJsonWriter::toJson(*answer)).toJson(QJsonDocument::Indented);
    else
        PlanTableWriter(out).write(*answer);
    switch (answer->best()) {
    case FitState::Now:
        return 0;
    case FitState::Later:
    case FitState::Unknown:
        return 3;
    case FitState::Never:
        break;
    }
    return 1;
}

} // namespace Meridian
