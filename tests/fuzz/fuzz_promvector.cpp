// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the Prometheus /api/v1/query vector decoder and the series → node mapping behind it, with small
// caps so that the limits are reached too. Seed corpus: corpus/promvector (answers recorded from Prometheus
// 2.42 scraping meridian-fleetsim, its error bodies, and the shapes of tests/fixtures/prometheus as vectors).

#include "core/sources/prometheus/promfleet.h"
#include "core/sources/prometheus/promvector.h"

#include <cstddef>
#include <cstdint>

using namespace Meridian::Prometheus;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    static const int statuses[] = { 200, 400, 401, 503 };
    const quint8 selector = size > 0 ? data[size - 1] : 0;
    const TopologyLabels topology;
    const QStringList wanted = wantedLabels(topology);
    const VectorAnswer a = VectorDecoder::decode(statuses[selector % 4], body, wanted);
    if (a.ok()) {
        const Query query = pollQueries().at((selector / 4) % pollQueries().size()).query;
        assembleNodes({ { query, a.vector } }, topology, 1);
    }
    Limits tight;
    tight.maxSeries = 4;
    tight.maxStringLength = 32;
    tight.maxLabelsPerSeries = 4;
    tight.maxWarnings = 2;
    tight.maxDepth = 4;
    VectorDecoder::decode(200, body, wanted, tight);
    return 0;
}
