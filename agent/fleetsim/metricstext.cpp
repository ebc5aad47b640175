// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/metricstext.h"

#include "core/protocol/prometheustext.h"

namespace Meridian::Sim {
namespace {

using Protocol::Prometheus::Label;
using Protocol::Prometheus::Writer;
using Type = Writer::Type;

constexpr double MiB = 1024.0 * 1024.0;

double healthValue(Protocol::AcceleratorHealth h)
{
    switch (h) {
    case Protocol::AcceleratorHealth::Healthy:
    case Protocol::AcceleratorHealth::Warning:
        return 1;
    case Protocol::AcceleratorHealth::Faulty:
        return 0;
    case Protocol::AcceleratorHealth::Unknown:
        break;
    }
    return -1;
}

struct Chip
{
    QByteArray index, model, uuid, vendor;
    const Protocol::AcceleratorSample* sample;
    double totalMemory;
};

// One family over every chip of a vendor, with that vendor's label names.
template <typename Value>
void family(Writer& w, const QList<Chip>& chips, bool nvidia, const QByteArray& hostname, QByteArrayView name,
    Type type, QByteArrayView help, Value value)
{
    if (chips.isEmpty())
        return;
    w.beginFamily(name, type, help);
    for (const Chip& c : chips) {
        if (nvidia)
            w.sample({ Label("gpu", c.index), Label("UUID", c.uuid), Label("modelName", c.model),
                         Label("Hostname", hostname) },
                value(c));
        else
            w.sample({ Label("id", c.index), Label("model_name", c.model), Label("vdie_id", c.uuid) }, value(c));
    }
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

    QList<Chip> ascend, nvidia, other;
    for (const Protocol::AcceleratorSample& a : s.accelerators) {
        if (a.index < 0 || a.index >= inv.accelerators.size())
            continue;
        const Protocol::AcceleratorInfo& info = inv.accelerators[a.index];
        Chip c { QByteArray::number(a.index), info.model.toUtf8(), info.uuid.toUtf8(), info.vendor.toUtf8(), &a,
            double(info.memoryBytes) };
        if (info.vendor == QLatin1String("huawei"))
            ascend.append(c);
        else if (info.vendor == QLatin1String("nvidia"))
            nvidia.append(c);
        else
            other.append(c);
    }

    family(w, ascend, false, hostname, "npu_chip_info_utilization", Type::Gauge, "the ai core utilization",
        [](const Chip& c) { return c.sample->utilization; });
    family(w, ascend, false, hostname, "npu_chip_info_temperature", Type::Gauge, "the npu temperature",
        [](const Chip& c) { return c.sample->temperatureC; });
    family(w, ascend, false, hostname, "npu_chip_info_power", Type::Gauge, "the npu power",
        [](const Chip& c) { return c.sample->powerW; });
    family(w, ascend, false, hostname, "npu_chip_info_health_status", Type::Gauge, "the npu health status",
        [](const Chip& c) { return healthValue(c.sample->health); });
    family(w, ascend, false, hostname, "npu_chip_info_hbm_used_memory", Type::Gauge, "the npu hbm used memory (MB)",
        [](const Chip& c) { return c.sample->memoryUsedBytes / MiB; });
    family(w, ascend, false, hostname, "npu_chip_info_hbm_total_memory", Type::Gauge, "the npu hbm total memory (MB)",
        [](const Chip& c) { return c.totalMemory / MiB; });
    family(w, ascend, false, hostname, "npu_chip_info_hbm_ecc_total_single_bit_error_cnt", Type::Gauge,
        "the npu hbm lifetime single-bit ECC errors", [](const Chip& c) { return c.sample->eccSingleBitTotal; });
    family(w, ascend, false, hostname, "npu_chip_info_hbm_ecc_total_double_bit_error_cnt", Type::Gauge,
        "the npu hbm lifetime double-bit ECC errors", [](const Chip& c) { return c.sample->eccDoubleBitTotal; });

    family(w, nvidia, true, hostname, "DCGM_FI_DEV_GPU_UTIL", Type::Gauge, "GPU utilization (in %).",
        [](const Chip& c) { return c.sample->utilization; });
    family(w, nvidia, true, hostname, "DCGM_FI_DEV_GPU_TEMP", Type::Gauge, "GPU temperature (in C).",
        [](const Chip& c) { return c.sample->temperatureC; });
    family(w, nvidia, true, hostname, "DCGM_FI_DEV_POWER_USAGE", Type::Gauge, "Power draw (in W).",
        [](const Chip& c) { return c.sample->powerW; });
    family(w, nvidia, true, hostname, "DCGM_FI_DEV_FB_USED", Type::Gauge, "Framebuffer memory used (in MiB).",
        [](const Chip& c) { return c.sample->memoryUsedBytes / MiB; });
    family(w, nvidia, true, hostname, "DCGM_FI_DEV_FB_FREE", Type::Gauge, "Framebuffer memory free (in MiB).",
        [](const Chip& c) { return (c.totalMemory - c.sample->memoryUsedBytes) / MiB; });
    family(w, nvidia, true, hostname, "DCGM_FI_DEV_ECC_SBE_AGG_TOTAL", Type::Counter,
        "Total number of single-bit persistent ECC errors.", [](const Chip& c) { return c.sample->eccSingleBitTotal; });
    family(w, nvidia, true, hostname, "DCGM_FI_DEV_ECC_DBE_AGG_TOTAL", Type::Counter,
        "Total number of double-bit persistent ECC errors.", [](const Chip& c) { return c.sample->eccDoubleBitTotal; });

    // Vendors without a de-facto exporter standard: Meridian's own names.
    auto generic = [&](QByteArrayView name, QByteArrayView help, auto value) {
        if (other.isEmpty())
            return;
        w.beginFamily(name, Type::Gauge, help);
        for (const Chip& c : other)
            w.sample(
                { Label("index", c.index), Label("model", c.model), Label("uuid", c.uuid), Label("vendor", c.vendor) },
                value(c));
    };
    generic("meridian_accelerator_utilization_percent", "Accelerator busy percentage.",
        [](const Chip& c) { return c.sample->utilization; });
    generic("meridian_accelerator_temperature_celsius", "Accelerator temperature.",
        [](const Chip& c) { return c.sample->temperatureC; });
    generic(
        "meridian_accelerator_power_watts", "Accelerator power draw.", [](const Chip& c) { return c.sample->powerW; });
    generic("meridian_accelerator_memory_used_bytes", "Accelerator memory in use.",
        [](const Chip& c) { return c.sample->memoryUsedBytes; });
    generic("meridian_accelerator_health", "1 healthy or warning, 0 faulty, -1 unknown.",
        [](const Chip& c) { return healthValue(c.sample->health); });
    generic("meridian_accelerator_memory_total_bytes", "Accelerator memory size.",
        [](const Chip& c) { return c.totalMemory; });
    return w.take();
}

} // namespace Meridian::Sim
