// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the exporter web-config reader (the basic-auth header check is left out:
// an unknown user costs a deliberate bcrypt round, which would starve the fuzzer).

#include "agent/common/webconfig.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Agent;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    WebConfig config;
    QString error;
    WebConfig::parse(text, QStringLiteral("/etc/meridian-agent"), &config, &error);
    return 0;
}
