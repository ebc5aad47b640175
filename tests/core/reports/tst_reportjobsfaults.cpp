// SPDX-License-Identifier: GPL-3.0-or-later
// The jobs and faults reports over the cache with known history
// (reportfixture.h): every figure equals a value worked out by hand from the
// fixture's definition, a range ending early cuts the job's history and leaves
// a fault open, and every table survives a CSV round trip.

#include "core/cache/cachereader.h"
#include "core/faults/faultmap.h"
#include "core/reports/jobsreport.h"
#include "core/reports/report.h"
#include "core/reports/reportexport.h"
#include "core/reports/reporttext.h"
#include "tests/core/reports/reportfixture.h"
#include "tests/core/reports/reportlookup.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::ReportLookup;
using namespace Meridian::ReportFixture;

namespace {

QString classOf(const char* kind)
{
    return Faults::toKey(Faults::FaultMap::builtIn()
                             .classify(QStringLiteral("huawei"), QLatin1String(kind), {}, Protocol::Severity::Critical)
                             .component);
}

// The newest cached sample: the sources' "now" for open segments and faults.
constexpr qint64 Now = T0 + (Minutes - 1) * Min + 5000;

} // namespace

class TestReportJobsFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void jobsFigures();
    void jobsTables();
    void jobsRangeEndsEarly();
    void jobAsOfCutsHistory();
    void faultsFigures();
    void faultsTables();
    void faultsScopeAndOpenAtEnd();
    void faultsChartMissingBeforeData();
    void csvRoundTrip_data();
    void csvRoundTrip();

private:
    ReportData run(const QString& type, ReportScope scope = {}, qint64 toMs = T0 + Minutes * Min);

    QTemporaryDir m_dir;
    std::unique_ptr<CacheReader> m_reader;
};

void TestReportJobsFaults::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
    QVERIFY(ReportFixture::build(m_dir.path()));
    m_reader = std::make_unique<CacheReader>(m_dir.path());
}

ReportData TestReportJobsFaults::run(const QString& type, ReportScope scope, qint64 toMs)
{
    ReportParameters p;
    p.type = type;
    p.scope = scope;
    p.fromMs = T0;
    p.toMs = toMs;
    const auto d = generate(p, ReportContext(m_reader.get()));
    if (!d)
        qWarning() << "no report" << type;
    return d.value_or(ReportData());
}

void TestReportJobsFaults::jobsFigures()
{
    const ReportData d = run(QStringLiteral("jobs"));
    QVERIFY(!d.isEmpty());
    // job-1: segments [10, 100) and [105, now); interrupted at 100 with a checkpoint at 95.
    const double wallMin = double(Now - (T0 + 10 * Min)) / Min;
    const double runMin = 90 + double(Now - (T0 + 105 * Min)) / Min;
    const double lostMin = 100 - 95;
    QCOMPARE(figure(d, QStringLiteral("jobs")).toLongLong(), 1);
    QCOMPARE(figure(d, QStringLiteral("running")).toLongLong(), 1);
    QCOMPARE(figure(d, QStringLiteral("queued")).toLongLong(), 0);
    QCOMPARE(figure(d, QStringLiteral("completed")).toLongLong(), 0);
    QCOMPARE(figure(d, QStringLiteral("goodput")).toDouble(), (runMin - lostMin) / wallMin * 100);
    QCOMPARE(figure(d, QStringLiteral("interruptions")).toLongLong(), 1);
    QCOMPARE(figure(d, QStringLiteral("work_lost")).toDouble(), lostMin / 60);
    QCOMPARE(figure(d, QStringLiteral("work_lost_accelerator_hours")).toDouble(), lostMin / 60); // 0 requested: 1
    QCOMPARE(figure(d, QStringLiteral("mean_recovery")).toDouble(), 5.0);
    QCOMPARE(figure(d, QStringLiteral("recovered_within_target")).toDouble(), 100.0);
    QCOMPARE(figure(d, QStringLiteral("longest_run")).toDouble(), 90.0 / 60);
}

void TestReportJobsFaults::jobsTables()
{
    const ReportData d = run(QStringLiteral("jobs"));
    const ReportTable* kinds = table(d, QStringLiteral("jobs_by_kind_state"));
    QVERIFY(kinds);
    QCOMPARE(kinds->rows.size(), 1);
    QCOMPARE(kinds->rows[0][0].toString(), QStringLiteral("training"));
    QCOMPARE(kinds->rows[0][1].toLongLong(), 1);
    QCOMPARE(kinds->rows[0][3].toLongLong(), 1); // running

    // The interruption links event 3 (n1's node-down): its kind and class name the cause.
    const ReportTable* causes = table(d, QStringLiteral("interruption_causes"));
    QVERIFY(causes);
    QCOMPARE(causes->rows.size(), 1);
    QCOMPARE(causes->rows[0][0].toString(), QStringLiteral("node-down"));
    QCOMPARE(causes->rows[0][1].toString(), classOf("node-down"));
    QCOMPARE(causes->rows[0][1].toString(), QStringLiteral("node"));
    QCOMPARE(causes->rows[0][2].toLongLong(), 1);
    QCOMPARE(causes->rows[0][3].toDouble(), 5.0 / 60);
    QCOMPARE(causes->rows[0][4].toDouble(), 5.0);

    const ReportTable* runs = table(d, QStringLiteral("longest_runs"));
    QVERIFY(runs);
    QCOMPARE(runs->rows.size(), 2);
    QCOMPARE(runs->rows[0][6].toDouble(), 1.5);
    QCOMPARE(runs->rows[0][7].toString(), QStringLiteral("interrupted"));
    QVERIFY(ReportText::isMissing(runs->rows[1][5])); // still running: no end, not 0

    const ReportTable* jobs = table(d, QStringLiteral("jobs"));
    QVERIFY(jobs);
    QCOMPARE(jobs->rows.size(), 1);
    QCOMPARE(jobs->rows[0][1].toString(), QStringLiteral("llm, \"7b\" 训练"));
    QVERIFY(ReportText::isMissing(jobs->rows[0][9])); // no end
    QCOMPARE(jobs->rows[0][11].toDouble(), figure(d, QStringLiteral("goodput")).toDouble());

    // Hourly charts over the whole range (the job history spans the hole in the samples).
    QCOMPARE(d.charts.size(), 2);
    QCOMPARE(d.charts[0].lines[0].points.size(), 3);
    QCOMPARE(d.charts[0].lines[0].points[1].second, 1.0); // the interruption at minute 100
    QCOMPARE(d.charts[0].lines[0].points[0].second, 0.0); // a real zero
}

void TestReportJobsFaults::jobsRangeEndsEarly()
{
    // Up to minute 102: interrupted at 100, not recovered yet; the second segment is later.
    const ReportData d = run(QStringLiteral("jobs"), {}, T0 + 102 * Min);
    QVERIFY(!d.isEmpty());
    const double wallMin = 102 - 10;
    QCOMPARE(figure(d, QStringLiteral("goodput")).toDouble(), (90 - 5) / wallMin * 100);
    QCOMPARE(figure(d, QStringLiteral("interruptions")).toLongLong(), 1);
    QVERIFY(ReportText::isMissing(figure(d, QStringLiteral("mean_recovery")))); // none closed: unknown
    QCOMPARE(figure(d, QStringLiteral("recovered_within_target")).toDouble(), 0.0); // open: not within
    // Submitted (T0) but not started (T0 + 10 min) by the end: counted, not listed, no goodput
    // (missing rather than 0 %), no run.
    const ReportData before = run(QStringLiteral("jobs"), {}, T0 + 5 * Min);
    QCOMPARE(figure(before, QStringLiteral("jobs")).toLongLong(), 1);
    QCOMPARE(figure(before, QStringLiteral("interruptions")).toLongLong(), 0);
    QVERIFY(table(before, QStringLiteral("jobs"))->rows.isEmpty());
    QVERIFY(ReportText::isMissing(figure(before, QStringLiteral("goodput"))));
    QVERIFY(ReportText::isMissing(figure(before, QStringLiteral("longest_run"))));
}

void TestReportJobsFaults::jobAsOfCutsHistory()
{
    Protocol::JobRecord j;
    j.startMs = 100;
    j.endMs = 1000;
    j.state = QStringLiteral("completed");
    j.interruptions = 2;
    j.segments = { { 100, 300, QStringLiteral("interrupted"), 0 }, { 400, 700, QStringLiteral("interrupted"), 250 },
        { 800, 1000, QStringLiteral("completed"), 650 } };
    j.interruptionLog = { { 300, {}, 0, {}, 250, 400 }, { 700, {}, 0, {}, 650, 800 } };
    QCOMPARE(jobAsOf(j, 2000).segments, j.segments); // nothing after the end: unchanged
    const Protocol::JobRecord cut = jobAsOf(j, 500);
    QCOMPARE(cut.endMs, 0);
    QCOMPARE(cut.segments.size(), 2);
    QCOMPARE(cut.segments[1].endMs, 0); // open at the cut
    QVERIFY(cut.segments[1].endReason.isEmpty());
    QCOMPARE(cut.interruptionLog.size(), 1);
    QCOMPARE(cut.interruptionLog[0].recoveredMs, 400);
    QCOMPARE(cut.interruptions, 1);
    QCOMPARE(jobAsOf(j, 350).interruptionLog[0].recoveredMs, 0); // not recovered yet
    QCOMPARE(jobAsOf(j, 50).startMs, 0); // not started yet
}

void TestReportJobsFaults::faultsFigures()
{
    const ReportData d = run(QStringLiteral("faults"));
    QVERIFY(!d.isEmpty());
    // n3 chip 2 hbm-ecc [30, 45), n1 node-down [100, 120); the job's event is not a fault.
    QCOMPARE(figure(d, QStringLiteral("nodes")).toLongLong(), 4);
    QCOMPARE(figure(d, QStringLiteral("faults")).toLongLong(), 2);
    QCOMPARE(figure(d, QStringLiteral("cleared")).toLongLong(), 2);
    QCOMPARE(figure(d, QStringLiteral("open_at_end")).toLongLong(), 0);
    QCOMPARE(figure(d, QStringLiteral("time_open")).toDouble(), 35.0 / 60);
    QCOMPARE(figure(d, QStringLiteral("mean_time_to_clear")).toDouble(), 17.5);
    QCOMPARE(figure(d, QStringLiteral("nodes_with_faults")).toLongLong(), 2);
    QCOMPARE(figure(d, QStringLiteral("faults_per_100_nodes")).toDouble(), 50.0);
    QCOMPARE(d.charts.size(), 1);
    QCOMPARE(d.charts[0].lines.size(), 2);
    // Opened at minutes 30 and 100, cleared at 45 and 120: hourly buckets.
    QCOMPARE(d.charts[0].lines[0].points,
        (QList<std::pair<qint64, double>> { { T0, 1.0 }, { T0 + 60 * Min, 1.0 }, { T0 + 120 * Min, 0.0 } }));
    QCOMPARE(d.charts[0].lines[1].points,
        (QList<std::pair<qint64, double>> { { T0, 1.0 }, { T0 + 60 * Min, 0.0 }, { T0 + 120 * Min, 1.0 } }));
}

// Issue 18: hours (days) before the cache's first data were drawn as 0 faults. Nobody asked the
// sources then: missing, a gap in the chart.
void TestReportJobsFaults::faultsChartMissingBeforeData()
{
    ReportParameters p;
    p.type = QStringLiteral("faults");
    p.fromMs = T0 - 120 * Min;
    p.toMs = T0 + Minutes * Min;
    const auto d = generate(p, ReportContext(m_reader.get()));
    QVERIFY(d && !d->isEmpty());
    QCOMPARE(d->charts.size(), 1);
    for (const ReportLine& line : d->charts[0].lines) {
        QCOMPARE(line.points.size(), 5);
        QVERIFY(std::isnan(line.points[0].second));
        QVERIFY(std::isnan(line.points[1].second));
        for (qsizetype i = 2; i < line.points.size(); ++i)
            QVERIFY(!std::isnan(line.points[i].second));
    }
    QCOMPARE(d->charts[0].lines[0].points[2].second, 1.0);
}

void TestReportJobsFaults::faultsTables()
{
    const ReportData d = run(QStringLiteral("faults"));
    const ReportTable* kinds = table(d, QStringLiteral("faults_by_kind"));
    QVERIFY(kinds);
    QCOMPARE(kinds->rows.size(), 2);
    QCOMPARE(kinds->rows[0][0].toString(), QStringLiteral("hbm-ecc"));
    QCOMPARE(kinds->rows[0][1].toString(), classOf("hbm-ecc"));
    QCOMPARE(kinds->rows[0][4].toDouble(), 15.0 / 60);
    QCOMPARE(kinds->rows[1][0].toString(), QStringLiteral("node-down"));
    QCOMPARE(kinds->rows[1][5].toDouble(), 20.0);
    const ReportTable* classes = table(d, QStringLiteral("faults_by_class"));
    QVERIFY(classes);
    qint64 sum = 0;
    for (const QVariantList& r : classes->rows)
        sum += r[1].toLongLong();
    QCOMPARE(sum, 2);
    const ReportTable* vendors = table(d, QStringLiteral("faults_by_vendor_model"));
    QVERIFY(vendors);
    QCOMPARE(vendors->rows.size(), 1);
    QCOMPARE(vendors->rows[0][1].toString(), QStringLiteral("Ascend 910B"));
    QCOMPARE(vendors->rows[0][5].toLongLong(), 2);
    const ReportTable* pools = table(d, QStringLiteral("faults_by_pool"));
    QVERIFY(pools);
    QCOMPARE(pools->rows.size(), 2);
    QCOMPARE(pools->rows[0][1].toString(), QStringLiteral("east-a"));
    QCOMPARE(pools->rows[0][2].toLongLong(), 2);
    QCOMPARE(pools->rows[0][3].toLongLong(), 1);
    // Same count: the one open longer comes first.
    const ReportTable* top = table(d, QStringLiteral("top_nodes"));
    QVERIFY(top);
    QCOMPARE(top->rows.size(), 2);
    QCOMPARE(top->rows[0][0].toString(), QStringLiteral("n1"));
    QCOMPARE(top->rows[1][0].toString(), QStringLiteral("n3"));
    QCOMPARE(top->rows[1][7].toString(), QStringLiteral("hbm-ecc"));
    const ReportTable* links = table(d, QStringLiteral("top_links"));
    QVERIFY(links);
    QVERIFY(links->rows.isEmpty()); // no link faults in the fixture
}

void TestReportJobsFaults::faultsScopeAndOpenAtEnd()
{
    // Range ending at minute 40: the hbm-ecc fault is open at the end, open for 40 − 30:05.
    const ReportData d = run(QStringLiteral("faults"), {}, T0 + 40 * Min);
    QCOMPARE(figure(d, QStringLiteral("faults")).toLongLong(), 1);
    QCOMPARE(figure(d, QStringLiteral("open_at_end")).toLongLong(), 1);
    QCOMPARE(figure(d, QStringLiteral("time_open")).toDouble(), double(40 * Min - (30 * Min + 5000)) / 3600000);
    QVERIFY(ReportText::isMissing(figure(d, QStringLiteral("mean_time_to_clear"))));
    const ReportData east = run(QStringLiteral("faults"), *ReportScope::parse(QStringLiteral("region:east")));
    QCOMPARE(figure(east, QStringLiteral("nodes")).toLongLong(), 2);
    QCOMPARE(figure(east, QStringLiteral("faults")).toLongLong(), 1);
    QCOMPARE(table(east, QStringLiteral("top_nodes"))->rows[0][0].toString(), QStringLiteral("n1"));
}

void TestReportJobsFaults::csvRoundTrip_data()
{
    QTest::addColumn<QString>("type");
    QTest::addRow("jobs") << QStringLiteral("jobs");
    QTest::addRow("faults") << QStringLiteral("faults");
}

void TestReportJobsFaults::csvRoundTrip()
{
    QFETCH(QString, type);
    const ReportData d = run(type);
    QVERIFY(!d.isEmpty());
    const ReportText en(QStringLiteral("en"));
    QTemporaryDir out;
    QString error;
    QStringList files;
    QVERIFY2(writeCsv(d, en, out.path(), true, &error, &files), qPrintable(error));
    QCOMPARE(files.size(), exportTables(d).size());
    int cells = 0;
    for (const ReportTable& t : exportTables(d)) {
        QFile f(out.filePath(t.id + QStringLiteral(".csv")));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
        const auto rows = parseCsv(f.readAll());
        QVERIFY(rows);
        QCOMPARE(rows->size(), t.rows.size() + 1);
        for (qsizetype r = 0; r < t.rows.size(); ++r) {
            for (qsizetype c = 0; c < t.columns.size(); ++c) {
                QCOMPARE(rows->at(r + 1).at(c), ReportText::machine(t.rows[r][c], t.columns[c].kind));
                ++cells;
            }
        }
    }
    QVERIFY(cells > 40);
}

QTEST_GUILESS_MAIN(TestReportJobsFaults)
#include "tst_reportjobsfaults.moc"
