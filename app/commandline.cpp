// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/commandline.h"

#include "ui/shell/pageregistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace Meridian {

namespace {
class CommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::CommandLine)
};
} // namespace

ParseResult parseConsoleArguments(const QStringList& arguments, ConsoleOptions* options, QString* message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLineText::tr("Console for a multi-region AI compute network.\n\n"
                            "Subcommands:\n"
                            "  check-agent URL [--token-file FILE]   check one agent or fleet front and exit\n"
                            "  check-slurm URL --token-file FILE [--user NAME]   check a Slurm cluster's slurmrestd "
                            "and exit\n"
                            "  check-source --config FILE [--source NAME] [--json]   check every source and exit\n"
                            "  report --type TYPE --range RANGE --format pdf|csv|xlsx -o FILE   write a report from "
                            "the cache and exit (meridian report --help)\n"
                            "  plan --model MODEL|--family NAME --count N --duration 7d [--near SITE --max-rtt 10ms]   "
                            "where a job can run, now or soon, and at what risk (meridian plan --help)"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"), CommandLineText::tr("Start a simulated fleet and show it."));
    const QCommandLineOption config(
        QStringLiteral("config"), CommandLineText::tr("Read the sources from FILE."), CommandLineText::tr("FILE"));
    const QCommandLineOption page(QStringLiteral("page"),
        CommandLineText::tr("Open page NAME at start (%1).").arg(pageIds().join(QStringLiteral(", "))),
        CommandLineText::tr("NAME"));
    const QCommandLineOption lang(QStringLiteral("lang"), CommandLineText::tr("User interface language: zh_CN or en."),
        CommandLineText::tr("LANG"));
    const QCommandLineOption cache(
        QStringLiteral("cache"), CommandLineText::tr("Keep the cache in directory DIR."), CommandLineText::tr("DIR"));
    parser.addOptions({ demo, config, page, lang, cache });

    if (!parser.parse(arguments)) {
        *message = parser.errorText();
        return ParseResult::ExitError;
    }
    if (parser.isSet(helpOption)) {
        *message = parser.helpText();
        return ParseResult::ExitOk;
    }
    if (parser.isSet(versionOption)) {
        *message = QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion();
        return ParseResult::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = CommandLineText::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return ParseResult::ExitError;
    }
    // An option given twice is almost always a mistake in a script; say so instead of picking one.
    for (const QCommandLineOption* option : { &config, &page, &lang, &cache }) {
        if (parser.values(*option).size() > 1) {
            *message = CommandLineText::tr("Option --%1 given more than once.").arg(option->names().constFirst());
            return ParseResult::ExitError;
        }
    }

    options->demo = parser.isSet(demo);
    options->configGiven = parser.isSet(config);
    options->configPath = parser.value(config);
    if (options->configGiven && options->configPath.trimmed().isEmpty()) {
        *message = CommandLineText::tr("--config needs a file name.");
        return ParseResult::ExitError;
    }
    options->page = parser.value(page);
    if (parser.isSet(page) && !pageIds().contains(options->page)) {
        *message = CommandLineText::tr("Unknown page “%1”; known pages: %2.")
                       .arg(options->page, pageIds().join(QStringLiteral(", ")));
        return ParseResult::ExitError;
    }
    options->language = parser.value(lang);
    if (parser.isSet(lang) && options->language != QLatin1String("zh_CN") && options->language != QLatin1String("en")) {
        *message = CommandLineText::tr("Unsupported language “%1”; use zh_CN or en.").arg(options->language);
        return ParseResult::ExitError;
    }
    options->cacheDir = parser.value(cache);
    if (parser.isSet(cache) && options->cacheDir.trimmed().isEmpty()) {
        *message = CommandLineText::tr("--cache needs a directory.");
        return ParseResult::ExitError;
    }
    return ParseResult::Run;
}

} // namespace Meridian
