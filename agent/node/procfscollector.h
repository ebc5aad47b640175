// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reads the kernel's counters under a configurable proc root (tests point it
// at a fake tree in tests/fixtures/procfs). Reading is stateless and
// thread-safe, so /metrics can read at scrape time while the collection timer
// keeps the previous reading to turn counters into rates.

#include "core/protocol/protocoltypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <mutex>
#include <optional>

namespace Meridian::Agent {

// The kernel reports jiffies in USER_HZ, which is 100 on every Linux ABI.
inline constexpr double UserHz = 100.0;

// Jiffies per CPU in /proc/stat order: user nice system idle iowait irq softirq steal.
struct CpuTimes
{
    int cpu = -1; ///< -1: the aggregate "cpu" line
    std::array<double, 8> jiffies {};
};

struct InterfaceCounters
{
    QByteArray device;
    double receiveBytes = 0;
    double transmitBytes = 0;
};

struct DiskCounters
{
    QByteArray device;
    double readBytes = 0;
    double writtenBytes = 0;
};

// One read of /proc. A field that could not be read stays missing (NaN / empty).
struct ProcReading
{
    qint64 timestampMs = 0;
    std::optional<CpuTimes> cpuTotal;
    QList<CpuTimes> cpus;
    double bootTimeSeconds = Protocol::Missing;
    double memTotalBytes = Protocol::Missing;
    double memAvailableBytes = Protocol::Missing;
    double memFreeBytes = Protocol::Missing;
    double buffersBytes = Protocol::Missing;
    double cachedBytes = Protocol::Missing;
    double swapTotalBytes = Protocol::Missing;
    double swapFreeBytes = Protocol::Missing;
    double load1 = Protocol::Missing;
    double load5 = Protocol::Missing;
    double load15 = Protocol::Missing;
    double uptimeSeconds = Protocol::Missing;
    QList<InterfaceCounters> interfaces;
    QList<DiskCounters> disks;
};

// Static facts of the host, read once at start.
struct HostFacts
{
    QString hostname;
    QString bootId;
    int cpuCount = 0;
    qint64 memoryBytes = 0;
};

// Parsers for single files: public so that tests can feed them malformed text.
namespace Procfs {
bool parseStat(QByteArrayView text, ProcReading* out);
bool parseMeminfo(QByteArrayView text, ProcReading* out);
bool parseLoadavg(QByteArrayView text, ProcReading* out);
bool parseUptime(QByteArrayView text, ProcReading* out);
bool parseNetDev(QByteArrayView text, ProcReading* out);
bool parseDiskstats(QByteArrayView text, ProcReading* out);
// Partitions, loop and ram devices are left out, as node_exporter does by default.
bool isWholeDisk(QByteArrayView device);
} // namespace Procfs

class ProcfsCollector
{
public:
    explicit ProcfsCollector(QString procRoot = QStringLiteral("/proc"));

    const QString& procRoot() const { return m_root; }
    HostFacts readHostFacts() const;
    // Thread-safe: no state is touched.
    ProcReading read(qint64 nowMs) const;
    // Reads and turns counters into rates against the previous call; the first
    // call has no previous reading, so its rates and CPU utilisation are missing.
    Protocol::NodeMetrics collect(qint64 nowMs);

    static Protocol::NodeMetrics metricsBetween(const ProcReading* previous, const ProcReading& current);

private:
    QString m_root;
    std::mutex m_mutex;
    std::optional<ProcReading> m_previous;
};

// Reads a small file with plain POSIX calls (cheap at scrape time); false when
// it is missing, unreadable or larger than maxBytes.
bool readSmallFile(const QByteArray& path, QByteArray* out, qsizetype maxBytes = 1024 * 1024);

} // namespace Meridian::Agent
