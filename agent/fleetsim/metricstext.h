// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// /metrics of a simulated node: Prometheus text 0.0.4 under the vendors' own
// metric names (npu-exporter for Ascend, dcgm-exporter for NVIDIA) and
// node_exporter names for the host, so existing dashboards read it unchanged.

#include "core/protocol/protocoltypes.h"

#include <QByteArray>

namespace Meridian::Sim {

QByteArray metricsText(const Protocol::NodeInventory& inventory, const Protocol::Snapshot& snapshot);

} // namespace Meridian::Sim
