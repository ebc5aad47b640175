// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the npu-smi table parser and the nvidia-smi CSV parser, on the same bytes.

#include "agent/node/npusmiparser.h"
#include "agent/node/nvidiasmiparser.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    NpuSmi::parse(text);
    NvidiaSmi::parse(text);
    return 0;
}
