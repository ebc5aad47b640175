// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/checkslurmcommand.h"

#include "core/model/fleettypes.h"
#include "core/sources/slurmcheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace Meridian {

namespace {
class CheckSlurmText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CheckSlurm)
};

void printCounts(QTextStream& out, const QString& title, const QMap<QString, int>& counts)
{
    out << title << '\n';
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out << QStringLiteral("  %1 %2\n").arg(it.value(), 6).arg(it.key());
}

void print(QTextStream& out, const SlurmCheckReport& report)
{
    out << CheckSlurmText::tr("slurmrestd: %1").arg(report.url.toDisplayString()) << '\n';
    if (!report.error.isEmpty()) {
        out << CheckSlurmText::tr("ERROR: %1").arg(report.error) << '\n';
        return;
    }
    out << report.version << '\n';
    out << (report.nodeUpdate ? CheckSlurmText::tr("Drain and resume: over REST")
                              : CheckSlurmText::tr("Drain and resume: no node update in this API version; the "
                                                   "console gives the scontrol command instead"))
        << '\n';
    printCounts(out, CheckSlurmText::tr("Nodes by state:"), report.nodesByState);
    out << CheckSlurmText::tr("Partitions (nodes, GPUs, GPUs allocated):") << '\n';
    for (const SlurmCheckReport::PartitionRow& p : report.partitions)
        out << QStringLiteral("  %1 %2 %3 %4\n")
                   .arg(p.name, -16)
                   .arg(p.nodes, 6)
                   .arg(p.gpus, 6)
                   .arg(p.gpusAllocated, 6);
    printCounts(out, CheckSlurmText::tr("Jobs by state:"), report.jobsByState);
    for (const QString& problem : report.problems)
        out << CheckSlurmText::tr("WARNING %1").arg(problem) << '\n';
}
} // namespace

int runCheckSlurm(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CheckSlurmText::tr("Checks a Slurm cluster's slurmrestd as a source would see it."));
    parser.addHelpOption();
    const QCommandLineOption token(QStringLiteral("token-file"),
        CheckSlurmText::tr("Read the JWT (scontrol token) from FILE."), CheckSlurmText::tr("FILE"));
    const QCommandLineOption user(QStringLiteral("user"),
        CheckSlurmText::tr("The user the JWT was issued to (X-SLURM-USER-NAME)."), CheckSlurmText::tr("NAME"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
        CheckSlurmText::tr("Give up on a request after SECONDS (default 10)."), CheckSlurmText::tr("SECONDS"),
        QStringLiteral("10"));
    const QCommandLineOption ca(QStringLiteral("ca"),
        CheckSlurmText::tr("Trust only the CA certificates in FILE (PEM) for an https URL."),
        CheckSlurmText::tr("FILE"));
    parser.addOption(token);
    parser.addOption(user);
    parser.addOption(timeout);
    parser.addOption(ca);
    parser.addPositionalArgument(QStringLiteral("check-slurm"), CheckSlurmText::tr("The subcommand."));
    parser.addPositionalArgument(
        QStringLiteral("URL"), CheckSlurmText::tr("Base URL of slurmrestd, e.g. http://slurm-head:6820/"));

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
    const QStringList positional = parser.positionalArguments(); // [check-slurm, URL]
    if (positional.size() != 2 || !parser.isSet(token)) {
        err << CheckSlurmText::tr("Usage: meridian check-slurm URL --token-file FILE [--user NAME]") << '\n';
        return 2;
    }
    QUrl url = QUrl::fromUserInput(positional.at(1));
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        err << CheckSlurmText::tr("Not an http(s) URL: %1").arg(positional.at(1)) << '\n';
        return 2;
    }
    if (!url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path() + QLatin1Char('/'));
    bool ok = false;
    const int timeoutS = parser.value(timeout).toInt(&ok);
    if (!ok || timeoutS < 1 || timeoutS > 600) {
        err << CheckSlurmText::tr("--timeout must be 1 to 600 seconds.") << '\n';
        return 2;
    }
    const TlsClientFiles tls { parser.value(ca), {}, {} };
    if (!tls.isEmpty() && url.scheme() != QLatin1String("https")) {
        err << CheckSlurmText::tr("--ca needs an https:// URL.") << '\n';
        return 2;
    }

    registerCoreMetaTypes();
    SlurmCheck check;
    check.setTimeoutMs(timeoutS * 1000);
    int exitCode = 1;
    QObject::connect(&check, &SlurmCheck::finished, &check, [&](const SlurmCheckReport& report) {
        print(out, report);
        out.flush();
        exitCode = report.healthy() ? 0 : 1;
        QCoreApplication::quit();
    });
    check.start(url, parser.value(user), parser.value(token), tls);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace Meridian
