// SPDX-License-Identifier: GPL-3.0-or-later
// AgentSource against the real meridian-agent on loopback.
#include "core/sources/agentcheck.h"
#include "core/sources/agentsource.h"
#include "core/store/fleetstore.h"
#include "tests/core/coretestutil.h"
#include "tests/support/linkproxy.h"
#include "tests/support/processharness.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Test;

namespace {

constexpr int IntervalMs = 1000;
const QString NodeId = QStringLiteral("real-1");

QStringList agentArgs(const QString& listen, const QString& tokenFile)
{
    return { QStringLiteral("--listen"), listen, QStringLiteral("--token-file"), tokenFile,
        QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--node-id"), NodeId,
        QStringLiteral("--region"), QStringLiteral("east"), QStringLiteral("--npu-smi"), QStringLiteral("none"),
        QStringLiteral("--nvidia-smi"), QStringLiteral("none") };
}

} // namespace

class TestRealAgent : public QObject
{
    Q_OBJECT
private:
    FleetStore m_store;
    QList<Protocol::Sample> m_history; ///< of the current agent instance
    QString m_instance;

    AgentStatus status() const
    {
        const FleetNode* n = m_store.node(NodeId);
        return n ? n->status : AgentStatus::Unknown;
    }
    bool contiguous(QString* why) const
    {
        for (qsizetype i = 1; i < m_history.size(); ++i) {
            if (m_history[i].seq != m_history[i - 1].seq + 1) {
                *why = QStringLiteral("gap after seq %1 (next %2)").arg(m_history[i - 1].seq).arg(m_history[i].seq);
                return false;
            }
        }
        return true;
    }
    void attach(AgentSource* source)
    {
        m_store.setCoalescingInterval(0);
        connect(source, &Source::updateReady, this, [this](const SourceUpdate& u) {
            m_store.applyUpdate(u);
            for (const NodeUpdate& n : u.nodes) {
                if (n.hasSnapshot && n.snapshot.instanceId != m_instance) {
                    m_instance = n.snapshot.instanceId;
                    m_history.clear();
                }
            }
            for (const auto& [node, sample] : u.samples)
                m_history.append(sample);
        });
    }

private Q_SLOTS:
    void killCutAndRestart()
    {
        TokenFile token;
        ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN), agentArgs(QStringLiteral("127.0.0.1:0"), token.path()));
        QVERIFY2(agent.start(), qPrintable(agent.error()));
        const quint16 port = agent.port();
        LinkProxy proxy(port);
        QVERIFY(proxy.listen());

        AgentSource source({ SourceConfig {
            QStringLiteral("lab"), SourceConfig::Kind::Agent, proxy.url(), token.path(), IntervalMs } });
        attach(&source);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Up), 10000);
        QCOMPARE(m_store.node(NodeId)->inventory.region, QStringLiteral("east"));
        QTRY_VERIFY_WITH_TIMEOUT(m_history.size() >= 3, 10000);

        // Link cut while the agent keeps collecting: unreachable, then the gap is filled from /samples.
        proxy.setMode(LinkProxy::Mode::Cut);
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Unreachable), 2 * IntervalMs + 1000);
        const qint64 lastBeforeCut = m_history.last().seq;
        QTest::qWait(3 * IntervalMs); // let the agent collect ticks the console does not see
        proxy.setMode(LinkProxy::Mode::Forward);
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Up), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_history.last().seq >= lastBeforeCut + 3, 10000);
        QString why;
        QVERIFY2(contiguous(&why), qPrintable(why));

        // Garbage in the agent's place: bad payload, the last good state stays.
        proxy.setMode(LinkProxy::Mode::Garbage);
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::BadPayload), 5 * IntervalMs);
        QVERIFY(m_store.node(NodeId)->snapshot.sample.seq > 0);
        proxy.setMode(LinkProxy::Mode::Forward);
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Up), 20000);

        // Killed: unreachable within two intervals; restarted on the same port: up, new instance, no gap.
        const QString oldInstance = m_instance;
        QElapsedTimer clock;
        agent.kill();
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Unreachable), 2 * IntervalMs + 1000);
        qInfo("marked unreachable %lld ms after the kill", clock.elapsed());
        ServerProcess again(
            QStringLiteral(MERIDIAN_AGENT_BIN), agentArgs(QStringLiteral("127.0.0.1:%1").arg(port), token.path()));
        QVERIFY2(again.start(), qPrintable(again.error()));
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Up), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(m_instance != oldInstance && m_history.size() >= 2, 10000);
        QCOMPARE(m_history.first().seq, 1);
        QVERIFY2(contiguous(&why), qPrintable(why));
        source.stop();
    }

    void checkAgent()
    {
        TokenFile token;
        ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN), agentArgs(QStringLiteral("127.0.0.1:0"), token.path()));
        QVERIFY2(agent.start(), qPrintable(agent.error()));
        auto run = [](const QUrl& url, const QString& tokenFile) {
            AgentCheck check;
            QSignalSpy done(&check, &AgentCheck::finished);
            check.start(url, tokenFile);
            done.wait(30000);
            return check.report();
        };
        auto describe = [](const AgentCheckReport& r) {
            QStringList lines;
            for (const auto& f : r.findings)
                lines << QStringLiteral("%1 %2: %3").arg(int(f.severity)).arg(f.what, f.detail);
            return lines.join(u'\n');
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            httpGet(agent.url().resolved(QUrl(QStringLiteral("api/v1/snapshot"))), token.token()).status == 200, 10000);
        const AgentCheckReport good = run(agent.url(), token.path());
        QVERIFY2(good.healthy(), qPrintable(describe(good)));
        QVERIFY(!good.isFleet);
        QCOMPARE(good.inventory.nodeId, NodeId);
        QVERIFY(good.hasSnapshot);
        QVERIFY(good.metricsSamples > 0);
        // A fresh agent has less than an hour of history: a warning, not an error.
        QVERIFY(std::any_of(good.findings.cbegin(), good.findings.cend(),
            [](const AgentCheckFinding& f) { return f.severity == AgentCheckFinding::Severity::Warning; }));

        TokenFile wrong(QByteArrayLiteral("definitely-not-the-token"));
        const AgentCheckReport unauthorized = run(agent.url(), wrong.path());
        QVERIFY(!unauthorized.healthy());
        QVERIFY2(describe(unauthorized).contains(QStringLiteral("refused")), qPrintable(describe(unauthorized)));

        LinkProxy proxy(agent.port());
        QVERIFY(proxy.listen());
        proxy.setMode(LinkProxy::Mode::Garbage);
        QVERIFY(!run(proxy.url(), token.path()).healthy());
        const quint16 port = agent.port();
        agent.kill();
        const AgentCheckReport dead = run(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), token.path());
        QVERIFY(!dead.healthy());
        QCOMPARE(dead.findings.first().what, QStringLiteral("reachable"));
    }

    void wrongToken()
    {
        TokenFile token;
        TokenFile wrong(QByteArrayLiteral("definitely-not-the-token"));
        ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN), agentArgs(QStringLiteral("127.0.0.1:0"), token.path()));
        QVERIFY2(agent.start(), qPrintable(agent.error()));
        AgentSource source({ SourceConfig {
            QStringLiteral("lab"), SourceConfig::Kind::Agent, agent.url(), wrong.path(), IntervalMs } });
        FleetStore store;
        store.setCoalescingInterval(0);
        connect(&source, &Source::updateReady, &store, &FleetStore::applyUpdate);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(store.node(QStringLiteral("lab")), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(store.node(QStringLiteral("lab"))->status), toString(AgentStatus::Unauthorized), 10000);
    }
};

QTEST_GUILESS_MAIN(TestRealAgent)
#include "tst_realagent.moc"
