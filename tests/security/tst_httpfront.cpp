// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's HTTP front against a hostile peer on its network, real process on
// loopback: slow request heads, idle keep-alive connections and trickled TLS
// ClientHellos (plain, TLS, client certificates) while a legitimate client is
// timed; header and chunked floods while the agent's resident memory is read
// from /proc; and the framing cases a proxy in front makes dangerous.
// MERIDIAN_ATTACK_SECONDS sets how long each attack lasts (default 15: past the 10 s head deadline, so a
// connection the front drops must come back; longer runs for the figures in docs/performance.md).

#include "tests/security/testpki.h"
#include "tests/support/hostileclients.h"
#include "tests/support/processharness.h"

#include <QTest>

#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <thread>

using namespace Meridian::Test;
using namespace std::chrono_literals;

namespace {

const QByteArray Token = QByteArrayLiteral("front-test-token-0123456789");
constexpr qint64 MemoryCeilingKiB = 64 * 1024; ///< issue 17: never above 64 MB under a flood
constexpr int AnswerWithinMs = 5000; ///< a functional bound, not a performance figure (the benchmark has those)

int attackSeconds()
{
    const int s = qEnvironmentVariableIntValue("MERIDIAN_ATTACK_SECONDS");
    return s > 0 ? s : 15;
}

} // namespace

class TestHttpFront : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void legitimateClientIsAnsweredUnderAttack_data();
    void legitimateClientIsAnsweredUnderAttack();
    void connectionsPerPeerAreCapped();
    void floodsKeepMemoryBounded_data();
    void floodsKeepMemoryBounded();
    void framing_data();
    void framing();
    void tls12SuitesAreAeadWithForwardSecrecy();

private:
    ServerProcess* agent(const QString& flavour);
    TlsClientSetup clientSetup(const QString& flavour) const;

    TestPki m_pki;
    TokenFile m_token { Token };
    std::map<QString, std::unique_ptr<ServerProcess>> m_agents;
};

void TestHttpFront::initTestCase()
{
    QVERIFY2(m_pki.isValid(), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCa(QStringLiteral("ca"), QStringLiteral("Front CA")), qPrintable(m_pki.error()));
    const QStringList local { QStringLiteral("IP:127.0.0.1"), QStringLiteral("DNS:localhost") };
    QVERIFY2(m_pki.makeCert(QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("node-01"), local, false),
        qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeCert(QStringLiteral("console"), QStringLiteral("ca"), QStringLiteral("console-01"),
                 { QStringLiteral("DNS:console-01.example") }, true),
        qPrintable(m_pki.error()));
    m_pki.write(QStringLiteral("tls.yml"), "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
    m_pki.write(QStringLiteral("mtls.yml"),
        "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
        "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n");
}

// One agent per flavour ("plain", "tls", "mtls"), kept for the whole test.
ServerProcess* TestHttpFront::agent(const QString& flavour)
{
    auto it = m_agents.find(flavour);
    if (it != m_agents.end() && it->second->isRunning())
        return it->second.get();
    QStringList args { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"),
        m_token.path(), QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--node-id"),
        QStringLiteral("front-node"), QStringLiteral("--npu-smi"), QStringLiteral("none"),
        QStringLiteral("--nvidia-smi"), QStringLiteral("none"), QStringLiteral("--audit-log"),
        m_pki.path(flavour + QStringLiteral(".audit")) };
    if (flavour != QLatin1String("plain"))
        args << QStringLiteral("--web-config") << m_pki.path(flavour + QStringLiteral(".yml"));
    auto process = std::make_unique<ServerProcess>(QStringLiteral(MERIDIAN_AGENT_BIN), args);
    if (!process->start())
        qWarning("%s", qPrintable(process->error()));
    return (m_agents[flavour] = std::move(process)).get();
}

TlsClientSetup TestHttpFront::clientSetup(const QString& flavour) const
{
    TlsClientSetup tls;
    if (flavour == QLatin1String("plain"))
        return tls;
    tls.caFile = m_pki.path(QStringLiteral("ca.crt"));
    if (flavour == QLatin1String("mtls")) {
        tls.certFile = m_pki.path(QStringLiteral("console.crt"));
        tls.keyFile = m_pki.path(QStringLiteral("console.key"));
    }
    return tls;
}

void TestHttpFront::legitimateClientIsAnsweredUnderAttack_data()
{
    QTest::addColumn<QString>("flavour");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("intervalMs");
    const int slow = int(HostileClients::Kind::SlowHead), idle = int(HostileClients::Kind::IdleKeepAlive);
    const int hello = int(HostileClients::Kind::TrickledClientHello);
    QTest::newRow("8 slow heads, a byte every 4 s") << QStringLiteral("plain") << slow << 8 << 4000;
    QTest::newRow("200 slow heads, a byte a second") << QStringLiteral("plain") << slow << 200 << 1000;
    QTest::newRow("500 idle keep-alive connections") << QStringLiteral("plain") << idle << 500 << 1000;
    QTest::newRow("TLS: 8 trickled ClientHellos") << QStringLiteral("tls") << hello << 8 << 4000;
    QTest::newRow("TLS: 200 trickled ClientHellos") << QStringLiteral("tls") << hello << 200 << 1000;
    QTest::newRow("client certificates: 8 trickled ClientHellos") << QStringLiteral("mtls") << hello << 8 << 4000;
    QTest::newRow("client certificates: 200 trickled ClientHellos") << QStringLiteral("mtls") << hello << 200 << 1000;
}

void TestHttpFront::legitimateClientIsAnsweredUnderAttack()
{
    QFETCH(QString, flavour);
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(int, intervalMs);
    ServerProcess* server = agent(flavour);
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    const TlsClientSetup tls = clientSetup(flavour);
    QCOMPARE(timedGet(server->port(), "/api/v1/node", Token, tls).status, 200);

    HostileClients attack(server->port(), HostileClients::Kind(kind), count, std::chrono::milliseconds(intervalMs), 8);
    QTRY_VERIFY_WITH_TIMEOUT(attack.open() >= count * 9 / 10, 20000);
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(attackSeconds());
    qint64 slowest = 0;
    int answered = 0;
    while (std::chrono::steady_clock::now() < end) {
        const TimedAnswer a = timedGet(server->port(), "/api/v1/node", Token, tls, AnswerWithinMs);
        QVERIFY2(a.status == 200,
            qPrintable(QStringLiteral("legitimate request %1 not answered: %2 (status %3, %4 ms)")
                           .arg(answered + 1)
                           .arg(a.error)
                           .arg(a.status)
                           .arg(a.elapsedMs)));
        slowest = std::max(slowest, a.elapsedMs);
        ++answered;
        std::this_thread::sleep_for(250ms);
    }
    const int stillOpen = attack.open();
    attack.stop();
    qInfo("%d legitimate requests answered, slowest %lld ms; %d attacking connections open at the end, %lld "
          "closed by the agent and reopened",
        answered, slowest, stillOpen, attack.reconnects());
    QVERIFY2(stillOpen > 0 || attack.reconnects() > 0, "the attack was not holding connections");
    QVERIFY(server->isRunning());
}

void TestHttpFront::connectionsPerPeerAreCapped()
{
    ServerProcess* server = agent(QStringLiteral("plain"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    // 200 idle connections from one address: the agent keeps 128 and closes the rest at once.
    HostileClients oneHost(server->port(), HostileClients::Kind::IdleKeepAlive, 200, 200ms, 1);
    QTRY_VERIFY_WITH_TIMEOUT(oneHost.reconnects() > 100, 20000);
    // The refused ones reconnect at once, so the client's count of open connections swings above the cap
    // between a reopen and its close; the cap shows in it settling at 128 plus the few in flight.
    QTRY_VERIFY_WITH_TIMEOUT(oneHost.open() <= 128 + 8, 10000);
    // Another address is served all the while.
    QCOMPARE(timedGet(server->port(), "/api/v1/node", Token, {}, AnswerWithinMs).status, 200);
}

void TestHttpFront::floodsKeepMemoryBounded_data()
{
    QTest::addColumn<QString>("flood");
    QTest::addColumn<int>("connections");
    QTest::newRow("8 × 200 MB of 8 KB header lines") << QStringLiteral("headers") << 8;
    QTest::newRow("300 MB chunked body to /metrics") << QStringLiteral("chunked /metrics") << 1;
    QTest::newRow("4 × 300 MB chunked body to /api/v1/nodes/x/drain, no token")
        << QStringLiteral("chunked /api/v1/nodes/front-node/drain") << 4;
}

void TestHttpFront::floodsKeepMemoryBounded()
{
    QFETCH(QString, flood);
    QFETCH(int, connections);
    ServerProcess* server = agent(QStringLiteral("plain"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    const qint64 pid = server->process().processId();
    std::atomic<bool> done { false };
    std::atomic<qint64> peak { 0 };
    std::thread sampler([&] {
        while (!done) {
            peak = std::max(peak.load(), residentKiB(pid));
            std::this_thread::sleep_for(20ms);
        }
    });
    const qint64 total = flood == QLatin1String("headers") ? 200'000'000 : 300'000'000;
    std::vector<std::future<qint64>> sent;
    for (int i = 0; i < connections; ++i)
        sent.push_back(std::async(std::launch::async, [&] {
            return flood == QLatin1String("headers")
                ? floodHeaders(server->port(), total)
                : floodChunkedBody(server->port(), flood.section(u' ', 1).toLatin1(), total);
        }));
    qint64 most = 0;
    for (auto& f : sent)
        most = std::max(most, f.get());
    done = true;
    sampler.join();
    const qint64 hwm = residentKiB(pid, "VmHWM:");
    qInfo("flood cut off after %lld of %lld bytes; VmRSS peak sampled %lld KiB, VmHWM %lld KiB", most, total,
        peak.load(), hwm);
    QVERIFY2(most < total, "the agent read the whole flood");
#if defined(__SANITIZE_ADDRESS__)
    // Under AddressSanitizer the agent starts at ~150 MB (shadow memory) and keeps freed blocks in quarantine:
    // its RSS says nothing about the shipped agent's. The flood being cut off (above) is still checked.
    Q_UNUSED(hwm);
#else
    QVERIFY2(peak.load() > 0 && peak.load() < MemoryCeilingKiB, qPrintable(QString::number(peak.load())));
    QVERIFY2(hwm > 0 && hwm < MemoryCeilingKiB, qPrintable(QString::number(hwm)));
#endif
    QCOMPARE(timedGet(server->port(), "/metrics", {}, {}, AnswerWithinMs).status, 200);
}

void TestHttpFront::framing_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QList<int>>("expected");
    QTest::addColumn<bool>("closes");
    const QByteArray post = "POST /api/v1/jobs/42/cancel HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    const QByteArray auth = "Authorization: Bearer " + Token + "\r\n";
    QTest::newRow("two different Content-Length")
        << post + "Content-Length: 2\r\nContent-Length: 15\r\n\r\n{}" << QList<int> { 400 } << true;
    QTest::newRow("Content-Length: +15") << post + "Content-Length: +15\r\n\r\n{}" << QList<int> { 400 } << true;
    QTest::newRow("Content-Length: abc") << post + "Content-Length: abc\r\n\r\n{}" << QList<int> { 400 } << true;
    QTest::newRow("unknown Transfer-Encoding beside Content-Length")
        << post + "Transfer-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}" << QList<int> { 400 } << true;
    QTest::newRow("Content-Length then Transfer-Encoding")
        << post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}" << QList<int> { 400 } << true;
    QTest::newRow("unknown Transfer-Encoding")
        << post + "Transfer-Encoding: identity\r\n\r\n{}" << QList<int> { 501 } << true;
    const QByteArray smuggled = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    QTest::newRow("body after 401 is not a request")
        << post + "Content-Length: " + QByteArray::number(smuggled.size()) + "\r\n\r\n" + smuggled << QList<int> { 401 }
        << false;
    QTest::newRow("chunked body after 401 is not a request") << post + "Transfer-Encoding: chunked\r\n\r\n"
            + QByteArray::number(smuggled.size(), 16) + "\r\n" + smuggled
            + "\r\n0\r\n\r\n" << QList<int> { 401 } << false;
    QTest::newRow("two pipelined requests in one segment, answered in order")
        << "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/v1/node HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth
            + "Connection: close\r\n\r\n"
        << QList<int> { 200, 200 } << true;
    QByteArray manyFields = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (int i = 0; i < 150; ++i)
        manyFields += "X-Field-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("150 header fields") << manyFields + "\r\n" << QList<int> { 431 } << true;
    QTest::newRow("a 20 KB header") << "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(20000, 'b')
            + "\r\n\r\n" << QList<int> { 431 }
                                    << true;
    QTest::newRow("Content-Length above the body cap")
        << post + auth + "Content-Length: 70000\r\n\r\n{" << QList<int> { 413 } << true;
    QTest::newRow("not a path") << QByteArray("GET http://x/metrics HTTP/1.1\r\nHost: x\r\n\r\n") << QList<int> { 400 }
                                << true;
    QTest::newRow("bad escape in the path")
        << QByteArray("GET /met%zzrics HTTP/1.1\r\nHost: x\r\n\r\n") << QList<int> { 400 } << true;
}

void TestHttpFront::framing()
{
    QFETCH(QByteArray, request);
    QFETCH(QList<int>, expected);
    QFETCH(bool, closes);
    ServerProcess* server = agent(QStringLiteral("plain"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    bool closed = false;
    const QByteArray raw = exchange(server->port(), request, 2000, &closed);
    QCOMPARE(statuses(raw), expected);
    QCOMPARE(closed, closes);
    if (expected.size() == 2) // in order: the exposition text first, then the JSON
        QVERIFY(raw.indexOf("text/plain") < raw.indexOf("application/json"));
    QVERIFY(server->isRunning());
}

// The cipher policy (agent/common/tlspolicy.h) on the real listener: a client offering only CBC-SHA1 or
// static-RSA suites over TLS 1.2 gets no answer; one offering an ECDHE AEAD suite does.
void TestHttpFront::tls12SuitesAreAeadWithForwardSecrecy()
{
    ServerProcess* server = agent(QStringLiteral("tls"));
    QVERIFY2(server->isRunning(), qPrintable(server->error()));
    TlsClientSetup tls = clientSetup(QStringLiteral("tls"));
    tls.tls12Ciphers = "ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:AES128-SHA:AES128-GCM-SHA256";
    QCOMPARE(timedGet(server->port(), "/metrics", {}, tls).status, 0);
    tls.tls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256";
    QCOMPARE(timedGet(server->port(), "/metrics", {}, tls).status, 200);
}

QTEST_GUILESS_MAIN(TestHttpFront)
#include "tst_httpfront.moc"
