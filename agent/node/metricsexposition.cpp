// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/metricsexposition.h"

#include "core/protocol/exportermetrics.h"
#include "core/protocol/prometheustext.h"

#include <chrono>

namespace Meridian::Agent::MetricsExposition {
namespace {

using Protocol::Prometheus::Label;
using Protocol::Prometheus::Writer;
using Type = Writer::Type;
namespace Exporter = Protocol::Exporter;

constexpr const char* CpuModes[8] = { "user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal" };

qint64 steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void gauge(Writer& w, const char* name, const char* help, double value)
{
    if (Protocol::isMissing(value))
        return;
    w.beginFamily(name, Type::Gauge, help);
    w.sample({}, value);
}

void writeNode(Writer& w, const ProcReading& p, const ScrapeView& view)
{
    gauge(w, "node_boot_time_seconds", "Node boot time, in unixtime.", p.bootTimeSeconds);
    if (!p.cpus.isEmpty()) {
        w.beginFamily("node_cpu_seconds_total", Type::Counter, "Seconds the CPUs spent in each mode.");
        char cpu[16];
        for (const CpuTimes& c : p.cpus) {
            const int n = std::snprintf(cpu, sizeof cpu, "%d", c.cpu);
            for (size_t m = 0; m < 8; ++m)
                w.sample({ { "cpu", QByteArrayView(cpu, n) }, { "mode", CpuModes[m] } }, c.jiffies[m] / UserHz);
        }
    }
    gauge(w, "node_load1", "1m load average.", p.load1);
    gauge(w, "node_load5", "5m load average.", p.load5);
    gauge(w, "node_load15", "15m load average.", p.load15);
    gauge(w, "node_memory_Buffers_bytes", "Memory information field Buffers_bytes.", p.buffersBytes);
    gauge(w, "node_memory_Cached_bytes", "Memory information field Cached_bytes.", p.cachedBytes);
    gauge(w, "node_memory_MemAvailable_bytes", "Memory information field MemAvailable_bytes.", p.memAvailableBytes);
    gauge(w, "node_memory_MemFree_bytes", "Memory information field MemFree_bytes.", p.memFreeBytes);
    gauge(w, "node_memory_MemTotal_bytes", "Memory information field MemTotal_bytes.", p.memTotalBytes);
    gauge(w, "node_memory_SwapFree_bytes", "Memory information field SwapFree_bytes.", p.swapFreeBytes);
    gauge(w, "node_memory_SwapTotal_bytes", "Memory information field SwapTotal_bytes.", p.swapTotalBytes);
    if (!p.interfaces.isEmpty()) {
        w.beginFamily("node_network_receive_bytes_total", Type::Counter, "Network device statistic receive_bytes.");
        for (const InterfaceCounters& i : p.interfaces)
            w.sample({ { "device", i.device } }, i.receiveBytes);
        w.beginFamily("node_network_transmit_bytes_total", Type::Counter, "Network device statistic transmit_bytes.");
        for (const InterfaceCounters& i : p.interfaces)
            w.sample({ { "device", i.device } }, i.transmitBytes);
    }
    bool anyDisk = false;
    for (const DiskCounters& d : p.disks)
        anyDisk = anyDisk || Procfs::isWholeDisk(d.device);
    if (anyDisk) {
        w.beginFamily("node_disk_read_bytes_total", Type::Counter, "The total number of bytes read successfully.");
        for (const DiskCounters& d : p.disks) {
            if (Procfs::isWholeDisk(d.device))
                w.sample({ { "device", d.device } }, d.readBytes);
        }
        w.beginFamily(
            "node_disk_written_bytes_total", Type::Counter, "The total number of bytes written successfully.");
        for (const DiskCounters& d : p.disks) {
            if (Procfs::isWholeDisk(d.device))
                w.sample({ { "device", d.device } }, d.writtenBytes);
        }
    }
    gauge(w, "node_time_seconds", "System time in seconds since epoch (1970).", double(p.timestampMs) / 1000.0);

    const Protocol::NodeInventory& inv = view.inventory;
    const QByteArray id = inv.nodeId.toUtf8(), host = inv.hostname.toUtf8(), region = inv.region.toUtf8(),
                     pool = inv.pool.toUtf8(), rack = inv.rack.toUtf8(), boot = inv.bootId.toUtf8();
    w.beginFamily("meridian_node_info", Type::Gauge, "Placement of this node in the fleet; value is always 1.");
    w.sample({ { "node_id", id }, { "hostname", host }, { "region", region }, { "pool", pool }, { "rack", rack },
                 { "boot_id", boot } },
        1);
}

// The chips of one exporter dialect, with the values that dialect carries.
QList<Exporter::ChipRow> chipRows(const ScrapeView& view, Exporter::Dialect dialect)
{
    using enum Exporter::ChipField;
    QList<Exporter::ChipRow> rows;
    const QByteArray hostname = view.inventory.hostname.toUtf8();
    for (const AcceleratorReading& r : view.accelerators) {
        const bool huawei = r.vendor == AcceleratorVendor::Huawei;
        if (dialect != (huawei ? Exporter::Dialect::NpuExporter : Exporter::Dialect::DcgmExporter))
            continue;
        Exporter::ChipRow row;
        row.index = r.deviceId.toUtf8();
        row.model = (dialect == Exporter::Dialect::DcgmExporter ? r.rawName : r.info.model).toUtf8();
        row.uuid = r.info.uuid.toUtf8();
        row.host = hostname;
        row.bus = r.busId.toUtf8();
        row.job = r.sample.jobId.toUtf8(); // from the job mapping files, as dcgm-exporter's HPC mode reads them
        row.set(Utilization, r.sample.utilization);
        row.set(TemperatureC, r.sample.temperatureC);
        row.set(PowerW, r.sample.powerW);
        row.set(Health, Exporter::healthValue(r.sample.health));
        row.set(r.highBandwidthMemory ? HbmUsedMiB : DdrUsedMiB, r.memoryUsedMiB);
        row.set(r.highBandwidthMemory ? HbmTotalMiB : DdrTotalMiB, r.memoryTotalMiB);
        row.set(MemoryUsedMiB, r.memoryUsedMiB);
        row.set(MemoryFreeMiB, r.memoryTotalMiB - r.memoryUsedMiB);
        row.set(EccSingleBitTotal, r.sample.eccSingleBitTotal);
        row.set(EccDoubleBitTotal, r.sample.eccDoubleBitTotal);
        rows.append(row);
    }
    return rows;
}

void writeAccelerators(Writer& w, const ScrapeView& view)
{
    const QList<Exporter::ChipRow> ascend = chipRows(view, Exporter::Dialect::NpuExporter);
    if (!ascend.isEmpty())
        gauge(w, "machine_npu_nums", "Amount of npu installed on the machine.", double(ascend.size()));
    Exporter::writeChips(w, Exporter::Dialect::NpuExporter, ascend);
    Exporter::writeChips(w, Exporter::Dialect::DcgmExporter, chipRows(view, Exporter::Dialect::DcgmExporter));
}

void writeJobs(Writer& w, const ScrapeView& view)
{
    bool begun = false;
    for (const AcceleratorReading& r : view.accelerators) {
        if (r.sample.jobId.isEmpty())
            continue;
        if (!begun) {
            w.beginFamily("meridian_accelerator_job_info", Type::Gauge,
                "Job placed on an accelerator (from the job mapping directory); value is always 1.");
            begun = true;
        }
        const QByteArray index = QByteArray::number(r.info.index), job = r.sample.jobId.toUtf8(),
                         uuid = r.info.uuid.toUtf8();
        w.sample({ { "accelerator", index }, { "uuid", uuid }, { "job_id", job } }, 1);
    }
}

} // namespace

QByteArray render(const ProcReading& proc, const ScrapeView& view, qint64 startNs)
{
    Writer w;
    writeNode(w, proc, view);
    writeAccelerators(w, view);
    writeJobs(w, view);
    w.beginFamily("meridian_agent_info", Type::Gauge, "meridian-agent build; value is always 1.");
    w.sample({ { "version", MERIDIAN_VERSION } }, 1);
    w.beginFamily("meridian_agent_collections_total", Type::Counter, "Collection ticks since the agent started.");
    w.sample({}, double(view.collections));
    w.beginFamily("meridian_agent_collection_errors_total", Type::Counter,
        "Collection ticks in which an accelerator tool failed.");
    w.sample({}, double(view.collectionErrors));
    w.beginFamily("meridian_agent_history_samples", Type::Gauge, "Ticks held in the history ring buffer.");
    w.sample({}, double(view.historySamples));
    w.beginFamily("meridian_agent_accelerators", Type::Gauge, "Accelerators found by the newest collection.");
    w.sample({}, double(view.accelerators.size()));
    w.beginFamily("meridian_agent_scrape_duration_seconds", Type::Gauge,
        "Time this scrape took to read /proc and render, in seconds.");
    w.sample({}, double(steadyNs() - startNs) / 1e9);
    return w.take();
}

} // namespace Meridian::Agent::MetricsExposition
