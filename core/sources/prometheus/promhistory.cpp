// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/prometheus/promhistory.h"

#include <QSet>

#include <algorithm>

namespace Meridian::Prometheus {
namespace {

qint64 floorToStep(qint64 ms, qint64 step)
{
    return ms >= 0 ? ms / step * step : -((-ms + step - 1) / step) * step;
}

} // namespace

HistoryChunk nextChunk(qint64 haveMs, qint64 nowMs, qsizetype seriesEstimate, const HistoryOptions& options)
{
    HistoryChunk chunk;
    chunk.stepMs = std::max<qint64>(1000, options.stepMs);
    const qint64 from = std::max(haveMs, nowMs - options.horizonMs);
    chunk.startMs = floorToStep(from, chunk.stepMs) + chunk.stepMs; // the first grid instant after `from`
    const qsizetype byAnswer = options.pointsPerQuery / std::max<qsizetype>(1, seriesEstimate);
    const qsizetype points = std::clamp<qsizetype>(byAnswer, 1, std::max<qsizetype>(1, options.maxPointsPerSeries));
    chunk.endMs = std::min(chunk.startMs + (points - 1) * chunk.stepMs, floorToStep(nowMs, chunk.stepMs));
    return chunk;
}

QList<std::pair<QString, Protocol::Sample>> historySamples(const QList<std::pair<Query, Matrix>>& answers,
    const TopologyLabels& labels, const HistoryChunk& chunk, int* nodesSeen)
{
    QList<std::pair<QString, Protocol::Sample>> samples;
    QList<QList<qsizetype>> next(answers.size());
    QSet<QString> nodes;
    for (qint64 t = chunk.startMs; !chunk.isEmpty() && t <= chunk.endMs; t += chunk.stepMs) {
        QList<std::pair<Query, Vector>> instant;
        instant.reserve(answers.size());
        for (qsizetype q = 0; q < answers.size(); ++q)
            instant.append({ answers[q].first, sliceAt(answers[q].second, t, &next[q]) });
        QHash<QString, NodeReading> readings = assembleNodes(instant, labels, t);
        // Sorted: the same order whatever the hash did, so a chunk's samples are reproducible.
        QStringList ids = readings.keys();
        std::sort(ids.begin(), ids.end());
        for (const QString& id : std::as_const(ids)) {
            NodeReading& r = readings[id];
            if (r.targetsUp == 0 && r.targetsDown > 0)
                continue; // down at that instant: no sample, as in a poll round
            r.sample.seq = t;
            r.sample.timestampMs = t;
            samples.append({ id, std::move(r.sample) });
            nodes.insert(id);
        }
    }
    if (nodesSeen)
        *nodesSeen = int(nodes.size());
    return samples;
}

} // namespace Meridian::Prometheus
