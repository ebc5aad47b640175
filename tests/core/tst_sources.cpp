// SPDX-License-Identifier: GPL-3.0-or-later
// AgentSource and FleetSource against a hostile peer on loopback.
#include "core/sources/agentsource.h"
#include "core/sources/fleetsource.h"
#include "core/store/fleetstore.h"
#include "tests/core/coretestutil.h"
#include "tests/core/hostilepeer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using Meridian::Test::HostilePeer;
using Mode = HostilePeer::Mode;

Q_DECLARE_METATYPE(HostilePeer::Mode)

namespace {

constexpr int IntervalMs = 250;
constexpr int WaitMs = 8000;

// Collects what a source reports: the store for state, a flat list for history.
struct Sink
{
    FleetStore store;
    QList<std::pair<QString, Protocol::Sample>> samples;
    QList<Protocol::Event> events;

    void attach(Source* source)
    {
        store.setCoalescingInterval(0);
        QObject::connect(source, &Source::updateReady, &store, [this](const SourceUpdate& u) {
            store.applyUpdate(u);
            samples.append(u.samples);
            events.append(u.events);
        });
    }
    AgentStatus status(const QString& id) const
    {
        const FleetNode* n = store.node(id);
        return n ? n->status : AgentStatus::Unknown;
    }
    QString error(const QString& id) const
    {
        const FleetNode* n = store.node(id);
        return n ? n->lastError : QString();
    }
    // Seqs of one node's delivered history, which must be 1, 2, 3, … without a hole.
    bool contiguous(const QString& id, qint64 from, qint64 to, QString* why) const
    {
        qint64 expect = from;
        for (const auto& [node, s] : samples) {
            if (node != id)
                continue;
            if (s.seq != expect) {
                *why = QStringLiteral("expected seq %1, got %2").arg(expect).arg(s.seq);
                return false;
            }
            ++expect;
        }
        if (expect != to + 1) {
            *why = QStringLiteral("history ends at %1, expected %2").arg(expect - 1).arg(to);
            return false;
        }
        return true;
    }
};

SourceConfig agentConfig(const QUrl& url, const QString& tokenFile = {})
{
    return SourceConfig { QStringLiteral("agent-a"), SourceConfig::Kind::Agent, url, tokenFile, IntervalMs };
}

} // namespace

class TestSources : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void agentMisbehaves_data()
    {
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<AgentStatus>("expected");
        QTest::addColumn<QString>("reason");
        QTest::addRow("malformed json") << Mode::MalformedJson << AgentStatus::BadPayload << QStringLiteral("JSON");
        QTest::addRow("wrong types") << Mode::WrongTypes << AgentStatus::BadPayload << QStringLiteral("instance");
        QTest::addRow("wrong schema") << Mode::WrongSchema << AgentStatus::BadPayload << QStringLiteral("schema");
        QTest::addRow("garbage") << Mode::Garbage << AgentStatus::BadPayload << QString();
        QTest::addRow("oversized") << Mode::Oversized << AgentStatus::BadPayload << QStringLiteral("exceeds");
        QTest::addRow("stall mid-body") << Mode::Stall << AgentStatus::Unreachable << QStringLiteral("stalled");
        QTest::addRow("401") << Mode::Unauthorized << AgentStatus::Unauthorized << QStringLiteral("401");
        QTest::addRow("500") << Mode::ServerError << AgentStatus::Unreachable << QStringLiteral("collector crashed");
        QTest::addRow("503 retry-after") << Mode::RetryLater << AgentStatus::Unreachable << QStringLiteral("503");
    }

    void agentMisbehaves()
    {
        QFETCH(Mode, mode);
        QFETCH(AgentStatus, expected);
        QFETCH(QString, reason);
        HostilePeer peer;
        QVERIFY(peer.start());
        AgentSourceOptions options;
        options.maxBodyBytes = 256 * 1024;
        AgentSource source({ agentConfig(peer.url()) }, options);
        Sink sink;
        sink.attach(&source);
        source.start();
        const QString id = QStringLiteral("node-1");
        QTRY_COMPARE_WITH_TIMEOUT(toString(sink.status(id)), toString(AgentStatus::Up), WaitMs);
        const qint64 goodSeq = sink.store.node(id)->snapshot.sample.seq;

        peer.setMode(mode);
        QTRY_COMPARE_WITH_TIMEOUT(toString(sink.status(id)), toString(expected), WaitMs);
        QVERIFY2(sink.error(id).contains(reason), qPrintable(sink.error(id)));
        // The last good state stays; only status and error changed.
        const FleetNode* node = sink.store.node(id);
        QCOMPARE(node->snapshot.sample.seq, goodSeq);
        QCOMPARE(node->inventory.region, QStringLiteral("east"));
        QCOMPARE(sink.store.summary().models.value(0).total, 2);

        peer.setMode(Mode::Good);
        QTRY_COMPARE_WITH_TIMEOUT(toString(sink.status(id)), toString(AgentStatus::Up), 3 * WaitMs);
        QVERIFY(sink.error(id).isEmpty());
        source.stop();
    }

    void agentNeverReachable()
    {
        // Nothing listens on the peer's port once it is gone: status under the configured name.
        QUrl url;
        {
            HostilePeer peer;
            QVERIFY(peer.start());
            url = peer.url();
        }
        AgentSource source({ agentConfig(url) });
        Sink sink;
        sink.attach(&source);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(sink.status(QStringLiteral("agent-a"))), toString(AgentStatus::Unreachable), WaitMs);
        QVERIFY2(sink.error(QStringLiteral("agent-a")).contains(QStringLiteral("refused")),
            qPrintable(sink.error(QStringLiteral("agent-a"))));
    }

    void tokenIsSentAndChecked()
    {
        HostilePeer peer;
        QVERIFY(peer.start());
        peer.setToken("right-token");
        QTemporaryDir dir;
        const QString tokenPath = dir.filePath(QStringLiteral("token"));
        auto writeToken = [&](const QByteArray& token) {
            QFile f(tokenPath);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate)
                && f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) && f.write(token + '\n') > 0;
        };
        QVERIFY(writeToken("wrong-token"));
        AgentSource source({ agentConfig(peer.url(), tokenPath) });
        Sink sink;
        sink.attach(&source);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(sink.status(QStringLiteral("agent-a"))), toString(AgentStatus::Unauthorized), WaitMs);
        QVERIFY(!sink.error(QStringLiteral("agent-a")).contains(QStringLiteral("wrong-token")));
        // A rotated token is picked up without a restart.
        QVERIFY(writeToken("right-token"));
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(sink.status(QStringLiteral("node-1"))), toString(AgentStatus::Up), 3 * WaitMs);
        // The placeholder made way for the real node id.
        QVERIFY(!sink.store.node(QStringLiteral("agent-a")));
    }

    void historyHasNoGap()
    {
        HostilePeer peer;
        QVERIFY(peer.start());
        peer.advance(2500); // a ring buffer deeper than one /samples page
        AgentSource source({ agentConfig(peer.url()) });
        Sink sink;
        sink.attach(&source);
        source.start();
        const QString id = QStringLiteral("node-1");
        QTRY_VERIFY2_WITH_TIMEOUT(!sink.samples.isEmpty() && sink.samples.last().second.seq == peer.seq(),
            qPrintable(peer.requests().join(u" ")), WaitMs);
        QString why;
        QVERIFY2(sink.contiguous(id, 1, peer.seq(), &why), qPrintable(why));

        // Cut off (the agent keeps collecting), then back: the gap is filled from /samples.
        peer.setMode(Mode::ServerError);
        QTRY_COMPARE_WITH_TIMEOUT(toString(sink.status(id)), toString(AgentStatus::Unreachable), WaitMs);
        peer.advance(40);
        peer.setMode(Mode::Good);
        QTRY_VERIFY_WITH_TIMEOUT(sink.samples.last().second.seq == peer.seq(), 3 * WaitMs);
        QVERIFY2(sink.contiguous(id, 1, peer.seq(), &why), qPrintable(why));
        // Contiguous snapshots feed history without extra requests.
        const int before = int(peer.requests().filter(QStringLiteral("samples")).size());
        peer.advance(1);
        QTRY_VERIFY_WITH_TIMEOUT(sink.samples.last().second.seq == peer.seq(), WaitMs);
        QCOMPARE(int(peer.requests().filter(QStringLiteral("samples")).size()), before);
        QCOMPARE(sink.events.size(), 2);

        // A restarted agent: history starts over from its new instance's first sample.
        const int delivered = int(sink.samples.size());
        peer.restartInstance();
        peer.advance(4);
        QTRY_VERIFY_WITH_TIMEOUT(sink.samples.size() >= delivered + 5, WaitMs);
        QCOMPARE(sink.samples.at(delivered).second.seq, 1);
        QCOMPARE(sink.samples.last().second.seq, 5);
        QVERIFY(peer.requests().contains(QStringLiteral("/api/v1/samples?limit=1000&since=0")));
    }

    void resumesFromCachedCursor()
    {
        HostilePeer peer;
        QVERIFY(peer.start());
        peer.advance(99);
        AgentSource source({ agentConfig(peer.url()) });
        source.setCursors({ { QStringLiteral("node-1"), { QStringLiteral("inst-1"), 90 } } });
        Sink sink;
        sink.attach(&source);
        source.start();
        QTRY_VERIFY_WITH_TIMEOUT(!sink.samples.isEmpty() && sink.samples.last().second.seq == 100, WaitMs);
        QCOMPARE(sink.samples.first().second.seq, 91);
        QVERIFY(peer.requests().contains(QStringLiteral("/api/v1/samples?limit=1000&since=90")));
    }

    void fleetFront()
    {
        HostilePeer peer;
        QVERIFY(peer.start());
        const QStringList ids { QStringLiteral("n1"), QStringLiteral("n2"), QStringLiteral("n3") };
        peer.setFleet(ids, QStringLiteral("n3"));
        peer.advance(20);
        FleetSource source(
            SourceConfig { QStringLiteral("front"), SourceConfig::Kind::Fleet, peer.url(), {}, IntervalMs });
        Sink sink;
        sink.attach(&source);
        source.start();
        QTRY_COMPARE_WITH_TIMEOUT(sink.store.nodes().size(), 3, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(toString(sink.status(QStringLiteral("n1"))), toString(AgentStatus::Up), WaitMs);
        // A node the front reports down: unreachable with the front's reason; its chips count as faulty.
        QCOMPARE_STATUS(sink.status(QStringLiteral("n3")), AgentStatus::Unreachable);
        QVERIFY2(sink.error(QStringLiteral("n3")).contains(QStringLiteral("heartbeat lost")),
            qPrintable(sink.error(QStringLiteral("n3"))));
        const RegionSummary s = sink.store.summary(QStringLiteral("east"));
        QCOMPARE(s.nodesDown, 1);
        QCOMPARE(s.models.value(0).faulty, 2);
        QCOMPARE(s.models.value(0).allocated, 2);
        QTRY_COMPARE_WITH_TIMEOUT(sink.store.summary().jobs.running, 1, WaitMs);
        // History of every node filled from /n/ID/api/v1/samples, then fed by the batched snapshots.
        QString why;
        QTRY_VERIFY_WITH_TIMEOUT(sink.contiguous(QStringLiteral("n1"), 1, peer.seq(), &why), WaitMs);
        QVERIFY(peer.requests().contains(QStringLiteral("/n/n2/api/v1/samples?limit=1000&since=0")));
        peer.advance(1);
        QTRY_VERIFY_WITH_TIMEOUT(sink.contiguous(QStringLiteral("n2"), 1, peer.seq(), &why), WaitMs);
        // A node first seen down has a past too: what the front retains of it until it went down.
        QTRY_VERIFY2_WITH_TIMEOUT(sink.contiguous(QStringLiteral("n3"), 1, peer.seq(), &why), qPrintable(why), WaitMs);
        QVERIFY(peer.requests().contains(QStringLiteral("/n/n3/api/v1/samples?limit=1000&since=0")));
        // Paged, and resumed from the cursor of the last answer.
        QVERIFY(peer.requests().contains(QStringLiteral("/api/v1/nodes?limit=2000&since=c21")));

        // The front fails: every node carries the front's status; then recovers.
        peer.setMode(Mode::Unauthorized);
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(sink.status(QStringLiteral("n2"))), toString(AgentStatus::Unauthorized), WaitMs);
        QCOMPARE_STATUS(sink.status(QStringLiteral("n3")), AgentStatus::Unauthorized);
        QCOMPARE(sink.store.agentStatusCounts().unauthorized, 3);
        peer.setMode(Mode::Garbage);
        QTRY_COMPARE_WITH_TIMEOUT(
            toString(sink.status(QStringLiteral("n1"))), toString(AgentStatus::BadPayload), 3 * WaitMs);
        peer.setMode(Mode::Good);
        QTRY_COMPARE_WITH_TIMEOUT(toString(sink.status(QStringLiteral("n1"))), toString(AgentStatus::Up), 3 * WaitMs);
        QCOMPARE_STATUS(sink.status(QStringLiteral("n3")), AgentStatus::Unreachable);
        QCOMPARE(sink.store.node(QStringLiteral("n1"))->inventory.region, QStringLiteral("east"));
    }
};

QTEST_GUILESS_MAIN(TestSources)
#include "tst_sources.moc"
