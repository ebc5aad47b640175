// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parses `nvidia-smi --query-gpu=<QueryFields> --format=csv,noheader,nounits`.
// "[N/A]", "[Not Supported]" and friends mean "no data" (missing), never 0.

#include "agent/node/acceleratorreading.h"

#include <QByteArrayView>
#include <QStringList>

namespace Meridian::Agent::NvidiaSmi {

inline constexpr const char* QueryFields = "index,uuid,name,memory.total,memory.used,utilization.gpu,temperature.gpu,"
                                           "power.draw,ecc.errors.corrected.aggregate.total,"
                                           "ecc.errors.uncorrected.aggregate.total";

QStringList arguments();
ParseOutcome parse(QByteArrayView text);

} // namespace Meridian::Agent::NvidiaSmi
