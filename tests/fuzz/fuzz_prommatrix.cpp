// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer: the Prometheus /api/v1/query_range matrix decoder and the mapping of a chunk's matrices into samples
// behind it (history, promhistory.h), with small caps so that the limits are reached too. Seed corpus:
// corpus/prommatrix (range answers recorded from Prometheus 2.42 over promtool-backfilled history, hostile
// shapes) and corpus/promvector (instant answers: the wrong result type).

#include "core/sources/prometheus/promhistory.h"
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
    const MatrixAnswer a = VectorDecoder::decodeMatrix(statuses[selector % 4], body, wanted);
    if (a.ok() && !a.matrix.series.isEmpty() && !a.matrix.series.first().timesMs.isEmpty()) {
        // A chunk around the first series' samples, at most 64 instants.
        const Query query = pollQueries().at((selector / 4) % pollQueries().size()).query;
        const qint64 step = 1000 * (1 + selector % 60);
        const qint64 start = a.matrix.series.first().timesMs.first();
        historySamples({ { query, a.matrix } }, topology, { start, start + 63 * step, step });
    }
    Limits tight;
    tight.maxSeries = 4;
    tight.maxStringLength = 32;
    tight.maxLabelsPerSeries = 4;
    tight.maxWarnings = 2;
    tight.maxDepth = 4;
    tight.maxPoints = 16;
    VectorDecoder::decodeMatrix(200, body, wanted, tight);
    return 0;
}
