// SPDX-License-Identifier: GPL-3.0-or-later
// meridian: the console, and `meridian check-agent` for support staff.

#include "app/checkagentcommand.h"
#include "app/checkslurmcommand.h"
#include "app/checksourcecommand.h"
#include "app/commandline.h"
#include "app/consolestartup.h"
#include "app/plancommand.h"
#include "app/reportcommand.h"
#include "ui/common/translations.h"

#include <QApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace {
void setApplicationInfo()
{
    QCoreApplication::setApplicationName(QStringLiteral("Meridian"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERIDIAN_VERSION));
}
// QApplication consumes its own options (-platform, -style, …); the probe
// QCoreApplication does not, so drop them before our parser sees them.
QStringList withoutQtGuiOptions(QStringList arguments)
{
    static const QStringList withValue = { QStringLiteral("platform"), QStringLiteral("platformpluginpath"),
        QStringLiteral("platformtheme"), QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"),
        QStringLiteral("qwindowicon"), QStringLiteral("qwindowtitle"), QStringLiteral("style"),
        QStringLiteral("stylesheet"), QStringLiteral("display"), QStringLiteral("geometry"), QStringLiteral("title"),
        QStringLiteral("session") };
    static const QStringList flags = { QStringLiteral("reverse"), QStringLiteral("widgetcount"),
        QStringLiteral("nograb"), QStringLiteral("dograb"), QStringLiteral("sync") };
    QStringList result;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name = arguments[i];
        if (i == 0 || !name.startsWith(QLatin1Char('-'))) {
            result.append(name);
            continue;
        }
        name.remove(0, name.startsWith(QLatin1String("--")) ? 2 : 1);
        if (withValue.contains(name)) {
            ++i; // skip the value too
            continue;
        }
        if (!flags.contains(name))
            result.append(arguments[i]);
    }
    return result;
}
} // namespace

int main(int argc, char** argv)
{
    // Subcommands run headless: decide before any QApplication (and display) exists.
    if (argc >= 2 && std::strcmp(argv[1], "check-agent") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        Meridian::installTranslations(QLocale::system());
        return Meridian::runCheckAgent(QCoreApplication::arguments());
    }
    if (argc >= 2 && std::strcmp(argv[1], "check-source") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        Meridian::installTranslations(QLocale::system());
        return Meridian::runCheckSource(QCoreApplication::arguments());
    }

    if (argc >= 2 && std::strcmp(argv[1], "check-slurm") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        Meridian::installTranslations(QLocale::system());
        return Meridian::runCheckSlurm(QCoreApplication::arguments());
    }

    if (argc >= 2 && std::strcmp(argv[1], "plan") == 0) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        Meridian::installTranslations(QLocale::system());
        return Meridian::runPlan(QCoreApplication::arguments());
    }

    if (argc >= 2 && std::strcmp(argv[1], "report") == 0) {
        // The PDF's charts are widgets: a QApplication, on the offscreen platform unless told otherwise (cron has no
        // display).
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        setApplicationInfo();
        Meridian::installTranslations(QLocale::system());
        return Meridian::runReport(QCoreApplication::arguments());
    }

    // Parse on a QCoreApplication so that bad arguments are reported without a display.
    Meridian::ConsoleOptions options;
    {
        QCoreApplication probe(argc, argv);
        setApplicationInfo();
        Meridian::installTranslations(QLocale::system());
        QString message;
        switch (
            Meridian::parseConsoleArguments(withoutQtGuiOptions(QCoreApplication::arguments()), &options, &message)) {
        case Meridian::ParseResult::ExitOk:
            QTextStream(stdout) << message << '\n';
            return 0;
        case Meridian::ParseResult::ExitError:
            QTextStream(stderr) << "meridian: " << message << '\n'
                                << QCoreApplication::translate("Meridian::CommandLine", "Try 'meridian --help'.")
                                << '\n';
            return 2;
        case Meridian::ParseResult::Run:
            break;
        }
    }

    QApplication app(argc, argv);
    setApplicationInfo();
    QApplication::setDesktopFileName(QStringLiteral("meridian"));
    Meridian::installTranslations(options.language.isEmpty() ? QLocale::system() : QLocale(options.language));
    return Meridian::runConsole(options);
}
