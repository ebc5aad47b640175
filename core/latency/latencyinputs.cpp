// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/latencyinputs.h"

namespace Meridian {
namespace {

LatencyMatrix::NodeInput inputOf(const FleetNode& node)
{
    return { node.inventory, node.snapshot.sample.state, node.snapshot.probes };
}

} // namespace

void LatencyInputs::apply(const QHash<QString, FleetNode>& nodes, const FleetChangeSet& changes)
{
    for (const QString& id : changes.removedNodes)
        remove(id);
    for (const QSet<QString>* set : { &changes.addedNodes, &changes.updatedNodes }) {
        for (const QString& id : *set) {
            const auto it = nodes.constFind(id);
            if (it == nodes.cend())
                remove(id);
            else
                put(id, *it);
        }
    }
}

void LatencyInputs::reset(const QHash<QString, FleetNode>& nodes)
{
    m_chunks.clear();
    m_where.clear();
    m_free.clear();
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it)
        put(it.key(), *it);
}

void LatencyInputs::put(const QString& nodeId, const FleetNode& node)
{
    auto it = m_where.find(nodeId);
    if (it == m_where.end()) {
        Slot slot;
        if (!m_free.isEmpty()) {
            slot = m_free.takeLast();
        } else {
            if (m_chunks.isEmpty() || m_chunks.last().size() == ChunkSize) {
                m_chunks.emplaceBack();
                m_chunks.last().reserve(ChunkSize);
            }
            slot = { m_chunks.size() - 1, m_chunks.last().size() };
            m_chunks.last().emplaceBack();
        }
        it = m_where.insert(nodeId, slot);
    }
    m_chunks[it->chunk][it->index] = inputOf(node); // detaches this chunk only, if a worker holds it
}

void LatencyInputs::remove(const QString& nodeId)
{
    const auto it = m_where.constFind(nodeId);
    if (it == m_where.cend())
        return;
    m_chunks[it->chunk][it->index] = {};
    m_free.append(*it);
    m_where.erase(it);
}

QList<LatencyMatrix::NodeInput> LatencyInputs::flatten(const Chunks& chunks)
{
    QList<LatencyMatrix::NodeInput> out;
    out.reserve(chunks.size() * ChunkSize);
    for (const QList<LatencyMatrix::NodeInput>& chunk : chunks)
        for (const LatencyMatrix::NodeInput& input : chunk)
            if (!input.inventory.nodeId.isEmpty())
                out.append(input);
    return out;
}

} // namespace Meridian
