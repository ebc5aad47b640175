// SPDX-License-Identifier: GPL-3.0-or-later
// Report data from a cache with known history (reportfixture.h): every figure
// equals a value worked out by hand from the fixture's definition; gaps are
// reported; the same cache gives the same numbers; cancellation; CSV round
// trip; XLSX read back by a second reader (python3 zipfile + XML).

#include "core/cache/cachereader.h"
#include "core/reports/report.h"
#include "core/reports/reportexport.h"
#include "core/reports/reportrunner.h"
#include "core/reports/reporttext.h"
#include "core/store/fleetstore.h"
#include "tests/core/reports/reportfixture.h"
#include "tests/core/reports/reportlookup.h"

#include <QDateTime>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::ReportLookup;
using namespace Meridian::ReportFixture;

namespace {

// Tables and figures as text, at full precision: what "the same numbers" means.
QStringList canonical(const ReportData& d)
{
    QStringList out;
    for (const ReportFigure& f : d.figures)
        out << f.id + QLatin1Char('=') + ReportText::machine(f.value, ValueKind::Number);
    for (const ReportTable& t : d.tables) {
        for (const QVariantList& row : t.rows) {
            QStringList cells;
            for (qsizetype c = 0; c < row.size(); ++c)
                cells << ReportText::machine(row[c], t.columns[c].kind);
            out << t.id + QLatin1Char(':') + cells.join(QLatin1Char('|'));
        }
    }
    return out;
}

} // namespace

class TestCapacityAvailabilityLatencyReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scopeAndRange_data();
    void scopeAndRange();
    void availabilityFigures();
    void availabilityPerPool();
    void capacityFigures();
    void capacityCountsUnreportedChips();
    void latencyFigures();
    void latencyPairs_data();
    void latencyPairs();
    void latencyScope();
    void gapsReported();
    void sameCacheSameNumbers();
    void relativeRangeEndsAtData();
    void dataNeverEndsAfterGeneration();
    void coverageNote();
    void emptyRange();
    void cancellation();
    void csvRoundTrip();
    void xlsxSecondReader();

private:
    ReportData run(const QString& type, ReportScope scope = {});

    QTemporaryDir m_dir;
    std::unique_ptr<CacheReader> m_reader;
};

void TestCapacityAvailabilityLatencyReports::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
    QVERIFY(ReportFixture::build(m_dir.path()));
    m_reader = std::make_unique<CacheReader>(m_dir.path());
}

ReportData TestCapacityAvailabilityLatencyReports::run(const QString& type, ReportScope scope)
{
    ReportParameters p;
    p.type = type;
    p.scope = scope;
    p.fromMs = T0;
    p.toMs = T0 + Minutes * Min;
    const auto d = generate(p, ReportContext(m_reader.get()));
    if (!d)
        qWarning("report not computed");
    return d.value_or(ReportData {});
}

void TestCapacityAvailabilityLatencyReports::scopeAndRange_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("scopeOk");
    QTest::addColumn<bool>("rangeOk");
    QTest::addRow("fleet") << QStringLiteral("fleet") << true << false;
    QTest::addRow("region") << QStringLiteral("region:east") << true << false;
    QTest::addRow("pool") << QStringLiteral("pool:east/east-a") << true << false;
    QTest::addRow("pool without region") << QStringLiteral("pool:east-a") << false << false;
    QTest::addRow("empty region") << QStringLiteral("region:") << false << false;
    QTest::addRow("24h") << QStringLiteral("24h") << false << true;
    QTest::addRow("30d") << QStringLiteral("30d") << false << true;
    QTest::addRow("too long") << QStringLiteral("9999d") << false << false;
    QTest::addRow("zero") << QStringLiteral("0d") << false << false;
    QTest::addRow("dates") << QStringLiteral("2026-11-01..2026-11-28") << false << true;
    QTest::addRow("reversed") << QStringLiteral("2026-11-28..2026-11-01") << false << false;
    QTest::addRow("garbage") << QStringLiteral("last week") << false << false;
}

void TestCapacityAvailabilityLatencyReports::scopeAndRange()
{
    QFETCH(QString, text);
    QFETCH(bool, scopeOk);
    QFETCH(bool, rangeOk);
    const auto scope = ReportScope::parse(text);
    QCOMPARE(scope.has_value(), scopeOk);
    if (scope)
        QCOMPARE(scope->toString(), text);
    ReportParameters p;
    QCOMPARE(parseRange(text, &p), rangeOk);
}

void TestCapacityAvailabilityLatencyReports::availabilityFigures()
{
    const ReportData d = run(QStringLiteral("availability"));
    QVERIFY(!d.isEmpty());
    const double coveredMin = Minutes - (GapTo - GapFrom); // 150 minutes with data
    const double nodeMin = 4 * coveredMin;
    const double downMin = DownTo - DownFrom;
    QCOMPARE(figure(d, QStringLiteral("nodes")).toLongLong(), 4);
    QCOMPARE(figure(d, QStringLiteral("node_availability")).toDouble(), (1 - downMin / nodeMin) * 100);
    // Chip-minutes: n1's four chips while it is down, n3's chip 2 while faulty.
    const double faultyChipMin = 4 * downMin + (FaultTo - FaultFrom);
    QCOMPARE(figure(d, QStringLiteral("accelerator_availability")).toDouble(),
        (1 - faultyChipMin / (16 * coveredMin)) * 100);
    QCOMPARE(figure(d, QStringLiteral("incidents")).toLongLong(), 2); // the job's event is not one
    QCOMPARE(figure(d, QStringLiteral("mttr")).toDouble(), (downMin + (FaultTo - FaultFrom)) / 2);
    QCOMPARE(figure(d, QStringLiteral("mtbf")).toDouble(), (nodeMin - downMin) / 60 / 2);
    QCOMPARE(figure(d, QStringLiteral("recovered_within_target")).toDouble(), 100.0);
    QCOMPARE(figure(d, QStringLiteral("longest_run")).toDouble(), (DownFrom - 10) / 60.0);

    const ReportTable* kinds = table(d, QStringLiteral("incidents_by_kind"));
    QVERIFY(kinds);
    QCOMPARE(kinds->rows.size(), 2);
    QCOMPARE(kinds->rows[0][0].toString(), QStringLiteral("hbm-ecc"));
    QCOMPARE(kinds->rows[1][0].toString(), QStringLiteral("node-down"));
    QCOMPARE(kinds->rows[1][3].toDouble(), downMin);
    const ReportTable* runs = table(d, QStringLiteral("longest_runs"));
    QVERIFY(runs);
    QCOMPARE(runs->rows.size(), 2);
    QCOMPARE(runs->rows[0][6].toString(), QStringLiteral("interrupted"));
    QVERIFY(ReportText::isMissing(runs->rows[1][4])); // still running: no end, not 0
}

void TestCapacityAvailabilityLatencyReports::availabilityPerPool()
{
    const ReportData d = run(QStringLiteral("availability"), *ReportScope::parse(QStringLiteral("pool:north/north-b")));
    const ReportTable* pools = table(d, QStringLiteral("availability_by_pool"));
    QVERIFY(pools);
    QCOMPARE(pools->rows.size(), 1);
    const QVariantList& r = pools->rows[0];
    QCOMPARE(r[1].toString(), QStringLiteral("north-b"));
    QCOMPARE(r[3].toDouble(), 100.0);
    QCOMPARE(r[4].toDouble(), (1 - double(FaultTo - FaultFrom) / (8 * 150)) * 100);
    QCOMPARE(r[5].toLongLong(), 1);
    QCOMPARE(r[7].toDouble(), double(FaultTo - FaultFrom));
    QVERIFY(ReportText::isMissing(r[9])); // no job interruptions in this pool: unknown share, not 0 %
}

void TestCapacityAvailabilityLatencyReports::capacityFigures()
{
    const ReportData d = run(QStringLiteral("capacity"));
    QVERIFY(!d.isEmpty());
    QCOMPARE(figure(d, QStringLiteral("total")).toLongLong(), 16);
    QCOMPARE(figure(d, QStringLiteral("allocated")).toLongLong(), 2 + 4 + 0 + 1);
    QCOMPARE(figure(d, QStringLiteral("free")).toLongLong(), 2 + 0 + 4 + 3);
    QCOMPARE(figure(d, QStringLiteral("faulty")).toLongLong(), 0);
    // Allocated chip-minutes: n1's two except while down, n2's four, n4's one.
    const double allocated = 2 * (150 - 20) + 4 * 150 + 150;
    QCOMPARE(figure(d, QStringLiteral("mean_allocated")).toDouble(), allocated / (16 * 150) * 100);
    QCOMPARE(figure(d, QStringLiteral("peak_allocated")).toLongLong(), 7);
    QCOMPARE(figure(d, QStringLiteral("coverage")).toDouble(), 150.0 / 180 * 100);
    const ReportTable* byPool = table(d, QStringLiteral("capacity_by_pool_model"));
    QVERIFY(byPool);
    QStringList rows;
    for (const QVariantList& r : byPool->rows)
        rows << QStringLiteral("%1/%2/%3 %4 %5 %6 %7")
                    .arg(r[0].toString(), r[1].toString(), r[2].toString())
                    .arg(r[3].toLongLong())
                    .arg(r[4].toLongLong())
                    .arg(r[7].toLongLong())
                    .arg(r[8].toLongLong());
    QCOMPARE(rows,
        QStringList({ QStringLiteral("east/east-a/Ascend 910B 8 6 2 0"),
            QStringLiteral("north/north-b/Ascend 910B 4 0 4 0"), QStringLiteral("north/north-b/H800 4 1 3 0") }));
    const ReportTable* trend = table(d, QStringLiteral("capacity_trend"));
    QVERIFY(trend);
    QCOMPARE(trend->rows.size(), 3); // hourly over 3 hours
    QCOMPARE(trend->rows[1][5].toLongLong(), 30); // the hour with the hole has 30 minutes of data
}

// A node that went down and whose source then sent no samples (a fleet front does not fill a down
// node's history) is missing from the rollups of its last minutes; so is a node whose newest history is
// still loading. The reports count both as the Overview does (issue 18: 1,696 on the Overview, 1,688 in
// the report; 69 % accelerator availability without a fault): every installed chip in the total, the down
// node's chips faulty, the loading node's unknown — never a fault.
void TestCapacityAvailabilityLatencyReports::capacityCountsUnreportedChips()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    constexpr int Range = 30;
    constexpr int DownAt = 20; ///< "b" is down from minute 20 on and sends nothing since
    constexpr int LoadingFrom = 25; ///< "c"'s minutes from 25 on are not in the cache yet
    SourceUpdate u;
    u.source = QStringLiteral("front");
    for (const char* id : { "a", "b", "c" }) {
        NodeUpdate nu;
        nu.nodeId = QLatin1String(id);
        nu.hasInventory = true;
        nu.inventory.nodeId = nu.nodeId;
        nu.inventory.region = QStringLiteral("east");
        nu.inventory.pool = QStringLiteral("east-a");
        for (int i = 0; i < 4; ++i)
            nu.inventory.accelerators.append({ i, QStringLiteral("huawei"), QStringLiteral("Ascend 910B"),
                nu.nodeId + QString::number(i), 64LL << 30 });
        const int sentUntil = *id == 'b' ? DownAt : *id == 'c' ? LoadingFrom : Range;
        for (int m = 0; m < sentUntil; ++m)
            u.samples.append({ nu.nodeId, sampleAt(Nodes[1], m) });
        nu.hasSnapshot = true;
        nu.snapshot.instanceId = QStringLiteral("i-") + nu.nodeId;
        nu.snapshot.sample = sampleAt(Nodes[1], Range - 1);
        if (*id == 'b')
            nu.snapshot.sample.state = Protocol::NodeState::Down;
        nu.status = *id == 'b' ? AgentStatus::Unreachable : AgentStatus::Up;
        u.nodes.append(nu);
    }
    u.events = { ReportFixture::event(1, "b", -1, "node-down", T0 + DownAt * Min + 5000, false) };
    {
        CacheWriter writer(dir.path());
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        QVERIFY(opened.wait(10000));
        writer.write(u);
        writer.flush();
    }
    // The Overview's figures: the store's aggregate of the same nodes.
    FleetStore store;
    store.applyUpdate(u);
    int overviewTotal = 0, overviewFaulty = 0;
    for (const ModelCapacity& m : store.summary().models) {
        overviewTotal += m.total;
        overviewFaulty += m.faulty;
    }
    QCOMPARE(overviewTotal, 12);
    QCOMPARE(overviewFaulty, 4);

    CacheReader reader(dir.path());
    ReportParameters p;
    p.type = QStringLiteral("capacity");
    p.fromMs = T0;
    p.toMs = T0 + Range * Min;
    const auto d = generate(p, ReportContext(&reader));
    QVERIFY(d && !d->isEmpty());
    QCOMPARE(figure(*d, QStringLiteral("total")).toLongLong(), qint64(overviewTotal));
    QCOMPARE(figure(*d, QStringLiteral("faulty")).toLongLong(), qint64(overviewFaulty));
    for (const QString& id : { QStringLiteral("capacity_by_pool_model"), QStringLiteral("capacity_by_model") }) {
        const ReportTable* t = table(*d, id);
        QVERIFY(t);
        QCOMPARE(t->rows.size(), 1);
        const int total = id == QLatin1String("capacity_by_model") ? 1 : 3;
        QCOMPARE(t->rows[0][total].toLongLong(), qint64(overviewTotal));
        QCOMPARE(t->rows[0][total + 5].toLongLong(), qint64(overviewFaulty));
    }
    // Availability: b's four chips are unavailable while it is down; the minutes in which c's history is
    // still loading are not complete for the pool, so they count neither way.
    p.type = QStringLiteral("availability");
    const auto a = generate(p, ReportContext(&reader));
    QVERIFY(a && !a->isEmpty());
    const double known = 12.0 * LoadingFrom;
    QCOMPARE(figure(*a, QStringLiteral("accelerator_availability")).toDouble(),
        (1 - 4.0 * (LoadingFrom - DownAt) / known) * 100);
}

// Worked out from reportfixture.h's probe windows (see probeUpdates()):
// east → north: 180 − 30 (hole) − 20 (n1 down) − 10 (silent) = 120 minutes probed, 10 slow + 5 lossy
// violating; north → east: 150 minutes probed, the 20 while n1 is down all lost (violating).
void TestCapacityAvailabilityLatencyReports::latencyFigures()
{
    const ReportData d = run(QStringLiteral("latency"));
    QCOMPARE(figure(d, QStringLiteral("pairs")).toLongLong(), 2);
    const double pairMinutes = 2.0 * Minutes;
    QCOMPARE(figure(d, QStringLiteral("within_target")).toDouble(), (105 + 130) / pairMinutes * 100);
    QCOMPARE(figure(d, QStringLiteral("violating")).toDouble(), (15 + 20) / pairMinutes * 100);
    QCOMPARE(figure(d, QStringLiteral("no_data")).toDouble(), (60 + 30) / pairMinutes * 100);
    QCOMPARE(figure(d, QStringLiteral("violations")).toLongLong(), 3);
    QCOMPARE(figure(d, QStringLiteral("longest_violation")).toLongLong(), DownTo - DownFrom);
    QCOMPARE(figure(d, QStringLiteral("pairs_violating")).toLongLong(), 2);
    QCOMPARE(figure(d, QStringLiteral("pairs_with_gaps")).toLongLong(), 2);

    const ReportTable* violations = table(d, QStringLiteral("latency_violations"));
    QVERIFY(violations);
    QCOMPARE(violations->rows.size(), 3);
    const QList<std::tuple<QString, int, int>> expected
        = { { QStringLiteral("north"), DownFrom, DownTo }, { QStringLiteral("east"), ProbeSlowFrom, ProbeSlowTo },
              { QStringLiteral("east"), ProbeLossFrom, ProbeLossTo } };
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const auto& [from, start, end] = expected[i];
        QCOMPARE(violations->rows[i][0].toString(), from);
        QCOMPARE(violations->rows[i][2].toLongLong(), T0 + start * Min);
        QCOMPARE(violations->rows[i][3].toLongLong(), T0 + end * Min);
        QCOMPARE(violations->rows[i][4].toLongLong(), end - start);
    }
    QCOMPARE(violations->rows[1][5].toDouble(), 50.0);
    QVERIFY(!violations->rows[0][5].isValid()); // everything lost: no RTT, never 0 ms
    QCOMPARE(violations->rows[0][6].toDouble(), 100.0);

    // A pair without probes for part of the range: those stretches are listed, never "within target".
    const ReportTable* gaps = table(d, QStringLiteral("latency_pair_gaps"));
    QVERIFY(gaps);
    QStringList got;
    for (const QVariantList& r : gaps->rows)
        got << QStringLiteral("%1>%2 %3-%4")
                   .arg(r[0].toString(), r[1].toString())
                   .arg((r[2].toLongLong() - T0) / Min)
                   .arg((r[3].toLongLong() - T0) / Min);
    QCOMPARE(got,
        QStringList({ QStringLiteral("east>north 60-90"), QStringLiteral("east>north 100-120"),
            QStringLiteral("east>north 150-160"), QStringLiteral("north>east 60-90") }));
    // The report's own coverage: minutes in which any pair was probed.
    QCOMPARE(d.gaps.size(), 1);
    QCOMPARE(d.gaps[0], (ReportGap { T0 + GapFrom * Min, T0 + GapTo * Min }));
}

void TestCapacityAvailabilityLatencyReports::latencyPairs_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<double>("within");
    QTest::addColumn<double>("violating");
    QTest::addColumn<double>("noData");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p99");
    QTest::addColumn<double>("loss");
    QTest::addColumn<qint64>("runs");
    QTest::addColumn<qint64>("longest");
    QTest::addColumn<qint64>("dayMinutes");
    // east → north: p99 nearest rank 119 of 120 lands in the 10 slow minutes (100 ms).
    QTest::addRow("east>north") << QStringLiteral("east") << 105.0 / Minutes * 100 << 15.0 / Minutes * 100
                                << 60.0 / Minutes * 100 << 20.0 << 100.0 << 5 * 0.02 / 120 * 100 << qint64(2)
                                << qint64(10) << qint64(120);
    QTest::addRow("north>east") << QStringLiteral("north") << 130.0 / Minutes * 100 << 20.0 / Minutes * 100
                                << 30.0 / Minutes * 100 << 21.0 << 33.0 << 20.0 / 150 * 100 << qint64(1) << qint64(20)
                                << qint64(150);
}

void TestCapacityAvailabilityLatencyReports::latencyPairs()
{
    QFETCH(QString, from);
    const ReportData d = run(QStringLiteral("latency"));
    const ReportTable* pairs = table(d, QStringLiteral("latency_pairs"));
    QVERIFY(pairs);
    const QVariantList* row = nullptr;
    for (const QVariantList& r : pairs->rows)
        row = r[0].toString() == from ? &r : row;
    QVERIFY(row);
    QCOMPARE((*row)[2].toString(), QStringLiteral("cross-region")); // two regions, no hub labels
    QFETCH(double, within);
    QFETCH(double, violating);
    QFETCH(double, noData);
    QFETCH(double, p50);
    QFETCH(double, p99);
    QFETCH(double, loss);
    QFETCH(qint64, runs);
    QFETCH(qint64, longest);
    QFETCH(qint64, dayMinutes);
    QCOMPARE((*row)[3].toDouble(), within);
    QCOMPARE((*row)[4].toDouble(), violating);
    QCOMPARE((*row)[5].toDouble(), noData);
    QCOMPARE((*row)[6].toDouble(), p50);
    QCOMPARE((*row)[7].toDouble(), p99);
    QCOMPARE((*row)[8].toDouble(), loss);
    QCOMPARE((*row)[9].toLongLong(), runs);
    QCOMPARE((*row)[10].toLongLong(), longest);
    const ReportTable* targets = table(d, QStringLiteral("latency_targets"));
    QVERIFY(targets);
    QCOMPARE(targets->rows.last()[0].toString(), QStringLiteral("cross-region"));
    QCOMPARE(targets->rows.last()[1].toDouble(), 40.0);
    // One UTC day in the fixture: the day's figures are the range's.
    const ReportTable* daily = table(d, QStringLiteral("latency_daily"));
    QVERIFY(daily);
    const QVariantList* day = nullptr;
    for (const QVariantList& r : daily->rows)
        day = r[0].toString() == from ? &r : day;
    QVERIFY(day);
    QCOMPARE((*day)[2].toLongLong(), T0 / (24 * 60 * Min) * (24 * 60 * Min));
    QCOMPARE((*day)[3].toDouble(), p50);
    QCOMPARE((*day)[4].toDouble(), p99);
    QCOMPARE((*day)[5].toLongLong(), dayMinutes);
}

void TestCapacityAvailabilityLatencyReports::latencyScope()
{
    // Pairs touching the scope: a pool of "east" still sees both directions to "north".
    QCOMPARE(figure(run(QStringLiteral("latency"), *ReportScope::parse(QStringLiteral("pool:east/east-a"))),
                 QStringLiteral("pairs"))
                 .toLongLong(),
        2);
    QVERIFY(run(QStringLiteral("latency"), *ReportScope::parse(QStringLiteral("region:nowhere"))).isEmpty());
}

void TestCapacityAvailabilityLatencyReports::gapsReported()
{
    for (const QString& type : Registry::types()) {
        const ReportData d = run(type);
        QCOMPARE(d.gaps.size(), 1);
        QCOMPARE(d.gaps[0], (ReportGap { T0 + GapFrom * Min, T0 + GapTo * Min }));
        QCOMPARE(d.coveredFromMs, T0);
        QCOMPARE(d.coveredToMs, T0 + Minutes * Min);
        const ReportTable* gaps = table(d, QStringLiteral("gaps"));
        QVERIFY(gaps);
        QCOMPARE(gaps->rows.size(), 1);
        QCOMPARE(gaps->rows[0][2].toDouble(), 0.5);
    }
    // A range reaching past the data: the missing stretch is a gap too, not zeros.
    ReportParameters p;
    p.type = QStringLiteral("availability");
    p.fromMs = T0 - 60 * Min;
    p.toMs = T0 + Minutes * Min;
    const auto d = generate(p, ReportContext(m_reader.get()));
    QVERIFY(d);
    QCOMPARE(d->gaps.size(), 2);
    QCOMPARE(d->gaps[0], (ReportGap { T0 - 60 * Min, T0 }));
}

void TestCapacityAvailabilityLatencyReports::sameCacheSameNumbers()
{
    for (const QString& type : Registry::types()) {
        const QStringList first = canonical(run(type));
        QVERIFY(first.size() > 10);
        CacheReader other(m_dir.path()); // a second reader: nothing cached in memory between runs
        ReportParameters p;
        p.type = type;
        p.fromMs = T0;
        p.toMs = T0 + Minutes * Min;
        const auto again = generate(p, ReportContext(&other));
        QVERIFY(again);
        QCOMPARE(canonical(*again), first);
    }
}

void TestCapacityAvailabilityLatencyReports::relativeRangeEndsAtData()
{
    ReportParameters p;
    p.type = QStringLiteral("availability");
    QVERIFY(parseRange(QStringLiteral("2h"), &p));
    const auto d = generate(p, ReportContext(m_reader.get()));
    QVERIFY(d);
    QCOMPARE(d->parameters.toMs, T0 + Minutes * Min);
    QCOMPARE(d->parameters.fromMs, T0 + (Minutes - 120) * Min);
}

// Issue 18: "Generated" was earlier than the end of the data range: a relative range ended at the end
// of the newest minute, which was still filling (in the future).
void TestCapacityAvailabilityLatencyReports::dataNeverEndsAfterGeneration()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    SourceUpdate u;
    u.source = QStringLiteral("fixture");
    NodeUpdate nu;
    nu.nodeId = QStringLiteral("n1");
    nu.hasInventory = true;
    nu.inventory.nodeId = nu.nodeId;
    nu.inventory.region = QStringLiteral("east");
    nu.inventory.pool = QStringLiteral("east-a");
    for (int m = 30; m >= 0; --m) {
        Protocol::Sample s = sampleAt(Nodes[0], 30 - m);
        s.timestampMs = now - m * Min - 1000; // the newest a second ago, in the current minute
        u.samples.append({ nu.nodeId, s });
    }
    nu.hasSnapshot = true;
    nu.snapshot.instanceId = QStringLiteral("i-n1");
    nu.snapshot.sample = u.samples.last().second;
    u.nodes = { nu };
    {
        CacheWriter writer(dir.path());
        QSignalSpy opened(&writer, &CacheWriter::opened);
        writer.start();
        QVERIFY(opened.wait(10000));
        writer.write(u);
        writer.flush();
    }
    CacheReader reader(dir.path());
    ReportParameters p;
    p.type = QStringLiteral("capacity");
    QVERIFY(parseRange(QStringLiteral("24h"), &p));
    const auto d = generate(p, ReportContext(&reader));
    QVERIFY(d && !d->isEmpty());
    QVERIFY2(
        d->parameters.toMs <= d->generatedAtMs, qPrintable(QString::number(d->parameters.toMs - d->generatedAtMs)));
    QVERIFY(d->coveredToMs <= d->generatedAtMs);
    QVERIFY(d->coveredToMs >= now - 1000); // the newest sample is still in the range
}

// Issue 18: 1.27 % "minutes with data" stood as a bare headline. Under half of the range with data,
// the report says the range is mostly a gap.
void TestCapacityAvailabilityLatencyReports::coverageNote()
{
    const ReportText text(QStringLiteral("en"));
    const ReportData full = run(QStringLiteral("capacity"));
    QCOMPARE(ReportText::coveredShare(full), 150.0 / 180);
    QVERIFY(text.coverageNote(full).isEmpty());
    ReportParameters p;
    p.type = QStringLiteral("capacity");
    p.fromMs = T0 + Minutes * Min - 24 * 60 * Min;
    p.toMs = T0 + Minutes * Min;
    const auto day = generate(p, ReportContext(m_reader.get()));
    QVERIFY(day && !day->isEmpty());
    const double share = 150.0 / (24 * 60);
    QCOMPARE(ReportText::coveredShare(*day), share);
    const QString note = text.coverageNote(*day);
    QVERIFY2(note.contains(QStringLiteral("mostly a gap")), qPrintable(note));
    QVERIFY2(note.contains(text.display(share * 100, ValueKind::Percent)), qPrintable(note));
}

void TestCapacityAvailabilityLatencyReports::emptyRange()
{
    ReportParameters p;
    p.type = QStringLiteral("capacity");
    p.fromMs = T0 - 48 * 60 * Min;
    p.toMs = T0 - 24 * 60 * Min;
    const auto d = generate(p, ReportContext(m_reader.get()));
    QVERIFY(d);
    QVERIFY(d->isEmpty());
    QCOMPARE(d->gaps.size(), 1);
    QVERIFY(d->tables.isEmpty());
    p.scope = *ReportScope::parse(QStringLiteral("region:nowhere"));
    p.fromMs = T0;
    p.toMs = T0 + Minutes * Min;
    const auto none = generate(p, ReportContext(m_reader.get()));
    QVERIFY(none && none->isEmpty());
}

void TestCapacityAvailabilityLatencyReports::cancellation()
{
    std::atomic<bool> cancel { true };
    ReportParameters p;
    p.type = QStringLiteral("availability");
    p.fromMs = T0;
    p.toMs = T0 + Minutes * Min;
    QVERIFY(!generate(p, ReportContext(m_reader.get(), &cancel)));

    // Cancel while it runs: at the third cache query, from the reader's thread.
    CacheReader reader(m_dir.path());
    ReportRunner runner(&reader);
    std::atomic<int> queries { 0 };
    QSignalSpy cancelled(&runner, &ReportRunner::cancelled);
    QSignalSpy finished(&runner, &ReportRunner::finished);
    reader.setJobObserver([&] {
        if (++queries == 3)
            runner.cancel(); // thread-safe: only sets the flag the report checks after each answer
    });
    QVERIFY(runner.start(p));
    QVERIFY(cancelled.wait(10000));
    QCOMPARE(finished.size(), 0);
    QVERIFY(!runner.isRunning());
    // And it runs again afterwards.
    reader.setJobObserver({});
    QVERIFY(runner.start(p));
    QVERIFY(finished.wait(10000));
}

void TestCapacityAvailabilityLatencyReports::csvRoundTrip()
{
    ReportTable t;
    t.id = QStringLiteral("t");
    t.title = "T";
    t.columns = { { "Name" }, { "Count", ValueKind::Integer }, { "Share", ValueKind::Percent },
        { "At", ValueKind::Timestamp } };
    t.rows = { { QStringLiteral("plain"), qint64(3), 12.5, T0 },
        { QStringLiteral("comma, \"quote\"\r\nnewline"), qint64(-7), Protocol::Missing, QVariant() },
        { QStringLiteral("训练任务"), QVariant(), 0.1 + 0.2, T0 + 1 },
        { QStringLiteral("=HYPERLINK(\"x\")"), qint64(0), 0.0, T0 } };
    const ReportText en(QStringLiteral("en"));
    for (bool bom : { false, true }) {
        const QByteArray doc = csvDocument(t, en, bom);
        QCOMPARE(doc.startsWith("\xEF\xBB\xBF"), bom);
        QVERIFY(doc.contains("\r\n"));
        const auto rows = parseCsv(doc);
        QVERIFY(rows);
        QCOMPARE(rows->size(), t.rows.size() + 1);
        QCOMPARE(rows->at(0),
            QStringList(
                { QStringLiteral("Name"), QStringLiteral("Count"), QStringLiteral("Share"), QStringLiteral("At") }));
        QCOMPARE(rows->at(2).at(0), QStringLiteral("comma, \"quote\"\r\nnewline"));
        QCOMPARE(rows->at(2).at(2), QString()); // missing stays empty, never 0
        QCOMPARE(rows->at(3).at(0), QStringLiteral("训练任务"));
        QCOMPARE(rows->at(3).at(2).toDouble(), 0.1 + 0.2); // full precision
        QCOMPARE(rows->at(1).at(3), QStringLiteral("2025-06-15T15:07:00Z"));
        QCOMPARE(rows->at(4).at(0), QStringLiteral("'=HYPERLINK(\"x\")")); // never a live formula
        QCOMPARE(rows->at(4).at(2), QStringLiteral("0")); // a real zero stays 0
    }
    QVERIFY(!parseCsv("a,\"b\nc"));

    // Every table of a real report survives the trip.
    const ReportData d = run(QStringLiteral("availability"));
    QTemporaryDir out;
    QString error;
    QStringList files;
    QVERIFY2(writeCsv(d, en, out.path(), true, &error, &files), qPrintable(error));
    QCOMPARE(files.size(), exportTables(d).size());
    for (const ReportTable& table : exportTables(d)) {
        QFile f(out.filePath(table.id + QStringLiteral(".csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto rows = parseCsv(f.readAll());
        QVERIFY(rows);
        QCOMPARE(rows->size(), table.rows.size() + 1);
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            for (qsizetype c = 0; c < table.columns.size(); ++c)
                QCOMPARE(rows->at(r + 1).at(c), ReportText::machine(table.rows[r][c], table.columns[c].kind));
        }
    }
}

void TestCapacityAvailabilityLatencyReports::xlsxSecondReader()
{
    const ReportData d = run(QStringLiteral("availability"));
    QTemporaryDir out;
    const QString path = out.filePath(QStringLiteral("r.xlsx"));
    QString error;
    QVERIFY2(writeXlsx(d, ReportText(QStringLiteral("en")), path, &error), qPrintable(error));
    // A second reader: python3's zipfile and XML parser list the sheets and the availability figure.
    const QString script = QStringLiteral(R"(
import sys, zipfile, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
book = ET.fromstring(z.read('xl/workbook.xml'))
print(','.join(s.get('name') for s in book.find('m:sheets', ns)))
strings = [''.join(t.itertext()) for t in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns)]
sheet = ET.fromstring(z.read('xl/worksheets/sheet2.xml'))
for row in sheet.find('m:sheetData', ns):
    cells = []
    for c in row:
        v = c.find('m:v', ns)
        cells.append(strings[int(v.text)] if c.get('t') == 's' else (v.text if v is not None else ''))
    print('|'.join(cells))
)");
    QProcess python;
    python.start(QStringLiteral("python3"), { QStringLiteral("-c"), script, path });
    QVERIFY(python.waitForFinished(30000));
    QCOMPARE(python.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'));
    QStringList sheets;
    for (const ReportTable& t : exportTables(d))
        sheets << t.id;
    QCOMPARE(lines.value(0), sheets.join(QLatin1Char(',')));
    bool found = false;
    for (const QString& l : lines) {
        if (l.startsWith(QStringLiteral("node_availability|"))) {
            found = true;
            QCOMPARE(
                l.section(QLatin1Char('|'), 2).toDouble(), figure(d, QStringLiteral("node_availability")).toDouble());
        }
    }
    QVERIFY2(found, qPrintable(lines.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestCapacityAvailabilityLatencyReports)
#include "tst_capacityavailabilitylatencyreports.moc"
