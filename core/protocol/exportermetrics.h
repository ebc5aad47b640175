// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The vendor exporters' accelerator metrics, once: which family carries which
// per-chip value, under which name, type, help text and labels. Both agents
// write their /metrics from this table, and the console reads exporter-named
// counters (the fault rules, a Prometheus source) through it, so a name can
// never drift between the side that writes it and the side that reads it.
// Names and units follow the exporters themselves (docs/faults.md, "Counters").

#include "core/protocol/prometheustext.h"
#include "core/protocol/protocoltypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <span>

namespace Meridian::Protocol::Exporter {

// The exporter whose names a family uses.
enum class Dialect : quint8 {
    NpuExporter, ///< Huawei Ascend npu-exporter (MindCluster)
    DcgmExporter, ///< NVIDIA dcgm-exporter
    Meridian, ///< vendors without a de-facto exporter: Meridian's own names
};

// The per-chip value a family carries, in the unit of its exporter.
enum class ChipField : quint8 {
    Utilization, ///< percent
    TemperatureC,
    PowerW,
    HbmUsedMiB, ///< on-chip high-bandwidth memory in use (npu-exporter: MB)
    HbmTotalMiB,
    DdrUsedMiB, ///< Ascend inference cards without HBM (npu-exporter: MB)
    DdrTotalMiB,
    MemoryUsedMiB, ///< dcgm-exporter framebuffer
    MemoryFreeMiB,
    MemoryUsedBytes, ///< Meridian's names carry bytes
    MemoryTotalBytes,
    EccSingleBitTotal, ///< lifetime correctable errors
    EccDoubleBitTotal, ///< lifetime uncorrectable errors
    Health, ///< 1 healthy, 0 unhealthy, -1 unknown
};
inline constexpr int ChipFieldCount = int(ChipField::Health) + 1;

struct ChipMetric
{
    Dialect dialect;
    ChipField field;
    const char* name;
    Prometheus::Writer::Type type;
    const char* help;
};

// The label names a dialect puts on every chip's sample. `host` and `bus` are
// null where the exporter does not label them.
struct ChipLabelNames
{
    const char* index;
    const char* model;
    const char* uuid;
    const char* host;
    const char* bus;
    const char* vendor; ///< Meridian's names: which vendor's chip, for a reader that sees only the text
    // Who holds the chip: dcgm-exporter's HPC mode `hpc_job`, npu-exporter's `pod_name`, Meridian's `job_id`
    // (absent on a free chip, as the exporters leave it).
    const char* job;
};

std::span<const ChipMetric> chipMetrics();
const ChipMetric* chipMetric(Dialect dialect, ChipField field); ///< null if the dialect has no such family
ChipLabelNames labelNames(Dialect dialect);
Dialect dialectOf(QStringView vendor); ///< "huawei", "nvidia", anything else

// One chip as an agent knows it; values are Missing where the agent has none.
struct ChipRow
{
    QByteArray index, model, uuid, host, bus, vendor, job;
    std::array<double, ChipFieldCount> values;

    ChipRow() { values.fill(Missing); }
    void set(ChipField field, double value) { values[size_t(field)] = value; }
};

// Writes every family of the dialect over the chips, in the table's order; a
// family no chip has a value for is left out, as the exporters do.
void writeChips(Prometheus::Writer& writer, Dialect dialect, std::span<const ChipRow> chips);

// The one mapping from the model's health to the exporters' health gauge: a
// warning still serves work (the device plugin keeps it schedulable).
double healthValue(AcceleratorHealth health);

} // namespace Meridian::Protocol::Exporter
