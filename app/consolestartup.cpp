// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/consolestartup.h"

#include "core/model/fleettypes.h"
#include "core/session/consoleconfig.h"
#include "core/session/demofleet.h"
#include "core/session/fleetsession.h"
#include "core/util/terminationsignals.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace Meridian {

namespace {
class StartupText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::Startup)
};

QString defaultConfigPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("console.json"));
}

QString defaultCacheDir(bool demo)
{
    // The demo fleet gets its own cache so that it never mixes with a real fleet's history.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(demo ? QStringLiteral("demo-cache") : QStringLiteral("cache"));
}
} // namespace

int runConsole(const ConsoleOptions& options)
{
    QTextStream err(stderr);
    registerCoreMetaTypes();

    // An explicit --config must exist and be valid; the default file is optional.
    const QString configPath = options.configGiven ? options.configPath : defaultConfigPath();
    ConsoleConfig config;
    if (options.configGiven || QFileInfo::exists(configPath)) {
        QString error;
        if (!ConsoleConfig::load(configPath, &config, &error)) {
            err << StartupText::tr("meridian: cannot use the configuration %1: %2").arg(configPath, error) << '\n';
            return 1;
        }
    }

    const QString cacheDir = !options.cacheDir.isEmpty() ? options.cacheDir
        : !config.cachePath.isEmpty()                    ? config.cachePath
                                                         : defaultCacheDir(options.demo);
    // `kill`, Ctrl+C, the end of the session: leave through the event loop like a closed window, so that the
    // cache writes what it holds and closes cleanly. Installed before the cache opens: a signal that comes
    // early waits in the notifier's socket until the event loop runs.
    TerminationSignals termination;
    QObject::connect(&termination, &TerminationSignals::received, qApp, &QCoreApplication::quit);

    FleetSession session;
    QString cacheError;
    if (!QDir().mkpath(cacheDir) || !session.open(cacheDir, &cacheError)) {
        // Live data still works without a cache; say so instead of refusing to start.
        err << StartupText::tr("meridian: the cache in %1 cannot be used (%2); continuing without history")
                   .arg(cacheDir, cacheError.isEmpty() ? StartupText::tr("cannot create the directory") : cacheError)
            << '\n';
    }
    session.setSources(config.sources);

    MainWindow window(&session);
    window.setConfig(configPath, config);
    if (!options.page.isEmpty())
        window.showPage(options.page);

    DemoFleet demo;
    if (options.demo) {
        const QString demoName = StartupText::tr("Demo fleet");
        QObject::connect(&demo, &DemoFleet::ready, &window, [&, demoName](const QUrl& url, const QString&) {
            QList<SourceConfig> sources = session.sources();
            sources.append(demo.source(demoName, 5000));
            session.setSources(sources);
            window.setConfig(configPath, config, { demoName });
            window.showMessage(StartupText::tr("Demo fleet running at %1").arg(url.toDisplayString()));
        });
        QObject::connect(&demo, &DemoFleet::failed, &window, [&](const QString& message) {
            err << StartupText::tr("meridian: the demo fleet did not start: %1").arg(message) << '\n';
            err.flush();
            QMessageBox::critical(&window, StartupText::tr("Demo Fleet"),
                StartupText::tr("The demo fleet did not start:\n%1").arg(message));
        });
        QObject::connect(qApp, &QCoreApplication::aboutToQuit, &demo, &DemoFleet::stop);
        DemoOptions demoOptions;
        demoOptions.history = QStringLiteral("2h");
        demo.start(demoOptions);
    }

    window.show();
    const int code = QApplication::exec();
    // Sources first (they talk to the demo fleet), then the fleet itself.
    session.setSources({});
    demo.stop();
    return code;
}

} // namespace Meridian
