// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_ingestkill: the console's ingest path in one process — a
// FleetSource polling a real meridian-fleetsim, feeding a real CacheWriter —
// so that the test can SIGKILL it at random moments. Usage:
//   meridian-ingestkill CACHE_DIR FLEET_URL TOKEN_FILE
// Prints "cursor NODE SEQ" for every cursor the console's reader finds in the
// cache and then "resume N" (their number) once writing starts, then after every update it has flushed (committed):
// "committed NODE SEQ TS" for the newest sample of every node in that update (TS: of the newest one with a CPU value; 0
// if none). A line printed is durable. "nan NODE TS" names samples without a CPU value (a down node), which have no
// point in the history.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/sources/fleetsource.h"

#include <QCoreApplication>
#include <QHash>

#include <cmath>
#include <cstdio>

using namespace Meridian;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: meridian-ingestkill CACHE_DIR FLEET_URL TOKEN_FILE\n");
        return 2;
    }
    registerCoreMetaTypes();
    const QString dir = QString::fromLocal8Bit(argv[1]);
    CacheCursors cursors;
    {
        CacheReader reader(dir);
        auto f = reader.cursors();
        f.waitForFinished();
        cursors = f.result();
    }
    CacheOptions options;
    options.batchIntervalMs = 20;
    CacheWriter writer(dir, options);
    QObject::connect(&writer, &CacheWriter::integrityChecked, [](bool ok, const QString& detail) {
        std::printf("integrity %s %s\n", ok ? "ok" : "BAD", qPrintable(detail));
        std::fflush(stdout);
    });
    QObject::connect(&writer, &CacheWriter::failed, [](const QString& message) {
        std::printf("failed %s\n", qPrintable(message));
        std::fflush(stdout);
    });
    writer.start();
    writer.flush();

    SourceConfig config;
    config.name = QStringLiteral("sim");
    config.kind = SourceConfig::Kind::Fleet;
    config.url = QUrl(QString::fromLocal8Bit(argv[2]));
    config.tokenFile = QString::fromLocal8Bit(argv[3]);
    config.intervalMs = 1000;
    FleetSource source(config);
    source.setCursors(cursors);
    QObject::connect(&source, &Source::updateReady, &source, [&writer](const SourceUpdate& u) {
        writer.write(u);
        QHash<QString, std::pair<qint64, qint64>> newest; ///< node → (seq, timestamp of the newest with a value)
        for (const auto& [node, sample] : u.samples) {
            auto& n = newest[node];
            n.first = std::max(n.first, sample.seq);
            if (std::isnan(sample.node.cpuUtilization)) {
                // No value: the cache keeps no point for it. Said before the commit, so never missed.
                std::printf("nan %s %lld\n", qPrintable(node), sample.timestampMs);
            } else {
                n.second = std::max(n.second, sample.timestampMs);
            }
        }
        if (newest.isEmpty())
            return;
        // Blocking on purpose: once flush() returns the batch is committed, so the line is true.
        writer.flush();
        for (auto it = newest.cbegin(); it != newest.cend(); ++it)
            std::printf("committed %s %lld %lld\n", qPrintable(it.key()), it->first, it->second);
        std::fflush(stdout);
    });
    for (auto it = cursors.cbegin(); it != cursors.cend(); ++it)
        std::printf("cursor %s %lld\n", qPrintable(it.key()), it->second);
    std::printf("resume %lld\n", qint64(cursors.size()));
    std::fflush(stdout);
    source.start();
    return QCoreApplication::exec();
}
