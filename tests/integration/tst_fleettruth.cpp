// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: a real meridian-fleetsim on loopback, the console's session
// (fleet source → store, cache writer) — what the core shows equals the
// simulator's ground truth, before and after injected faults.

#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/integration/truthcompare.h"
#include "tests/support/simfixture.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

class TestFleetTruth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void summaryEqualsTruth();
    void injectedFaultsReachTheConsole_data();
    void injectedFaultsReachTheConsole();

private:
    QJsonObject truth();
    void control(const QJsonObject& body);
    void waitForAgreement();

    SimulatorFixture m_sim;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<FleetSession> m_session;
};

QJsonObject TestFleetTruth::truth()
{
    const HttpResult r = m_sim.get(QStringLiteral("sim/truth"));
    if (r.status != 200)
        qWarning() << "truth:" << r.status << r.error;
    return QJsonDocument::fromJson(r.body).object();
}

void TestFleetTruth::control(const QJsonObject& body)
{
    const HttpResult r = m_sim.post(QStringLiteral("sim/control"), body);
    QVERIFY2(r.status == 200, qPrintable(QString::fromUtf8(r.body)));
}

// The simulator is paused: once the console has polled the paused state, the
// two views must agree exactly. QTRY fails the test if they never do.
void TestFleetTruth::waitForAgreement()
{
    const QStringList expected = canonicalTruth(truth());
    QVERIFY(!expected.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(canonicalSummary(*m_session->store()), expected, 60000);
}

void TestFleetTruth::initTestCase()
{
    QVERIFY(m_cacheDir.isValid());
    QVERIFY2(m_sim.start({ QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--history"),
                 QStringLiteral("20m") }),
        qPrintable(m_sim.error()));

    m_session = std::make_unique<FleetSession>();
    QString error;
    QVERIFY2(m_sim.openSession(*m_session, m_cacheDir.path(), &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->nodes().size() >= 100, 60000);
}

void TestFleetTruth::cleanupTestCase()
{
    m_session.reset();
    m_sim.stop();
}

void TestFleetTruth::summaryEqualsTruth()
{
    control({ { QStringLiteral("paused"), true } });
    waitForAgreement();
    const QJsonObject t = truth();
    // The figures are real, not trivially equal: a live fleet has work and spare capacity.
    const QJsonObject fleet = t.value(QStringLiteral("fleet")).toObject();
    QVERIFY2(fleet.value(QStringLiteral("nodesUp")).toInt() >= 100,
        qPrintable(QString::fromUtf8(QJsonDocument(fleet).toJson())));
    const RegionSummary all = m_session->store()->summary();
    int allocated = 0, free = 0;
    for (const ModelCapacity& m : all.models) {
        allocated += m.allocated;
        free += m.free;
    }
    QVERIFY(allocated > 0);
    QVERIFY(free > 0);
    QVERIFY(all.jobs.running > 0);
}

void TestFleetTruth::injectedFaultsReachTheConsole_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("node-down") << QStringLiteral("node-down");
    QTest::addRow("hbm-ecc") << QStringLiteral("hbm-ecc");
    QTest::addRow("link-down") << QStringLiteral("link-down");
    QTest::addRow("thermal") << QStringLiteral("thermal");
}

void TestFleetTruth::injectedFaultsReachTheConsole()
{
    QFETCH(QString, kind);
    // A node that is up and healthy, chosen from what the console sees.
    QString target;
    for (const FleetNode& n : m_session->store()->nodes()) {
        if (n.status == AgentStatus::Up && n.snapshot.faults.isEmpty() && !n.inventory.accelerators.isEmpty()) {
            target = n.inventory.nodeId;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const int faultsBefore = m_session->store()->summary().openFaults;

    const HttpResult injected = m_sim.post(
        QStringLiteral("sim/faults"), { { QStringLiteral("node"), target }, { QStringLiteral("kind"), kind } });
    QVERIFY2(injected.status == 200, qPrintable(QString::fromUtf8(injected.body)));
    control({ { QStringLiteral("step"), 5 } });
    waitForAgreement();

    const FleetNode* node = m_session->store()->node(target);
    QVERIFY(node);
    QVERIFY2(m_session->store()->summary().openFaults > faultsBefore, qPrintable(kind));
    if (kind == QLatin1String("node-down")) {
        QVERIFY(node->snapshot.sample.state == NodeState::Down);
        QVERIFY2(node->status == AgentStatus::Unreachable, qPrintable(toString(node->status)));
        QVERIFY(!node->lastError.isEmpty());
    } else {
        QVERIFY(!node->snapshot.faults.isEmpty());
    }

    const QByteArray id
        = QJsonDocument::fromJson(injected.body).object().value(QStringLiteral("id")).toVariant().toByteArray();
    const HttpResult cleared = m_sim.post(QStringLiteral("sim/faults/clear"), { { QStringLiteral("node"), target } });
    QVERIFY2(cleared.status == 200, qPrintable(QString::fromUtf8(cleared.body) + u' ' + QString::fromLatin1(id)));
    control({ { QStringLiteral("step"), 5 } });
    waitForAgreement();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->store()->node(target)->status == AgentStatus::Up, 30000);
}

QTEST_GUILESS_MAIN(TestFleetTruth)
#include "tst_fleettruth.moc"
