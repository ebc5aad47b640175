// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/reportcommand.h"

#include "app/subcommandparser.h"
#include "core/cache/cachereader.h"
#include "core/latency/latencymatrix.h"
#include "core/reports/report.h"
#include "core/reports/reportexport.h"
#include "core/reports/reportrunner.h"
#include "core/reports/reporttext.h"
#include "core/session/consoleconfig.h"
#include "core/session/demofleet.h"
#include "core/session/fleetsession.h"
#include "core/session/historysync.h"
#include "core/store/fleetstore.h"
#include "ui/reports/reportpdf.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace Meridian {

namespace {

struct CommandText
{
    Q_DECLARE_TR_FUNCTIONS(Meridian::ReportCommand)
};

QString cacheDirFor(bool demo)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(demo ? QStringLiteral("demo-cache") : QStringLiteral("cache"));
}

// --demo: runs the demo fleet into a fresh cache until its pre-generated history
// is in (the number of cached minutes stops growing), then closes the session so
// everything is committed. Returns the cache directory, empty on failure.
QString fillDemoCache(QTemporaryDir* dir, const QString& history, QString* error)
{
    DemoFleet demo;
    FleetSession session;
    if (!session.open(dir->path(), error))
        return {};
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&demo, &DemoFleet::failed, &loop, [&](const QString& message) {
        *error = message;
        loop.quit();
    });
    QObject::connect(
        &demo, &DemoFleet::ready, &loop, [&] { session.setSources({ demo.source(QStringLiteral("demo"), 1000) }); });
    qsizetype lastCount = -1;
    int stable = 0;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QFuture<CapacitySeries> f = session.cache()->capacityHistory(now - 40LL * 24 * 3600 * 1000, now + 3600 * 1000);
        f.waitForFinished(); // headless: nothing else to keep responsive
        qsizetype count = f.resultCount() ? f.result().points.size() : 0;
        // The probe history comes after the first node listing: wait for it too (one site pair).
        const LatencyTopology topo = LatencyMatrix::build(session.store()->nodes()).topology();
        if (topo.sites.size() >= 2) {
            QFuture<QList<PairPoint>> probes = session.cache()->probeHistory(
                true, topo.sites[0].id, topo.sites[1].id, now - 40LL * 24 * 3600 * 1000, now + 3600 * 1000);
            probes.waitForFinished();
            count += probes.resultCount() ? probes.result().size() : 0;
        }
        stable = count > 0 && count == lastCount ? stable + 1 : 0;
        lastCount = count;
        if (stable >= 3) {
            ok = true;
            loop.quit();
        }
    });
    QTimer::singleShot(300000, &loop, [&] {
        *error = CommandText::tr("the demo fleet's history did not arrive within 5 minutes");
        loop.quit();
    });
    DemoOptions options;
    options.history = history;
    demo.start(options);
    poll.start(2000);
    loop.exec();
    session.setSources({});
    demo.stop();
    return ok ? dir->path() : QString();
}

// The earliest instant the report may cover: a relative range ends with the newest data, which a sync brings
// up to now.
qint64 reportStartMs(const Reports::ReportParameters& p)
{
    if (p.relativeSpanMs > 0)
        return QDateTime::currentMSecsSinceEpoch() - p.relativeSpanMs;
    return p.fromMs;
}

QString syncLine(const QString& source, const SourceProgress& p)
{
    if (!p.problem.isEmpty())
        return CommandText::tr("%1: %2").arg(source, p.problem);
    if (!p.historyProblem.isEmpty())
        return CommandText::tr("%1: reading history failed, asking again: %2").arg(source, p.historyProblem);
    const auto time = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };
    if (p.historyCaughtUp && p.historyToMs > p.historyFromMs)
        return CommandText::tr("%1: history up to date (read %2 – %3 UTC)")
            .arg(source, time(p.historyFromMs), time(p.historyDoneMs));
    if (p.historyCaughtUp)
        return CommandText::tr("%1: history up to date").arg(source);
    const double share = p.historyShare();
    if (share < 0)
        return CommandText::tr("%1: connected, history not started yet").arg(source);
    return CommandText::tr("%1: reading history %2 – %3 UTC, %4 %")
        .arg(source, time(p.historyFromMs), time(p.historyToMs))
        .arg(qRound(share * 100));
}

// Brings the cache up to date from the configuration's sources that keep history (Prometheus), with progress on
// stderr at most every few seconds per source. A source that cannot be read is a warning: the report still
// comes from what the cache holds, and says where its data has gaps.
bool syncHistory(const QList<SourceConfig>& sources, const QString& cacheDir, const HistorySync::Options& options,
    QTextStream& err, QString* error)
{
    HistorySync sync;
    QHash<QString, std::pair<qint64, QString>> printed; // source → (when, what)
    QObject::connect(&sync, &HistorySync::progress, [&](const QString& source, const SourceProgress& p) {
        const QString line = syncLine(source, p);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto last = printed.value(source);
        // Only the percentage of a reading in progress waits its turn; a failure or the end is said at once.
        const bool readingOnly = p.problem.isEmpty() && p.historyProblem.isEmpty() && !p.historyCaughtUp;
        if (line == last.second || (readingOnly && now - last.first < 5000))
            return;
        printed.insert(source, { now, line });
        err << "meridian report: " << line << Qt::endl;
    });
    QList<HistorySync::Outcome> outcomes;
    if (!sync.run(sources, cacheDir, options, &outcomes, error))
        return false;
    for (const HistorySync::Outcome& o : std::as_const(outcomes)) {
        if (!o.caughtUp)
            err << "meridian report: "
                << CommandText::tr("warning: %1 is not up to date (%2); the report uses what the cache holds")
                       .arg(o.source, o.problem)
                << Qt::endl;
    }
    return true;
}

} // namespace

int runReport(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandText::tr("Writes a report from the console's cache."));
    parser.addHelpOption();
    const QCommandLineOption type(QStringLiteral("type"),
        CommandText::tr("Report type: %1.").arg(Reports::Registry::types().join(QStringLiteral(", "))),
        QStringLiteral("TYPE"));
    const QCommandLineOption scope(QStringLiteral("scope"),
        CommandText::tr("fleet, region:REGION or pool:REGION/POOL (default fleet)."), QStringLiteral("SCOPE"),
        QStringLiteral("fleet"));
    const QCommandLineOption range(QStringLiteral("range"),
        CommandText::tr("24h, 7d, 30d (ending with the newest data) or FROM..TO in ISO 8601 UTC (default 24h)."),
        QStringLiteral("RANGE"), QStringLiteral("24h"));
    const QCommandLineOption format(QStringLiteral("format"), CommandText::tr("pdf, csv or xlsx (default pdf)."),
        QStringLiteral("FORMAT"), QStringLiteral("pdf"));
    const QCommandLineOption output(QStringList { QStringLiteral("o"), QStringLiteral("output") },
        CommandText::tr("Output file (pdf, xlsx) or directory (csv: one file per table)."), QStringLiteral("PATH"));
    const QCommandLineOption config(QStringLiteral("config"),
        CommandText::tr("Console configuration whose cache to read. Its Prometheus sources bring the cache up to "
                        "date for the range first."),
        QStringLiteral("FILE"));
    const QCommandLineOption noSync(QStringLiteral("no-sync"),
        CommandText::tr("With --config: report on the cache as it is, without asking the sources."));
    const QCommandLineOption syncTimeout(QStringLiteral("sync-timeout"),
        CommandText::tr("With --config: minutes to wait for the sources at most (default 30)."),
        QStringLiteral("MINUTES"), QStringLiteral("30"));
    const QCommandLineOption cache(
        QStringLiteral("cache"), CommandText::tr("Cache directory to read."), QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"), CommandText::tr("Run the demo fleet and report on its history."));
    const QCommandLineOption demoHistory(QStringLiteral("demo-history"),
        CommandText::tr("History the demo fleet pre-generates (default 2h)."), QStringLiteral("DURATION"),
        QStringLiteral("2h"));
    const QCommandLineOption language(QStringLiteral("lang"),
        CommandText::tr("Report language: en or zh_CN (default en)."), QStringLiteral("LANG"), QStringLiteral("en"));
    const QCommandLineOption bom(
        QStringLiteral("bom"), CommandText::tr("CSV: start each file with a UTF-8 BOM (Excel)."));
    parser.addOptions(
        { type, scope, range, format, output, config, noSync, syncTimeout, cache, demo, demoHistory, language, bom });

    const QString name = QStringLiteral("report");
    if (const std::optional<int> stop = parseSubcommand(parser, arguments, name, out, err))
        return *stop;
    auto fail = [&](const QString& message, int code) { return subcommandFailed(err, name, message, code); };

    Reports::ReportParameters p;
    p.type = parser.value(type);
    if (!Reports::Registry::create(p.type))
        return fail(
            CommandText::tr("--type must be one of: %1").arg(Reports::Registry::types().join(QStringLiteral(", "))), 2);
    const auto parsedScope = Reports::ReportScope::parse(parser.value(scope));
    if (!parsedScope)
        return fail(CommandText::tr("--scope must be fleet, region:REGION or pool:REGION/POOL"), 2);
    p.scope = *parsedScope;
    if (!Reports::parseRange(parser.value(range), &p))
        return fail(CommandText::tr("--range must be 24h, 7d, 30d or FROM..TO (ISO 8601)"), 2);
    p.language = parser.value(language);
    if (p.language != QLatin1String("en") && p.language != QLatin1String("zh_CN"))
        return fail(CommandText::tr("--lang must be en or zh_CN"), 2);
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("pdf") && fmt != QLatin1String("csv") && fmt != QLatin1String("xlsx"))
        return fail(CommandText::tr("--format must be pdf, csv or xlsx"), 2);
    if (!parser.isSet(output))
        return fail(CommandText::tr("-o PATH is required"), 2);
    if (int(parser.isSet(config)) + int(parser.isSet(cache)) + int(parser.isSet(demo)) > 1)
        return fail(CommandText::tr("give at most one of --config, --cache and --demo"), 2);
    bool minutesOk = false;
    const int syncMinutes = parser.value(syncTimeout).toInt(&minutesOk);
    if (!minutesOk || syncMinutes < 1 || syncMinutes > 24 * 60)
        return fail(CommandText::tr("--sync-timeout must be a number of minutes from 1 to 1440"), 2);

    QString cacheDir;
    QTemporaryDir demoDir;
    if (parser.isSet(demo)) {
        QString error;
        cacheDir = fillDemoCache(&demoDir, parser.value(demoHistory), &error);
        if (cacheDir.isEmpty())
            return fail(CommandText::tr("the demo fleet failed: %1").arg(error), 1);
    } else if (parser.isSet(cache)) {
        cacheDir = parser.value(cache);
    } else {
        ConsoleConfig cfg;
        QString error;
        if (parser.isSet(config) && !ConsoleConfig::load(parser.value(config), &cfg, &error))
            return fail(CommandText::tr("cannot use the configuration %1: %2").arg(parser.value(config), error), 1);
        cacheDir = cfg.cachePath.isEmpty() ? cacheDirFor(false) : cfg.cachePath;
        if (parser.isSet(config) && !parser.isSet(noSync)) {
            HistorySync::Options options;
            options.fromMs = reportStartMs(p);
            options.timeoutMs = qint64(syncMinutes) * 60 * 1000;
            if (!syncHistory(cfg.sources, cacheDir, options, err, &error))
                return fail(CommandText::tr("cannot bring the cache in %1 up to date: %2").arg(cacheDir, error), 1);
        }
    }
    if (!QFileInfo::exists(QDir(cacheDir).filePath(QStringLiteral("metrics.db"))))
        return fail(CommandText::tr("no cache in %1").arg(cacheDir), 1);

    CacheReader reader(cacheDir);
    Reports::ReportRunner runner(&reader);
    std::optional<Reports::ReportData> data;
    QEventLoop loop;
    QObject::connect(&runner, &Reports::ReportRunner::finished, &loop, [&](const Reports::ReportData& d) {
        data = d;
        loop.quit();
    });
    QObject::connect(&runner, &Reports::ReportRunner::cancelled, &loop, &QEventLoop::quit);
    std::optional<QString> damage;
    QObject::connect(&runner, &Reports::ReportRunner::damaged, &loop, [&](const QString& detail) {
        damage = detail;
        loop.quit();
    });
    runner.start(p);
    loop.exec();
    // A report from a damaged cache would be wrong without saying so: refuse, with its own exit status.
    if (damage)
        return fail(CommandText::tr("the cache in %1 is damaged, no report was written: %2. Start the console to "
                                    "move it aside, or move its files away yourself.")
                        .arg(cacheDir, *damage),
            3);
    if (!data)
        return fail(CommandText::tr("the report could not be computed"), 1);
    if (data->isEmpty())
        return fail(CommandText::tr("the cache in %1 holds no data for this scope and range").arg(cacheDir), 1);

    const Reports::ReportText text(p.language);
    const QString path = parser.value(output);
    QString error;
    bool written = false;
    if (fmt == QLatin1String("pdf"))
        written = Reports::writePdf(*data, text, path, &error);
    else if (fmt == QLatin1String("xlsx"))
        written = Reports::writeXlsx(*data, text, path, &error);
    else
        written = Reports::writeCsv(*data, text, path, parser.isSet(bom), &error);
    if (!written)
        return fail(error, 1);
    out << CommandText::tr("wrote %1 (%2 gaps in the data)").arg(path).arg(data->gaps.size()) << '\n';
    return 0;
}

} // namespace Meridian
