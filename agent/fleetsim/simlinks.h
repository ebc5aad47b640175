// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Site-to-site links of the simulated network: injected link faults
// (`link-degrade`, `link-cut` between two sites through /sim/faults) and
// congestion episodes (seeded, a few per site pair and day). Both act on the
// probe results of the nodes that probe across the link, and the ground truth
// reports the resulting RTT/loss per site pair from exactly those results.

#include "core/protocol/protocoltypes.h"

#include <QJsonArray>

#include <limits>
#include <memory>
#include <vector>

namespace Meridian::Sim {

class FleetState;
class Topology;

struct LinkFault
{
    qint64 id = 0;
    int siteA = 0;
    int siteB = 0;
    bool cut = false; ///< link-cut: every probe across is lost
    double factor = 3.0; ///< link-degrade: RTT multiplier
    double loss = 0.05; ///< link-degrade: loss added
    qint64 openedMs = 0; ///< simulated time it was injected
    qint64 clearedMs = std::numeric_limits<qint64>::max(); ///< simulated time it was cleared; max: open
    bool joins(int a, int b) const { return (a == siteA && b == siteB) || (a == siteB && b == siteA); }
    bool activeAt(qint64 t) const { return t >= openedMs && t < clearedMs; }
};
using LinkFaults = std::vector<LinkFault>;

// Applies open link faults and congestion episodes to the probes `node` sends at time t.
void applyLinks(const Topology& topology, quint64 seed, const LinkFaults* faults, int node, qint64 t,
    QList<Protocol::ProbeResult>* probes);

// Congestion on a site pair at t: RTT factor (1 = none).
double congestionFactor(quint64 seed, int siteA, int siteB, qint64 t);

// Ground truth per ordered site pair, aggregated from the served probe results
// the way the console aggregates them (mean p50, mean p99, mean loss), and
// optionally every probed node pair.
QJsonArray siteLinkTruth(const FleetState& state);
QJsonArray probeTruth(const FleetState& state);

// GET /api/v1/probe-history?since=MS&limit=MINUTES: the cross-site probe windows the gateways
// reported in the simulated past, window ends after `since` and before the live window, whole
// minutes at a time, as a NodesPage whose records carry only a snapshot with the probes (and
// the window end as its sample time); cursor = the last window end served. Computed from the
// same model as the live snapshots, link faults applied while they were open.
Protocol::NodesPage probeHistoryPage(const FleetState& state, qint64 sinceMs, int limitMinutes);

} // namespace Meridian::Sim
