// SPDX-License-Identifier: GPL-3.0-or-later
// What the cache's connection guard (core/cache/cacheguard.h: progress handler, statement trace, limits)
// costs a query: the same scans over one file, on a guarded and on a plain connection, alternating in the
// same process. Prints BENCH lines and the ratio guarded/plain. Usage: bench_cacheguard [--rows N] [--rounds R]

#include "core/cache/cacheguard.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.4g %s\n", name, value, unit);
    std::fflush(stdout);
}

// Milliseconds for one round of the queries a report makes: a scan with a filter and an ordered range.
double round(const QSqlDatabase& db)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.exec(QStringLiteral("SELECT count(*), sum(length(data)) FROM chunk WHERE n > 10"));
    q.next();
    q.exec(QStringLiteral("SELECT t0, series, n, data FROM chunk WHERE t0 BETWEEN 100 AND 1100 ORDER BY t0"));
    qint64 rows = 0;
    while (q.next())
        rows += q.value(2).toLongLong() > 0;
    return rows > 0 ? double(timer.nsecsElapsed()) / 1e6 : -1; // no rows: the query did not run
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(
        QStringLiteral("rows"), QStringLiteral("Rows in the table."), QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption roundsOption(
        QStringLiteral("rounds"), QStringLiteral("Rounds per connection."), QStringLiteral("R"), QStringLiteral("15"));
    parser.addOptions({ rowsOption, roundsOption });
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int rounds = std::max(3, parser.value(roundsOption).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("CREATE TABLE chunk(t0 INTEGER NOT NULL, series INTEGER NOT NULL, n INTEGER NOT NULL,"
                              " data BLOB NOT NULL, PRIMARY KEY(t0, series)) WITHOUT ROWID"));
        q.exec(QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1)"
                              " INSERT INTO chunk SELECT x / 100, x % 100, x % 60, randomblob(200) FROM c")
                   .arg(rows));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("make"));

    QSqlDatabase plain = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
    plain.setDatabaseName(path);
    plain.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    plain.open();
    QSqlDatabase guarded = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("guarded"));
    guarded.setDatabaseName(path);
    guarded.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    guarded.open();
    QString error;
    if (!Meridian::CacheDb::guard(guarded, true, &error)) {
        std::fprintf(stderr, "guard: %s\n", qPrintable(error));
        return 1;
    }
    round(plain); // warm the page cache
    std::vector<double> plainMs, guardedMs;
    for (int i = 0; i < rounds; ++i) {
        plainMs.push_back(round(plain));
        guardedMs.push_back(round(guarded));
    }
    const double p = median(plainMs);
    const double g = median(guardedMs);
    bench("cacheguard.query_round_guarded", g, "ms");
    bench("cacheguard.query_round_plain", p, "ms");
    bench("cacheguard.query_round.ratio", g / p, "x");
    plain.close();
    guarded.close();
    Meridian::CacheDb::releaseGuard(QStringLiteral("guarded"));
    return 0;
}
