// SPDX-License-Identifier: GPL-3.0-or-later
// The latency report against the real meridian-fleetsim: a seeded 30-day history of a
// three-site scenario with a link degraded and a link cut (injected, then cleared) is cached
// by the real session — probe windows from the front's /api/v1/probe-history — and every
// per-pair figure of the report equals the figures worked out here from the windows the
// simulator serves (its ground truth for past windows), aggregated as docs/latency.md says.

#include "core/cache/cachereader.h"
#include "core/latency/latencymatrix.h"
#include "core/protocol/protocoljson.h"
#include "core/reports/latencyreport.h"
#include "core/reports/reportsupport.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <map>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::Test;

namespace {

constexpr qint64 Min = 60'000;

struct Minute
{
    double p50 = 0, p99 = 0, loss = 0;
    int rtt = 0, lossCount = 0;
};
using Key = std::pair<QString, QString>; // from site, to site

} // namespace

class TestReportLatencySim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pairsEqualTruth();
    void injectedFaultsAreViolations();

private:
    QJsonObject post(const char* path, const QJsonObject& body);
    QString siteOf(const QString& nodeId) const { return m_siteOfNode.value(nodeId); }

    QTemporaryDir m_dir;
    SimulatorFixture m_sim;
    std::unique_ptr<CacheReader> m_reader;
    QHash<QString, QString> m_siteOfNode;
    QHash<QString, FleetNode> m_nodes;
    std::map<Key, std::map<qint64, Minute>> m_truth; ///< per site pair and window end
    qint64 m_from = 0, m_to = 0;
    QString m_degradedA, m_degradedB, m_cutA, m_cutB;
    qint64 m_degradeFrom = 0, m_degradeTo = 0, m_cutFrom = 0, m_cutTo = 0;
    std::optional<ReportData> m_report;
};

QJsonObject TestReportLatencySim::post(const char* path, const QJsonObject& body)
{
    const HttpResult r = m_sim.post(QLatin1String(path), body);
    if (r.status != 200)
        qWarning("%s: %d %s", path, r.status, r.body.constData());
    return QJsonDocument::fromJson(r.body).object();
}

void TestReportLatencySim::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_dir.isValid());
    // Three sites of the national scenario (two regions, a hub), one pool each: 6 site pairs.
    QFile defaults(QStringLiteral(MERIDIAN_SOURCE_DIR "/resources/scenarios/default.json"));
    QVERIFY(defaults.open(QIODevice::ReadOnly));
    QJsonObject scenario = QJsonDocument::fromJson(defaults.readAll()).object();
    const QStringList keep = { QStringLiteral("guian"), QStringLiteral("wuhu"), QStringLiteral("shanghai") };
    QJsonArray sites, pools;
    for (const QJsonValue& s : scenario.value(QStringLiteral("sites")).toArray())
        if (keep.contains(s.toObject().value(QStringLiteral("id")).toString()))
            sites.append(s);
    QStringList pooled;
    for (const QJsonValue& p : scenario.value(QStringLiteral("pools")).toArray()) {
        const QString site = p.toObject().value(QStringLiteral("site")).toString();
        if (keep.contains(site) && !pooled.contains(site)) {
            pools.append(p);
            pooled.append(site);
        }
    }
    QCOMPARE(sites.size(), 3);
    QCOMPARE(pools.size(), 3);
    scenario.insert(QStringLiteral("sites"), sites);
    scenario.insert(QStringLiteral("pools"), pools);
    QFile file(m_dir.filePath(QStringLiteral("scenario.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(scenario).toJson());
    file.close();

    // 30 days of history, a sample every 10 minutes (probe windows are per minute regardless).
    QVERIFY2(m_sim.start({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--scenario"), file.fileName(),
                 QStringLiteral("--nodes"), QStringLiteral("24"), QStringLiteral("--history"), QStringLiteral("30d"),
                 QStringLiteral("--interval"), QStringLiteral("600"), QStringLiteral("--paused") }),
        qPrintable(m_sim.error()));

    // Inject: a degraded link for 30 minutes, then a cut for 20, stepping the paused clock.
    m_degradedA = QStringLiteral("guian");
    m_degradedB = QStringLiteral("wuhu");
    m_cutA = QStringLiteral("wuhu");
    m_cutB = QStringLiteral("shanghai");
    auto now = [&] {
        const HttpResult r = m_sim.get(QStringLiteral("api/v1/nodes"));
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("ts")).toInteger();
    };
    post("sim/control", { { QStringLiteral("step"), 120 } });
    m_degradeFrom = now();
    const qint64 degrade = post("sim/faults",
        { { QStringLiteral("kind"), QStringLiteral("link-degrade") }, { QStringLiteral("from"), m_degradedA },
            { QStringLiteral("to"), m_degradedB }, { QStringLiteral("factor"), 4 } })
                               .value(QStringLiteral("id"))
                               .toInteger();
    QVERIFY(degrade > 0);
    post("sim/control", { { QStringLiteral("step"), 1800 } });
    m_degradeTo = now();
    post("sim/faults/clear", { { QStringLiteral("id"), double(degrade) } });
    const qint64 cut = post("sim/faults",
        { { QStringLiteral("kind"), QStringLiteral("link-cut") }, { QStringLiteral("from"), m_cutA },
            { QStringLiteral("to"), m_cutB } })
                           .value(QStringLiteral("id"))
                           .toInteger();
    QVERIFY(cut > 0);
    m_cutFrom = m_degradeTo;
    post("sim/control", { { QStringLiteral("step"), 1200 } });
    m_cutTo = now();
    post("sim/faults/clear", { { QStringLiteral("id"), double(cut) } });
    post("sim/control", { { QStringLiteral("step"), 600 } });

    // The simulator's past windows, read here apart from the console.
    {
        FleetSession session;
        QString error;
        QVERIFY2(m_sim.openSession(session, m_dir.filePath(QStringLiteral("cache")), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->nodes().size() >= 24, 60000);
        for (const FleetNode& n : session.store()->nodes())
            m_nodes.insert(n.inventory.nodeId, n);
        const LatencyTopology topo = LatencyMatrix::build(m_nodes).topology();
        for (auto it = topo.nodeIndex.cbegin(); it != topo.nodeIndex.cend(); ++it)
            m_siteOfNode.insert(it.key(), topo.id(LatencyLevel::Site, topo.siteOf(LatencyLevel::Node, it.value())));

        qint64 since = 0;
        for (bool more = true; more;) {
            const HttpResult r = httpGet(
                m_sim.url(QStringLiteral("api/v1/probe-history?limit=1440&since=%1").arg(since)), m_sim.token(), 60000);
            QCOMPARE(r.status, 200);
            Protocol::NodesPage page;
            Protocol::Limits limits;
            limits.maxBodyBytes = qsizetype(256) << 20;
            QVERIFY(Protocol::Json::decodeBody(r.body, &page, limits));
            for (const Protocol::NodeRecord& rec : std::as_const(page.nodes)) {
                for (const Protocol::ProbeResult& p : rec.snapshot.probes) {
                    Minute& m = m_truth[{ siteOf(rec.nodeId), siteOf(p.peer) }][p.windowEndMs];
                    if (!Protocol::isMissing(p.loss)) {
                        m.loss += p.loss;
                        ++m.lossCount;
                    }
                    if (!Protocol::isMissing(p.p50Ms) && !Protocol::isMissing(p.p99Ms)) {
                        m.p50 += p.p50Ms;
                        m.p99 += p.p99Ms;
                        ++m.rtt;
                    }
                }
            }
            more = page.more;
            const qint64 next = page.cursor.toLongLong();
            QVERIFY(!more || next > since);
            since = next;
        }
        QCOMPARE(int(m_truth.size()), 6);
        m_to = since + Min; // the last past window; the live one is left out
        m_from = m_to - 30LL * 24 * 60 * Min;
        // The cache has it all once every pair's newest and oldest past windows are in.
        for (const auto& [key, minutes] : m_truth) {
            const qint64 expected = qint64(std::count_if(
                minutes.cbegin(), minutes.cend(), [&](const auto& m) { return m.first >= m_from && m.first < m_to; }));
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    auto f = session.cache()->probeHistory(true, key.first, key.second, m_from, m_to - 1);
                    f.waitForFinished();
                    return f.result().size() == expected;
                }(),
                600000); // generous: a sanitizer build on a loaded machine took 257 s
        }
        session.setSources({});
    }
    m_reader = std::make_unique<CacheReader>(m_dir.filePath(QStringLiteral("cache")));
    ReportParameters p;
    p.type = QStringLiteral("latency");
    p.fromMs = m_from;
    p.toMs = m_to;
    m_report = LatencyReport(LatencyTargets()).compute(p, ReportContext(m_reader.get()));
    QVERIFY(m_report && !m_report->isEmpty());
}

void TestReportLatencySim::pairsEqualTruth()
{
    const LatencyTargets targets;
    const LatencyTopology topo = LatencyMatrix::build(m_nodes).topology();
    const ReportTable* pairs = nullptr;
    for (const ReportTable& t : m_report->tables)
        pairs = t.id == QLatin1String("latency_pairs") ? &t : pairs;
    QVERIFY(pairs);
    QCOMPARE(pairs->rows.size(), 6);
    const double rangeMinutes = double(m_to - m_from) / Min;
    for (const QVariantList& row : pairs->rows) {
        const Key key { row[0].toString(), row[1].toString() };
        const PairClass c
            = topo.classify(LatencyLevel::Site, topo.siteIndex.value(key.first), topo.siteIndex.value(key.second));
        QCOMPARE(row[2].toString(), pairClassKey(c));
        int minutes = 0, within = 0, violating = 0, runs = 0, run = 0, longest = 0;
        qint64 previous = 0;
        QList<double> p50s;
        for (const auto& [t, m] : m_truth.at(key)) {
            if (t < m_from || t >= m_to)
                continue;
            ++minutes;
            const PairPoint point { t, m.rtt ? m.p50 / m.rtt : Protocol::Missing,
                m.rtt ? m.p99 / m.rtt : Protocol::Missing, m.lossCount ? m.loss / m.lossCount : Protocol::Missing };
            if (!std::isnan(point.p50Ms))
                p50s.append(point.p50Ms);
            if (violates(point, targets.target(c))) {
                ++violating;
                run = t - previous == Min ? run + 1 : 1;
                runs += run == 1 ? 1 : 0;
                longest = std::max(longest, run);
            } else {
                ++within;
                run = 0;
            }
            previous = t;
        }
        std::sort(p50s.begin(), p50s.end());
        const QString what = key.first + QStringLiteral(" → ") + key.second;
        QVERIFY2(minutes > 40000, qPrintable(what)); // 30 days of windows, not a handful
        QVERIFY2(qFuzzyCompare(row[3].toDouble(), within / rangeMinutes * 100), qPrintable(what));
        QVERIFY2(qFuzzyCompare(row[4].toDouble() + 1, violating / rangeMinutes * 100 + 1), qPrintable(what));
        QVERIFY2(
            qFuzzyCompare(row[5].toDouble() + 1, (rangeMinutes - minutes) / rangeMinutes * 100 + 1), qPrintable(what));
        QVERIFY2(qFuzzyCompare(row[6].toDouble(), p50s[(p50s.size() + 1) / 2 - 1]), qPrintable(what));
        QCOMPARE(row[9].toLongLong(), runs);
        QCOMPARE(row[10].toLongLong(), longest);
    }
}

void TestReportLatencySim::injectedFaultsAreViolations()
{
    // The degraded and the cut link: both directions violate for the whole injected span. Over the
    // last hours only: 30 days of the model's own 1/60-loss windows fill the list's first 5,000 rows.
    ReportParameters p;
    p.type = QStringLiteral("latency");
    p.fromMs = m_degradeFrom / Min * Min - 60 * Min;
    p.toMs = m_to;
    const auto recent = LatencyReport(LatencyTargets()).compute(p, ReportContext(m_reader.get()));
    QVERIFY(recent && !recent->isEmpty());
    const ReportTable* violations = nullptr;
    for (const ReportTable& t : recent->tables)
        violations = t.id == QLatin1String("latency_violations") ? &t : violations;
    QVERIFY(violations);
    auto covered = [&](const QString& a, const QString& b, qint64 from, qint64 to) {
        for (const QVariantList& r : violations->rows) {
            if (r[0].toString() == a && r[1].toString() == b && r[2].toLongLong() <= from / Min * Min + Min
                && r[3].toLongLong() >= to / Min * Min)
                return true;
        }
        return false;
    };
    auto runs = [&](const QString& a, const QString& b) {
        QStringList out { QStringLiteral("span %1–%2").arg(m_degradeFrom / Min).arg(m_degradeTo / Min) };
        for (const QVariantList& r : violations->rows)
            if (r[0].toString() == a && r[1].toString() == b)
                out << QStringLiteral("%1–%2").arg(r[2].toLongLong() / Min).arg(r[3].toLongLong() / Min);
        return out.join(QLatin1Char(' ')).left(2000);
    };
    QVERIFY2(covered(m_degradedA, m_degradedB, m_degradeFrom, m_degradeTo), qPrintable(runs(m_degradedA, m_degradedB)));
    QVERIFY(covered(m_degradedB, m_degradedA, m_degradeFrom, m_degradeTo));
    QVERIFY(covered(m_cutA, m_cutB, m_cutFrom, m_cutTo));
    QVERIFY(covered(m_cutB, m_cutA, m_cutFrom, m_cutTo));
}

QTEST_GUILESS_MAIN(TestReportLatencySim)
#include "tst_reportlatencysim.moc"
