// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Value types of the latency views: the statistics of one probed pair (node,
// pool or site level), the sites of the fleet as the map draws them, and the
// classes of pairs that latency targets are set for.

#include "core/protocol/protocoltypes.h"

#include <QList>
#include <QString>

namespace Meridian {

enum class LatencyStat : quint8 { P50, P99, Loss };

// Aggregated over the probes from one side of a pair to the other (directional,
// row = prober, column = probed, as in Pingmesh). Missing figures are NaN.
struct PairStats
{
    double p50Ms = Protocol::Missing; ///< mean of the probes' p50
    double p99Ms = Protocol::Missing; ///< mean of the probes' p99
    double loss = Protocol::Missing; ///< mean loss (0–1) over all probes, answered or not
    int probes = 0; ///< probe results aggregated
    qint64 windowEndMs = 0; ///< newest window aggregated
    bool hasData() const { return probes > 0; }
    double value(LatencyStat stat) const;
};

// Adds one probe result to an aggregate; `finish` turns the sums into means.
struct PairAccumulator
{
    double p50Sum = 0, p99Sum = 0, lossSum = 0;
    int rtt = 0, lossCount = 0, probes = 0;
    qint64 windowEndMs = 0;
    void add(const Protocol::ProbeResult& p);
    PairStats finish() const;
};

// Classes of pairs; each has a target (LatencyTargets). Ordered from near to far.
enum class PairClass : quint8 { SameRack, SamePool, SameSite, SameRegion, HubCity, CrossRegion };
inline constexpr int PairClassCount = 6;
QString pairClassKey(PairClass c); ///< "same-rack", … (settings keys, not translated)

struct SiteInfo
{
    QString id; ///< "guian"
    QString name; ///< "Gui'an" (English; the UI translates)
    QString region;
    QString kind; ///< "core" (hub), "hotspot", "edge"
    double latitude = Protocol::Missing;
    double longitude = Protocol::Missing;
    int nodes = 0;
    int nodesDown = 0;
    int accelerators = 0;
    bool hasLocation() const { return !std::isnan(latitude) && !std::isnan(longitude); }
};

PairClass classifySites(const SiteInfo& a, const SiteInfo& b);

// One sample of a pair over time (from the cache or the live history).
struct PairPoint
{
    qint64 timestampMs = 0;
    double p50Ms = Protocol::Missing;
    double p99Ms = Protocol::Missing;
    double loss = Protocol::Missing;
};

} // namespace Meridian
