// SPDX-License-Identifier: GPL-3.0-or-later
// Against the real meridian-fleetsim (seeded, paused, one sample a minute):
// the console caches its history, then the capacity report's end-of-range
// figures per pool and model equal /sim/truth, and the availability report's
// incident count equals a recount of the same cache's events.

#include "core/cache/cachereader.h"
#include "core/reports/report.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::Test;

class TestReportSim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void capacityEqualsTruth();
    void incidentsEqualRecount();

private:
    SimulatorFixture m_sim;
    QTemporaryDir m_cacheDir;
    QJsonObject m_truth;
    std::unique_ptr<CacheReader> m_reader;
    ReportParameters m_range;
};

void TestReportSim::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_cacheDir.isValid());
    // Paused: the truth is the state of the last sample. A 60 s interval puts one
    // sample in each minute, so the last minute's rollup is exactly that sample.
    QVERIFY2(m_sim.start({ QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--nodes"),
                 QStringLiteral("240"), QStringLiteral("--history"), QStringLiteral("3h"), QStringLiteral("--interval"),
                 QStringLiteral("60"), QStringLiteral("--paused") }),
        qPrintable(m_sim.error()));
    {
        FleetSession session;
        QString error;
        QVERIFY2(m_sim.openSession(session, m_cacheDir.path(), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(session.store()->nodes().size() >= 240, 60000);
        // History is in once the cached minutes cover the 3 hours and every node's newest
        // sample has reached the rollups (the sum over the last minute's nodes reporting).
        const qint64 lastTick = [&] {
            qint64 t = 0;
            for (const FleetNode& n : session.store()->nodes())
                t = std::max(t, n.snapshot.sample.timestampMs);
            return t;
        }();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto f = session.cache()->capacityHistory(lastTick - 4 * 3600 * 1000, lastTick + 60000);
                f.waitForFinished();
                const CapacitySeries s = f.result();
                return s.points.size() >= 175 && s.points.last().timestampMs == lastTick / 60000 * 60000
                    && s.points.last().nodesReporting == 240;
            }(),
            120000);
        session.setSources({});
    } // the session's writer commits everything, open windows included, as it closes
    m_truth = m_sim.truth();
    QVERIFY(!m_truth.isEmpty());
    m_reader = std::make_unique<CacheReader>(m_cacheDir.path());
    QVERIFY(parseRange(QStringLiteral("3h"), &m_range));
}

void TestReportSim::capacityEqualsTruth()
{
    ReportParameters p = m_range;
    p.type = QStringLiteral("capacity");
    const auto d = generate(p, ReportContext(m_reader.get()));
    QVERIFY(d && !d->isEmpty());
    const ReportTable* byPool = nullptr;
    for (const ReportTable& t : d->tables) {
        if (t.id == QLatin1String("capacity_by_pool_model"))
            byPool = &t;
    }
    QVERIFY(byPool);
    QStringList got;
    for (const QVariantList& r : byPool->rows) {
        got << QStringLiteral("%1/%2 %3 %4/%5/%6/%7")
                   .arg(r[0].toString(), r[1].toString(), r[2].toString())
                   .arg(r[3].toLongLong())
                   .arg(r[4].toLongLong())
                   .arg(r[7].toLongLong())
                   .arg(r[8].toLongLong());
    }
    QStringList expected;
    int allocated = 0;
    for (const QJsonValue& pv : m_truth.value(QStringLiteral("pools")).toArray()) {
        const QJsonObject pool = pv.toObject();
        for (const QJsonValue& mv : pool.value(QStringLiteral("models")).toArray()) {
            const QJsonObject m = mv.toObject();
            expected << QStringLiteral("%1/%2 %3 %4/%5/%6/%7")
                            .arg(pool.value(QStringLiteral("region")).toString(),
                                pool.value(QStringLiteral("pool")).toString(),
                                m.value(QStringLiteral("model")).toString())
                            .arg(m.value(QStringLiteral("total")).toInt())
                            .arg(m.value(QStringLiteral("allocated")).toInt())
                            .arg(m.value(QStringLiteral("free")).toInt())
                            .arg(m.value(QStringLiteral("faulty")).toInt());
            allocated += m.value(QStringLiteral("allocated")).toInt();
        }
    }
    got.sort();
    expected.sort();
    QVERIFY(expected.size() >= 10);
    QVERIFY(allocated > 0); // not trivially equal
    QCOMPARE(got, expected);
}

void TestReportSim::incidentsEqualRecount()
{
    ReportParameters p = m_range;
    p.type = QStringLiteral("availability");
    const auto d = generate(p, ReportContext(m_reader.get()));
    QVERIFY(d && !d->isEmpty());
    // Recount apart from the report: hardware faults opened in the range, from the cached events.
    EventFilter f;
    f.fromMs = d->parameters.fromMs;
    f.toMs = d->parameters.toMs - 1;
    f.minSeverity = Protocol::Severity::Warning;
    f.limit = 100000;
    auto events = m_reader->events(f);
    events.waitForFinished();
    qint64 opened = 0;
    for (const Protocol::Event& e : events.result()) {
        if (!e.cleared && !e.kind.startsWith(QLatin1String("job-")))
            ++opened;
    }
    QVERIFY(opened > 0);
    for (const ReportFigure& fig : d->figures) {
        if (fig.id == QLatin1String("incidents"))
            QCOMPARE(fig.value.toLongLong(), opened);
        if (fig.id == QLatin1String("nodes"))
            QCOMPARE(fig.value.toLongLong(), 240);
    }
}

QTEST_GUILESS_MAIN(TestReportSim)
#include "tst_reportsim.moc"
