// SPDX-License-Identifier: GPL-3.0-or-later
// One figure, one definition (issue 18): on a seeded simulator with a node down (it sends no
// samples while down) and allocated-but-idle chips, the total accelerators and the allocated-but-idle
// count are read from every place that shows them — the page-facing core services (the store's
// summary and per-pool capacity, the session's IdleTracker), the capacity report's figures and tables,
// and the CSV of the headless `meridian report` — and must be equal, and the total equal to /sim/truth.

#include "core/cache/cachereader.h"
#include "core/capacity/idletracker.h"
#include "core/capacity/poolcapacity.h"
#include "core/reports/report.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Reports;
using namespace Meridian::Test;

namespace {

// What one place shows: the fleet's total, and per pool ("region/pool") total and idle chips.
struct Shown
{
    qint64 total = -1;
    qint64 idle = -1;
    QMap<QString, qint64> poolTotal;
    QMap<QString, qint64> poolIdle;
};

QList<QStringList> readCsv(const QString& path)
{
    QFile f(path);
    QList<QStringList> rows;
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    // The report's cells here are ids, names and numbers: no quoted commas to split around.
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines)
        rows.append(line.trimmed().split(QLatin1Char(',')));
    return rows;
}

// The figures and the per-pool table of one capacity report, as rows of text.
Shown fromTables(const QList<QStringList>& figures, const QList<QStringList>& byPool)
{
    Shown s;
    for (const QStringList& r : figures) {
        if (r.value(0) == QLatin1String("total"))
            s.total = qint64(r.value(2).toDouble());
        else if (r.value(0) == QLatin1String("idle"))
            s.idle = qint64(r.value(2).toDouble());
    }
    for (const QStringList& r : byPool) {
        const QString pool = r.value(0) + QLatin1Char('/') + r.value(1);
        s.poolTotal[pool] += r.value(3).toLongLong();
        s.poolIdle[pool] += r.value(6).toLongLong();
    }
    return s;
}

} // namespace

class TestFigureConsistency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void totalsAgree();
    void idleAgrees();

private:
    SimulatorFixture m_sim;
    QTemporaryDir m_cacheDir;
    QTemporaryDir m_outDir;
    QJsonObject m_truth;
    QString m_downNode;
    Shown m_pages;
    Shown m_report;
    Shown m_cli;
};

void TestFigureConsistency::initTestCase()
{
    registerCoreMetaTypes();
    QVERIFY(m_cacheDir.isValid());
    QVERIFY(m_outDir.isValid());
    // Paused: every place reads the same instant. 50 minutes of history: idle runs longer than 15 min.
    QVERIFY2(
        m_sim.start({ QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--nodes"), QStringLiteral("240"),
            QStringLiteral("--history"), QStringLiteral("50m"), QStringLiteral("--paused") }),
        qPrintable(m_sim.error()));
    {
        FleetSession session;
        QString error;
        QVERIFY2(m_sim.openSession(session, m_cacheDir.path(), &error), qPrintable(error));
        const FleetStore* store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(store->nodes().size() >= 240, 60000);

        // One node goes down: from then on its source sends no samples for it.
        for (const FleetNode& n : store->nodes()) {
            if (n.status == AgentStatus::Up && n.snapshot.faults.isEmpty() && !n.inventory.accelerators.isEmpty()) {
                m_downNode = n.inventory.nodeId;
                break;
            }
        }
        QVERIFY(!m_downNode.isEmpty());
        QVERIFY(
            m_sim
                .post(QStringLiteral("sim/faults"),
                    { { QStringLiteral("node"), m_downNode }, { QStringLiteral("kind"), QStringLiteral("node-down") } })
                .status
            == 200);
        QVERIFY(m_sim.post(QStringLiteral("sim/control"), { { QStringLiteral("step"), 12 } }).status == 200);
        QTRY_VERIFY_WITH_TIMEOUT(store->node(m_downNode)->snapshot.sample.state == NodeState::Down, 60000);
        m_truth = m_sim.truth();
        QVERIFY(!m_truth.isEmpty());

        // History is in once the newest minute holds every node that still reports.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qint64 newest = 0;
                for (const FleetNode& n : store->nodes())
                    newest = std::max(newest, n.snapshot.sample.timestampMs);
                auto f = session.cache()->capacityHistory(newest - 3600 * 1000, newest + 60000);
                f.waitForFinished();
                const CapacitySeries s = f.result();
                return !s.points.isEmpty() && s.points.last().timestampMs == newest / 60000 * 60000
                    && s.points.last().nodesReporting >= 239;
            }(),
            120000);
        // The live tracker asked the cache while it was still filling: ask again now that it holds the history.
        session.idle()->seed();
        QTRY_VERIFY_WITH_TIMEOUT(session.idle()->pendingSeeds() == 0, 60000);

        // The pages' figures: the Overview's summary, Pools → Capacity per pool, the session's idle chips.
        m_pages.total = 0;
        for (const ModelCapacity& m : store->summary().models)
            m_pages.total += m.total;
        for (const PoolCapacity& p : poolCapacities(store->aggregate())) {
            for (const ModelCapacity& m : p.models)
                m_pages.poolTotal[p.region + QLatin1Char('/') + p.pool] += m.total;
        }
        const QList<IdleAccelerator> idle = session.idle()->idle();
        m_pages.idle = idle.size();
        for (const IdleAccelerator& a : idle) {
            const FleetNode* n = store->node(a.nodeId);
            QVERIFY(n);
            m_pages.poolIdle[n->inventory.region + QLatin1Char('/') + n->inventory.pool] += 1;
        }
        session.setSources({});
    } // the session's writer commits everything as it closes

    // The capacity report, in process.
    CacheReader reader(m_cacheDir.path());
    ReportParameters p;
    p.type = QStringLiteral("capacity");
    QVERIFY(parseRange(QStringLiteral("24h"), &p));
    const auto d = generate(p, ReportContext(&reader));
    QVERIFY(d && !d->isEmpty());
    QList<QStringList> figures, byPool;
    for (const ReportFigure& f : d->figures)
        figures.append({ f.id, QString(), QString::number(f.value.toDouble(), 'f', 0) });
    for (const ReportTable& t : d->tables) {
        if (t.id != QLatin1String("capacity_by_pool_model"))
            continue;
        for (const QVariantList& r : t.rows)
            byPool.append({ r[0].toString(), r[1].toString(), r[2].toString(), QString::number(r[3].toLongLong()),
                QString(), QString(), QString::number(r[6].toLongLong()) });
    }
    m_report = fromTables(figures, byPool);

    // The same report from the command line, as CSV.
    const QString out = m_outDir.filePath(QStringLiteral("capacity"));
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(MERIDIAN_BIN),
        { QStringLiteral("report"), QStringLiteral("--type"), QStringLiteral("capacity"), QStringLiteral("--range"),
            QStringLiteral("24h"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--cache"),
            m_cacheDir.path(), QStringLiteral("-o"), out });
    QVERIFY(cli.waitForFinished(180000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QList<QStringList> cliFigures = readCsv(QDir(out).filePath(QStringLiteral("figures.csv")));
    QList<QStringList> cliPools = readCsv(QDir(out).filePath(QStringLiteral("capacity_by_pool_model.csv")));
    QVERIFY(cliFigures.size() > 1 && cliPools.size() > 1);
    cliFigures.removeFirst(); // headers
    cliPools.removeFirst();
    m_cli = fromTables(cliFigures, cliPools);
}

void TestFigureConsistency::cleanupTestCase()
{
    m_sim.stop();
}

void TestFigureConsistency::totalsAgree()
{
    qint64 truthTotal = 0;
    QMap<QString, qint64> truthPools;
    for (const QJsonValue& pv : m_truth.value(QStringLiteral("pools")).toArray()) {
        const QJsonObject pool = pv.toObject();
        const QString key = pool.value(QStringLiteral("region")).toString() + QLatin1Char('/')
            + pool.value(QStringLiteral("pool")).toString();
        for (const QJsonValue& mv : pool.value(QStringLiteral("models")).toArray()) {
            truthTotal += mv.toObject().value(QStringLiteral("total")).toInt();
            truthPools[key] += mv.toObject().value(QStringLiteral("total")).toInt();
        }
    }
    QVERIFY(truthTotal > 0);
    QCOMPARE(m_pages.total, truthTotal);
    QCOMPARE(m_report.total, truthTotal);
    QCOMPARE(m_cli.total, truthTotal);
    QCOMPARE(m_pages.poolTotal, truthPools);
    QCOMPARE(m_report.poolTotal, truthPools);
    QCOMPARE(m_cli.poolTotal, truthPools);
}

void TestFigureConsistency::idleAgrees()
{
    QVERIFY(m_pages.idle > 0); // not trivially equal
    QCOMPARE(m_report.idle, m_pages.idle);
    QCOMPARE(m_cli.idle, m_pages.idle);
    // Per pool, zeros left out: a pool with none shows 0 in the report and no row on the page.
    auto nonZero = [](QMap<QString, qint64> m) {
        m.removeIf([](const auto& it) { return it.value() == 0; });
        return m;
    };
    QCOMPARE(nonZero(m_report.poolIdle), m_pages.poolIdle);
    QCOMPARE(nonZero(m_cli.poolIdle), m_pages.poolIdle);
}

QTEST_GUILESS_MAIN(TestFigureConsistency)
#include "tst_figureconsistency.moc"
