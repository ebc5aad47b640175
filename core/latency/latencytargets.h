// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Latency targets per pair class (settings), and the violations of a set of
// pair statistics against them. Reports reuse violations() and countViolations().

#include "core/model/latencytypes.h"

#include <QByteArray>

#include <array>

namespace Meridian {

struct LatencyTarget
{
    double p50Ms = Protocol::Missing; ///< NaN: no target
    double loss = Protocol::Missing; ///< fraction 0–1; NaN: no target
};

class LatencyTargets
{
public:
    LatencyTargets(); ///< the defaults (docs/latency.md)

    const LatencyTarget& target(PairClass c) const { return m_targets[size_t(c)]; }
    void setTarget(PairClass c, const LatencyTarget& t) { m_targets[size_t(c)] = t; }
    bool violates(PairClass c, const PairStats& s) const;

    // {"schema":1,"targets":{"same-pool":{"p50Ms":0.5,"loss":0.01},…}}; unknown keys
    // are ignored, bad values refused (the defaults stay for what is not given).
    static LatencyTargets fromJson(const QByteArray& json, QString* error);
    QByteArray toJson() const;

private:
    std::array<LatencyTarget, PairClassCount> m_targets;
};

struct Violation
{
    QString from; ///< site, pool or node id
    QString to;
    PairClass pairClass = PairClass::CrossRegion;
    PairStats stats;
    LatencyTarget target;
};

// Where a pair stands against its target, the one definition the map, the matrix and their legends use.
// Over is exactly violates(); near is within the target but at NearTargetRatio of its p50 or more; lost
// is nothing answering at all (loss ≥ LostLoss), over whatever the target.
enum class TargetVerdict : quint8 { NoData, Within, Near, Over, Lost };
inline constexpr double NearTargetRatio = 0.8;
inline constexpr double LostLoss = 0.999;
TargetVerdict verdict(const PairStats& stats, const LatencyTarget& target);
double targetRatio(const PairStats& stats, const LatencyTarget& target); ///< p50 / target p50; NaN without either

// Windows of one pair class's series that break the target, e.g. for a report's "violations per day".
int countViolations(const QList<PairPoint>& points, const LatencyTarget& target);
bool violates(const PairPoint& p, const LatencyTarget& target);

} // namespace Meridian
