// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for tst_cachekill: writes numbered batches into the cache at DIR in a
// loop and prints "committed K" after each flush. Batch K holds jobs "K-0".."K-4",
// events K*10+0..4 and, for nodes n0..n3, the sample with seq K. On start it
// resumes after the batch the cursors say is persisted.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "tests/cache/cachetestdata.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

using namespace Meridian;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    const QString dir = QString::fromLocal8Bit(argv[1]);
    qint64 next = 1;
    {
        CacheReader reader(dir);
        auto cursors = reader.cursors();
        cursors.waitForFinished();
        next = cursors.result().value(QStringLiteral("n0")).second + 1;
    }
    CacheOptions options;
    options.batchIntervalMs = 5;
    CacheWriter writer(dir, options);
    QObject::connect(&writer, &CacheWriter::integrityChecked, [](bool ok, const QString& detail) {
        std::printf("integrity %s %s\n", ok ? "ok" : "BAD", qPrintable(detail));
        std::fflush(stdout);
    });
    QObject::connect(&writer, &CacheWriter::failed, [](const QString& message) {
        std::printf("failed %s\n", qPrintable(message));
        std::fflush(stdout);
    });
    bool opened = false;
    QObject::connect(&writer, &CacheWriter::opened, [&] { opened = true; });
    writer.start();
    writer.flush();
    QCoreApplication::processEvents(); // deliver opened()/integrityChecked()
    std::printf("resume %lld\n", next);
    std::fflush(stdout);
    constexpr qint64 Base = 1'750'000'000'000;
    for (qint64 k = next;; ++k) {
        SourceUpdate u;
        u.source = QStringLiteral("kill");
        for (int n = 0; n < 4; ++n) {
            const QString node = QStringLiteral("n%1").arg(n);
            const Protocol::Sample s = CacheTest::sample(k, Base + k * 5000, QStringLiteral("afxf"));
            if (k == next)
                u.nodes.append(
                    CacheTest::nodeUpdate(CacheTest::inventory(node, QStringLiteral("east"), QStringLiteral("p"),
                                              QStringList(4, QStringLiteral("Ascend 910B"))),
                        CacheTest::snapshot(QStringLiteral("inst"), s)));
            u.samples.append({ node, s });
        }
        u.hasJobs = true;
        for (int j = 0; j < 5; ++j) {
            u.jobs.append(CacheTest::job(QStringLiteral("%1-%2").arg(k).arg(j), QStringLiteral("running")));
            u.events.append(
                CacheTest::event(k * 10 + j, QStringLiteral("n0"), Base + k * 5000, QStringLiteral("thermal")));
        }
        writer.write(u);
        // A few batches ride along unflushed, so kills also land mid-batch.
        if (k % 3 == 0) {
            writer.flush();
            std::printf("committed %lld\n", k);
            std::fflush(stdout);
        }
    }
    return opened ? 0 : 1;
}
