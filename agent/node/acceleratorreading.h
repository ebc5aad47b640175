// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What one accelerator tool run says about one chip: its identity (inventory)
// and its current values (sample), plus the vendor details /metrics labels need.

#include "core/protocol/protocoltypes.h"

#include <QList>
#include <QString>

namespace Meridian::Agent {

enum class AcceleratorVendor : quint8 { Huawei, Nvidia };

struct AcceleratorReading
{
    AcceleratorVendor vendor = AcceleratorVendor::Huawei;
    Protocol::AcceleratorInfo info; ///< index is the position in the tool's output, 0…n-1
    Protocol::AcceleratorSample sample;
    QString deviceId; ///< the tool's own id: NPU ID (Ascend), GPU index (NVIDIA)
    QString chipId; ///< Ascend: chip within the card
    QString busId; ///< PCIe bus id
    QString rawName; ///< the tool's product name ("910B3", "NVIDIA H800")
    double memoryTotalMiB = Protocol::Missing;
    double memoryUsedMiB = Protocol::Missing;
    bool highBandwidthMemory = true; ///< Ascend 310 cards report DDR, not HBM
};

struct ParseOutcome
{
    bool ok = false;
    QString error; ///< "line 9: expected 3 cells"
    QList<AcceleratorReading> accelerators;
};

} // namespace Meridian::Agent
