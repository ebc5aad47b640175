// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/metricstext.h"

#include "core/protocol/exportermetrics.h"
#include "core/protocol/prometheustext.h"

namespace Meridian::Sim {
namespace {

using Protocol::Prometheus::Label;
using Protocol::Prometheus::Writer;
using Type = Writer::Type;
namespace Exporter = Protocol::Exporter;

constexpr double MiB = 1024.0 * 1024.0;

// Every chip under its vendor's exporter names, with the values the simulator models.
void writeAccelerators(
    Writer& w, const Protocol::NodeInventory& inv, const Protocol::Sample& s, const QByteArray& hostname)
{
    using enum Exporter::ChipField;
    QList<Exporter::ChipRow> byDialect[3];
    for (const Protocol::AcceleratorSample& a : s.accelerators) {
        if (a.index < 0 || a.index >= inv.accelerators.size())
            continue;
        const Protocol::AcceleratorInfo& info = inv.accelerators[a.index];
        const Exporter::Dialect dialect = Exporter::dialectOf(info.vendor);
        Exporter::ChipRow row;
        row.index = QByteArray::number(a.index);
        row.model = info.model.toUtf8();
        row.uuid = info.uuid.toUtf8();
        row.host = hostname;
        row.vendor = info.vendor.toUtf8();
        row.job = a.jobId.toUtf8(); // dcgm-exporter's HPC job mapping, npu-exporter's pod: who holds the chip
        const double totalBytes = double(info.memoryBytes);
        row.set(Utilization, a.utilization);
        row.set(TemperatureC, a.temperatureC);
        row.set(PowerW, a.powerW);
        row.set(Health, Exporter::healthValue(a.health));
        row.set(HbmUsedMiB, a.memoryUsedBytes / MiB);
        row.set(HbmTotalMiB, totalBytes / MiB);
        row.set(MemoryUsedMiB, a.memoryUsedBytes / MiB);
        row.set(MemoryFreeMiB, (totalBytes - a.memoryUsedBytes) / MiB);
        row.set(MemoryUsedBytes, a.memoryUsedBytes);
        row.set(MemoryTotalBytes, totalBytes);
        row.set(EccSingleBitTotal, a.eccSingleBitTotal);
        row.set(EccDoubleBitTotal, a.eccDoubleBitTotal);
        byDialect[int(dialect)].append(row);
    }
    for (int d = 0; d < 3; ++d)
        Exporter::writeChips(w, Exporter::Dialect(d), byDialect[d]);
}

} // namespace

QByteArray metricsText(const Protocol::NodeInventory& inv, const Protocol::Snapshot& snap)
{
    Writer w;
    const Protocol::Sample& s = snap.sample;
    const Protocol::NodeMetrics& m = s.node;
    const QByteArray hostname = inv.hostname.toUtf8();
    w.beginFamily("node_load1", Type::Gauge, "1m load average.");
    w.sample({}, m.load1);
    w.beginFamily("node_memory_MemTotal_bytes", Type::Gauge, "Memory information field MemTotal_bytes.");
    w.sample({}, m.memoryTotalBytes);
    w.beginFamily("node_memory_MemAvailable_bytes", Type::Gauge, "Memory information field MemAvailable_bytes.");
    w.sample({}, m.memoryTotalBytes - m.memoryUsedBytes);
    w.beginFamily("node_boot_time_seconds", Type::Gauge, "Node boot time, in unixtime.");
    w.sample({}, double(s.timestampMs / 1000) - m.uptimeSeconds);
    w.beginFamily(
        "meridian_node_cpu_utilization_percent", Type::Gauge, "Host CPU busy percentage over the last interval.");
    w.sample({}, m.cpuUtilization);
    w.beginFamily("meridian_node_network_receive_bytes_per_second", Type::Gauge, "Host network receive rate.");
    w.sample({}, m.netRxBytesPerSecond);
    w.beginFamily("meridian_node_network_transmit_bytes_per_second", Type::Gauge, "Host network transmit rate.");
    w.sample({}, m.netTxBytesPerSecond);

    writeAccelerators(w, inv, snap.sample, hostname);
    return w.take();
}

} // namespace Meridian::Sim
