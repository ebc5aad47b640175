// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// History from Prometheus' range queries (/api/v1/query_range): which time range one request asks for, and how
// the matrices of one such chunk become the same samples a poll round makes. Pure functions, no network.
//
// A gap in the cache's history is read in chunks on one step grid (multiples of the step since the epoch, so
// that every chunk and every session asks for the same instants). A chunk holds at most maxPointsPerSeries
// points per series (Prometheus refuses more than 11,000) and about pointsPerQuery points per query in all (the
// series of the largest poll-round answer times the points: a bound on the answer's size, ~25 bytes of JSON a point).
// Each instant of a chunk is mapped exactly as a poll round is (assembleNodes over the matrices' values at that
// instant), so history and live values mean the same thing; a node whose targets were all down at an instant
// has no sample there, as in a poll round.

#include "core/protocol/protocoltypes.h"
#include "core/sources/prometheus/promfleet.h"
#include "core/sources/prometheus/promvector.h"

#include <QList>
#include <QString>

namespace Meridian::Prometheus {

struct HistoryOptions
{
    qint64 stepMs = 60000; ///< one sample per node per minute: the cache's capacity rollups count minutes
    qint64 horizonMs = qint64(48) * 3600 * 1000; ///< how far back a new source reads (the cache's raw retention)
    qsizetype maxPointsPerSeries = 11000; ///< Prometheus' limit per series and query
    qsizetype pointsPerQuery = 2000000; ///< series × points of one answer (≈ 50 MB of JSON)
};

struct HistoryChunk
{
    qint64 startMs = 0; ///< first instant asked (on the step grid)
    qint64 endMs = -1; ///< last instant asked (on the grid), ≥ startMs when there is anything to ask
    qint64 stepMs = 0;
    bool isEmpty() const { return endMs < startMs; }
    qsizetype points() const { return isEmpty() ? 0 : (endMs - startMs) / stepMs + 1; }
};

// The next chunk after `haveMs` (the newest instant already cached; its grid point is not asked again) up to
// `nowMs`, never further back than the horizon. Empty when the cache is up to date on the grid.
HistoryChunk nextChunk(qint64 haveMs, qint64 nowMs, qsizetype seriesEstimate, const HistoryOptions& options);

// The samples of one chunk, per instant ascending and per node within it (so ascending per node), with seq and
// time = the instant; `answers` are the chunk's matrices in pollQueries() order (a failed query's empty).
QList<std::pair<QString, Protocol::Sample>> historySamples(const QList<std::pair<Query, Matrix>>& answers,
    const TopologyLabels& labels, const HistoryChunk& chunk, int* nodesSeen = nullptr);

} // namespace Meridian::Prometheus
