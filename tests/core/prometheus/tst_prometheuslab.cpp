// SPDX-License-Identifier: GPL-3.0-or-later
// End to end against a real Prometheus (Debian's, started by the test on loopback) scraping a real
// meridian-fleetsim's nodes under /n/ID/metrics with the simulator's topology as target labels: a console
// session with a "prometheus" source sees the simulated fleet — nodes, regions, pools, accelerators and their
// values as the simulator has them — a node whose target fails goes down, and refused credentials are shown
// as unauthorized.

#include "core/protocol/protocoljson.h"
#include "core/session/fleetsession.h"
#include "core/sources/prometheuscheck.h"
#include "core/sources/prometheussource.h"
#include "core/store/fleetstore.h"
#include "tests/support/prometheuslab.h"
#include "tests/support/simfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Meridian;
using namespace Meridian::Test;

class TestPrometheusLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seesTheSimulatedFleet();
    void valuesAreTheSimulators();
    void checkSourceSeesTheFleet();
    void checkSourceCommand();
    void failingTargetGoesDown();
    void onePrometheusPerRegion();
    void refusedCredentialsAreUnauthorized_data();
    void refusedCredentialsAreUnauthorized();

private:
    QJsonObject simGet(const QString& path);
    void control(const QJsonObject& body);
    QStringList consoleFigures() const;
    QStringList truthFigures();
    SourceConfig sourceConfig() const;

    QTemporaryDir m_files;
    QString m_basicAuthFile;
    SimulatorFixture m_sim;
    std::unique_ptr<PrometheusLab> m_lab;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<FleetSession> m_session;
    int m_targets = 0;
};

QJsonObject TestPrometheusLab::simGet(const QString& path)
{
    const Test::HttpResult r = m_sim.get(path);
    if (r.status != 200)
        qWarning() << path << r.status << r.error;
    return QJsonDocument::fromJson(r.body).object();
}

void TestPrometheusLab::control(const QJsonObject& body)
{
    const Test::HttpResult r = m_sim.post(QStringLiteral("sim/control"), body);
    QVERIFY2(r.status == 200, qPrintable(QString::fromUtf8(r.body)));
}

// Per region: nodes up and down, and the accelerators per model, total and allocated (the simulator's exporters
// name each chip's job as dcgm-exporter's HPC mode and npu-exporter do: docs/prometheus.md, Allocation).
QStringList TestPrometheusLab::consoleFigures() const
{
    QStringList lines;
    for (const QString& region : m_session->store()->regions()) {
        const RegionSummary s = m_session->store()->summary(region);
        QStringList models;
        for (const ModelCapacity& m : s.models)
            models << QStringLiteral("%1 %2 allocated %3").arg(m.model).arg(m.total).arg(m.allocated);
        models.sort();
        lines << QStringLiteral("%1: up %2 down %3 | %4")
                     .arg(region)
                     .arg(s.nodesUp)
                     .arg(s.nodesDown)
                     .arg(models.join(QStringLiteral("; ")));
    }
    lines.sort();
    return lines;
}

QStringList TestPrometheusLab::truthFigures()
{
    QStringList lines;
    for (const QJsonValue& v : simGet(QStringLiteral("sim/truth")).value(QStringLiteral("regions")).toArray()) {
        const QJsonObject r = v.toObject();
        QStringList models;
        for (const QJsonValue& mv : r.value(QStringLiteral("models")).toArray())
            models << QStringLiteral("%1 %2 allocated %3")
                          .arg(mv.toObject().value(QStringLiteral("model")).toString())
                          .arg(mv.toObject().value(QStringLiteral("total")).toInt())
                          .arg(mv.toObject().value(QStringLiteral("allocated")).toInt());
        models.sort();
        lines << QStringLiteral("%1: up %2 down %3 | %4")
                     .arg(r.value(QStringLiteral("region")).toString())
                     .arg(r.value(QStringLiteral("nodesUp")).toInt())
                     .arg(r.value(QStringLiteral("nodesDown")).toInt())
                     .arg(models.join(QStringLiteral("; ")));
    }
    lines.sort();
    return lines;
}

SourceConfig TestPrometheusLab::sourceConfig() const
{
    SourceConfig source;
    source.name = QStringLiteral("prom");
    source.kind = SourceConfig::Kind::Prometheus;
    source.url = m_lab->url();
    source.basicAuthFile = m_basicAuthFile;
    source.intervalMs = 1000;
    return source;
}

void TestPrometheusLab::initTestCase()
{
    if (const QString why = PrometheusLab::unavailableReason(); !why.isEmpty())
        QSKIP(qPrintable(why));
    QVERIFY(m_files.isValid() && m_cacheDir.isValid());
    m_basicAuthFile = m_files.filePath(QStringLiteral("prometheus-auth"));
    QFile auth(m_basicAuthFile);
    QVERIFY(auth.open(QIODevice::WriteOnly) && auth.write("meridian:lab-secret\n") > 0);
    auth.close();

    QVERIFY2(
        m_sim.start({ QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--nodes"), QStringLiteral("12") }),
        qPrintable(m_sim.error()));
    // Values hold still from here on: the console's and the simulator's can then be compared exactly.
    control({ { QStringLiteral("paused"), true } });

    PrometheusLabOptions options;
    options.basicAuth = QStringLiteral("meridian:lab-secret");
    m_lab = std::make_unique<PrometheusLab>(options);
    QString error;
    const QJsonArray targets = PrometheusLab::fleetTargets(m_sim.url(), m_sim.token(), &error);
    QVERIFY2(!targets.isEmpty(), qPrintable(error));
    m_targets = int(targets.size());
    QVERIFY2(m_lab->setTargets(QStringLiteral("sim"), targets, &error), qPrintable(error));
    QVERIFY2(m_lab->start(m_targets, &error), qPrintable(error));
    qInfo("Prometheus lab up in %lld ms with %d targets", m_lab->startMs(), m_targets);

    m_session = std::make_unique<FleetSession>();
    QVERIFY2(m_session->open(m_cacheDir.path(), &error), qPrintable(error));
    m_session->setSources({ sourceConfig() });
    QTRY_COMPARE_WITH_TIMEOUT(int(m_session->store()->nodes().size()), m_targets, 60000);
}

void TestPrometheusLab::cleanupTestCase()
{
    m_session.reset();
    QString error;
    if (m_lab)
        QVERIFY2(m_lab->stop(&error), qPrintable(error));
    m_lab.reset();
    m_sim.stop();
}

void TestPrometheusLab::seesTheSimulatedFleet()
{
    const QStringList truth = truthFigures();
    QVERIFY(!truth.isEmpty());
    // Jobs hold chips in this scenario: allocation is compared, not zero against zero.
    QVERIFY2(
        truth.join(u' ').contains(QRegularExpression(QStringLiteral("allocated [1-9]"))), qPrintable(truth.join(u' ')));
    QTRY_COMPARE_WITH_TIMEOUT(consoleFigures(), truth, 30000);
    // Topology from the target labels: every node has its region, pool and rack, and its accelerators.
    for (const FleetNode& n : m_session->store()->nodes()) {
        QVERIFY2(!n.inventory.region.isEmpty() && !n.inventory.pool.isEmpty() && !n.inventory.rack.isEmpty(),
            qPrintable(n.inventory.nodeId));
        QVERIFY2(!n.inventory.accelerators.isEmpty(), qPrintable(n.inventory.nodeId));
        QCOMPARE(n.source, QStringLiteral("prom"));
    }
}

void TestPrometheusLab::valuesAreTheSimulators()
{
    // The simulator's own view of each node (its fleet API), paused: the exporters' values must arrive unchanged.
    const Test::HttpResult r = m_sim.get(QStringLiteral("api/v1/nodes?limit=1000"));
    QCOMPARE(r.status, 200);
    Protocol::NodesPage page;
    QVERIFY(Protocol::Json::decodeBody(r.body, &page, Protocol::Limits()));
    QVERIFY(!page.nodes.isEmpty());
    int compared = 0;
    for (const Protocol::NodeRecord& record : std::as_const(page.nodes)) {
        const FleetNode* node = m_session->store()->node(record.nodeId);
        QVERIFY2(node, qPrintable(record.nodeId));
        QCOMPARE(node->inventory.region, record.inventory.region);
        QCOMPARE(node->inventory.pool, record.inventory.pool);
        QCOMPARE(node->inventory.rack, record.inventory.rack);
        QCOMPARE(node->inventory.accelerators.size(), record.inventory.accelerators.size());
        for (const Protocol::AcceleratorSample& s : record.snapshot.sample.accelerators) {
            const Protocol::AcceleratorInfo& simInfo = record.inventory.accelerators.at(s.index);
            // Matched by UUID: the console orders a node's chips by vendor and index, as the exporters name them.
            const auto info = std::find_if(node->inventory.accelerators.cbegin(), node->inventory.accelerators.cend(),
                [&simInfo](const Protocol::AcceleratorInfo& a) { return a.uuid == simInfo.uuid; });
            QVERIFY2(info != node->inventory.accelerators.cend(), qPrintable(record.nodeId + u' ' + simInfo.uuid));
            QCOMPARE(info->model, simInfo.model);
            QCOMPARE(info->vendor, simInfo.vendor);
            // Memory size from the exporters' MiB (DCGM: used + free): exact to the MiB.
            QVERIFY2(std::abs(info->memoryBytes - simInfo.memoryBytes) <= 1024 * 1024,
                qPrintable(
                    QStringLiteral("%1: %2 vs %3").arg(simInfo.uuid).arg(info->memoryBytes).arg(simInfo.memoryBytes)));
            const auto sample
                = std::find_if(node->snapshot.sample.accelerators.cbegin(), node->snapshot.sample.accelerators.cend(),
                    [&info](const Protocol::AcceleratorSample& a) { return a.index == info->index; });
            QVERIFY(sample != node->snapshot.sample.accelerators.cend());
            // The text format carries what the simulator has; the exporters' units (MiB) round memory.
            auto same = [](double console, double sim, double tolerance) {
                return std::isnan(console) == std::isnan(sim)
                    && (std::isnan(sim) || std::abs(console - sim) <= tolerance);
            };
            QVERIFY2(same(sample->utilization, s.utilization, 1e-6),
                qPrintable(QStringLiteral("%1 %2: %3 vs %4")
                               .arg(record.nodeId, simInfo.uuid)
                               .arg(sample->utilization)
                               .arg(s.utilization)));
            QVERIFY(same(sample->temperatureC, s.temperatureC, 1e-6));
            QVERIFY(same(sample->powerW, s.powerW, 1e-6));
            QVERIFY(same(sample->memoryUsedBytes, s.memoryUsedBytes, 1.0));
            if (simInfo.vendor == QLatin1String("huawei")) {
                QVERIFY(same(sample->eccDoubleBitTotal, s.eccDoubleBitTotal, 0));
                QVERIFY(sample->health
                        == (s.health == Protocol::AcceleratorHealth::Faulty ? Protocol::AcceleratorHealth::Faulty
                                                                            : Protocol::AcceleratorHealth::Healthy)
                    || s.health == Protocol::AcceleratorHealth::Unknown);
            }
            ++compared;
        }
    }
    QVERIFY(compared > 0);
    qInfo("%d accelerators compared with the simulator's values", compared);
}

void TestPrometheusLab::checkSourceSeesTheFleet()
{
    auto check = [](const SourceConfig& config) {
        PrometheusCheck check;
        check.setTimeoutMs(20000);
        QSignalSpy done(&check, &PrometheusCheck::finished);
        check.start(config);
        if (!done.wait(30000))
            return SourceCheckReport();
        return done.first().first().value<SourceCheckReport>();
    };
    const SourceCheckReport r = check(sourceConfig());
    QVERIFY2(r.usable(), qPrintable(r.status + u' ' + r.problems.join(QStringLiteral("; "))));
    QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.join(QStringLiteral("; "))));
    QVERIFY2(r.serverVersion.startsWith(QLatin1String("2.")), qPrintable(r.serverVersion));
    QCOMPARE(r.nodesTotal, m_targets);
    QCOMPARE(r.nodesUnassigned, 0);
    int truthUp = 0, truthChips = 0;
    QMap<QString, int> truthModels;
    for (const QJsonValue& v : simGet(QStringLiteral("sim/truth")).value(QStringLiteral("regions")).toArray()) {
        truthUp += v.toObject().value(QStringLiteral("nodesUp")).toInt();
        for (const QJsonValue& m : v.toObject().value(QStringLiteral("models")).toArray()) {
            truthChips += m.toObject().value(QStringLiteral("total")).toInt();
            truthModels[m.toObject().value(QStringLiteral("model")).toString()]
                += m.toObject().value(QStringLiteral("total")).toInt();
        }
    }
    QCOMPARE(r.nodesUp, truthUp);
    QCOMPARE(r.acceleratorsTotal, truthChips);
    QCOMPARE(r.acceleratorsByModel, truthModels);

    SourceConfig wrong = sourceConfig();
    wrong.basicAuthFile.clear();
    const SourceCheckReport refused = check(wrong);
    QVERIFY(!refused.usable());
    QCOMPARE(refused.status, QStringLiteral("unauthorized"));
    QVERIFY2(refused.problems.join(u' ').contains(QLatin1String("401")), qPrintable(refused.problems.join(u' ')));
}

void TestPrometheusLab::checkSourceCommand()
{
#ifndef MERIDIAN_CONSOLE_BIN
    QSKIP("the console is not built here (UI-free build)");
#else
    const QString config = m_files.filePath(QStringLiteral("console.json"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    const QJsonObject prom { { QStringLiteral("name"), QStringLiteral("prom") },
        { QStringLiteral("kind"), QStringLiteral("prometheus") }, { QStringLiteral("url"), m_lab->url().toString() },
        { QStringLiteral("basicAuthFile"), m_basicAuthFile } };
    const QJsonObject refused { { QStringLiteral("name"), QStringLiteral("refused") },
        { QStringLiteral("kind"), QStringLiteral("prometheus") }, { QStringLiteral("url"), m_lab->url().toString() } };
    file.write(QJsonDocument(
        QJsonObject { { QStringLiteral("version"), 1 }, { QStringLiteral("sources"), QJsonArray { prom, refused } } })
                   .toJson());
    file.close();
    auto run = [&config](const QStringList& extra, QByteArray* out) {
        QProcess p;
        p.start(QStringLiteral(MERIDIAN_CONSOLE_BIN),
            QStringList { QStringLiteral("check-source"), QStringLiteral("--config"), config } + extra);
        if (!p.waitForFinished(90000))
            return -1;
        *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QByteArray out;
    // One source refuses the credentials: not every source is usable, exit 1; the JSON says who and why.
    QCOMPARE(run({ QStringLiteral("--json") }, &out), 1);
    const QJsonArray sources = QJsonDocument::fromJson(out).object().value(QStringLiteral("sources")).toArray();
    QCOMPARE(sources.size(), 2);
    const QJsonObject good = sources.at(0).toObject();
    QCOMPARE(good.value(QStringLiteral("status")).toString(), QStringLiteral("up"));
    QCOMPARE(good.value(QStringLiteral("nodes")).toObject().value(QStringLiteral("total")).toInt(), m_targets);
    QVERIFY(good.value(QStringLiteral("accelerators")).toObject().value(QStringLiteral("total")).toInt() > 0);
    QCOMPARE(sources.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("unauthorized"));
    // The good one alone: exit 0, a readable report.
    QCOMPARE(run({ QStringLiteral("--source"), QStringLiteral("prom") }, &out), 0);
    QVERIFY2(out.contains("prom (prometheus): usable"), out.constData());
#endif
}

void TestPrometheusLab::failingTargetGoesDown()
{
    QString target;
    for (const FleetNode& n : m_session->store()->nodes()) {
        if (n.status == AgentStatus::Up) {
            target = n.inventory.nodeId;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const Test::HttpResult injected = m_sim.post(QStringLiteral("sim/faults"),
        { { QStringLiteral("node"), target }, { QStringLiteral("kind"), QStringLiteral("node-down") } });
    QVERIFY2(injected.status == 200, qPrintable(QString::fromUtf8(injected.body)));
    control({ { QStringLiteral("step"), 5 } });
    // Its scrape fails (the simulator answers 503 for a down node): up == 0, and the console shows it down.
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->node(target)->status == AgentStatus::Unreachable, 30000);
    const FleetNode* node = m_session->store()->node(target);
    QVERIFY(node->snapshot.sample.state == NodeState::Down);
    QVERIFY2(node->lastError.contains(QLatin1String("up == 0")), qPrintable(node->lastError));
    QTRY_COMPARE_WITH_TIMEOUT(consoleFigures(), truthFigures(), 30000);

    // A target that disappears from Prometheus' discovery altogether is down too, with its own reason.
    QJsonArray groups;
    QString error;
    QString removed;
    for (const QJsonValue& g : PrometheusLab::fleetTargets(m_sim.url(), m_sim.token(), &error)) {
        const QString id
            = g.toObject().value(QStringLiteral("labels")).toObject().value(QStringLiteral("node")).toString();
        if (removed.isEmpty() && id != target)
            removed = id;
        else
            groups.append(g);
    }
    QVERIFY(!removed.isEmpty());
    QVERIFY2(m_lab->setTargets(QStringLiteral("sim"), groups, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->node(removed)->status == AgentStatus::Unreachable, 30000);
    QVERIFY2(m_session->store()->node(removed)->lastError.contains(QLatin1String("no longer reported")),
        qPrintable(m_session->store()->node(removed)->lastError));
}

void TestPrometheusLab::onePrometheusPerRegion()
{
    // The normal deployment: one Prometheus per region, all of them sources of one console.
    QString error;
    const QJsonArray all = PrometheusLab::fleetTargets(m_sim.url(), m_sim.token(), &error);
    QVERIFY2(!all.isEmpty(), qPrintable(error));
    QMap<QString, QJsonArray> byRegion;
    for (const QJsonValue& g : all)
        byRegion[g.toObject().value(QStringLiteral("labels")).toObject().value(QStringLiteral("region")).toString()]
            .append(g);
    QVERIFY(byRegion.size() >= 2);
    // Two labs: the first region alone, the others together.
    const QString first = byRegion.firstKey();
    QJsonArray rest;
    for (auto it = std::next(byRegion.cbegin()); it != byRegion.cend(); ++it)
        for (const QJsonValue& g : it.value())
            rest.append(g);
    PrometheusLab labA, labB;
    QVERIFY2(labA.setTargets(QStringLiteral("sim"), byRegion.value(first), &error), qPrintable(error));
    QVERIFY2(labB.setTargets(QStringLiteral("sim"), rest, &error), qPrintable(error));
    // A node the simulator has down answers 503: count only what can come up.
    int downA = 0, downB = 0;
    for (const FleetNode& n : m_session->store()->nodes()) {
        if (n.snapshot.sample.state == NodeState::Down)
            (n.inventory.region == first ? downA : downB) += 1;
    }
    QVERIFY2(labA.start(int(byRegion.value(first).size()) - downA, &error), qPrintable(error));
    QVERIFY2(labB.start(int(rest.size()) - downB, &error), qPrintable(error));

    QTemporaryDir cache;
    FleetSession session;
    QVERIFY2(session.open(cache.path(), &error), qPrintable(error));
    SourceConfig a;
    a.name = QStringLiteral("prom-a");
    a.kind = SourceConfig::Kind::Prometheus;
    a.url = labA.url();
    a.intervalMs = 1000;
    SourceConfig b = a;
    b.name = QStringLiteral("prom-b");
    b.url = labB.url();
    session.setSources({ a, b });
    QTRY_COMPARE_WITH_TIMEOUT(int(session.store()->nodes().size()), int(all.size()), 60000);
    for (const FleetNode& n : session.store()->nodes())
        QCOMPARE(n.source, n.inventory.region == first ? QStringLiteral("prom-a") : QStringLiteral("prom-b"));
    QCOMPARE(session.store()->regions().size(), byRegion.size());
}

void TestPrometheusLab::refusedCredentialsAreUnauthorized_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("wrong password") << QStringLiteral("basic");
    QTest::addRow("wrong bearer token") << QStringLiteral("bearer");
    QTest::addRow("no credentials") << QStringLiteral("none");
}

void TestPrometheusLab::refusedCredentialsAreUnauthorized()
{
    QFETCH(QString, kind);
    SourceConfig config = sourceConfig();
    config.basicAuthFile.clear();
    TokenFile badToken(QByteArrayLiteral("not-the-token"));
    const QString wrong = m_files.filePath(QStringLiteral("wrong-auth"));
    if (kind == QLatin1String("basic")) {
        QFile f(wrong);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("meridian:wrong\n") > 0);
        config.basicAuthFile = wrong;
    } else if (kind == QLatin1String("bearer")) {
        config.tokenFile = badToken.path();
    }
    PrometheusSource source(config);
    QSignalSpy updates(&source, &Source::updateReady);
    source.start();
    auto unauthorized = [&updates] {
        for (const QList<QVariant>& args : std::as_const(updates)) {
            const SourceUpdate u = args.at(0).value<SourceUpdate>();
            for (const NodeUpdate& n : u.nodes) {
                if (n.status == AgentStatus::Unauthorized && n.error.contains(QLatin1String("401")))
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(unauthorized(), 20000);
    source.stop();
}

QTEST_GUILESS_MAIN(TestPrometheusLab)
#include "tst_prometheuslab.moc"
