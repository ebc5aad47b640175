// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Renders /metrics: node_exporter-compatible node families read from /proc at
// scrape time, accelerator families under the vendors' exporter names
// (npu-exporter's npu_chip_info_*, dcgm-exporter's DCGM_FI_DEV_*) from the
// newest collection, and the agent's own meridian_agent_* metrics.

#include "agent/node/agentstate.h"
#include "agent/node/procfscollector.h"

#include <QByteArray>

namespace Meridian::Agent::MetricsExposition {

// startNs: steady-clock time the scrape began, for meridian_agent_scrape_duration_seconds.
QByteArray render(const ProcReading& proc, const ScrapeView& view, qint64 startNs);

} // namespace Meridian::Agent::MetricsExposition
