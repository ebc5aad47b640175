// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/latencytypes.h"

namespace Meridian {

double PairStats::value(LatencyStat stat) const
{
    switch (stat) {
    case LatencyStat::P50:
        return p50Ms;
    case LatencyStat::P99:
        return p99Ms;
    case LatencyStat::Loss:
        return loss;
    }
    return Protocol::Missing;
}

void PairAccumulator::add(const Protocol::ProbeResult& p)
{
    ++probes;
    windowEndMs = std::max(windowEndMs, p.windowEndMs);
    if (!Protocol::isMissing(p.loss)) {
        lossSum += p.loss;
        ++lossCount;
    }
    // A fully lost window has no RTT: it counts in loss only, never as 0 ms.
    if (!Protocol::isMissing(p.p50Ms) && !Protocol::isMissing(p.p99Ms)) {
        p50Sum += p.p50Ms;
        p99Sum += p.p99Ms;
        ++rtt;
    }
}

PairStats PairAccumulator::finish() const
{
    PairStats s;
    s.probes = probes;
    s.windowEndMs = windowEndMs;
    if (rtt > 0) {
        s.p50Ms = p50Sum / rtt;
        s.p99Ms = p99Sum / rtt;
    }
    if (lossCount > 0)
        s.loss = lossSum / lossCount;
    return s;
}

QString pairClassKey(PairClass c)
{
    switch (c) {
    case PairClass::SameRack:
        return QStringLiteral("same-rack");
    case PairClass::SamePool:
        return QStringLiteral("same-pool");
    case PairClass::SameSite:
        return QStringLiteral("same-site");
    case PairClass::SameRegion:
        return QStringLiteral("same-region");
    case PairClass::HubCity:
        return QStringLiteral("hub-city");
    case PairClass::CrossRegion:
        return QStringLiteral("cross-region");
    }
    return {};
}

PairClass classifySites(const SiteInfo& a, const SiteInfo& b)
{
    if (a.id == b.id)
        return PairClass::SameSite;
    if (!a.region.isEmpty() && a.region == b.region)
        return PairClass::SameRegion;
    const bool hubA = a.kind == QLatin1String("core");
    const bool hubB = b.kind == QLatin1String("core");
    if (hubA != hubB)
        return PairClass::HubCity;
    return PairClass::CrossRegion;
}

} // namespace Meridian
