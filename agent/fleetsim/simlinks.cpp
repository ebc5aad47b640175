// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/fleetsim/simlinks.h"

#include "agent/fleetsim/fleetstate.h"
#include "agent/fleetsim/simrandom.h"

#include <QJsonObject>

#include <map>

namespace Meridian::Sim {
namespace {

constexpr qint64 EpisodeSlotMs = 10 * 60 * 1000; ///< congestion comes and goes in 10-minute slots

double round3(double v)
{
    return std::round(v * 1000) / 1000;
}

} // namespace

double congestionFactor(quint64 seed, int siteA, int siteB, qint64 t)
{
    const quint64 lo = quint64(std::min(siteA, siteB)), hi = quint64(std::max(siteA, siteB));
    const quint64 h = hashOf({ seed, 0x4101, lo, hi, quint64(t / EpisodeSlotMs) });
    // About 2 % of slots: a few episodes per pair and day, 1.5–3× the RTT.
    return unit(h) < 0.02 ? 1.5 + 1.5 * unit(mix64(h)) : 1.0;
}

void applyLinks(const Topology& topology, quint64 seed, const LinkFaults* faults, int node, qint64 t,
    QList<Protocol::ProbeResult>* probes)
{
    const int siteA = topology.nodes()[size_t(node)].site;
    for (Protocol::ProbeResult& p : *probes) {
        const int peer = topology.find(p.peer.toStdString());
        if (peer < 0)
            continue;
        const int siteB = topology.nodes()[size_t(peer)].site;
        if (siteA == siteB || Protocol::isMissing(p.p50Ms))
            continue; // intra-site fabric, or the peer is down anyway
        double factor = congestionFactor(seed, siteA, siteB, t);
        double addLoss = factor > 1 ? 0.005 : 0.0;
        bool cut = false;
        if (faults) {
            for (const LinkFault& f : *faults) {
                if (!f.joins(siteA, siteB) || !f.activeAt(t))
                    continue;
                cut = cut || f.cut;
                if (!f.cut) {
                    factor *= f.factor;
                    addLoss += f.loss;
                }
            }
        }
        if (cut) {
            p.p50Ms = p.p90Ms = p.p99Ms = p.maxMs = Protocol::Missing;
            p.loss = 1.0;
            continue;
        }
        if (factor == 1.0 && addLoss == 0.0)
            continue;
        p.p50Ms = round3(p.p50Ms * factor);
        p.p90Ms = round3(p.p90Ms * factor);
        p.p99Ms = round3(p.p99Ms * factor * 1.2);
        p.maxMs = round3(p.maxMs * factor * 1.5);
        p.loss = std::round(std::min(1.0, p.loss + addLoss) * 10000) / 10000;
    }
}

QJsonArray siteLinkTruth(const FleetState& state)
{
    const Topology& topo = state.topology();
    struct Acc
    {
        double p50 = 0, p99 = 0, loss = 0;
        int rtt = 0, probes = 0;
    };
    std::map<std::pair<int, int>, Acc> pairs;
    // Only gateways probe across sites; every served snapshot is the state's own.
    for (int site = 0; site < int(topo.scenario().sites.size()); ++site) {
        for (int node : topo.siteGateways(site)) {
            for (const Protocol::ProbeResult& p : state.snapshot(node).probes) {
                const int peer = topo.find(p.peer.toStdString());
                if (peer < 0 || topo.nodes()[size_t(peer)].site == site)
                    continue;
                Acc& a = pairs[{ site, topo.nodes()[size_t(peer)].site }];
                ++a.probes;
                a.loss += p.loss;
                if (!Protocol::isMissing(p.p50Ms)) {
                    a.p50 += p.p50Ms;
                    a.p99 += p.p99Ms;
                    ++a.rtt;
                }
            }
        }
    }
    QJsonArray out;
    for (const auto& [key, a] : pairs) {
        QJsonObject o { { QStringLiteral("from"), topo.scenario().sites[key.first].id },
            { QStringLiteral("to"), topo.scenario().sites[key.second].id }, { QStringLiteral("probes"), a.probes },
            { QStringLiteral("loss"), a.loss / a.probes } };
        o.insert(QStringLiteral("p50Ms"), a.rtt > 0 ? QJsonValue(a.p50 / a.rtt) : QJsonValue());
        o.insert(QStringLiteral("p99Ms"), a.rtt > 0 ? QJsonValue(a.p99 / a.rtt) : QJsonValue());
        out.append(o);
    }
    return out;
}

Protocol::NodesPage probeHistoryPage(const FleetState& state, qint64 sinceMs, int limitMinutes)
{
    constexpr qint64 Minute = 60 * 1000;
    const Topology& topo = state.topology();
    Protocol::NodesPage page;
    page.timestampMs = state.timeMs;
    // Faults open now and those cleared earlier: each acts on the windows of its own span.
    LinkFaults faults;
    if (state.links)
        faults = *state.links;
    if (state.linkHistory)
        faults.insert(faults.end(), state.linkHistory->begin(), state.linkHistory->end());
    const qint64 live = state.timeMs / Minute * Minute; // the live snapshots report this window
    const qint64 oldest = (state.clock.originMs + Minute - 1) / Minute * Minute;
    qint64 w = std::max(oldest, (std::max<qint64>(sinceMs, 0) / Minute + 1) * Minute);
    int minutes = 0;
    for (; w < live && minutes < limitMinutes; w += Minute, ++minutes) {
        for (int site = 0; site < int(topo.scenario().sites.size()); ++site) {
            for (int node : topo.siteGateways(site)) {
                const NodeTimeline& tl = *state.nodes[size_t(node)];
                QList<Protocol::ProbeResult> probes = state.model().probes(node, tl, w,
                    [&state, w](int peer) { return NodeBehaviour::isDown(*state.nodes[size_t(peer)], w); });
                applyLinks(topo, state.model().seed(), &faults, node, w, &probes);
                Protocol::NodeRecord r;
                r.nodeId = topo.nodes()[size_t(node)].id;
                r.snapshot.instanceId = state.instance;
                r.snapshot.sample.timestampMs = w;
                for (const Protocol::ProbeResult& p : std::as_const(probes)) {
                    const int peer = topo.find(p.peer.toStdString());
                    if (peer >= 0 && topo.nodes()[size_t(peer)].site != site)
                        r.snapshot.probes.append(p); // the site matrix: rack probes stay live-only
                }
                if (!r.snapshot.probes.isEmpty())
                    page.nodes.append(std::move(r));
            }
        }
        page.cursor = QString::number(w);
    }
    if (page.cursor.isEmpty())
        page.cursor = QString::number(std::max<qint64>(sinceMs, 0));
    page.more = w < live;
    return page;
}

QJsonArray probeTruth(const FleetState& state)
{
    QJsonArray out;
    const Topology& topo = state.topology();
    for (int node = 0; node < topo.nodeCount(); ++node) {
        for (const Protocol::ProbeResult& p : state.snapshot(node).probes) {
            QJsonObject o { { QStringLiteral("node"), topo.nodes()[size_t(node)].id },
                { QStringLiteral("peer"), p.peer }, { QStringLiteral("loss"), p.loss } };
            o.insert(QStringLiteral("p50Ms"), Protocol::isMissing(p.p50Ms) ? QJsonValue() : QJsonValue(p.p50Ms));
            o.insert(QStringLiteral("p99Ms"), Protocol::isMissing(p.p99Ms) ? QJsonValue() : QJsonValue(p.p99Ms));
            out.append(o);
        }
    }
    return out;
}

} // namespace Meridian::Sim
