// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/exportermetrics.h"

namespace Meridian::Protocol::Exporter {
namespace {

using Type = Prometheus::Writer::Type;
using enum Dialect;
using enum ChipField;

// npu-exporter names its lifetime ECC totals as gauges; dcgm-exporter's aggregate totals are counters.
constexpr ChipMetric Table[] = {
    { NpuExporter, Health, "npu_chip_info_health_status", Type::Gauge,
        "the npu health status: 1 healthy, 0 unhealthy, -1 unknown" },
    { NpuExporter, Utilization, "npu_chip_info_utilization", Type::Gauge, "the ai core utilization" },
    { NpuExporter, TemperatureC, "npu_chip_info_temperature", Type::Gauge, "the npu temperature" },
    { NpuExporter, PowerW, "npu_chip_info_power", Type::Gauge, "the npu power" },
    { NpuExporter, HbmUsedMiB, "npu_chip_info_hbm_used_memory", Type::Gauge, "the npu hbm used memory (MB)" },
    { NpuExporter, HbmTotalMiB, "npu_chip_info_hbm_total_memory", Type::Gauge, "the npu hbm total memory (MB)" },
    { NpuExporter, DdrUsedMiB, "npu_chip_info_used_memory", Type::Gauge, "the npu used memory (MB)" },
    { NpuExporter, DdrTotalMiB, "npu_chip_info_total_memory", Type::Gauge, "the npu total memory (MB)" },
    { NpuExporter, EccSingleBitTotal, "npu_chip_info_hbm_ecc_total_single_bit_error_cnt", Type::Gauge,
        "the npu hbm total single bit error count" },
    { NpuExporter, EccDoubleBitTotal, "npu_chip_info_hbm_ecc_total_double_bit_error_cnt", Type::Gauge,
        "the npu hbm total double bit error count" },

    { DcgmExporter, Utilization, "DCGM_FI_DEV_GPU_UTIL", Type::Gauge, "GPU utilization (in %)." },
    { DcgmExporter, TemperatureC, "DCGM_FI_DEV_GPU_TEMP", Type::Gauge, "GPU temperature (in C)." },
    { DcgmExporter, PowerW, "DCGM_FI_DEV_POWER_USAGE", Type::Gauge, "Power draw (in W)." },
    { DcgmExporter, MemoryUsedMiB, "DCGM_FI_DEV_FB_USED", Type::Gauge, "Framebuffer memory used (in MiB)." },
    { DcgmExporter, MemoryFreeMiB, "DCGM_FI_DEV_FB_FREE", Type::Gauge, "Framebuffer memory free (in MiB)." },
    { DcgmExporter, EccSingleBitTotal, "DCGM_FI_DEV_ECC_SBE_AGG_TOTAL", Type::Counter,
        "Total number of single-bit persistent ECC errors." },
    { DcgmExporter, EccDoubleBitTotal, "DCGM_FI_DEV_ECC_DBE_AGG_TOTAL", Type::Counter,
        "Total number of double-bit persistent ECC errors." },

    { Meridian, Utilization, "meridian_accelerator_utilization_percent", Type::Gauge, "Accelerator busy percentage." },
    { Meridian, TemperatureC, "meridian_accelerator_temperature_celsius", Type::Gauge, "Accelerator temperature." },
    { Meridian, PowerW, "meridian_accelerator_power_watts", Type::Gauge, "Accelerator power draw." },
    { Meridian, MemoryUsedBytes, "meridian_accelerator_memory_used_bytes", Type::Gauge, "Accelerator memory in use." },
    { Meridian, Health, "meridian_accelerator_health", Type::Gauge, "1 healthy or warning, 0 faulty, -1 unknown." },
    { Meridian, MemoryTotalBytes, "meridian_accelerator_memory_total_bytes", Type::Gauge, "Accelerator memory size." },
};

} // namespace

std::span<const ChipMetric> chipMetrics()
{
    return Table;
}

const ChipMetric* chipMetric(Dialect dialect, ChipField field)
{
    for (const ChipMetric& m : Table) {
        if (m.dialect == dialect && m.field == field)
            return &m;
    }
    return nullptr;
}

ChipLabelNames labelNames(Dialect dialect)
{
    switch (dialect) {
    case NpuExporter:
        return { "id", "model_name", "vdie_id", nullptr, "pcie_bus_info", nullptr, "pod_name" };
    case DcgmExporter:
        return { "gpu", "modelName", "UUID", "Hostname", nullptr, nullptr, "hpc_job" };
    case Meridian:
        break;
    }
    return { "index", "model", "uuid", nullptr, nullptr, "vendor", "job_id" };
}

Dialect dialectOf(QStringView vendor)
{
    if (vendor == QLatin1String("huawei"))
        return NpuExporter;
    if (vendor == QLatin1String("nvidia"))
        return DcgmExporter;
    return Meridian;
}

void writeChips(Prometheus::Writer& writer, Dialect dialect, std::span<const ChipRow> chips)
{
    const ChipLabelNames names = labelNames(dialect);
    const std::pair<const char*, QByteArray ChipRow::*> labelOf[] = { { names.index, &ChipRow::index },
        { names.model, &ChipRow::model }, { names.uuid, &ChipRow::uuid }, { names.host, &ChipRow::host },
        { names.bus, &ChipRow::bus }, { names.vendor, &ChipRow::vendor }, { names.job, &ChipRow::job } };
    QList<Prometheus::Label> labels;
    for (const ChipMetric& m : Table) {
        if (m.dialect != dialect)
            continue;
        bool begun = false;
        for (const ChipRow& chip : chips) {
            const double v = chip.values[size_t(m.field)];
            if (isMissing(v))
                continue;
            if (!begun) {
                writer.beginFamily(m.name, m.type, m.help);
                begun = true;
            }
            labels.clear();
            for (const auto& [name, member] : labelOf) {
                if (name && !(chip.*member).isEmpty())
                    labels.append({ name, chip.*member });
            }
            writer.sample(labels, v);
        }
    }
}

double healthValue(AcceleratorHealth health)
{
    switch (health) {
    case AcceleratorHealth::Healthy:
    case AcceleratorHealth::Warning:
        return 1;
    case AcceleratorHealth::Faulty:
        return 0;
    case AcceleratorHealth::Unknown:
        break;
    }
    return -1;
}

} // namespace Meridian::Protocol::Exporter
