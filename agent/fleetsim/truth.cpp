// SPDX-License-Identifier: GPL-3.0-or-later
// Ground truth: the totals a console must show, computed from exactly what the
// state serves (the same snapshot functions, the same job records) with the
// capacity definitions of docs/protocol.md.
#include "agent/fleetsim/fleetstate.h"
#include "agent/fleetsim/simjobhistory.h"
#include "core/protocol/protocoljson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>

namespace Meridian::Sim {
namespace {

struct Counts
{
    int total = 0, allocated = 0, free = 0, faulty = 0;
};

struct Group
{
    int nodesUp = 0, nodesDown = 0, openFaults = 0;
    int wholeFreeNodes = 0; ///< up, every accelerator free (the placement planner's whole nodes)
    std::map<QString, int> jobs; ///< state → count
    std::map<QString, std::pair<QString, Counts>> models; ///< model → (vendor, counts)
};

QJsonObject toJson(const Group& g)
{
    QJsonObject jobs;
    for (const char* state : { "queued", "running", "recovering", "failed", "completed", "cancelled" }) {
        const auto it = g.jobs.find(QLatin1String(state));
        jobs.insert(QLatin1String(state), it == g.jobs.end() ? 0 : it->second);
    }
    QJsonArray models;
    for (const auto& [model, entry] : g.models)
        models.append(QJsonObject { { QStringLiteral("model"), model }, { QStringLiteral("vendor"), entry.first },
            { QStringLiteral("total"), entry.second.total }, { QStringLiteral("allocated"), entry.second.allocated },
            { QStringLiteral("free"), entry.second.free }, { QStringLiteral("faulty"), entry.second.faulty } });
    return QJsonObject { { QStringLiteral("nodesUp"), g.nodesUp }, { QStringLiteral("nodesDown"), g.nodesDown },
        { QStringLiteral("wholeFreeNodes"), g.wholeFreeNodes }, { QStringLiteral("openFaults"), g.openFaults },
        { QStringLiteral("jobs"), jobs }, { QStringLiteral("models"), models } };
}

} // namespace

QJsonArray faultTruth(const FleetState& state); // simfaulttruth.cpp
QJsonArray drainTruth(const FleetState& state); // simnodeactions.cpp
QJsonArray faultHistoryTruth(const FleetState& state); // simfaulttruth.cpp

QByteArray truthJson(const FleetState& state)
{
    const Topology& topo = state.topology();
    Group fleet;
    std::map<QString, Group> regions;
    std::vector<Group> pools(topo.pools().size());

    for (int node = 0; node < topo.nodeCount(); ++node) {
        const NodeInfo& info = topo.nodes()[size_t(node)];
        const ModelSpec& model = topo.modelOf(node);
        const Protocol::Sample sample = state.sample(node, state.seq);
        const int faults = int(state.model().openFaults(node, *state.nodes[size_t(node)], state.timeMs).size());
        const bool down = sample.state == Protocol::NodeState::Down;
        Counts c;
        for (const Protocol::AcceleratorSample& a : sample.accelerators) {
            ++c.total;
            if (down || a.health == Protocol::AcceleratorHealth::Faulty)
                ++c.faulty;
            else if (!a.jobId.isEmpty())
                ++c.allocated;
            else
                ++c.free;
        }
        const QString& region = topo.pools()[size_t(info.pool)].region;
        for (Group* g : { &fleet, &regions[region], &pools[size_t(info.pool)] }) {
            (down ? g->nodesDown : g->nodesUp) += 1;
            g->wholeFreeNodes += !down && c.total > 0 && c.free == c.total ? 1 : 0;
            g->openFaults += faults;
            auto& entry = g->models[model.model];
            entry.first = model.vendor;
            entry.second.total += c.total;
            entry.second.allocated += c.allocated;
            entry.second.free += c.free;
            entry.second.faulty += c.faulty;
        }
    }
    for (const JobView& j : state.jobs) {
        const QString key
            = j.record.state == QLatin1String("checkpointing") ? QStringLiteral("running") : j.record.state;
        int pool = 0;
        for (size_t p = 0; p < topo.pools().size(); ++p)
            if (topo.pools()[p].name == j.record.pool)
                pool = int(p);
        for (Group* g : { &fleet, &regions[j.record.region], &pools[size_t(pool)] })
            ++g->jobs[key];
    }

    QJsonArray regionArray;
    for (const auto& [name, g] : regions) {
        QJsonObject o = toJson(g);
        o.insert(QStringLiteral("region"), name);
        regionArray.append(o);
    }
    QJsonArray poolArray;
    for (size_t p = 0; p < pools.size(); ++p) {
        QJsonObject o = toJson(pools[p]);
        o.insert(QStringLiteral("region"), topo.pools()[p].region);
        o.insert(QStringLiteral("pool"), topo.pools()[p].name);
        poolArray.append(o);
    }
    // Per job: the scheduler's own account of its life (docs/jobs.md).
    QJsonArray jobHistory;
    for (const JobView& j : state.jobs)
        if (j.history)
            jobHistory.append(jobTruthJson(j.record, *j.history, state.timeMs, j.spec.get()));

    return Protocol::Json::document(QJsonObject { { QStringLiteral("ts"), state.timeMs },
        { QStringLiteral("jobHistory"), jobHistory }, { QStringLiteral("faultLog"), faultTruth(state) },
        { QStringLiteral("faultHistory"), faultHistoryTruth(state) }, { QStringLiteral("drained"), drainTruth(state) },
        { QStringLiteral("seq"), state.seq }, { QStringLiteral("version"), state.version },
        { QStringLiteral("paused"), state.paused }, { QStringLiteral("fleet"), toJson(fleet) },
        { QStringLiteral("regions"), regionArray }, { QStringLiteral("pools"), poolArray },
        { QStringLiteral("links"), siteLinkTruth(state) } });
}

} // namespace Meridian::Sim
