// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/checksourcecommand.h"

#include "core/model/fleettypes.h"
#include "core/session/consoleconfig.h"
#include "core/sources/agentcheck.h"
#include "core/sources/prometheuscheck.h"
#include "core/sources/slurmcheck.h"
#include "core/sources/sourcecheck.h"
#include "core/store/nodeidentity.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

namespace Meridian {

namespace {
class CheckSourceText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CheckSource)
};

// Runs the check that fits the source's kind and waits for its report (a local event loop: this is a command).
SourceCheckReport check(const SourceConfig& source, int timeoutMs)
{
    QEventLoop loop;
    SourceCheckReport report;
    if (source.kind == SourceConfig::Kind::Prometheus) {
        PrometheusCheck check;
        check.setTimeoutMs(timeoutMs);
        QObject::connect(&check, &PrometheusCheck::finished, &loop, [&](const SourceCheckReport& r) {
            report = r;
            loop.quit();
        });
        check.start(source);
        loop.exec();
        return report;
    }
    if (source.kind == SourceConfig::Kind::Slurm) {
        SlurmCheck check;
        check.setTimeoutMs(timeoutMs);
        QObject::connect(&check, &SlurmCheck::finished, &loop, [&](const SlurmCheckReport& r) {
            report = sourceCheckOf(source.name, r, source.hostNames);
            loop.quit(); // finished() always comes from the event loop
        });
        check.start(source);
        loop.exec();
        return report;
    }
    AgentCheck check;
    check.setTimeoutMs(timeoutMs);
    check.setTls(source.tls);
    QObject::connect(&check, &AgentCheck::finished, &loop, [&](const AgentCheckReport& r) {
        report = sourceCheckOf(source.name, sourceKindKey(source.kind), r);
        // Queued: finished() may come from inside start(), before exec() runs.
        QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
    });
    check.start(source.url, source.tokenFile);
    loop.exec();
    return report;
}

void printCounts(QTextStream& out, const QString& title, const QMap<QString, int>& counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    out << "  " << title << ' ' << (parts.isEmpty() ? CheckSourceText::tr("none") : parts.join(QStringLiteral(", ")))
        << '\n';
}

// What a scheduler adds: sinfo's and squeue's figures.
void printScheduler(QTextStream& out, const SchedulerCheck& s)
{
    printCounts(out, CheckSourceText::tr("nodes by state:"), s.nodesByState);
    out << "  " << CheckSourceText::tr("partitions (nodes, GPUs, GPUs allocated):") << '\n';
    for (const SchedulerCheck::Partition& p : s.partitions)
        out << "    "
            << QStringLiteral("%1 %2 %3 %4").arg(p.name, -16).arg(p.nodes, 6).arg(p.gpus, 6).arg(p.gpusAllocated, 6)
            << '\n';
    printCounts(out, CheckSourceText::tr("jobs by state:"), s.jobsByState);
}

void print(QTextStream& out, const SourceCheckReport& r)
{
    out << CheckSourceText::tr("%1 (%2): %3")
               .arg(r.name, r.kind, r.usable() ? CheckSourceText::tr("usable") : r.status);
    if (!r.serverVersion.isEmpty())
        out << CheckSourceText::tr(", version %1").arg(r.serverVersion);
    out << '\n'
        << "  " << CheckSourceText::tr("nodes: %n total", "", r.nodesTotal) << ", "
        << CheckSourceText::tr("%n up", "", r.nodesUp) << ", " << CheckSourceText::tr("%n down", "", r.nodesDown)
        << ", " << CheckSourceText::tr("%n unassigned", "", r.nodesUnassigned) << '\n';
    QStringList models;
    for (auto it = r.acceleratorsByModel.cbegin(); it != r.acceleratorsByModel.cend(); ++it)
        models << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    out << "  " << CheckSourceText::tr("accelerators: %n", "", r.acceleratorsTotal);
    if (!models.isEmpty())
        out << " (" << models.join(QStringLiteral(", ")) << ')';
    out << '\n';
    if (r.scheduler.present)
        printScheduler(out, r.scheduler);
    for (const QString& p : r.problems)
        out << "  " << CheckSourceText::tr("problem: %1").arg(p) << '\n';
    for (const QString& w : r.warnings)
        out << "  " << CheckSourceText::tr("warning: %1").arg(w) << '\n';
}

// A scheduler's nodes that no metrics source of the configuration serves, by the store's identity rules
// (short name and FQDN; the scheduler's hostNames mapping is already applied to its ids). Metrics sources
// left out by --source are checked too, only for their node names.
void compareWithMetrics(const QList<SourceConfig>& all, int timeoutMs, QList<SourceCheckReport>* checked)
{
    const auto scheduler = [](const SourceCheckReport& r) { return r.scheduler.present; };
    if (std::none_of(checked->cbegin(), checked->cend(), scheduler))
        return;
    QStringList served;
    QStringList unanswered; // metrics sources whose nodes are not known: no comparison then, not a false count
    bool anyMetrics = false;
    for (const SourceConfig& s : all) {
        if (!isMetricsKind(sourceKindKey(s.kind)))
            continue;
        anyMetrics = true;
        const auto done = std::find_if(
            checked->cbegin(), checked->cend(), [&s](const SourceCheckReport& r) { return r.name == s.name; });
        const SourceCheckReport metrics = done != checked->cend() ? *done : check(s, timeoutMs);
        served += metrics.nodeIds;
        if (!metrics.usable())
            unanswered.append(s.name);
    }
    if (!anyMetrics)
        return;
    constexpr qsizetype MaxNamed = 20;
    for (SourceCheckReport& r : *checked) {
        if (!scheduler(r))
            continue;
        if (!unanswered.isEmpty()) {
            r.warnings.append(CheckSourceText::tr("nodes not compared with the metrics sources: %1 did not answer")
                                  .arg(unanswered.join(QStringLiteral(", "))));
            continue;
        }
        const QStringList missing = NodeIdentity::withoutMatch(r.nodeIds, served);
        r.scheduler.nodesWithoutMetrics = int(missing.size());
        r.scheduler.nodesWithoutMetricsNamed = missing.mid(0, MaxNamed);
        if (!missing.isEmpty())
            r.problems.append(CheckSourceText::tr("%n node(s) in Slurm with no metrics: %1", "", int(missing.size()))
                                  .arg(r.scheduler.nodesWithoutMetricsNamed.join(QStringLiteral(", "))));
    }
}

} // namespace

int runCheckSource(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CheckSourceText::tr(
        "Checks every source of a configuration end to end and reports what it sees and every problem."));
    parser.addHelpOption();
    const QCommandLineOption config(
        QStringLiteral("config"), CheckSourceText::tr("Read the sources from FILE."), CheckSourceText::tr("FILE"));
    const QCommandLineOption only(QStringLiteral("source"), CheckSourceText::tr("Check only the source called NAME."),
        CheckSourceText::tr("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), CheckSourceText::tr("Print one JSON document."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        CheckSourceText::tr("Give up on a source after SECONDS (default 30)."), CheckSourceText::tr("SECONDS"),
        QStringLiteral("30"));
    parser.addOptions({ config, only, json, timeout });
    parser.addPositionalArgument(QStringLiteral("check-source"), CheckSourceText::tr("The subcommand."));

    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.isSet(config) || parser.positionalArguments().size() != 1) {
        err << CheckSourceText::tr("Usage: meridian check-source --config FILE [--source NAME] [--json]") << '\n';
        return 2;
    }
    bool ok = false;
    const int timeoutS = parser.value(timeout).toInt(&ok);
    if (!ok || timeoutS < 1 || timeoutS > 600) {
        err << CheckSourceText::tr("--timeout must be 1 to 600 seconds.") << '\n';
        return 2;
    }
    ConsoleConfig loaded;
    QString error;
    if (!ConsoleConfig::load(parser.value(config), &loaded, &error)) {
        err << error << '\n';
        return 2;
    }
    QList<SourceConfig> sources;
    for (const SourceConfig& s : std::as_const(loaded.sources)) {
        if (!parser.isSet(only) || s.name == parser.value(only))
            sources.append(s);
    }
    if (sources.isEmpty()) {
        err << (parser.isSet(only) ? CheckSourceText::tr("No source called \"%1\".").arg(parser.value(only))
                                   : CheckSourceText::tr("The configuration has no sources."))
            << '\n';
        return 2;
    }

    registerCoreMetaTypes();
    bool allUsable = true;
    QList<SourceCheckReport> checked;
    for (const SourceConfig& s : std::as_const(sources))
        checked.append(check(s, timeoutS * 1000));
    compareWithMetrics(loaded.sources, timeoutS * 1000, &checked);
    QJsonArray reports;
    for (const SourceCheckReport& r : std::as_const(checked)) {
        allUsable &= r.usable();
        if (parser.isSet(json)) {
            reports.append(toJson(r));
        } else {
            print(out, r);
            out.flush();
        }
    }
    if (parser.isSet(json))
        out << QJsonDocument(QJsonObject { { QStringLiteral("sources"), reports } }).toJson(QJsonDocument::Indented);
    return allUsable ? 0 : 1;
}

} // namespace Meridian
