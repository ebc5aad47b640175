// SPDX-License-Identifier: GPL-3.0-or-later
// meridian-agent next to prometheus-node-exporter on the same machine: CPU per
// /metrics scrape (utime+stime of the server process, from /proc/PID/stat),
// resident memory, series and bytes per scrape. Both scraped N times over one
// keep-alive connection each, alternately, so that both see the same machine.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace {

constexpr int Scrapes = 200;
constexpr int Warmup = 10;

double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
}

double statusMiB(qint64 pid, const char* key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qsizetype(strlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Minimal keep-alive HTTP/1.1 client: one GET, reads one Content-Length body.
class Scraper
{
public:
    bool connect(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return m_socket.waitForConnected(5000);
    }

    QByteArray get(const QByteArray& path)
    {
        m_socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
        QByteArray buffer;
        qsizetype headerEnd = -1;
        qsizetype length = -1;
        bool chunked = false;
        for (;;) {
            if (!m_socket.waitForReadyRead(10000))
                return {};
            buffer += m_socket.readAll();
            if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
                static const QRegularExpression cl(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
                const QString headers = QString::fromLatin1(buffer.first(headerEnd));
                const auto m = cl.match(headers);
                chunked = headers.contains(QStringLiteral("chunked"), Qt::CaseInsensitive);
                if (!m.hasMatch() && !chunked)
                    return {};
                length = m.hasMatch() ? m.captured(1).toLongLong() : -1;
            }
            if (headerEnd < 0)
                continue;
            if (!chunked && buffer.size() >= headerEnd + 4 + length)
                return buffer.mid(headerEnd + 4, length);
            if (chunked) {
                // Go's net/http streams large bodies as chunks: decode once the last chunk arrived.
                QByteArray body;
                qsizetype pos = headerEnd + 4;
                for (;;) {
                    const qsizetype eol = buffer.indexOf("\r\n", pos);
                    if (eol < 0)
                        break;
                    bool ok = false;
                    const qsizetype size = buffer.mid(pos, eol - pos).toLongLong(&ok, 16);
                    if (!ok)
                        return {};
                    if (size == 0) {
                        if (buffer.indexOf("\r\n\r\n", eol) >= 0 || buffer.endsWith("\r\n\r\n"))
                            return body;
                        break;
                    }
                    if (buffer.size() < eol + 2 + size + 2)
                        break;
                    body += buffer.mid(eol + 2, size);
                    pos = eol + 2 + size + 2;
                }
            }
        }
    }

private:
    QTcpSocket m_socket;
};

bool startServer(QProcess& p, const QString& program, const QStringList& args, quint16 port)
{
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100; ++i) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(100))
            return true;
        p.waitForFinished(50);
    }
    return false;
}

struct Result
{
    double cpuMsPerScrape = 0;
    double rssMiB = 0;
    double hwmMiB = 0;
    qsizetype bytes = 0;
    qsizetype series = 0;
    double wallMsPerScrape = 0;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QString exporter = QStandardPaths::findExecutable(QStringLiteral("prometheus-node-exporter"));
    if (exporter.isEmpty()) {
        std::fprintf(stderr, "prometheus-node-exporter not installed (Debian package prometheus-node-exporter)\n");
        return 1;
    }
    const quint16 agentPort = freePort();
    const quint16 exporterPort = freePort();
    QProcess agent, nodeExporter;
    if (!startServer(agent, QStringLiteral(MERIDIAN_AGENT_BIN),
            { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(agentPort) }, agentPort)
        || !startServer(nodeExporter, exporter,
            { QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(exporterPort) }, exporterPort)) {
        std::fprintf(stderr, "could not start the servers\n");
        return 1;
    }
    Scraper toAgent, toExporter;
    if (!toAgent.connect(agentPort) || !toExporter.connect(exporterPort))
        return 1;
    Result a, e;
    const qint64 agentPid = agent.processId(), exporterPid = nodeExporter.processId();
    for (int i = 0; i < Warmup; ++i) {
        toAgent.get("/metrics");
        toExporter.get("/metrics");
    }
    double agentCpu = 0, exporterCpu = 0;
    qint64 agentWall = 0, exporterWall = 0;
    QElapsedTimer t;
    for (int i = 0; i < Scrapes; ++i) {
        double before = cpuSeconds(agentPid);
        t.start();
        const QByteArray body = toAgent.get("/metrics");
        agentWall += t.nsecsElapsed();
        agentCpu += cpuSeconds(agentPid) - before;
        a.bytes = body.size();
        before = cpuSeconds(exporterPid);
        t.start();
        const QByteArray body2 = toExporter.get("/metrics");
        exporterWall += t.nsecsElapsed();
        exporterCpu += cpuSeconds(exporterPid) - before;
        e.bytes = body2.size();
        if (i == 0) {
            auto countSeries = [](const QByteArray& text) {
                qsizetype n = 0;
                for (const QByteArray& line : text.split('\n'))
                    n += (!line.isEmpty() && !line.startsWith('#')) ? 1 : 0;
                return n;
            };
            a.series = countSeries(body);
            e.series = countSeries(body2);
        }
        if (body.isEmpty() || body2.isEmpty()) {
            std::fprintf(stderr, "empty scrape\n");
            return 1;
        }
    }
    a.cpuMsPerScrape = agentCpu * 1000.0 / Scrapes;
    e.cpuMsPerScrape = exporterCpu * 1000.0 / Scrapes;
    a.wallMsPerScrape = double(agentWall) / 1e6 / Scrapes;
    e.wallMsPerScrape = double(exporterWall) / 1e6 / Scrapes;
    a.rssMiB = statusMiB(agentPid, "VmRSS:");
    a.hwmMiB = statusMiB(agentPid, "VmHWM:");
    e.rssMiB = statusMiB(exporterPid, "VmRSS:");
    e.hwmMiB = statusMiB(exporterPid, "VmHWM:");

    std::printf("BENCH agent.scrape_cpu %.3f ms\n", a.cpuMsPerScrape);
    std::printf("BENCH node_exporter.scrape_cpu %.3f ms\n", e.cpuMsPerScrape);
    std::printf(
        "BENCH agent.scrape_cpu.ratio %.3f x\n", e.cpuMsPerScrape > 0 ? a.cpuMsPerScrape / e.cpuMsPerScrape : 0.0);
    std::printf("BENCH agent.scrape_wall %.3f ms\n", a.wallMsPerScrape);
    std::printf("BENCH node_exporter.scrape_wall %.3f ms\n", e.wallMsPerScrape);
    std::printf("BENCH agent.rss %.1f MiB\n", a.rssMiB);
    std::printf("BENCH agent.rss_peak %.1f MiB\n", a.hwmMiB);
    std::printf("BENCH node_exporter.rss %.1f MiB\n", e.rssMiB);
    std::printf("BENCH node_exporter.rss_peak %.1f MiB\n", e.hwmMiB);
    std::printf("BENCH agent.series %lld series\n", static_cast<long long>(a.series));
    std::printf("BENCH node_exporter.series %lld series\n", static_cast<long long>(e.series));
    std::printf("BENCH agent.scrape_bytes %lld bytes\n", static_cast<long long>(a.bytes));
    std::printf("BENCH node_exporter.scrape_bytes %lld bytes\n", static_cast<long long>(e.bytes));
    std::fflush(stdout);

    // Idle share of a core between scrapes: the agent's own collection every
    // interval (default 5 s), nobody scraping. Goal: ≤ 0.5 % of one core.
    const int idleSeconds = qEnvironmentVariableIntValue("MERIDIAN_BENCH_IDLE_SECONDS") > 0
        ? qEnvironmentVariableIntValue("MERIDIAN_BENCH_IDLE_SECONDS")
        : 60;
    const double idleBefore = cpuSeconds(agentPid);
    QThread::sleep(static_cast<unsigned long>(idleSeconds));
    const double idleShare = (cpuSeconds(agentPid) - idleBefore) / idleSeconds * 100.0;
    std::printf("BENCH agent.idle_cpu %.3f %%\n", idleShare);
    std::fflush(stdout);

    agent.terminate();
    nodeExporter.terminate();
    agent.waitForFinished(5000);
    nodeExporter.waitForFinished(5000);
    // The budget from the issue: RSS <= 30 MB and less CPU per scrape than node_exporter.
    const bool ok = a.hwmMiB <= 30.0 && a.cpuMsPerScrape < e.cpuMsPerScrape;
    if (!ok)
        std::fprintf(stderr, "budget missed\n");
    return ok ? 0 : 1;
}
