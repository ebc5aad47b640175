// SPDX-License-Identifier: GPL-3.0-or-later
// `meridian report --config F`: before it computes, the configuration's Prometheus sources bring the cache up to
// date for the requested range, with progress on stderr, so that a cron job needs no console running. Against
// a real Prometheus whose storage the test backfills with promtool (two DCGM nodes with two GPUs each, 3 h at one
// minute, with region/pool/rack labels): a new cache is filled back to the range's start (further than the
// source's configured horizon) and the capacity report counts every minute; an unreachable Prometheus is a
// warning, never a hang, and --no-sync reads the cache as it is.

#include "core/cache/cachereader.h"
#include "tests/support/prometheuslab.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Minute = 60000;
constexpr int Minutes = 3 * 60;
const QStringList NodeIds { u"gpu-001"_s, u"gpu-002"_s };

double utilization(int node, int gpu, int minute)
{
    return double((minute * 7 + gpu * 13 + node * 5) % 101);
}

QByteArray openMetrics(qint64 t0Ms)
{
    QByteArray out;
    const auto at = [t0Ms](int minute) { return QByteArray::number((t0Ms + minute * Minute) / 1000); };
    const auto labels = [](int n) {
        return QStringLiteral(
            "instance=\"%1:9400\",job=\"dcgm\",region=\"East China\",pool=\"wuhu-h100\",rack=\"r0%2\"")
            .arg(NodeIds[n])
            .arg(n + 1);
    };
    out += "# TYPE up gauge\n";
    for (int n = 0; n < NodeIds.size(); ++n) {
        for (int m = 0; m < Minutes; ++m)
            out += QStringLiteral("up{%1} 1 ").arg(labels(n)).toUtf8() + at(m) + '\n';
    }
    out += "# TYPE DCGM_FI_DEV_GPU_UTIL gauge\n";
    for (int n = 0; n < NodeIds.size(); ++n) {
        for (int g = 0; g < 2; ++g) {
            for (int m = 0; m < Minutes; ++m)
                out += QStringLiteral("DCGM_FI_DEV_GPU_UTIL{%1,gpu=\"%2\",UUID=\"GPU-%3-%2\",modelName=\"NVIDIA H100 "
                                      "80GB HBM3\",Hostname=\"%3\"} %4 ")
                           .arg(labels(n))
                           .arg(g)
                           .arg(NodeIds[n])
                           .arg(utilization(n, g, m))
                           .toUtf8()
                    + at(m) + '\n';
        }
    }
    out += "# EOF\n";
    return out;
}

struct Run
{
    int exitCode = -1;
    QString stdErr;
};

// CSV cell values of one column, by its header.
QStringList column(const QString& csvPath, const QString& header)
{
    QFile f(csvPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return {};
    const qsizetype index = lines.first().split(u',').indexOf(header);
    QStringList out;
    for (qsizetype i = 1; index >= 0 && i < lines.size(); ++i)
        out.append(lines[i].split(u',').value(index));
    return out;
}

} // namespace

class TestReportSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fillsANewCacheForTheRange();
    void unreachableSourceIsAWarning();
    void noSyncReadsTheCacheAsItIs();
    void cleanupTestCase();

private:
    QString writeConfig(const QString& name, const QUrl& url, const QString& cacheDir);
    Run report(const QStringList& arguments);

    QTemporaryDir m_dir;
    std::unique_ptr<PrometheusLab> m_lab;
    qint64 m_t0 = 0;
    qint64 m_t1 = 0;
};

void TestReportSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (const QString why = PrometheusLab::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    if (QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty())
        QSKIP("promtool is not installed (Debian: prometheus)");
    // 3 h of minutes ending two minutes ago.
    m_t1 = QDateTime::currentMSecsSinceEpoch() / Minute * Minute - 2 * Minute;
    m_t0 = m_t1 - (Minutes - 1) * Minute;
    const QString file = m_dir.filePath(QStringLiteral("history.om"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QVERIFY(out.write(openMetrics(m_t0)) > 0);
    out.close();
    PrometheusLabOptions options;
    options.backfill = file;
    m_lab = std::make_unique<PrometheusLab>(options);
    QString error;
    QVERIFY2(m_lab->start(0, &error), qPrintable(error));
}

QString TestReportSync::writeConfig(const QString& name, const QUrl& url, const QString& cacheDir)
{
    // The source's own horizon (1 h) is shorter than the report's range: the sync reads back to the range.
    const QJsonObject source { { u"name"_s, u"prom-east"_s }, { u"kind"_s, u"prometheus"_s },
        { u"url"_s, url.toString() }, { u"intervalSeconds"_s, 60 }, { u"historyHours"_s, 1 } };
    const QJsonObject root { { u"version"_s, 1 }, { u"cache"_s, cacheDir }, { u"sources"_s, QJsonArray { source } } };
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(QJsonDocument(root).toJson());
    return path;
}

Run TestReportSync::report(const QStringList& arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MERIDIAN_BIN), QStringList { u"report"_s } + arguments);
    Run run;
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        return run;
    }
    run.exitCode = p.exitCode();
    run.stdErr = QString::fromUtf8(p.readAllStandardError());
    return run;
}

void TestReportSync::fillsANewCacheForTheRange()
{
    const QString cacheDir = m_dir.filePath(u"cache"_s);
    const QString config = writeConfig(u"sync.json"_s, m_lab->url(), cacheDir);
    const auto iso = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); };
    const QString range = iso(m_t0) + u".."_s + iso(m_t1 + Minute);
    const QString out = m_dir.filePath(u"capacity"_s);
    const Run run = report({ u"--type"_s, u"capacity"_s, u"--format"_s, u"csv"_s, u"--range"_s, range, u"-o"_s, out,
        u"--config"_s, config });
    QVERIFY2(run.exitCode == 0, qPrintable(run.stdErr));
    // Progress on stderr, ending with the source up to date.
    // (Intermediate "reading history … %" lines come at most every 5 s: a read this short may show none.)
    QVERIFY2(run.stdErr.contains(u"prom-east: history up to date (read "_s), qPrintable(run.stdErr));
    QVERIFY2(!run.stdErr.contains(u"warning"_s), qPrintable(run.stdErr));

    // The cache holds every generated minute of every GPU (and, after them, the minutes of Prometheus' 5-minute
    // lookback, which repeats the last value: docs/prometheus.md), back to the range's start (2 h before the source's
    // own horizon), with the generated values.
    CacheReader reader(cacheDir);
    for (int n = 0; n < NodeIds.size(); ++n) {
        for (int g = 0; g < 2; ++g) {
            const QList<MetricPoint> points
                = reader.acceleratorHistory(NodeIds[n], g, AcceleratorMetric::Utilization, m_t0, m_t1, 1000000)
                      .result()
                      .points;
            QCOMPARE(points.size(), Minutes);
            for (int m = 0; m < Minutes; m += 37) {
                QCOMPARE(points[m].timestampMs, m_t0 + m * Minute);
                QCOMPARE(double(points[m].last), utilization(n, g, m));
            }
        }
    }
    // The report counts them: 4 GPUs in every minute of the range.
    const QStringList minutes = column(QDir(out).filePath(u"capacity_trend.csv"_s), u"Minutes with data"_s);
    QVERIFY(!minutes.isEmpty());
    int sum = 0;
    for (const QString& m : minutes)
        sum += m.toInt();
    QCOMPARE(sum, Minutes);
    const QStringList totals = column(QDir(out).filePath(u"capacity_trend.csv"_s), u"Mean total"_s);
    for (const QString& t : totals) {
        if (!t.isEmpty())
            QCOMPARE(t.toDouble(), 4.0);
    }
}

void TestReportSync::unreachableSourceIsAWarning()
{
    // A port nothing listens on: the source is given up after its give-up time, with a warning, and the report
    // goes on with the (empty) cache: "no data", never a hang.
    const QString cacheDir = m_dir.filePath(u"cache-down"_s);
    const QString config = writeConfig(u"down.json"_s, QUrl(u"http://127.0.0.1:9/"_s), cacheDir);
    const Run run = report({ u"--type"_s, u"capacity"_s, u"--format"_s, u"csv"_s, u"-o"_s, m_dir.filePath(u"down"_s),
        u"--config"_s, config });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.contains(u"warning: prom-east is not up to date"_s), qPrintable(run.stdErr));
}

void TestReportSync::noSyncReadsTheCacheAsItIs()
{
    const QString cacheDir = m_dir.filePath(u"cache-nosync"_s);
    const QString config = writeConfig(u"nosync.json"_s, m_lab->url(), cacheDir);
    const Run run = report({ u"--type"_s, u"capacity"_s, u"--format"_s, u"csv"_s, u"-o"_s, m_dir.filePath(u"nosync"_s),
        u"--config"_s, config, u"--no-sync"_s });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdErr.contains(u"no cache in"_s), qPrintable(run.stdErr));
    QVERIFY(!run.stdErr.contains(u"reading history"_s));
}

void TestReportSync::cleanupTestCase()
{
    if (m_lab)
        m_lab->stop();
}

QTEST_GUILESS_MAIN(TestReportSync)
#include "tst_reportsync.moc"
