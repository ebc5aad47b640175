// SPDX-License-Identifier: GPL-3.0-or-later
// meridian-fleetsim at 25,000 nodes: start-up, memory, the batched fleet
// answer (wall time and server CPU per tick), per-node history fills of a
// whole ring, per-node request rate over keep-alive, and simulator CPU per tick.
// MERIDIAN_BENCH_FLEETSIM_BIN runs another build of the simulator (a baseline).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <httplib.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

void bench(const char* name, double value, const char* unit)
{
    std::printf("BENCH %s %.3f %s\n", name, value, unit);
}

double rssMiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = f.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int nodes = qEnvironmentVariableIntValue("MERIDIAN_BENCH_NODES") > 0
        ? qEnvironmentVariableIntValue("MERIDIAN_BENCH_NODES")
        : 25000;
    const double speed = 5; // one 5 s tick per real second
    QProcess sim;
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer startTimer;
    startTimer.start();
    const QString bin = qEnvironmentVariableIsEmpty("MERIDIAN_BENCH_FLEETSIM_BIN")
        ? QStringLiteral(MERIDIAN_FLEETSIM_BIN)
        : qEnvironmentVariable("MERIDIAN_BENCH_FLEETSIM_BIN");
    sim.start(bin,
        { QStringLiteral("--nodes"), QString::number(nodes), QStringLiteral("--history"), QStringLiteral("1h"),
            QStringLiteral("--speed"), QString::number(speed) });
    QByteArray out;
    int port = 0;
    static const QRegularExpression ready(QStringLiteral("listening on http://127.0.0.1:(\\d+)/"));
    while (port == 0 && sim.waitForReadyRead(300000)) {
        out += sim.readAllStandardOutput();
        if (const auto m = ready.match(QString::fromUtf8(out)); m.hasMatch())
            port = m.captured(1).toInt();
    }
    if (port == 0) {
        std::fprintf(stderr, "simulator did not start: %s\n", out.constData());
        return 1;
    }
    const qint64 pid = sim.processId();
    bench("fleetsim.startup", double(startTimer.elapsed()) / 1000.0, "s");
    bench("fleetsim.nodes", nodes, "nodes");
    bench("fleetsim.rss_idle", rssMiB(pid), "MiB");

    // CPU per tick with nobody asking: the simulation alone.
    QThread::msleep(1000);
    const double cpu0 = cpuSeconds(pid);
    QThread::msleep(5000);
    const double ticks = 5.0 * speed / 5.0;
    bench("fleetsim.cpu_per_tick", (cpuSeconds(pid) - cpu0) * 1000.0 / ticks, "ms");

    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(300, 0);
    client.set_tcp_nodelay(true);
    // The batched answer, measured on a paused clock so that "same tick" is one state.
    client.Post("/sim/control", R"({"paused":true})", "application/json");
    QElapsedTimer t;
    double cpuBefore = cpuSeconds(pid);
    t.start();
    auto full = client.Get("/api/v1/nodes");
    const double firstMs = double(t.nsecsElapsed()) / 1e6;
    const double firstCpuMs = (cpuSeconds(pid) - cpuBefore) * 1000.0;
    if (!full || full->status != 200) {
        std::fprintf(stderr, "nodes request failed\n");
        return 1;
    }
    bench("fleetsim.nodes_answer_first", firstMs, "ms");
    bench("fleetsim.nodes_answer_first_server_cpu", firstCpuMs, "ms");
    bench("fleetsim.nodes_answer_size", double(full->body.size()) / 1e6, "MB");
    bench("fleetsim.nodes_answer_bytes_per_node", double(full->body.size()) / nodes, "B");
    t.restart();
    auto again = client.Get("/api/v1/nodes");
    const double cachedMs = double(t.nsecsElapsed()) / 1e6;
    bench("fleetsim.nodes_answer_same_tick", cachedMs, "ms");
    bench("fleetsim.nodes_answer_same_tick.ratio", firstMs / std::max(0.001, cachedMs), "x");
    bench("fleetsim.rss_after_nodes", rssMiB(pid), "MiB");
    // A new tick: snapshots are encoded again, inventories come from the cache.
    client.Post("/sim/control", R"({"step":5})", "application/json");
    cpuBefore = cpuSeconds(pid);
    t.restart();
    auto next = client.Get("/api/v1/nodes");
    bench("fleetsim.nodes_answer_next_tick", double(t.nsecsElapsed()) / 1e6, "ms");
    bench("fleetsim.nodes_answer_next_tick_server_cpu", (cpuSeconds(pid) - cpuBefore) * 1000.0, "ms");
    // The console's steady state: a poll with the cursor of the previous answer
    // after one more tick (every node changed, inventories left out).
    if (next && next->status == 200) {
        const size_t at = next->body.find("\"cursor\":\"");
        const std::string cursor = at == std::string::npos
            ? std::string()
            : next->body.substr(at + 10, next->body.find('"', at + 10) - at - 10);
        client.Post("/sim/control", R"({"step":5})", "application/json");
        cpuBefore = cpuSeconds(pid);
        t.restart();
        auto poll = client.Get(("/api/v1/nodes?since=" + cursor).c_str());
        if (poll && poll->status == 200) {
            bench("fleetsim.nodes_poll", double(t.nsecsElapsed()) / 1e6, "ms");
            bench("fleetsim.nodes_poll_server_cpu", (cpuSeconds(pid) - cpuBefore) * 1000.0, "ms");
            bench("fleetsim.nodes_poll_size", double(poll->body.size()) / 1e6, "MB");
        }
    }

    std::vector<std::string> ids;
    for (int i = 0, pos = 0; i < 2000; ++i) {
        const size_t at = full->body.find("{\"id\":\"", size_t(pos));
        if (at == std::string::npos)
            break;
        const size_t end = full->body.find('"', at + 7);
        ids.push_back(full->body.substr(at + 7, end - at - 7));
        pos = int(end);
    }

    // History fills of a whole ring (1 h at 5 s = 721 samples), as the console
    // does after start: one node at a time, then 8 connections at once.
    {
        constexpr int Sequential = 16;
        cpuBefore = cpuSeconds(pid);
        t.restart();
        int filled = 0;
        size_t bytes = 0;
        for (int k = 0; k < Sequential; ++k) {
            const std::string path = "/n/" + ids[size_t(k * 97) % ids.size()] + "/api/v1/samples?limit=20000";
            auto r = client.Get(path.c_str());
            if (r && r->status == 200) {
                ++filled;
                bytes += r->body.size();
            }
        }
        const double ms = double(t.nsecsElapsed()) / 1e6;
        bench("fleetsim.samples_ring_fill", ms / std::max(1, filled), "ms");
        bench("fleetsim.samples_ring_fill_server_cpu", (cpuSeconds(pid) - cpuBefore) * 1000.0 / std::max(1, filled),
            "ms");
        bench("fleetsim.samples_ring_fill_size", double(bytes) / std::max(1, filled) / 1e3, "kB");
        constexpr int Parallel = 8, PerConnection = 16;
        std::atomic<int> done { 0 };
        std::vector<std::thread> workers;
        t.restart();
        for (int w = 0; w < Parallel; ++w) {
            workers.emplace_back([&, w] {
                httplib::Client c("127.0.0.1", port);
                c.set_keep_alive(true);
                c.set_tcp_nodelay(true);
                c.set_read_timeout(300, 0);
                for (int k = 0; k < PerConnection; ++k) {
                    const std::string path = "/n/" + ids[size_t((w * PerConnection + k) * 13) % ids.size()]
                        + "/api/v1/samples?limit=20000";
                    auto r = c.Get(path.c_str());
                    if (r && r->status == 200)
                        ++done;
                }
            });
        }
        for (auto& w : workers)
            w.join();
        bench("fleetsim.samples_ring_fill_8conn", done / (double(t.nsecsElapsed()) / 1e9), "nodes/s");
    }
    client.Post("/sim/control", R"({"paused":false})", "application/json");

    // Per-node snapshots over keep-alive from several connections.
    for (int threads : { 4, 8 }) {
        std::atomic<int> requests { 0 }, errors { 0 };
        std::atomic<bool> stop { false };
        const double cpuBefore = cpuSeconds(pid);
        std::vector<std::thread> workers;
        QElapsedTimer wall;
        wall.start();
        for (int w = 0; w < threads; ++w) {
            workers.emplace_back([&, w] {
                httplib::Client c("127.0.0.1", port);
                c.set_keep_alive(true);
                c.set_tcp_nodelay(true);
                size_t k = size_t(w);
                while (!stop) {
                    const std::string path = "/n/" + ids[k++ % ids.size()] + "/api/v1/snapshot";
                    auto r = c.Get(path.c_str());
                    (r && (r->status == 200 || r->status == 503)) ? ++requests : ++errors;
                }
            });
        }
        QThread::msleep(5000);
        stop = true;
        for (auto& w : workers)
            w.join();
        const double seconds = double(wall.nsecsElapsed()) / 1e9;
        const QByteArray name = "fleetsim.snapshot_rps_" + QByteArray::number(threads) + "conn";
        bench(name.constData(), requests / seconds, "req/s");
        bench(QByteArray(name + "_server_cpu").constData(),
            (cpuSeconds(pid) - cpuBefore) * 1e6 / std::max(1, requests.load()), "us/req");
        if (errors > 0)
            bench(QByteArray(name + "_errors").constData(), errors, "count");
    }
    bench("fleetsim.rss_end", rssMiB(pid), "MiB");
    sim.terminate();
    sim.waitForFinished(20000);
    return 0;
}
