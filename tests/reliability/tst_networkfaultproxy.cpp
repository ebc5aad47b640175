// SPDX-License-Identifier: GPL-3.0-or-later
// The console's core polls a real agent through a TCP fault proxy. For every
// fault (latency, bandwidth limit, reset mid-response, single-byte slices,
// black hole): the core keeps running, the agent gets the right status and
// reason, it is up again once the fault ends, and the history has no gap (the
// missed ticks come from /samples).

#include "core/sources/agentsource.h"
#include "core/store/fleetstore.h"
#include "tests/support/networkfaultproxy.h"
#include "tests/support/processharness.h"

#include <QTest>

using namespace Meridian;
using Meridian::Test::NetworkFaultProxy;
using Meridian::Test::ServerProcess;
using Meridian::Test::TokenFile;

namespace {
constexpr int IntervalMs = 1000;
const QString NodeId = QStringLiteral("fault-node");
} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fault_data();
    void fault();

private:
    AgentStatus status() const
    {
        const FleetNode* n = m_store->node(NodeId);
        return n ? n->status : AgentStatus::Unknown;
    }
    QString reason() const
    {
        const FleetNode* n = m_store->node(NodeId);
        return n ? n->lastError : QString();
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

    std::unique_ptr<FleetStore> m_store;
    QList<Protocol::Sample> m_history;
    QList<AgentStatus> m_statuses; ///< every status the store was told, in order
};

void TestFaultProxy::fault_data()
{
    QTest::addColumn<NetworkFaultProxy::Fault>("fault");
    QTest::addColumn<int>("expected"); ///< AgentStatus while the fault lasts
    QTest::addColumn<QString>("reasonContains");
    QTest::addRow("latency 300 ms") << NetworkFaultProxy::Fault::Latency << int(AgentStatus::Up) << QString();
    QTest::addRow("bandwidth 64 KiB/s") << NetworkFaultProxy::Fault::Bandwidth << int(AgentStatus::Up) << QString();
    QTest::addRow("single-byte slices") << NetworkFaultProxy::Fault::SingleByteSlices << int(AgentStatus::Up)
                                        << QString();
    QTest::addRow("reset mid-response") << NetworkFaultProxy::Fault::ResetMidResponse << int(AgentStatus::Unreachable)
                                        << QStringLiteral("closed");
    QTest::addRow("black hole") << NetworkFaultProxy::Fault::BlackHole << int(AgentStatus::Unreachable)
                                << QStringLiteral("no answer");
}

void TestFaultProxy::fault()
{
    QFETCH(NetworkFaultProxy::Fault, fault);
    QFETCH(int, expected);
    QFETCH(QString, reasonContains);

    m_store = std::make_unique<FleetStore>();
    m_store->setCoalescingInterval(0);
    m_history.clear();
    m_statuses.clear();
    TokenFile token;
    ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), token.path(),
            QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--node-id"), NodeId,
            QStringLiteral("--npu-smi"), QStringLiteral("none"), QStringLiteral("--nvidia-smi"),
            QStringLiteral("none") });
    QVERIFY2(agent.start(), qPrintable(agent.error()));
    NetworkFaultProxy proxy(agent.port());
    QVERIFY(proxy.listen());

    SourceConfig config;
    config.name = QStringLiteral("lab");
    config.url = proxy.url();
    config.tokenFile = token.path();
    config.intervalMs = IntervalMs;
    AgentSource source({ config });
    connect(&source, &Source::updateReady, this, [this](const SourceUpdate& u) {
        m_store->applyUpdate(u);
        for (const NodeUpdate& n : u.nodes)
            m_statuses.append(n.status);
        for (const auto& [node, sample] : u.samples)
            m_history.append(sample);
    });
    source.start();
    QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Up), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(m_history.size() >= 3, 10000);

    const qint64 seqBefore = m_history.last().seq;
    const qint64 bytesBefore = proxy.bytesToClient();
    m_statuses.clear();
    proxy.setFault(fault);
    if (AgentStatus(expected) == AgentStatus::Up) {
        // Data keeps flowing through the degraded link, and the agent never leaves "up".
        QTRY_VERIFY_WITH_TIMEOUT(m_history.last().seq >= seqBefore + 4, 30000);
        QVERIFY(proxy.bytesToClient() > bytesBefore);
        for (AgentStatus s : std::as_const(m_statuses))
            QVERIFY2(s == AgentStatus::Up, qPrintable(toString(s) + QStringLiteral(": ") + reason()));
    } else {
        QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus(expected)), 20000);
        QVERIFY2(reason().contains(reasonContains, Qt::CaseInsensitive), qPrintable(reason()));
        if (fault == NetworkFaultProxy::Fault::ResetMidResponse)
            QVERIFY(proxy.resets() > 0);
    }

    // The fault ends: up again, and the ticks collected meanwhile arrive without a gap.
    const qint64 seqAtEnd = m_history.last().seq;
    proxy.setFault(NetworkFaultProxy::Fault::None);
    QTRY_COMPARE_WITH_TIMEOUT(toString(status()), toString(AgentStatus::Up), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_history.last().seq >= seqAtEnd + 3, 20000);
    QString why;
    QVERIFY2(contiguous(&why), qPrintable(why));
    QVERIFY(agent.isRunning());
    source.stop();
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_networkfaultproxy.moc"
