// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Site-to-site links of the simulated network: injected link faults
// (`link-degrade`, `link-cut` between two sites through /sim/faults) and
// congestion episodes (seeded, a few per site pair and day). Both act on the
// probe results of the nodes that probe across the link, and the ground truth
// reports the resulting RTT/loss per site pair from exactly those results.

#include "protocoltypes.h"

#include <QJsonArray>

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
    bool joins(int a, int b) const { return (a == siteA && b == siteB) || (a == siteB && b == siteA); }
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

} // namespace Meridian::Sim
