// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The live history of pairs while the console runs: one point per probe window
// and pair (site and pool pairs always, node pairs bounded), fed from each new
// LatencyMatrix. The pair-history view shows it; on restart it starts empty.

#include "core/latency/latencymatrix.h"

namespace Meridian {

class LatencyHistory
{
public:
    explicit LatencyHistory(int maxPoints = 30 * 24 * 60, int maxNodePoints = 60)
        : m_maxPoints(maxPoints)
        , m_maxNodePoints(maxNodePoints)
    { }

    void record(const LatencyMatrix& matrix); ///< appends windows newer than the last recorded
    // Points of the pair (ids at `level`) between fromMs and toMs, ascending.
    QList<PairPoint> points(
        LatencyLevel level, const QString& from, const QString& to, qint64 fromMs, qint64 toMs) const;

private:
    static QString key(LatencyLevel level, const QString& from, const QString& to);

    int m_maxPoints;
    int m_maxNodePoints;
    QHash<QString, QList<PairPoint>> m_series;
};

} // namespace Meridian
