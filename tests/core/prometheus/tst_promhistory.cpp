// SPDX-License-Identifier: GPL-3.0-or-later
// History from Prometheus' range queries into the cache. First the pure parts (the chunk plan on the step grid,
// matrices mapped into samples as a poll round maps vectors); then against a real Prometheus whose storage the
// test backfills with `promtool tsdb create-blocks-from openmetrics` (a few nodes with node_exporter and
// dcgm-exporter names and region/pool/rack labels, 6 h at one minute): a first session reads it into the cache,
// where it equals what was generated, and a second session on the same cache, after a pause, asks Prometheus for
// exactly the gap.

#include "core/cache/cachereader.h"
#include "core/cache/cachewriter.h"
#include "core/sources/prometheus/promhistory.h"
#include "core/sources/prometheussource.h"
#include "tests/support/prometheuslab.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Minute = 60000;
constexpr int Minutes = 6 * 60; // the generated history: 6 h at one minute
constexpr int DownFrom = 100, DownTo = 130; // gpu-003's node_exporter target is down for these minutes

// The generated fleet: two DCGM nodes with two GPUs each and one node with node_exporter only.
const QStringList NodeIds { u"gpu-001"_s, u"gpu-002"_s, u"gpu-003"_s };
bool hasGpus(int node)
{
    return node < 2;
}

// Values exact in float32 (the cache's precision), different per node, GPU and minute.
double utilization(int node, int gpu, int minute)
{
    return double((minute * 7 + gpu * 13 + node * 5) % 101);
}
double temperature(int node, int gpu, int minute)
{
    return 40.0 + double((minute + gpu + node) % 30);
}
double power(int node, int gpu, int minute)
{
    return 250.5 + double((minute * 3 + gpu + node * 11) % 200);
}
double load1(int node, int minute)
{
    return double((minute + node * 17) % 64) / 4.0;
}
bool nodeUp(int node, int minute)
{
    return node != 2 || minute < DownFrom || minute >= DownTo;
}

QString topology(int node)
{
    return QStringLiteral("region=\"East China\",pool=\"wuhu-h100\",rack=\"r0%1\"").arg(node + 1);
}

// OpenMetrics text for promtool: one metric family after another, every sample at a whole minute from t0.
QByteArray openMetrics(qint64 t0Ms)
{
    QByteArray out;
    const auto at = [t0Ms](int minute) { return QByteArray::number((t0Ms + minute * Minute) / 1000); };
    const auto family = [&](const char* name, auto&& each) {
        out += "# TYPE " + QByteArray(name) + " gauge\n";
        for (int n = 0; n < NodeIds.size(); ++n)
            each(n);
    };
    family("up", [&](int n) {
        for (int m = 0; m < Minutes; ++m) {
            out += QStringLiteral("up{instance=\"%1:9100\",job=\"node\",%2} %3 ")
                       .arg(NodeIds[n], topology(n))
                       .arg(nodeUp(n, m) ? 1 : 0)
                       .toUtf8()
                + at(m) + '\n';
            if (hasGpus(n))
                out += QStringLiteral("up{instance=\"%1:9400\",job=\"dcgm\",%2} 1 ")
                           .arg(NodeIds[n], topology(n))
                           .toUtf8()
                    + at(m) + '\n';
        }
    });
    family("node_load1", [&](int n) {
        for (int m = 0; m < Minutes; ++m) {
            if (nodeUp(n, m))
                out += QStringLiteral("node_load1{instance=\"%1:9100\",job=\"node\",%2} %3 ")
                           .arg(NodeIds[n], topology(n))
                           .arg(load1(n, m))
                           .toUtf8()
                    + at(m) + '\n';
        }
    });
    const auto gpuFamily = [&](const char* name, double (*value)(int, int, int)) {
        family(name, [&](int n) {
            if (!hasGpus(n))
                return;
            for (int g = 0; g < 2; ++g) {
                for (int m = 0; m < Minutes; ++m)
                    out += QStringLiteral("%1{instance=\"%2:9400\",job=\"dcgm\",gpu=\"%3\",UUID=\"GPU-%2-%3\","
                                          "modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"%2\",%4} %5 ")
                               .arg(QLatin1StringView(name), NodeIds[n])
                               .arg(g)
                               .arg(topology(n))
                               .arg(value(n, g, m))
                               .toUtf8()
                        + at(m) + '\n';
            }
        });
    };
    gpuFamily("DCGM_FI_DEV_GPU_UTIL", utilization);
    gpuFamily("DCGM_FI_DEV_GPU_TEMP", temperature);
    gpuFamily("DCGM_FI_DEV_POWER_USAGE", power);
    out += "# EOF\n";
    return out;
}

// The raw points of one series between two times, from the cache's reader.
QList<MetricPoint> cached(CacheReader& reader, int node, int gpu, AcceleratorMetric metric, qint64 from, qint64 to)
{
    return reader.acceleratorHistory(NodeIds[node], gpu, metric, from, to, 1000000).result().points;
}

} // namespace

class TestPromHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chunksOnTheStepGrid();
    void chunkSizeBoundedByTheAnswer();
    void matricesBecomeRoundSamples();

    void backfillEqualsWhatWasGenerated();
    void secondSessionFetchesExactlyTheGap();
    void cleanupTestCase();

private:
    struct Session
    {
        QList<PrometheusSource::HistoryReport> chunks;
        HistorySpan spanBefore;
    };
    // One console session's worth of cache and source: runs until the source has caught up, then closes the
    // cache cleanly. `clockOffsetMs` shifts the source's clock (a session that ran that long ago).
    Session runSession(qint64 clockOffsetMs);
    SourceConfig sourceConfig() const;
    bool startLab();

    std::unique_ptr<PrometheusLab> m_lab;
    QTemporaryDir m_files;
    QTemporaryDir m_cacheDir;
    qint64 m_t0 = 0; ///< first generated minute
    qint64 m_t1 = 0; ///< last generated minute
    HistorySpan m_firstSpan;
};

void TestPromHistory::chunksOnTheStepGrid()
{
    Prometheus::HistoryOptions o;
    o.stepMs = Minute;
    o.horizonMs = 3 * 3600 * 1000;
    o.maxPointsPerSeries = 100;
    const qint64 now = 1796640000000 + 25 * 1000; // 25 s past a minute
    // A new source: from the horizon, the first grid minute after it, at most 100 points.
    Prometheus::HistoryChunk c = Prometheus::nextChunk(0, now, 10, o);
    QCOMPARE(c.startMs, now - 25000 - 3 * 3600 * 1000 + Minute);
    QCOMPARE(c.points(), 100);
    QCOMPARE(c.endMs, c.startMs + 99 * Minute);
    // Resumed after what the cache has: the grid minute after it, never that one again.
    c = Prometheus::nextChunk(now - 25000 - 5 * Minute, now, 10, o);
    QCOMPARE(c.startMs, now - 25000 - 4 * Minute);
    QCOMPARE(c.endMs, now - 25000); // the last whole minute, not "now"
    QCOMPARE(c.points(), 5);
    // Off-grid history (a live round's time): the next grid minute.
    c = Prometheus::nextChunk(now - 25000 - 5 * Minute + 1234, now, 10, o);
    QCOMPARE(c.startMs, now - 25000 - 4 * Minute);
    // Up to date: nothing to ask.
    QVERIFY(Prometheus::nextChunk(now - 25000, now, 10, o).isEmpty());
    QVERIFY(Prometheus::nextChunk(now - 1000, now, 10, o).isEmpty());
    // Older than the horizon: the horizon wins.
    c = Prometheus::nextChunk(now - 30 * 3600 * 1000, now, 10, o);
    QCOMPARE(c.startMs, now - 25000 - 3 * 3600 * 1000 + Minute);
}

void TestPromHistory::chunkSizeBoundedByTheAnswer()
{
    Prometheus::HistoryOptions o; // Prometheus' 11,000 points, 2,000,000 points per answer
    const qint64 now = 1796640000000;
    o.horizonMs = qint64(30) * 24 * 3600 * 1000;
    QCOMPARE(Prometheus::nextChunk(0, now, 10, o).points(), 11000);
    QCOMPARE(Prometheus::nextChunk(0, now, 200000, o).points(), 10); // 200,000 GPU series: 10 minutes a chunk
    QCOMPARE(Prometheus::nextChunk(0, now, 5000000, o).points(), 1); // never none
}

void TestPromHistory::matricesBecomeRoundSamples()
{
    const Prometheus::TopologyLabels labels;
    const QStringList wanted = Prometheus::wantedLabels(labels);
    const auto series = [&](QList<std::pair<QString, QString>> kv, QList<qint64> times, QList<double> values) {
        Prometheus::MatrixSeries s;
        s.labels.resize(wanted.size());
        for (const auto& [k, v] : kv)
            s.labels[wanted.indexOf(k)] = v;
        s.timesMs = times;
        s.values = values;
        return s;
    };
    const qint64 t = 1796640000000;
    Prometheus::Matrix up { wanted, {} };
    up.series << series({ { u"__name__"_s, u"up"_s }, { u"instance"_s, u"n1:9100"_s }, { u"region"_s, u"r"_s } },
        { t, t + Minute, t + 2 * Minute }, { 1, 0, 1 });
    up.series << series({ { u"__name__"_s, u"up"_s }, { u"instance"_s, u"n2:9100"_s } }, { t + Minute }, { 1 });
    Prometheus::Matrix host { wanted, {} };
    host.series << series(
        { { u"__name__"_s, u"node_load1"_s }, { u"instance"_s, u"n1:9100"_s } }, { t, t + 2 * Minute }, { 0.5, 2.5 });
    QList<std::pair<Prometheus::Query, Prometheus::Matrix>> answers;
    for (const Prometheus::QuerySpec& q : Prometheus::pollQueries())
        answers.append({ q.query,
            q.query == Prometheus::Query::Up                ? up
                : q.query == Prometheus::Query::HostMetrics ? host
                                                            : Prometheus::Matrix { wanted, {} } });
    int nodes = 0;
    const auto samples = Prometheus::historySamples(answers, labels, { t, t + 2 * Minute, Minute }, &nodes);
    // n1 at t and t+2 (down at t+1: no sample, as in a round), n2 at t+1 only; ascending per node.
    QStringList got;
    for (const auto& [id, s] : samples)
        got << QStringLiteral("%1@%2 seq %3 load %4")
                   .arg(id)
                   .arg((s.timestampMs - t) / Minute)
                   .arg(s.seq - t)
                   .arg(s.node.load1);
    QCOMPARE(
        got, (QStringList { u"n1@0 seq 0 load 0.5"_s, u"n2@1 seq 60000 load nan"_s, u"n1@2 seq 120000 load 2.5"_s }));
    QCOMPARE(nodes, 2);
}

SourceConfig TestPromHistory::sourceConfig() const
{
    SourceConfig source;
    source.name = QStringLiteral("prom-east");
    source.kind = SourceConfig::Kind::Prometheus;
    source.url = m_lab->url();
    source.intervalMs = 60000; // one round per session: what is asked is the history's doing
    return source;
}

bool TestPromHistory::startLab()
{
    if (m_lab)
        return true;
    if (const QString why = PrometheusLab::unavailableReason(); !why.isEmpty()) {
        qWarning("%s", qPrintable(why));
        return false;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("promtool")).isEmpty()) {
        qWarning("promtool is not installed (Debian: prometheus)");
        return false;
    }
    if (!m_files.isValid() || !m_cacheDir.isValid())
        return false;
    // 6 h of minutes ending two minutes ago: the first session (running "four minutes ago") reads most of it,
    // the second the rest.
    m_t1 = QDateTime::currentMSecsSinceEpoch() / Minute * Minute - 2 * Minute;
    m_t0 = m_t1 - (Minutes - 1) * Minute;
    const QString file = m_files.filePath(QStringLiteral("history.om"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(openMetrics(m_t0)) < 0)
        return false;
    out.close();
    PrometheusLabOptions options;
    options.backfill = file;
    m_lab = std::make_unique<PrometheusLab>(options);
    QString error;
    if (!m_lab->start(0, &error)) {
        qWarning("%s", qPrintable(error));
        m_lab.reset();
        return false;
    }
    return true;
}

TestPromHistory::Session TestPromHistory::runSession(qint64 clockOffsetMs)
{
    Session session;
    CacheWriter writer(m_cacheDir.path());
    writer.start();
    CacheReader reader(m_cacheDir.path());
    const HistorySpans spans = reader.historySpans().result(); // as FleetSession hands them to its sources
    session.spanBefore = spans.value(sourceConfig().name);

    PrometheusSourceOptions options;
    options.history.stepMs = Minute;
    options.history.horizonMs = 7 * 3600 * 1000; // further back than the generated history
    options.history.maxPointsPerSeries = 100; // a few chunks for 7 h
    options.clock = [clockOffsetMs] { return QDateTime::currentMSecsSinceEpoch() + clockOffsetMs; };
    PrometheusSource source(sourceConfig(), options);
    connect(&source, &Source::updateReady, &source, [&writer](const SourceUpdate& u) { writer.write(u); });
    bool caughtUp = false;
    connect(&source, &PrometheusSource::historyFetched, this, [&](const PrometheusSource::HistoryReport& r) {
        if (r.caughtUp)
            caughtUp = true;
        else
            session.chunks.append(r);
    });
    source.setHistorySpans(spans);
    source.start();
    if (!QTest::qWaitFor([&] { return caughtUp; }, 60000))
        qWarning("the source did not catch up");
    source.stop();
    writer.flush();
    return session;
}

void TestPromHistory::backfillEqualsWhatWasGenerated()
{
    if (!startLab())
        QSKIP("no Prometheus lab here (see the warning)");
    const Session s = runSession(-4 * Minute);
    QVERIFY(!s.spanBefore.isValid()); // a new cache: nothing held

    // Asked: from the horizon to the session's last whole minute, in chunks of at most 100 minutes, each after
    // the one before, every one answered.
    QVERIFY(s.chunks.size() >= 5);
    for (qsizetype i = 0; i < s.chunks.size(); ++i) {
        const PrometheusSource::HistoryReport& c = s.chunks[i];
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY2(c.failedQueries.isEmpty(), qPrintable(c.failedQueries.join(u"; "_s)));
        QCOMPARE(c.stepMs, Minute);
        QVERIFY(c.toMs - c.fromMs <= 99 * Minute);
        QCOMPARE(c.queries, int(Prometheus::pollQueries().size()));
        if (i > 0)
            QCOMPARE(c.fromMs, s.chunks[i - 1].toMs + Minute);
    }
    QVERIFY(s.chunks.first().fromMs <= m_t0);
    QVERIFY(s.chunks.last().toMs < m_t1); // "four minutes ago"

    CacheReader reader(m_cacheDir.path());
    m_firstSpan = reader.historySpans().result().value(sourceConfig().name);
    QCOMPARE(m_firstSpan.fromMs, s.chunks.first().fromMs);
    QCOMPARE(m_firstSpan.toMs, s.chunks.last().toMs); // closed cleanly: all of it is on disk

    // Every generated GPU value up to the span's end is in the cache at its minute, and nothing else is.
    const qint64 end = m_firstSpan.toMs;
    const int minutes = int((end - m_t0) / Minute) + 1;
    for (int n = 0; n < 2; ++n) {
        for (int g = 0; g < 2; ++g) {
            const QList<MetricPoint> util = cached(reader, n, g, AcceleratorMetric::Utilization, m_t0 - Minute, end);
            const QList<MetricPoint> temp = cached(reader, n, g, AcceleratorMetric::TemperatureC, m_t0, end);
            const QList<MetricPoint> watts = cached(reader, n, g, AcceleratorMetric::PowerW, m_t0, end);
            QCOMPARE(util.size(), minutes);
            QCOMPARE(temp.size(), minutes);
            QCOMPARE(watts.size(), minutes);
            for (int m = 0; m < minutes; ++m) {
                QCOMPARE(util[m].timestampMs, m_t0 + m * Minute);
                QCOMPARE(double(util[m].last), utilization(n, g, m));
                QCOMPARE(double(temp[m].last), temperature(n, g, m));
                QCOMPARE(double(watts[m].last), power(n, g, m));
            }
        }
    }
    // Node values; gpu-003 has no sample while its only target was down.
    for (int n = 0; n < 3; ++n) {
        const QList<MetricPoint> load
            = reader.nodeHistory(NodeIds[n], NodeMetric::Load1, m_t0 - Minute, end, 1000000).result().points;
        QList<std::pair<qint64, double>> expected, got;
        for (int m = 0; m < minutes; ++m) {
            if (nodeUp(n, m))
                expected.append({ m_t0 + m * Minute, load1(n, m) });
        }
        for (const MetricPoint& p : load)
            got.append({ p.timestampMs, double(p.last) });
        QCOMPARE(got, expected);
    }
    // Capacity over time before the console started: 4 GPUs in every minute (from the per-minute rollups).
    const CapacitySeries capacity = reader.capacityHistory(m_t0, end).result();
    QCOMPARE(capacity.points.size(), minutes);
    for (const CapacityPoint& p : capacity.points)
        QCOMPARE(p.total, 4);
}

void TestPromHistory::secondSessionFetchesExactlyTheGap()
{
    if (!m_lab || !m_firstSpan.isValid())
        QSKIP("needs backfillEqualsWhatWasGenerated");
    const Session s = runSession(0);
    QCOMPARE(s.spanBefore, m_firstSpan); // what the cache remembered, and the source was given

    // Exactly the gap: from the minute after the first session's last, to this session's last whole minute,
    // in one chunk (a few minutes).
    QCOMPARE(s.chunks.size(), 1);
    const PrometheusSource::HistoryReport& gap = s.chunks.first();
    QVERIFY2(gap.error.isEmpty(), qPrintable(gap.error));
    QCOMPARE(gap.fromMs, m_firstSpan.toMs + Minute);
    const qint64 lastMinute = QDateTime::currentMSecsSinceEpoch() / Minute * Minute;
    QVERIFY(gap.toMs == lastMinute || gap.toMs == lastMinute - Minute); // a minute may have begun since
    QVERIFY(gap.toMs >= m_t1);

    CacheReader reader(m_cacheDir.path());
    const HistorySpan span = reader.historySpans().result().value(sourceConfig().name);
    QCOMPARE(span.fromMs, m_firstSpan.fromMs);
    QCOMPARE(span.toMs, gap.toMs);
    // The whole generated history is now in the cache, once: the gap's minutes follow the first session's.
    const int minutes = Minutes;
    for (int n = 0; n < 2; ++n) {
        for (int g = 0; g < 2; ++g) {
            const QList<MetricPoint> util = cached(reader, n, g, AcceleratorMetric::Utilization, m_t0, m_t1);
            QCOMPARE(util.size(), minutes);
            for (int m = 0; m < minutes; ++m) {
                QCOMPARE(util[m].timestampMs, m_t0 + m * Minute);
                QCOMPARE(double(util[m].last), utilization(n, g, m));
            }
        }
    }
}

void TestPromHistory::cleanupTestCase()
{
    if (m_lab) {
        QString error;
        QVERIFY2(m_lab->stop(&error), qPrintable(error));
    }
}

QTEST_GUILESS_MAIN(TestPromHistory)
#include "tst_promhistory.moc"
