// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cacheserialize.h"

#include <QDataStream>
#include <QIODevice>

namespace Meridian::CacheBlob {

using namespace Protocol;

namespace {

constexpr quint8 InventoryTag = 0x49; // 'I', format 1
constexpr quint8 SnapshotTag = 0x53; // 'S', format 1
constexpr quint32 MaxItems = 4096; // far above any protocol limit per node
constexpr int StreamVersion = QDataStream::Qt_6_4;

template <typename E> bool readEnum(QDataStream& in, E* out, quint8 max)
{
    quint8 v = 0;
    in >> v;
    if (v > max)
        return false;
    *out = E(v);
    return true;
}

// Lists are written as a count then the items; the count is checked before
// anything is allocated.
template <typename T, typename Fn> bool readList(QDataStream& in, QList<T>* out, Fn readItem)
{
    quint32 n = 0;
    in >> n;
    if (in.status() != QDataStream::Ok || n > MaxItems)
        return false;
    out->clear();
    out->reserve(n);
    for (quint32 i = 0; i < n; ++i) {
        T item;
        if (!readItem(in, &item) || in.status() != QDataStream::Ok)
            return false;
        out->append(std::move(item));
    }
    return true;
}

void write(QDataStream& out, const NodeMetrics& m)
{
    out << m.cpuUtilization << m.memoryUsedBytes << m.memoryTotalBytes << m.load1 << m.netRxBytesPerSecond
        << m.netTxBytesPerSecond << m.diskReadBytesPerSecond << m.diskWriteBytesPerSecond << m.uptimeSeconds;
}

bool read(QDataStream& in, NodeMetrics* m)
{
    in >> m->cpuUtilization >> m->memoryUsedBytes >> m->memoryTotalBytes >> m->load1 >> m->netRxBytesPerSecond
        >> m->netTxBytesPerSecond >> m->diskReadBytesPerSecond >> m->diskWriteBytesPerSecond >> m->uptimeSeconds;
    return true;
}

void write(QDataStream& out, const AcceleratorSample& a)
{
    out << qint32(a.index) << quint8(a.health) << a.utilization << a.memoryUsedBytes << a.temperatureC << a.powerW
        << a.eccSingleBitTotal << a.eccDoubleBitTotal << a.jobId;
}

bool read(QDataStream& in, AcceleratorSample* a)
{
    qint32 index = 0;
    in >> index;
    a->index = index;
    if (!readEnum(in, &a->health, quint8(AcceleratorHealth::Faulty)))
        return false;
    in >> a->utilization >> a->memoryUsedBytes >> a->temperatureC >> a->powerW >> a->eccSingleBitTotal
        >> a->eccDoubleBitTotal >> a->jobId;
    return true;
}

void write(QDataStream& out, const Sample& s)
{
    out << s.seq << s.timestampMs << quint8(s.state);
    write(out, s.node);
    out << quint32(s.accelerators.size());
    for (const AcceleratorSample& a : s.accelerators)
        write(out, a);
}

bool read(QDataStream& in, Sample* s)
{
    in >> s->seq >> s->timestampMs;
    if (!readEnum(in, &s->state, quint8(NodeState::Draining)))
        return false;
    read(in, &s->node);
    return readList(in, &s->accelerators, [](QDataStream& i, AcceleratorSample* a) { return read(i, a); });
}

void write(QDataStream& out, const Event& e)
{
    out << e.id << e.timestampMs << e.kind << quint8(e.severity) << e.nodeId << qint32(e.accelerator) << e.message
        << e.code << e.cleared;
}

bool read(QDataStream& in, Event* e)
{
    in >> e->id >> e->timestampMs >> e->kind;
    if (!readEnum(in, &e->severity, quint8(Severity::Critical)))
        return false;
    qint32 acc = -1;
    in >> e->nodeId >> acc >> e->message >> e->code >> e->cleared;
    e->accelerator = acc;
    return true;
}

void write(QDataStream& out, const JobPlacement& j)
{
    out << j.jobId << j.name << j.tenant << j.kind << j.state << j.accelerators << j.startedMs << j.lastCheckpointMs;
}

bool read(QDataStream& in, JobPlacement* j)
{
    in >> j->jobId >> j->name >> j->tenant >> j->kind >> j->state >> j->accelerators >> j->startedMs
        >> j->lastCheckpointMs;
    return j->accelerators.size() <= qsizetype(MaxItems);
}

void write(QDataStream& out, const ProbeResult& p)
{
    out << p.peer << p.windowEndMs << p.p50Ms << p.p90Ms << p.p99Ms << p.maxMs << p.loss << qint32(p.count);
}

bool read(QDataStream& in, ProbeResult* p)
{
    qint32 count = 0;
    in >> p->peer >> p->windowEndMs >> p->p50Ms >> p->p90Ms >> p->p99Ms >> p->maxMs >> p->loss >> count;
    p->count = count;
    return true;
}

template <typename T> void writeList(QDataStream& out, const QList<T>& list)
{
    out << quint32(list.size());
    for (const T& item : list)
        write(out, item);
}

} // namespace

QByteArray encode(const NodeInventory& inv)
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << InventoryTag << inv.nodeId << inv.hostname << inv.region << inv.pool << inv.rack << inv.labels
        << qint32(inv.cpuCount) << inv.memoryBytes << quint32(inv.accelerators.size());
    for (const AcceleratorInfo& a : inv.accelerators)
        out << qint32(a.index) << a.vendor << a.model << a.uuid << a.memoryBytes;
    out << inv.agentVersion << inv.bootId;
    return blob;
}

bool decode(const QByteArray& blob, NodeInventory* out)
{
    QDataStream in(blob);
    in.setVersion(StreamVersion);
    quint8 tag = 0;
    in >> tag;
    if (tag != InventoryTag)
        return false;
    NodeInventory inv;
    qint32 cpus = 0;
    in >> inv.nodeId >> inv.hostname >> inv.region >> inv.pool >> inv.rack >> inv.labels >> cpus >> inv.memoryBytes;
    inv.cpuCount = cpus;
    if (inv.labels.size() > qsizetype(MaxItems))
        return false;
    const bool ok = readList(in, &inv.accelerators, [](QDataStream& i, AcceleratorInfo* a) {
        qint32 index = 0;
        i >> index >> a->vendor >> a->model >> a->uuid >> a->memoryBytes;
        a->index = index;
        return true;
    });
    in >> inv.agentVersion >> inv.bootId;
    if (!ok || in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    *out = std::move(inv);
    return true;
}

QByteArray encode(const Snapshot& s)
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(StreamVersion);
    out << SnapshotTag << s.instanceId;
    write(out, s.sample);
    out << s.stateReason;
    writeList(out, s.faults);
    writeList(out, s.jobs);
    writeList(out, s.probes);
    out << s.newestEventId << s.oldestSeq;
    return blob;
}

bool decode(const QByteArray& blob, Snapshot* out)
{
    QDataStream in(blob);
    in.setVersion(StreamVersion);
    quint8 tag = 0;
    in >> tag;
    if (tag != SnapshotTag)
        return false;
    Snapshot s;
    in >> s.instanceId;
    if (!read(in, &s.sample))
        return false;
    in >> s.stateReason;
    if (!readList(in, &s.faults, [](QDataStream& i, Event* e) { return read(i, e); })
        || !readList(in, &s.jobs, [](QDataStream& i, JobPlacement* j) { return read(i, j); })
        || !readList(in, &s.probes, [](QDataStream& i, ProbeResult* p) { return read(i, p); }))
        return false;
    in >> s.newestEventId >> s.oldestSeq;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return false;
    *out = std::move(s);
    return true;
}

} // namespace Meridian::CacheBlob
