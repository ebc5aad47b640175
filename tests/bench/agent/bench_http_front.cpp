// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's HTTP front under attack, real process on loopback: latency of a
// legitimate request (fresh connection, GET /api/v1/node with a token) quiet
// and under 500 slow-head connections, and resident memory under that attack
// and under header and chunked floods. The quiet run is the same-process
// baseline of the .ratio line.

#include "tests/support/hostileclients.h"
#include "tests/support/processharness.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

using namespace Meridian::Test;
using namespace std::chrono_literals;

namespace {

const QByteArray Token = QByteArrayLiteral("bench-front-token-0123456789");
constexpr int Requests = 300;

struct Latency
{
    double p50 = 0, p99 = 0, max = 0;
    int failed = 0;
};

Latency measure(quint16 port)
{
    std::vector<double> ms;
    Latency l;
    for (int i = 0; i < Requests; ++i) {
        const TimedAnswer a = timedGet(port, "/api/v1/node", Token, {}, 10000);
        if (a.status != 200)
            ++l.failed;
        ms.push_back(double(a.elapsedUs) / 1000.0);
        std::this_thread::sleep_for(20ms);
    }
    std::sort(ms.begin(), ms.end());
    l.p50 = ms[ms.size() / 2];
    l.p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
    l.max = ms.back();
    return l;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    TokenFile token(Token);
    ServerProcess agent(QStringLiteral(MERIDIAN_AGENT_BIN),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), token.path(),
            QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--npu-smi"), QStringLiteral("none"),
            QStringLiteral("--nvidia-smi"), QStringLiteral("none") });
    if (!agent.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(agent.error()));
        return 1;
    }
    const qint64 pid = agent.process().processId();
    const Latency quiet = measure(agent.port());

    Latency attacked;
    qint64 rssUnderAttack = 0;
    int held = 0;
    {
        HostileClients attack(agent.port(), HostileClients::Kind::SlowHead, 500, 1000ms, 8);
        for (int i = 0; i < 200 && attack.open() < 480; ++i)
            std::this_thread::sleep_for(50ms);
        held = attack.open();
        attacked = measure(agent.port());
        rssUnderAttack = residentKiB(pid);
    }

    std::atomic<bool> done { false };
    std::atomic<qint64> floodPeak { 0 };
    std::thread sampler([&] {
        while (!done) {
            floodPeak = std::max(floodPeak.load(), residentKiB(pid));
            std::this_thread::sleep_for(10ms);
        }
    });
    std::vector<std::future<qint64>> floods;
    for (int i = 0; i < 8; ++i)
        floods.push_back(std::async(std::launch::async, [&] { return floodHeaders(agent.port(), 200'000'000); }));
    for (int i = 0; i < 8; ++i)
        floods.push_back(std::async(
            std::launch::async, [&] { return floodChunkedBody(agent.port(), "/api/v1/nodes/x/drain", 300'000'000); }));
    for (auto& f : floods)
        f.get();
    done = true;
    sampler.join();

    std::printf("BENCH http_front.legit_p50_quiet %.2f ms\n", quiet.p50);
    std::printf("BENCH http_front.legit_p99_quiet %.2f ms\n", quiet.p99);
    std::printf("BENCH http_front.legit_p50_under_500_slow %.2f ms\n", attacked.p50);
    std::printf("BENCH http_front.legit_p99_under_500_slow %.2f ms\n", attacked.p99);
    std::printf("BENCH http_front.legit_max_under_500_slow %.2f ms\n", attacked.max);
    std::printf(
        "BENCH http_front.legit_p99_under_500_slow.ratio %.2f x\n", quiet.p99 > 0 ? attacked.p99 / quiet.p99 : 0.0);
    std::printf("BENCH http_front.legit_failed_under_500_slow %d requests\n", attacked.failed + quiet.failed);
    std::printf("BENCH http_front.slow_connections_held %d connections\n", held);
    std::printf("BENCH http_front.rss_under_500_slow %.1f MiB\n", mib(rssUnderAttack));
    std::printf("BENCH http_front.rss_peak_under_floods %.1f MiB\n", mib(floodPeak.load()));
    std::printf("BENCH http_front.rss_hwm %.1f MiB\n", mib(residentKiB(pid, "VmHWM:")));
    return 0;
}
