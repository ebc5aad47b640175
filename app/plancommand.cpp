// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/plancommand.h"

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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

constexpr double HourMs = 3600.0 * 1000;

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

QString number(double v, int decimals)
{
    return std::isnan(v) ? CommandText::tr("unknown") : QString::number(v, 'f', decimals);
}

QString hours(qint64 ms)
{
    return ms < 0 ? CommandText::tr("unknown") : QString::number(double(ms) / HourMs, 'f', 1) + QStringLiteral(" h");
}

QString fitText(const Candidate& c)
{
    QString s = CommandText::tr("%1 free chips, %2 whole nodes").arg(c.fit.freeChips).arg(c.fit.freeWholeNodes);
    if (c.fit.fragmented)
        s += CommandText::tr(" (fragmented: %n whole node(s) needed)", "", c.fit.nodesNeeded);
    return s;
}

QString whenText(const Candidate& c)
{
    switch (c.wait.state) {
    case FitState::Now:
        return CommandText::tr("now");
    case FitState::Later:
        return CommandText::tr("in %1 (%n job(s) end by then, ", "", c.wait.jobsEnding).arg(hours(c.wait.waitMs))
            + CommandText::tr("%n queued ahead)", "", c.wait.queuedAhead);
    case FitState::Unknown:
        return CommandText::tr("unknown (%n running job(s) have no expected end)", "", c.wait.unknownEnds);
    case FitState::Never:
        break;
    }
    return CommandText::tr("never");
}

QString latencyText(const Candidate& c)
{
    if (!c.latency.asked)
        return QStringLiteral("—");
    if (!c.latency.known)
        return CommandText::tr("unknown (no probes %1 → %2)").arg(c.latency.site, c.latency.anchor);
    QString s = CommandText::tr("p50 %1 ms, p99 %2 ms, loss %3 %")
                    .arg(number(c.latency.p50Ms, 2), number(c.latency.p99Ms, 2), number(c.latency.loss * 100, 2));
    if (c.latency.violates)
        s += CommandText::tr(" — BREAKS THE BOUND");
    return s;
}

// "12 faults in 3,400 node-hours": the observation behind the rate, always stated.
QString observationText(const Candidate& c)
{
    return CommandText::tr("%n fault(s) in %1 node-hours", "", c.risk.observedFaults)
        .arg(number(c.risk.observedNodeHours, 1));
}

QString riskText(const Candidate& c)
{
    QString s;
    switch (c.risk.history) {
    case RiskHistory::None:
        s = CommandText::tr("unknown (no fault history)");
        break;
    case RiskHistory::TooShort:
        s = CommandText::tr("not enough history (%1)").arg(observationText(c));
        break;
    case RiskHistory::Enough: {
        const QString interval = std::isinf(c.risk.checkpointIntervalHours)
            ? CommandText::tr("any")
            : number(c.risk.checkpointIntervalHours, 2) + QStringLiteral(" h");
        s = CommandText::tr("%1 expected interruptions (90 % interval %2–%3; %4), checkpoint every %5")
                .arg(number(c.risk.expectedInterruptions, 2), number(c.risk.expectedInterruptionsLow, 2),
                    number(c.risk.expectedInterruptionsHigh, 2), observationText(c), interval);
        break;
    }
    }
    s += CommandText::tr(", median recovery %1")
             .arg(std::isnan(c.risk.medianRecoveryMs)
                     ? CommandText::tr("unknown")
                     : number(c.risk.medianRecoveryMs / 60000, 1) + QStringLiteral(" min"));
    if (c.risk.recoveryOverTarget)
        s += CommandText::tr(" (over the 10-minute target)");
    return s;
}

QJsonValue json(double v)
{
    return std::isnan(v) || std::isinf(v) ? QJsonValue() : QJsonValue(v);
}

QString stateKey(FitState s)
{
    switch (s) {
    case FitState::Now:
        return QStringLiteral("now");
    case FitState::Later:
        return QStringLiteral("later");
    case FitState::Unknown:
        return QStringLiteral("unknown");
    case FitState::Never:
        break;
    }
    return QStringLiteral("never");
}

QString historyKey(RiskHistory h)
{
    switch (h) {
    case RiskHistory::None:
        return QStringLiteral("none");
    case RiskHistory::TooShort:
        return QStringLiteral("too-short");
    case RiskHistory::Enough:
        break;
    }
    return QStringLiteral("enough");
}

// The member pools of a spanning candidate and the share each takes; empty for one pool.
QJsonArray spansJson(const Candidate& c, bool wholeNodes)
{
    QJsonArray spans;
    for (int i = 0; i < c.spans.size(); ++i)
        spans.append(QJsonObject { { QStringLiteral("pool"), c.spans[i] },
            { wholeNodes ? QStringLiteral("wholeNodes") : QStringLiteral("chips"), c.spanShares.value(i) } });
    return spans;
}

QString spansText(const Candidate& c, bool wholeNodes)
{
    QStringList parts;
    for (int i = 0; i < c.spans.size(); ++i)
        parts.append(wholeNodes ? CommandText::tr("%1 (%n whole node(s))", "", c.spanShares.value(i)).arg(c.spans[i])
                                : CommandText::tr("%1 (%n chip(s))", "", c.spanShares.value(i)).arg(c.spans[i]));
    return parts.join(QStringLiteral(", "));
}

QJsonObject toJson(const PlanAnswer& a)
{
    QJsonArray candidates;
    for (const Candidate& c : a.candidates) {
        candidates.append(QJsonObject {
            { QStringLiteral("rank"), c.rank },
            { QStringLiteral("region"), c.region },
            { QStringLiteral("pool"), c.pool },
            { QStringLiteral("models"), QJsonArray::fromStringList(c.models) },
            { QStringLiteral("spanning"), c.spanning() },
            { QStringLiteral("spans"), spansJson(c, a.request.wholeNodes) },
            { QStringLiteral("fit"),
                QJsonObject { { QStringLiteral("chips"), c.fit.chips },
                    { QStringLiteral("freeChips"), c.fit.freeChips },
                    { QStringLiteral("freeWholeNodes"), c.fit.freeWholeNodes },
                    { QStringLiteral("nodesNeeded"), c.fit.nodesNeeded }, { QStringLiteral("fitsNow"), c.fit.fitsNow },
                    { QStringLiteral("fragmented"), c.fit.fragmented } } },
            { QStringLiteral("wait"),
                QJsonObject { { QStringLiteral("state"), stateKey(c.wait.state) },
                    { QStringLiteral("atMs"),
                        c.wait.state == FitState::Later || c.wait.state == FitState::Now ? QJsonValue(c.wait.atMs)
                                                                                         : QJsonValue() },
                    { QStringLiteral("waitMs"), c.wait.waitMs >= 0 ? QJsonValue(c.wait.waitMs) : QJsonValue() },
                    { QStringLiteral("jobsEnding"), c.wait.jobsEnding },
                    { QStringLiteral("queuedAhead"), c.wait.queuedAhead },
                    { QStringLiteral("unknownEnds"), c.wait.unknownEnds } } },
            { QStringLiteral("latency"),
                QJsonObject { { QStringLiteral("site"), c.latency.site },
                    { QStringLiteral("anchor"), c.latency.anchor }, { QStringLiteral("p50Ms"), json(c.latency.p50Ms) },
                    { QStringLiteral("p99Ms"), json(c.latency.p99Ms) },
                    { QStringLiteral("loss"), json(c.latency.loss) },
                    { QStringLiteral("violates"), c.latency.violates } } },
            { QStringLiteral("risk"),
                QJsonObject { { QStringLiteral("history"), historyKey(c.risk.history) },
                    { QStringLiteral("observedFaults"),
                        c.risk.observedFaults >= 0 ? QJsonValue(c.risk.observedFaults) : QJsonValue() },
                    { QStringLiteral("observedNodeHours"), json(c.risk.observedNodeHours) },
                    { QStringLiteral("faultsPerNodeHour"), json(c.risk.faultsPerNodeHour) },
                    { QStringLiteral("faultsPerNodeHourInterval"),
                        QJsonArray { json(c.risk.faultsPerNodeHourLow), json(c.risk.faultsPerNodeHourHigh) } },
                    { QStringLiteral("expectedInterruptions"), json(c.risk.expectedInterruptions) },
                    { QStringLiteral("expectedInterruptionsInterval"),
                        QJsonArray { json(c.risk.expectedInterruptionsLow), json(c.risk.expectedInterruptionsHigh) } },
                    { QStringLiteral("checkpointIntervalHours"), json(c.risk.checkpointIntervalHours) },
                    { QStringLiteral("medianRecoveryMs"), json(c.risk.medianRecoveryMs) },
                    { QStringLiteral("recoveryOverTarget"), c.risk.recoveryOverTarget } } },
            { QStringLiteral("scores"),
                QJsonObject { { QStringLiteral("fit"), c.scores.fit }, { QStringLiteral("wait"), c.scores.wait },
                    { QStringLiteral("latency"), c.scores.latency }, { QStringLiteral("risk"), c.scores.risk },
                    { QStringLiteral("total"), c.scores.total } } },
        });
    }
    QJsonArray problems;
    for (const PlanProblem& p : a.problems)
        problems.append(describe(p));
    return QJsonObject { { QStringLiteral("request"), Planner::toJson(a.request) },
        { QStringLiteral("models"), QJsonArray::fromStringList(a.models) }, { QStringLiteral("nowMs"), a.nowMs },
        { QStringLiteral("weights"),
            QJsonObject { { QStringLiteral("fit"), a.weights.fit }, { QStringLiteral("wait"), a.weights.wait },
                { QStringLiteral("latency"), a.weights.latency }, { QStringLiteral("risk"), a.weights.risk } } },
        { QStringLiteral("best"), stateKey(a.best()) }, { QStringLiteral("candidates"), candidates },
        { QStringLiteral("problems"), problems } };
}

void printTable(QTextStream& out, const PlanAnswer& a)
{
    out << CommandText::tr("Weights: fit %1, wait %2, latency %3, risk %4")
               .arg(a.weights.fit)
               .arg(a.weights.wait)
               .arg(a.weights.latency)
               .arg(a.weights.risk)
        << '\n';
    for (const Candidate& c : a.candidates) {
        out << QStringLiteral("%1. %2 / %3  [%4]  score %5%6\n")
                   .arg(c.rank)
                   .arg(c.region, c.pool, c.models.join(QStringLiteral(", ")))
                   .arg(c.scores.total, 0, 'f', 3)
                   .arg(c.latency.violates ? CommandText::tr("  (breaks the latency bound)") : QString());
        if (c.spanning())
            out << "   " << CommandText::tr("spans the pools of one site: ") << spansText(c, a.request.wholeNodes)
                << '\n';
        out << "   " << CommandText::tr("fits now: ")
            << (c.fit.fitsNow ? CommandText::tr("yes") : CommandText::tr("no")) << " — " << fitText(c) << '\n';
        out << "   " << CommandText::tr("when: ") << whenText(c) << '\n';
        out << "   " << CommandText::tr("latency: ") << latencyText(c) << '\n';
        out << "   " << CommandText::tr("risk: ") << riskText(c) << '\n';
        out << "   "
            << CommandText::tr("scores: fit %1, wait %2, latency %3, risk %4")
                   .arg(c.scores.fit, 0, 'f', 2)
                   .arg(c.scores.wait, 0, 'f', 2)
                   .arg(c.scores.latency, 0, 'f', 2)
                   .arg(c.scores.risk, 0, 'f', 2)
            << '\n';
    }
    for (const PlanProblem& p : a.problems)
        out << CommandText::tr("No placement: %1").arg(describe(p)) << '\n';
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
        out << QJsonDocument(toJson(*answer)).toJson(QJsonDocument::Indented);
    else
        printTable(out, *answer);
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
