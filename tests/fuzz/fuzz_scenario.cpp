// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the fleet simulator's scenario reader (JSON with ranges and references).

#include "agent/fleetsim/scenario.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Sim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    Scenario scenario;
    QString error;
    if (parseScenario(json, &scenario, &error))
        scaleScenario(&scenario, 64);
    return 0;
}
