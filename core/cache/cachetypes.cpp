// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cachetypes.h"

namespace Meridian {

QString metricName(NodeMetric metric)
{
    switch (metric) {
    case NodeMetric::CpuUtilization:
        return QStringLiteral("cpu_utilization");
    case NodeMetric::MemoryUsedBytes:
        return QStringLiteral("memory_used_bytes");
    case NodeMetric::MemoryTotalBytes:
        return QStringLiteral("memory_total_bytes");
    case NodeMetric::Load1:
        return QStringLiteral("load1");
    case NodeMetric::NetRxBytesPerSecond:
        return QStringLiteral("net_rx_bytes_per_second");
    case NodeMetric::NetTxBytesPerSecond:
        return QStringLiteral("net_tx_bytes_per_second");
    case NodeMetric::DiskReadBytesPerSecond:
        return QStringLiteral("disk_read_bytes_per_second");
    case NodeMetric::DiskWriteBytesPerSecond:
        return QStringLiteral("disk_write_bytes_per_second");
    }
    return {};
}

QString metricName(AcceleratorMetric metric)
{
    switch (metric) {
    case AcceleratorMetric::Utilization:
        return QStringLiteral("utilization");
    case AcceleratorMetric::MemoryUsedBytes:
        return QStringLiteral("memory_used_bytes");
    case AcceleratorMetric::TemperatureC:
        return QStringLiteral("temperature_celsius");
    case AcceleratorMetric::PowerW:
        return QStringLiteral("power_watts");
    case AcceleratorMetric::EccSingleBitTotal:
        return QStringLiteral("ecc_single_bit_total");
    case AcceleratorMetric::EccDoubleBitTotal:
        return QStringLiteral("ecc_double_bit_total");
    case AcceleratorMetric::Health:
        return QStringLiteral("health");
    }
    return {};
}

} // namespace Meridian
