// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/metricsexposition.h"

#include "core/protocol/prometheustext.h"

#include <chrono>

namespace Meridian::Agent::MetricsExposition {
namespace {

using Protocol::Prometheus::Label;
using Protocol::Prometheus::Writer;
using Type = Writer::Type;

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

// One family over every accelerator of a vendor; skipped when no chip has the value.
template <typename Value, typename Labels>
void family(Writer& w, const QList<AcceleratorReading>& readings, AcceleratorVendor vendor, const char* name, Type type,
    const char* help, Value value, Labels labels)
{
    bool begun = false;
    for (const AcceleratorReading& r : readings) {
        if (r.vendor != vendor)
            continue;
        const double v = value(r);
        if (Protocol::isMissing(v))
            continue;
        if (!begun) {
            w.beginFamily(name, type, help);
            begun = true;
        }
        labels(r, v);
    }
}

void writeAscend(Writer& w, const ScrapeView& view)
{
    const auto& acc = view.accelerators;
    int count = 0;
    for (const AcceleratorReading& r : acc)
        count += r.vendor == AcceleratorVendor::Huawei ? 1 : 0;
    if (count == 0)
        return;
    gauge(w, "machine_npu_nums", "Amount of npu installed on the machine.", count);
    auto labels = [&w](const AcceleratorReading& r, double v) {
        const QByteArray id = r.deviceId.toUtf8(), model = r.info.model.toUtf8(), vdie = r.info.uuid.toUtf8(),
                         bus = r.busId.toUtf8();
        w.sample({ { "id", id }, { "model_name", model }, { "vdie_id", vdie }, { "pcie_bus_info", bus } }, v);
    };
    using R = const AcceleratorReading&;
    using Protocol::AcceleratorHealth;
    const auto h = Type::Gauge;
    const auto V = AcceleratorVendor::Huawei;
    family(
        w, acc, V, "npu_chip_info_health_status", h, "the npu health status: 1 healthy, 0 unhealthy, -1 unknown",
        [](R r) {
            return r.sample.health == AcceleratorHealth::Healthy ? 1.0
                : r.sample.health == AcceleratorHealth::Unknown  ? -1.0
                                                                 : 0.0;
        },
        labels);
    family(
        w, acc, V, "npu_chip_info_utilization", h, "the ai core utilization", [](R r) { return r.sample.utilization; },
        labels);
    family(
        w, acc, V, "npu_chip_info_temperature", h, "the npu temperature", [](R r) { return r.sample.temperatureC; },
        labels);
    family(
        w, acc, V, "npu_chip_info_power", h, "the npu power", [](R r) { return r.sample.powerW; }, labels);
    auto hbm = [](R r, double v) { return r.highBandwidthMemory ? v : Protocol::Missing; };
    auto ddr = [](R r, double v) { return r.highBandwidthMemory ? Protocol::Missing : v; };
    family(
        w, acc, V, "npu_chip_info_hbm_used_memory", h, "the npu hbm used memory (MB)",
        [&](R r) { return hbm(r, r.memoryUsedMiB); }, labels);
    family(
        w, acc, V, "npu_chip_info_hbm_total_memory", h, "the npu hbm total memory (MB)",
        [&](R r) { return hbm(r, r.memoryTotalMiB); }, labels);
    family(
        w, acc, V, "npu_chip_info_used_memory", h, "the npu used memory (MB)",
        [&](R r) { return ddr(r, r.memoryUsedMiB); }, labels);
    family(
        w, acc, V, "npu_chip_info_total_memory", h, "the npu total memory (MB)",
        [&](R r) { return ddr(r, r.memoryTotalMiB); }, labels);
    family(
        w, acc, V, "npu_chip_info_hbm_ecc_total_single_bit_error_cnt", h, "the npu hbm total single bit error count",
        [](R r) { return r.sample.eccSingleBitTotal; }, labels);
    family(
        w, acc, V, "npu_chip_info_hbm_ecc_total_double_bit_error_cnt", h, "the npu hbm total double bit error count",
        [](R r) { return r.sample.eccDoubleBitTotal; }, labels);
}

void writeNvidia(Writer& w, const ScrapeView& view)
{
    const QByteArray hostname = view.inventory.hostname.toUtf8();
    auto labels = [&w, &hostname](const AcceleratorReading& r, double v) {
        const QByteArray gpu = r.deviceId.toUtf8(), uuid = r.info.uuid.toUtf8(), model = r.rawName.toUtf8();
        w.sample({ { "gpu", gpu }, { "UUID", uuid }, { "modelName", model }, { "Hostname", hostname } }, v);
    };
    using R = const AcceleratorReading&;
    const auto& acc = view.accelerators;
    const auto V = AcceleratorVendor::Nvidia;
    family(
        w, acc, V, "DCGM_FI_DEV_GPU_UTIL", Type::Gauge, "GPU utilization (in %).",
        [](R r) { return r.sample.utilization; }, labels);
    family(
        w, acc, V, "DCGM_FI_DEV_GPU_TEMP", Type::Gauge, "GPU temperature (in C).",
        [](R r) { return r.sample.temperatureC; }, labels);
    family(
        w, acc, V, "DCGM_FI_DEV_POWER_USAGE", Type::Gauge, "Power draw (in W).", [](R r) { return r.sample.powerW; },
        labels);
    family(
        w, acc, V, "DCGM_FI_DEV_FB_USED", Type::Gauge, "Framebuffer memory used (in MiB).",
        [](R r) { return r.memoryUsedMiB; }, labels);
    family(
        w, acc, V, "DCGM_FI_DEV_FB_FREE", Type::Gauge, "Framebuffer memory free (in MiB).",
        [](R r) { return r.memoryTotalMiB - r.memoryUsedMiB; }, labels);
    family(
        w, acc, V, "DCGM_FI_DEV_ECC_SBE_AGG_TOTAL", Type::Counter, "Total number of single-bit persistent ECC errors.",
        [](R r) { return r.sample.eccSingleBitTotal; }, labels);
    family(
        w, acc, V, "DCGM_FI_DEV_ECC_DBE_AGG_TOTAL", Type::Counter, "Total number of double-bit persistent ECC errors.",
        [](R r) { return r.sample.eccDoubleBitTotal; }, labels);
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
    writeAscend(w, view);
    writeNvidia(w, view);
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
