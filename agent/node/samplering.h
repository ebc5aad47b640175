// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The agent's bounded history: the newest `capacity` ticks, oldest dropped
// first. Seq numbers start at 1 and increase by one per tick for the life of
// the process; a console resumes with ?since=<last seq it has>.

#include "core/protocol/protocoltypes.h"

#include <vector>

namespace Meridian::Agent {

class SampleRing
{
public:
    explicit SampleRing(qsizetype capacity);

    // Assigns the next seq to the sample and stores it; returns the seq.
    qint64 append(Protocol::Sample sample);

    qsizetype capacity() const { return qsizetype(m_slots.size()); }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    qint64 oldestSeq() const { return m_size ? m_nextSeq - m_size : 0; }
    qint64 newestSeq() const { return m_nextSeq - 1; }
    const Protocol::Sample* latest() const;

    // Samples with seq > since, ascending, at most limit; *more when cut.
    QList<Protocol::Sample> since(qint64 since, qsizetype limit, bool* more) const;

private:
    const Protocol::Sample& at(qint64 seq) const;
    std::vector<Protocol::Sample> m_slots;
    qsizetype m_size = 0;
    qint64 m_nextSeq = 1;
};

} // namespace Meridian::Agent
