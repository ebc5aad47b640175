// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/checkagentcommand.h"

#include "core/model/fleettypes.h"
#include "core/sources/agentcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>

namespace Meridian {

namespace {
class CheckAgentText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CheckAgent)
};

QString severityTag(AgentCheckFinding::Severity severity)
{
    switch (severity) {
    case AgentCheckFinding::Severity::Ok:
        return QStringLiteral("ok     ");
    case AgentCheckFinding::Severity::Warning:
        return QStringLiteral("WARNING");
    case AgentCheckFinding::Severity::Error:
        break;
    }
    return QStringLiteral("ERROR  ");
}

void print(QTextStream& out, const AgentCheckReport& report)
{
    out << CheckAgentText::tr("Agent: %1").arg(report.url.toDisplayString()) << '\n';
    if (report.isFleet)
        out << CheckAgentText::tr("Fleet front with %1 nodes; checked node %2")
                   .arg(report.fleetNodes)
                   .arg(report.checkedNode)
            << '\n';
    if (report.hasInventory) {
        const Protocol::NodeInventory& inv = report.inventory;
        out << CheckAgentText::tr("Node %1 (%2), region %3, pool %4, rack %5, agent %6")
                   .arg(inv.nodeId, inv.hostname, inv.region, inv.pool, inv.rack, inv.agentVersion)
            << '\n';
        out << CheckAgentText::tr("%1 CPUs, %2 GiB memory, %3 accelerators")
                   .arg(inv.cpuCount)
                   .arg(inv.memoryBytes / double(1 << 30), 0, 'f', 1)
                   .arg(inv.accelerators.size())
            << '\n';
        for (const Protocol::AcceleratorInfo& a : inv.accelerators)
            out << QStringLiteral("  #%1 %2 %3 %4\n").arg(a.index).arg(a.vendor, a.model, a.uuid);
    }
    if (report.hasSnapshot) {
        const Protocol::Snapshot& s = report.snapshot;
        out << CheckAgentText::tr("State %1, %2 open faults, %3 jobs, newest sample #%4")
                   .arg(Protocol::toString(s.sample.state))
                   .arg(s.faults.size())
                   .arg(s.jobs.size())
                   .arg(s.sample.seq)
            << '\n';
    }
    if (report.historyMs >= 0)
        out << CheckAgentText::tr("History kept: %1 min").arg(report.historyMs / 60000) << '\n';
    if (report.metricsSamples >= 0)
        out << CheckAgentText::tr("/metrics: %1 samples").arg(report.metricsSamples) << '\n';
    out << '\n';
    for (const AgentCheckFinding& f : report.findings) {
        out << severityTag(f.severity) << ' ' << f.what;
        if (!f.detail.isEmpty())
            out << ": " << f.detail;
        out << '\n';
    }
    out << '\n'
        << (report.healthy() ? CheckAgentText::tr("Result: healthy") : CheckAgentText::tr("Result: NOT healthy"))
        << '\n';
}
} // namespace

int runCheckAgent(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CheckAgentText::tr("Checks one agent or fleet front and reports every protocol problem."));
    parser.addHelpOption();
    const QCommandLineOption token(QStringLiteral("token-file"), CheckAgentText::tr("Read the bearer token from FILE."),
        CheckAgentText::tr("FILE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        CheckAgentText::tr("Give up on a request after SECONDS (default 10)."), CheckAgentText::tr("SECONDS"),
        QStringLiteral("10"));
    const QCommandLineOption ca(QStringLiteral("ca"),
        CheckAgentText::tr("Trust only the CA certificates in FILE (PEM) for an https URL."),
        CheckAgentText::tr("FILE"));
    const QCommandLineOption cert(QStringLiteral("cert"),
        CheckAgentText::tr("Client certificate (PEM) for agents that require one."), CheckAgentText::tr("FILE"));
    const QCommandLineOption key(
        QStringLiteral("key"), CheckAgentText::tr("Private key (PEM) of --cert."), CheckAgentText::tr("FILE"));
    parser.addOption(token);
    parser.addOption(timeout);
    parser.addOption(ca);
    parser.addOption(cert);
    parser.addOption(key);
    parser.addPositionalArgument(QStringLiteral("check-agent"), CheckAgentText::tr("The subcommand."));
    parser.addPositionalArgument(
        QStringLiteral("URL"), CheckAgentText::tr("Base URL of the agent, e.g. http://127.0.0.1:9464/"));

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
    const QStringList positional = parser.positionalArguments(); // [check-agent, URL]
    if (positional.size() != 2) {
        err << CheckAgentText::tr("Usage: meridian check-agent URL [--token-file FILE]") << '\n';
        return 2;
    }
    QUrl url = QUrl::fromUserInput(positional.at(1));
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        err << CheckAgentText::tr("Not an http(s) URL: %1").arg(positional.at(1)) << '\n';
        return 2;
    }
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    bool ok = false;
    const int timeoutS = parser.value(timeout).toInt(&ok);
    if (!ok || timeoutS < 1 || timeoutS > 600) {
        err << CheckAgentText::tr("--timeout must be 1 to 600 seconds.") << '\n';
        return 2;
    }

    const TlsClientFiles tls { parser.value(ca), parser.value(cert), parser.value(key) };
    if (!tls.isEmpty() && url.scheme() != QLatin1String("https")) {
        err << CheckAgentText::tr("--ca, --cert and --key need an https:// URL.") << '\n';
        return 2;
    }
    if (url.scheme() == QLatin1String("https")) {
        QString why;
        if (!tlsAvailable(&why)) {
            err << why << '\n';
            return 2;
        }
    }

    registerCoreMetaTypes();
    AgentCheck check;
    check.setTimeoutMs(timeoutS * 1000);
    check.setTls(tls);
    int exitCode = 1;
    QObject::connect(&check, &AgentCheck::finished, &check, [&](const AgentCheckReport& report) {
        print(out, report);
        out.flush();
        exitCode = report.healthy() ? 0 : 1;
        // Queued: finished() may come from inside start(), before exec() runs.
        QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    });
    check.start(url, parser.value(token));
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Meridian
