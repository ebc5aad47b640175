// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the Slurm decoder (every answer type of every API version), hostlists and GRES, with small caps so
// that the limits are reached too. Seed corpus: tests/fixtures/slurm (recorded and schema-written answers).

#include "core/sources/slurm/hostlist.h"
#include "core/sources/slurm/slurmdecode.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Slurm;

namespace {

void decodeAll(ApiVersion version, int status, const QByteArray& body, const Limits& limits)
{
    decodeNodes(version, status, body, limits);
    decodePartitions(version, status, body, limits);
    decodeJobs(version, status, body, limits);
    decodeJob(version, 1, status, body, limits);
    decodeSlurmdbJobs(version, status, body, limits);
    decodeActionReply(version, status, body, limits);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    static const int statuses[] = { 200, 500, 401, 404 };
    // The fixtures start with '{': their first byte picks version v0.0.41 and status 200 like any other byte.
    const quint8 selector = size > 0 ? data[size - 1] : 0;
    const ApiVersion version = supportedVersions().at(selector % 4);
    const int status = statuses[(selector / 4) % 4];
    decodeAll(version, status, body, Limits());
    Limits tight;
    tight.maxItems = 4;
    tight.maxHostlistNames = 64;
    tight.maxStringLength = 32;
    tight.maxListItems = 4;
    decodeAll(version, status, body, tight);
    decodeDiscovery(status, body, tight);
    versionFromAnswer(body);
    const QString text = QString::fromUtf8(body.left(4096));
    const HostlistExpansion names = expandHostlist(text, 4096);
    if (names.ok())
        compressHostlist(names.names);
    parseGres(text);
    parseTresGres(text);
    return 0;
}
