// SPDX-License-Identifier: GPL-3.0-or-later
// Latency probes: the statistics of a window, the peer list's parser, and a
// real agent probing two real peer agents on loopback (one of which then dies).

#include "agent/node/probeconfig.h"
#include "agent/node/prober.h"
#include "core/protocol/protocoljson.h"
#include "tests/support/processharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Agent;

class TestProber : public QObject
{
    Q_OBJECT
private:
    static QList<Protocol::ProbeResult> probes(const Test::ServerProcess& agent)
    {
        const Test::HttpResult r = Test::httpGet(agent.url().resolved(QUrl(QStringLiteral("api/v1/snapshot"))));
        if (r.status != 200)
            return {};
        Protocol::Snapshot s;
        if (!Protocol::Json::decodeBody(r.body, &s))
            return {};
        return s.probes;
    }
    static Protocol::ProbeResult find(const QList<Protocol::ProbeResult>& list, const QString& peer)
    {
        for (const Protocol::ProbeResult& p : list)
            if (p.peer == peer)
                return p;
        return {};
    }

private Q_SLOTS:
    void summarise_data()
    {
        QTest::addColumn<QList<double>>("rtts");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<double>("p50");
        QTest::addColumn<double>("p90");
        QTest::addColumn<double>("p99");
        QTest::addColumn<double>("max");
        QTest::addColumn<double>("loss");
        const double nan = std::nan("");
        QTest::addRow("none finished") << QList<double>() << 0 << nan << nan << nan << nan << nan;
        QTest::addRow("all lost") << QList<double>() << 5 << nan << nan << nan << nan << 1.0;
        QTest::addRow("one") << QList<double> { 0.25 } << 1 << 0.25 << 0.25 << 0.25 << 0.25 << 0.0;
        QList<double> hundred;
        for (int i = 100; i >= 1; --i)
            hundred.append(i / 10.0); // unsorted input
        QTest::addRow("nearest rank") << hundred << 100 << 5.0 << 9.0 << 9.9 << 10.0 << 0.0;
        QTest::addRow("with loss") << QList<double> { 1, 2, 3 } << 4 << 2.0 << 3.0 << 3.0 << 3.0 << 0.25;
    }
    void summarise()
    {
        QFETCH(QList<double>, rtts);
        QFETCH(int, attempts);
        QFETCH(double, p50);
        QFETCH(double, p90);
        QFETCH(double, p99);
        QFETCH(double, max);
        QFETCH(double, loss);
        const auto same = [](double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; };
        const Protocol::ProbeResult r
            = Prober::summarise(QStringLiteral("peer"), 60000, std::vector<double>(rtts.begin(), rtts.end()), attempts);
        QCOMPARE(r.peer, QStringLiteral("peer"));
        QCOMPARE(r.windowEndMs, 60000);
        QCOMPARE(r.count, attempts);
        QVERIFY2(same(r.p50Ms, p50), qPrintable(QString::number(r.p50Ms)));
        QVERIFY2(same(r.p90Ms, p90), qPrintable(QString::number(r.p90Ms)));
        QVERIFY2(same(r.p99Ms, p99), qPrintable(QString::number(r.p99Ms)));
        QVERIFY(same(r.maxMs, max));
        QVERIFY(same(r.loss, loss));
    }

    void parsePeers_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("peers");
        QTest::addRow("empty") << QString() << 0;
        QTest::addRow("two") << QStringLiteral("n1@127.0.0.1:9464, n2@host-2.example:80") << 2;
        QTest::addRow("v6") << QStringLiteral("n1@[::1]:9464") << 1;
        QTest::addRow("no id") << QStringLiteral("@127.0.0.1:9464") << -1;
        QTest::addRow("no port") << QStringLiteral("n1@127.0.0.1") << -1;
        QTest::addRow("port 0") << QStringLiteral("n1@127.0.0.1:0") << -1;
        QTest::addRow("port too big") << QStringLiteral("n1@127.0.0.1:70000") << -1;
        QTest::addRow("bad id") << QStringLiteral("n 1@127.0.0.1:1") << -1;
        QTest::addRow("bad host") << QStringLiteral("n1@ho/st:1") << -1;
        QString many;
        for (int i = 0; i <= MaxProbePeers; ++i)
            many += QStringLiteral("n%1@h:1,").arg(i);
        QTest::addRow("too many") << many << -1;
    }
    void parsePeers()
    {
        QFETCH(QString, value);
        QFETCH(int, peers);
        QList<ProbePeer> out;
        QString error;
        const bool ok = parseProbePeers(value, &out, &error);
        QCOMPARE(ok, peers >= 0);
        QCOMPARE(error.isEmpty(), ok);
        if (ok)
            QCOMPARE(out.size(), peers);
        if (peers == 1)
            QCOMPARE(out.first().host, QStringLiteral("::1"));
    }

    void realAgentProbesTwoPeers()
    {
        const QString bin = QStringLiteral(MERIDIAN_AGENT_BIN);
        const QStringList common
            = { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--npu-smi"),
                  QStringLiteral("none"), QStringLiteral("--nvidia-smi"), QStringLiteral("none") };
        Test::ServerProcess peer1(bin, common + QStringList { QStringLiteral("--node-id"), QStringLiteral("peer-1") });
        Test::ServerProcess peer2(bin, common + QStringList { QStringLiteral("--node-id"), QStringLiteral("peer-2") });
        QVERIFY2(peer1.start(), qPrintable(peer1.error()));
        QVERIFY2(peer2.start(), qPrintable(peer2.error()));
        const QString peers
            = QStringLiteral("peer-1@127.0.0.1:%1,peer-2@127.0.0.1:%2").arg(peer1.port()).arg(peer2.port());
        Test::ServerProcess prober(bin,
            common
                + QStringList { QStringLiteral("--node-id"), QStringLiteral("prober"), QStringLiteral("--probe-peers"),
                    peers, QStringLiteral("--probe-interval-ms"), QStringLiteral("100"),
                    QStringLiteral("--probe-window"), QStringLiteral("1") });
        QVERIFY2(prober.start(), qPrintable(prober.error()));

        // A full window (1 s at 100 ms: about 10 attempts) to each peer, all answered.
        QTRY_VERIFY_WITH_TIMEOUT(probes(prober).size() == 2 && find(probes(prober), QStringLiteral("peer-1")).count >= 5
                && find(probes(prober), QStringLiteral("peer-2")).count >= 5,
            20000);
        for (const QString& id : { QStringLiteral("peer-1"), QStringLiteral("peer-2") }) {
            const Protocol::ProbeResult p = find(probes(prober), id);
            QCOMPARE(p.peer, id);
            QVERIFY2(p.count >= 5 && p.count <= 12, qPrintable(QString::number(p.count)));
            QCOMPARE(p.loss, 0.0);
            QVERIFY(p.p50Ms > 0);
            QVERIFY(p.p50Ms <= p.p90Ms && p.p90Ms <= p.p99Ms && p.p99Ms <= p.maxMs);
            QVERIFY(p.windowEndMs % 1000 == 0);
        }

        // A dead peer: every attempt is refused, so a whole window is lost with no RTT figures.
        peer2.kill();
        QTRY_VERIFY_WITH_TIMEOUT(find(probes(prober), QStringLiteral("peer-2")).loss == 1.0, 20000);
        const Protocol::ProbeResult dead = find(probes(prober), QStringLiteral("peer-2"));
        QVERIFY(dead.count >= 5);
        QVERIFY(std::isnan(dead.p50Ms));
        QCOMPARE(find(probes(prober), QStringLiteral("peer-1")).loss, 0.0);
    }

    void badProbeConfigIsRefused()
    {
        QProcess p;
        p.start(QStringLiteral(MERIDIAN_AGENT_BIN),
            { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--probe-peers"),
                QStringLiteral("nonsense") });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("probe-peers"));
    }
};

QTEST_GUILESS_MAIN(TestProber)
#include "tst_prober.moc"
