// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/latency/latencymatrix.h"
#include "core/model/fleetchangeset.h"

#include <QHash>
#include <QList>

namespace Meridian {

// What the latency matrix reads of every node (LatencyMatrix::NodeInput), kept per change set in chunks that
// share their data: handing a worker thread the fleet's inputs costs a reference per chunk, and the next change
// copies only the chunks it touches. Copying them from the store at each build instead took the UI thread
// 25-110 ms every five seconds at 25,000 nodes (docs/performance.md, Issue 21).
class LatencyInputs
{
public:
    using Chunks = QList<QList<LatencyMatrix::NodeInput>>;

    void apply(const QHash<QString, FleetNode>& nodes, const FleetChangeSet& changes);
    void reset(const QHash<QString, FleetNode>& nodes);
    Chunks chunks() const { return m_chunks; } ///< shared: cheap to copy, safe to read on another thread
    qsizetype size() const { return m_where.size(); }

    // One list for LatencyMatrix::build, without the slots of removed nodes: on the worker.
    static QList<LatencyMatrix::NodeInput> flatten(const Chunks& chunks);

private:
    static constexpr qsizetype ChunkSize = 512;
    struct Slot
    {
        qsizetype chunk = 0;
        qsizetype index = 0;
    };
    void put(const QString& nodeId, const FleetNode& node);
    void remove(const QString& nodeId);

    Chunks m_chunks;
    QHash<QString, Slot> m_where;
    QList<Slot> m_free; ///< slots of removed nodes (an empty input: build skips it), reused first
};

} // namespace Meridian
