// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/node/samplering.h"

namespace Meridian::Agent {

SampleRing::SampleRing(qsizetype capacity)
    : m_slots(size_t(std::max<qsizetype>(1, capacity)))
{ }

qint64 SampleRing::append(Protocol::Sample sample)
{
    sample.seq = m_nextSeq++;
    m_slots[size_t(sample.seq % qint64(m_slots.size()))] = std::move(sample);
    m_size = std::min(m_size + 1, capacity());
    return m_nextSeq - 1;
}

const Protocol::Sample& SampleRing::at(qint64 seq) const
{
    return m_slots[size_t(seq % qint64(m_slots.size()))];
}

const Protocol::Sample* SampleRing::latest() const
{
    return m_size ? &at(newestSeq()) : nullptr;
}

QList<Protocol::Sample> SampleRing::since(qint64 since, qsizetype limit, bool* more) const
{
    QList<Protocol::Sample> out;
    *more = false;
    if (m_size == 0 || limit <= 0) {
        *more = m_size > 0 && since < newestSeq();
        return out;
    }
    // A cursor older than the ring starts at the oldest kept tick (the gap is
    // visible to the client through oldestSeq); one from the future yields nothing.
    const qint64 first = std::max(since + 1, oldestSeq());
    const qint64 last = newestSeq();
    if (first > last)
        return out;
    const qint64 end = std::min(last, first + qint64(limit) - 1);
    out.reserve(qsizetype(end - first + 1));
    for (qint64 seq = first; seq <= end; ++seq)
        out.append(at(seq));
    *more = end < last;
    return out;
}

} // namespace Meridian::Agent
