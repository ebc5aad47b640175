// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the strict Prometheus 0.0.4 text parser, with small caps so that limits are reached too.

#include "core/protocol/prometheustext.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    Prometheus::parse(text);
    Prometheus::ParseLimits tight;
    tight.maxLineBytes = 256;
    tight.maxLabelsPerSample = 4;
    tight.maxLabelNameBytes = 16;
    tight.maxLabelValueBytes = 32;
    tight.maxSamples = 16;
    Prometheus::parse(text, tight);
    return 0;
}
