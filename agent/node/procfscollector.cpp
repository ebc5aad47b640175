// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/procfscollector.h"

#include <QFile>
#include <QHostInfo>

#include <charconv>
#include <fcntl.h>
#include <unistd.h>

namespace Meridian::Agent {
namespace {

constexpr double SectorBytes = 512.0; // diskstats counts 512-byte sectors whatever the device
constexpr int MaxCpus = 8192;
constexpr int MaxDevices = 4096;

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Splits one line into blank-separated tokens without allocating.
int tokenize(QByteArrayView line, QByteArrayView* tokens, int maxTokens)
{
    int n = 0;
    qsizetype i = 0;
    while (i < line.size() && n < maxTokens) {
        while (i < line.size() && isBlank(line[i]))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && !isBlank(line[i]))
            ++i;
        if (i > start)
            tokens[n++] = line.sliced(start, i - start);
    }
    return n;
}

bool toDouble(QByteArrayView token, double* out)
{
    double v = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    if (ec != std::errc() || end != token.data() + token.size() || !(v >= 0))
        return false;
    *out = v;
    return true;
}

template <typename Fn> void forEachLine(QByteArrayView text, Fn&& fn)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        fn(text.sliced(start, end - start));
        start = end + 1;
    }
}

double rate(double previous, double current, double seconds)
{
    // A counter that went backwards was reset (device re-created): no rate this tick.
    if (seconds <= 0 || current < previous)
        return Protocol::Missing;
    return (current - previous) / seconds;
}

} // namespace

bool readSmallFile(const QByteArray& path, QByteArray* out, qsizetype maxBytes)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    out->resize(0);
    char buffer[16384];
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0) {
            ok = false;
            break;
        }
        if (n == 0)
            break;
        if (out->size() + n > maxBytes) {
            ok = false;
            break;
        }
        out->append(buffer, n);
    }
    ::close(fd);
    return ok;
}

namespace Procfs {

bool parseStat(QByteArrayView text, ProcReading* out)
{
    bool any = false;
    forEachLine(text, [&](QByteArrayView line) {
        if (line.startsWith("cpu")) {
            QByteArrayView t[12];
            const int n = tokenize(line, t, 12);
            if (n < 9)
                return;
            CpuTimes times;
            if (t[0] != "cpu") {
                int cpu = -1;
                const auto [end, ec] = std::from_chars(t[0].data() + 3, t[0].data() + t[0].size(), cpu);
                if (ec != std::errc() || end != t[0].data() + t[0].size() || cpu < 0 || cpu >= MaxCpus)
                    return;
                times.cpu = cpu;
            }
            for (int i = 0; i < 8; ++i) {
                if (!toDouble(t[i + 1], &times.jiffies[size_t(i)]))
                    return;
            }
            if (times.cpu < 0)
                out->cpuTotal = times;
            else
                out->cpus.append(times);
            any = true;
        } else if (line.startsWith("btime ")) {
            QByteArrayView t[3];
            double v = 0;
            if (tokenize(line, t, 3) == 2 && toDouble(t[1], &v))
                out->bootTimeSeconds = v;
        }
    });
    return any;
}

bool parseMeminfo(QByteArrayView text, ProcReading* out)
{
    bool any = false;
    forEachLine(text, [&](QByteArrayView line) {
        QByteArrayView t[4];
        const int n = tokenize(line, t, 4);
        double v = 0;
        if (n < 2 || !toDouble(t[1], &v))
            return;
        if (n == 3 && t[2] == "kB")
            v *= 1024;
        else if (n != 2)
            return;
        const QByteArrayView key = t[0];
        if (key == "MemTotal:")
            out->memTotalBytes = v, any = true;
        else if (key == "MemAvailable:")
            out->memAvailableBytes = v;
        else if (key == "MemFree:")
            out->memFreeBytes = v;
        else if (key == "Buffers:")
            out->buffersBytes = v;
        else if (key == "Cached:")
            out->cachedBytes = v;
        else if (key == "SwapTotal:")
            out->swapTotalBytes = v;
        else if (key == "SwapFree:")
            out->swapFreeBytes = v;
    });
    // Nonsense (available above total) is not data.
    if (any && !Protocol::isMissing(out->memAvailableBytes) && out->memAvailableBytes > out->memTotalBytes)
        out->memAvailableBytes = Protocol::Missing;
    return any;
}

bool parseLoadavg(QByteArrayView text, ProcReading* out)
{
    QByteArrayView t[5];
    if (tokenize(text.trimmed(), t, 5) < 3)
        return false;
    double l1 = 0, l5 = 0, l15 = 0;
    if (!toDouble(t[0], &l1) || !toDouble(t[1], &l5) || !toDouble(t[2], &l15))
        return false;
    out->load1 = l1;
    out->load5 = l5;
    out->load15 = l15;
    return true;
}

bool parseUptime(QByteArrayView text, ProcReading* out)
{
    QByteArrayView t[3];
    double v = 0;
    if (tokenize(text.trimmed(), t, 3) < 1 || !toDouble(t[0], &v))
        return false;
    out->uptimeSeconds = v;
    return true;
}

bool parseNetDev(QByteArrayView text, ProcReading* out)
{
    bool any = false;
    forEachLine(text, [&](QByteArrayView line) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0 || out->interfaces.size() >= MaxDevices)
            return; // the two header lines have no colon
        const QByteArrayView device = line.first(colon).trimmed();
        QByteArrayView t[17];
        if (device.isEmpty() || device.size() > 64 || tokenize(line.sliced(colon + 1), t, 17) < 16)
            return;
        InterfaceCounters c;
        c.device = device.toByteArray();
        if (!toDouble(t[0], &c.receiveBytes) || !toDouble(t[8], &c.transmitBytes))
            return;
        out->interfaces.append(std::move(c));
        any = true;
    });
    return any;
}

bool parseDiskstats(QByteArrayView text, ProcReading* out)
{
    bool any = false;
    forEachLine(text, [&](QByteArrayView line) {
        QByteArrayView t[21];
        const int n = tokenize(line, t, 21);
        if (n < 14 || out->disks.size() >= MaxDevices || t[2].size() > 64)
            return;
        // Fields after the name: reads, merged, sectors read, ms, writes, merged, sectors written, …
        double sectorsRead = 0, sectorsWritten = 0;
        if (!toDouble(t[5], &sectorsRead) || !toDouble(t[9], &sectorsWritten))
            return;
        out->disks.append({ t[2].toByteArray(), sectorsRead * SectorBytes, sectorsWritten * SectorBytes });
        any = true;
    });
    return any;
}

bool isWholeDisk(QByteArrayView d)
{
    auto startsWithThenDigitsOnly = [&](QByteArrayView prefix) {
        if (!d.startsWith(prefix) || d.size() == prefix.size())
            return false;
        for (qsizetype i = prefix.size(); i < d.size(); ++i) {
            if (d[i] < '0' || d[i] > '9')
                return false;
        }
        return true;
    };
    if (startsWithThenDigitsOnly("ram") || startsWithThenDigitsOnly("loop") || startsWithThenDigitsOnly("zram")
        || startsWithThenDigitsOnly("fd"))
        return false;
    // sda1, vdb2, xvda1: a letter-named disk followed by a partition number.
    for (const char* prefix : { "sd", "hd", "vd", "xvd" }) {
        const QByteArrayView p(prefix);
        if (d.startsWith(p) && d.size() > p.size() + 1) {
            qsizetype i = p.size();
            while (i < d.size() && d[i] >= 'a' && d[i] <= 'z')
                ++i;
            if (i > p.size() && i < d.size() && d[i] >= '0' && d[i] <= '9')
                return false;
        }
    }
    // nvme0n1p1, mmcblk0p1: a "p" partition suffix.
    if ((d.startsWith("nvme") || d.startsWith("mmcblk")) && d.contains('p')) {
        const qsizetype p = d.lastIndexOf('p');
        return !(p + 1 < d.size() && d[p + 1] >= '0' && d[p + 1] <= '9');
    }
    return true;
}

} // namespace Procfs

ProcfsCollector::ProcfsCollector(QString procRoot)
    : m_root(std::move(procRoot))
{ }

HostFacts ProcfsCollector::readHostFacts() const
{
    HostFacts facts;
    const QByteArray root = m_root.toLocal8Bit();
    QByteArray text;
    if (readSmallFile(root + "/sys/kernel/random/boot_id", &text, 256))
        facts.bootId = QString::fromLatin1(text.trimmed()).left(64);
    if (readSmallFile(root + "/sys/kernel/hostname", &text, 256) && !text.trimmed().isEmpty())
        facts.hostname = QString::fromUtf8(text.trimmed()).left(253);
    if (facts.hostname.isEmpty())
        facts.hostname = QHostInfo::localHostName();
    const ProcReading r = read(0);
    facts.cpuCount = int(r.cpus.size());
    facts.memoryBytes = Protocol::isMissing(r.memTotalBytes) ? 0 : qint64(r.memTotalBytes);
    return facts;
}

ProcReading ProcfsCollector::read(qint64 nowMs) const
{
    ProcReading r;
    r.timestampMs = nowMs;
    const QByteArray root = m_root.toLocal8Bit();
    QByteArray text;
    text.reserve(16384);
    if (readSmallFile(root + "/stat", &text))
        Procfs::parseStat(text, &r);
    if (readSmallFile(root + "/meminfo", &text))
        Procfs::parseMeminfo(text, &r);
    if (readSmallFile(root + "/loadavg", &text, 4096))
        Procfs::parseLoadavg(text, &r);
    if (readSmallFile(root + "/uptime", &text, 4096))
        Procfs::parseUptime(text, &r);
    if (readSmallFile(root + "/net/dev", &text))
        Procfs::parseNetDev(text, &r);
    if (readSmallFile(root + "/diskstats", &text))
        Procfs::parseDiskstats(text, &r);
    return r;
}

Protocol::NodeMetrics ProcfsCollector::metricsBetween(const ProcReading* previous, const ProcReading& current)
{
    Protocol::NodeMetrics m;
    m.memoryTotalBytes = current.memTotalBytes;
    if (!Protocol::isMissing(current.memAvailableBytes))
        m.memoryUsedBytes = current.memTotalBytes - current.memAvailableBytes;
    m.load1 = current.load1;
    m.uptimeSeconds = current.uptimeSeconds;
    if (!previous)
        return m;
    const double seconds = double(current.timestampMs - previous->timestampMs) / 1000.0;
    if (previous->cpuTotal && current.cpuTotal) {
        double total = 0, idle = 0;
        bool reset = false;
        for (size_t i = 0; i < 8; ++i) {
            const double d = current.cpuTotal->jiffies[i] - previous->cpuTotal->jiffies[i];
            reset = reset || d < 0;
            total += d;
            if (i == 3 || i == 4) // idle + iowait
                idle += d;
        }
        if (!reset && total > 0)
            m.cpuUtilization = std::clamp(100.0 * (total - idle) / total, 0.0, 100.0);
    }
    auto sumRate = [&](auto&& previousList, auto&& currentList, auto member, auto include) {
        double sum = 0;
        bool any = false;
        for (const auto& c : currentList) {
            if (!include(c.device))
                continue;
            for (const auto& p : previousList) {
                if (p.device == c.device) {
                    const double r = rate(p.*member, c.*member, seconds);
                    if (Protocol::isMissing(r))
                        return Protocol::Missing;
                    sum += r;
                    any = true;
                    break;
                }
            }
        }
        return any ? sum : Protocol::Missing;
    };
    auto notLoopback = [](const QByteArray& d) { return d != "lo"; };
    auto wholeDisk = [](const QByteArray& d) { return Procfs::isWholeDisk(d); };
    m.netRxBytesPerSecond
        = sumRate(previous->interfaces, current.interfaces, &InterfaceCounters::receiveBytes, notLoopback);
    m.netTxBytesPerSecond
        = sumRate(previous->interfaces, current.interfaces, &InterfaceCounters::transmitBytes, notLoopback);
    m.diskReadBytesPerSecond = sumRate(previous->disks, current.disks, &DiskCounters::readBytes, wholeDisk);
    m.diskWriteBytesPerSecond = sumRate(previous->disks, current.disks, &DiskCounters::writtenBytes, wholeDisk);
    return m;
}

Protocol::NodeMetrics ProcfsCollector::collect(qint64 nowMs)
{
    ProcReading current = read(nowMs);
    std::lock_guard lock(m_mutex);
    const Protocol::NodeMetrics m = metricsBetween(m_previous ? &*m_previous : nullptr, current);
    m_previous = std::move(current);
    return m;
}

} // namespace Meridian::Agent
