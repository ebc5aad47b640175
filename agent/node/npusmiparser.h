// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Parses the table that `npu-smi info` prints (Ascend 910/910B/910C with HBM
// columns, Ascend 310/310P with DDR "Memory-Usage" only). Fixtures of real
// output live in tests/fixtures/npu-smi/.

#include "agent/node/acceleratorreading.h"

#include <QByteArrayView>

namespace Meridian::Agent::NpuSmi {

ParseOutcome parse(QByteArrayView text);

} // namespace Meridian::Agent::NpuSmi
