// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/fleethistory.h"

#include "core/cache/cachereader.h"

#include <QFuture>

namespace Meridian {
namespace {

template <typename T> QFuture<T> nothing(T value = {})
{
    return QtFuture::makeReadyFuture(std::move(value));
}

} // namespace

FleetHistory::FleetHistory(CacheReader* reader, QObject* parent)
    : QObject(parent)
    , m_reader(reader)
{ }

void FleetHistory::setReader(CacheReader* reader)
{
    m_reader = reader;
}

QFuture<CapacitySeries> FleetHistory::capacity(qint64 fromMs, qint64 toMs, const QString& region, const QString& model)
{
    if (!m_reader)
        return nothing(CapacitySeries { region, model, fromMs, toMs, {} });
    return m_reader->capacityHistory(fromMs, toMs, region, model);
}

QFuture<CapacitySeries> FleetHistory::poolCapacity(
    qint64 fromMs, qint64 toMs, const QString& region, const QString& pool, const QString& model)
{
    if (!m_reader)
        return nothing(CapacitySeries { region, model, fromMs, toMs, {} });
    return m_reader->poolCapacityHistory(fromMs, toMs, region, pool, model);
}

QFuture<MetricSeries> FleetHistory::accelerator(
    const QString& nodeId, int accelerator, AcceleratorMetric metric, qint64 fromMs, qint64 toMs, int maxPoints)
{
    if (!m_reader)
        return nothing(MetricSeries { nodeId, accelerator, int(metric), fromMs, toMs, 0, 0, {} });
    return m_reader->acceleratorHistory(nodeId, accelerator, metric, fromMs, toMs, maxPoints);
}

QFuture<MetricSeries> FleetHistory::node(
    const QString& nodeId, NodeMetric metric, qint64 fromMs, qint64 toMs, int maxPoints)
{
    if (!m_reader)
        return nothing(MetricSeries { nodeId, -1, int(metric), fromMs, toMs, 0, 0, {} });
    return m_reader->nodeHistory(nodeId, metric, fromMs, toMs, maxPoints);
}

QFuture<QList<Protocol::Event>> FleetHistory::events(const EventFilter& filter)
{
    if (!m_reader)
        return nothing<QList<Protocol::Event>>();
    return m_reader->events(filter);
}

QFuture<QList<PairPoint>> FleetHistory::probes(
    bool siteLevel, const QString& from, const QString& to, qint64 fromMs, qint64 toMs)
{
    if (!m_reader)
        return nothing<QList<PairPoint>>();
    return m_reader->probeHistory(siteLevel, from, to, fromMs, toMs);
}

} // namespace Meridian
