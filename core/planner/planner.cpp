// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/planner.h"

#include "core/jobs/jobfigures.h"
#include "core/latency/latencymatrix.h"

#include <QMap>
#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace Meridian::Planner {
namespace {

constexpr double HourMs = 3600.0 * 1000;
constexpr double GiB = 1024.0 * 1024 * 1024;

// One node of a pool as the planner sees it: its qualifying chips counted with the capacity rule
// (capacityByModel(), fleettypes.h) and the running jobs that hold them.
struct NodeView
{
    QString id;
    int chips = 0; ///< qualifying
    int free = 0;
    int allocated = 0;
    int unknown = 0;
    bool wholeFree = false; ///< up, every chip of the node free
    bool eligibleWhole = false; ///< up, no faulty or unknown chip: a whole node once its jobs end
    QHash<QString, int> jobChips; ///< running job → qualifying chips it holds here
};

struct PoolView
{
    QString region, pool;
    QString site; ///< siteIdOf() of its first node: the latency matrix's site
    QSet<QString> models;
    QList<NodeView> nodes;
};

// Whether a chip's model is accepted, remembering the last answer: a node's chips are nearly always of one model
// (implicitly shared strings), so a pass over the fleet compares once per node, not once per chip and model.
class ModelFilter
{
public:
    explicit ModelFilter(const QStringList& models)
        : m_models(models)
    { }
    bool accepts(const QString& model)
    {
        if (!m_known || (model.constData() != m_last.constData() && model != m_last)) {
            m_last = model;
            m_known = true;
            m_accepted = m_models.contains(model);
        }
        return m_accepted;
    }

private:
    const QStringList& m_models;
    QString m_last;
    bool m_known = false;
    bool m_accepted = false;
};

bool memoryQualifies(const FleetNode& node, ModelFilter& models, double minMemoryGiB)
{
    if (std::isnan(minMemoryGiB))
        return true;
    for (const Protocol::AcceleratorInfo& a : node.inventory.accelerators)
        if (models.accepts(a.model) && double(a.memoryBytes) < minMemoryGiB * GiB)
            return false; // unknown memory (0) never meets a bound
    return true;
}

bool hasAcceptedModel(const FleetNode& node, ModelFilter& models)
{
    for (const Protocol::AcceleratorInfo& a : node.inventory.accelerators)
        if (models.accepts(a.model))
            return true;
    return false;
}

NodeView viewOf(const FleetNode& node, ModelFilter& models)
{
    NodeView v;
    v.id = node.inventory.nodeId;
    int total = 0, free = 0, faulty = 0, unknown = 0;
    for (const ModelCapacity& m : capacityByModel(node)) {
        total += m.total;
        free += m.free;
        faulty += m.faulty;
        unknown += m.unknown;
        if (!models.accepts(m.model))
            continue;
        v.chips += m.total;
        v.free += m.free;
        v.allocated += m.allocated;
        v.unknown += m.unknown;
    }
    const bool up = node.snapshot.sample.seq > 0 && node.snapshot.sample.state != NodeState::Down;
    v.wholeFree = up && v.chips > 0 && free == total;
    v.eligibleWhole = up && v.chips > 0 && faulty == 0 && unknown == 0;
    if (node.snapshot.sample.seq > 0 && node.snapshot.sample.state != NodeState::Down) {
        // Chip index → accepted model (indexes are small: a node has at most a few dozen chips).
        QVarLengthArray<bool, 16> accepted;
        for (const Protocol::AcceleratorInfo& a : node.inventory.accelerators) {
            if (a.index < 0 || a.index > 4096)
                continue;
            if (accepted.size() <= a.index)
                accepted.resize(a.index + 1, false);
            accepted[a.index] = models.accepts(a.model);
        }
        for (const Protocol::AcceleratorSample& s : node.snapshot.sample.accelerators)
            if (!s.jobId.isEmpty() && s.health != AcceleratorHealth::Faulty && s.index >= 0 && s.index < accepted.size()
                && accepted[s.index])
                ++v.jobChips[s.jobId];
    }
    return v;
}

// Pools with qualifying nodes, in a stable order; counts the pools the region lists exclude.
QList<PoolView> poolViews(const PlannerInputs& in, const PlacementRequest& r, const QStringList& models, int* excluded)
{
    QHash<QString, int> index;
    QList<PoolView> pools;
    QSet<QString> excludedPools;
    ModelFilter filter(models);
    for (auto it = in.nodes.cbegin(); it != in.nodes.cend(); ++it) {
        const Protocol::NodeInventory& inv = it->inventory;
        if (inv.nodeId.isEmpty() || inv.pool.isEmpty() || !hasAcceptedModel(*it, filter)
            || !memoryQualifies(*it, filter, r.minMemoryGiB))
            continue;
        NodeView v = viewOf(*it, filter);
        if (v.chips == 0)
            continue;
        const QString key = poolKey(inv.region, inv.pool);
        if (!r.allowsRegion(inv.region)) {
            excludedPools.insert(key); // a pool that would qualify but for the region lists
            continue;
        }
        auto at = index.constFind(key);
        if (at == index.constEnd()) {
            at = index.insert(key, int(pools.size()));
            pools.append({ inv.region, inv.pool, siteIdOf(inv), {}, {} });
        }
        PoolView& p = pools[*at];
        for (const Protocol::AcceleratorInfo& a : inv.accelerators)
            if (filter.accepts(a.model))
                p.models.insert(a.model);
        p.nodes.append(std::move(v));
    }
    for (PoolView& p : pools)
        std::sort(p.nodes.begin(), p.nodes.end(), [](const NodeView& a, const NodeView& b) { return a.id < b.id; });
    *excluded = int(excludedPools.size());
    return pools;
}

FitFactor fitOf(const PoolView& p, const PlacementRequest& r)
{
    FitFactor f;
    for (const NodeView& n : p.nodes) {
        f.chips += n.chips;
        f.freeChips += n.free;
        f.unknownChips += n.unknown;
        f.freeWholeNodes += n.wholeFree ? 1 : 0;
        f.chipsPerNode = std::max(f.chipsPerNode, n.chips);
    }
    f.nodesNeeded = f.chipsPerNode > 0 ? (r.count + f.chipsPerNode - 1) / f.chipsPerNode : 0;
    const bool chipsFit = f.freeChips >= r.count;
    const bool wholeFit = f.freeWholeNodes >= f.nodesNeeded;
    f.fitsNow = r.wholeNodes ? wholeFit : chipsFit;
    f.fragmented = chipsFit && !wholeFit;
    return f;
}

// A release of capacity when a job ends: chips (any-chips requests) or a whole node (whole-node requests).
struct Release
{
    qint64 atMs = 0;
    int amount = 0;
    QString job; ///< the job whose end releases it (whole nodes: the last to end)
};

// What a pool can offer a request, now and as its jobs end (docs/planner.md, "If not now, when"). Units: chips
// (any chips) or whole nodes (whole-node requests). Spanning candidates add their members' supplies.
struct Supply
{
    int have = 0; ///< free now
    int capacity = 0; ///< free + held by running jobs (chips), or eligible nodes: what the pool can ever offer
    int queuedUnits = 0; ///< the queue ahead, served first
    int queuedAhead = 0;
    int queuedAheadChips = 0;
    QList<Release> known; ///< releases at a known time
    QSet<QString> unknownJobs; ///< running jobs with no expected end
    QHash<QString, qint64> jobEnds; ///< every running job holding qualifying chips here → its end
};

constexpr qint64 EndUnknown = std::numeric_limits<qint64>::max();

// The queue ahead per pool (key: poolKey()): jobs queued for it and the chips they request. One pass over the jobs
// for the whole answer.
struct Queue
{
    int jobs = 0;
    int chips = 0;
};

QHash<QString, Queue> queuesByPool(const PlannerInputs& in)
{
    QHash<QString, Queue> out;
    for (const Protocol::JobRecord& j : in.jobs) {
        if (j.state != QLatin1String("queued"))
            continue;
        Queue& q = out[poolKey(j.region, j.pool)];
        ++q.jobs;
        q.chips += j.acceleratorsRequested;
    }
    return out;
}

Supply supplyOf(
    const PoolView& p, const FitFactor& fit, const PlacementRequest& r, const PlannerInputs& in, const Queue& queue)
{
    Supply s;
    s.queuedAhead = queue.jobs;
    s.queuedAheadChips = queue.chips;
    auto endOf = [&](const QString& jobId) {
        const auto it = in.jobs.constFind(jobId);
        return it != in.jobs.constEnd() && it->expectedEndMs > 0 ? std::max(it->expectedEndMs, in.nowMs) : EndUnknown;
    };
    for (const NodeView& n : p.nodes)
        for (auto j = n.jobChips.cbegin(); j != n.jobChips.cend(); ++j)
            if (!s.jobEnds.contains(j.key()))
                s.jobEnds.insert(j.key(), endOf(j.key()));
    if (r.wholeNodes) {
        s.have = fit.freeWholeNodes;
        const int per = std::max(1, fit.chipsPerNode);
        s.queuedUnits = (s.queuedAheadChips + per - 1) / per;
        for (const NodeView& n : p.nodes) {
            if (!n.eligibleWhole || n.wholeFree)
                continue;
            ++s.capacity;
            qint64 at = 0;
            QString last;
            for (auto j = n.jobChips.cbegin(); j != n.jobChips.cend(); ++j) {
                const qint64 end = s.jobEnds.value(j.key());
                if (end == EndUnknown)
                    s.unknownJobs.insert(j.key());
                if (end >= at) {
                    at = end;
                    last = j.key();
                }
            }
            if (at != EndUnknown)
                s.known.append({ at, 1, last });
        }
        s.capacity += fit.freeWholeNodes;
    } else {
        s.have = fit.freeChips;
        s.queuedUnits = s.queuedAheadChips;
        QHash<QString, int> held;
        for (const NodeView& n : p.nodes)
            for (auto j = n.jobChips.cbegin(); j != n.jobChips.cend(); ++j)
                held[j.key()] += j.value();
        for (auto j = held.cbegin(); j != held.cend(); ++j) {
            s.capacity += j.value();
            const qint64 end = s.jobEnds.value(j.key());
            if (end == EndUnknown)
                s.unknownJobs.insert(j.key());
            else
                s.known.append({ end, j.value(), j.key() });
        }
        s.capacity += fit.freeChips;
    }
    return s;
}

// The request in the supply's units: chips, or whole nodes.
int unitsNeeded(const FitFactor& fit, const PlacementRequest& r)
{
    return r.wholeNodes ? fit.nodesNeeded : r.count;
}

// When `need` units (after the queue ahead) are free: now, at a known job end, unknown, or never.
WaitFactor waitFrom(const Supply& s, int need, bool fitsNow, qint64 nowMs)
{
    WaitFactor w;
    w.queuedAhead = s.queuedAhead;
    w.queuedAheadChips = s.queuedAheadChips;
    if (s.capacity < need) {
        w.state = FitState::Never;
        return w;
    }
    w.unknownEnds = int(s.unknownJobs.size());
    if (fitsNow) {
        w.state = FitState::Now;
        w.atMs = nowMs;
        w.waitMs = 0;
        return w;
    }
    QList<Release> known = s.known;
    std::sort(known.begin(), known.end(),
        [](const Release& a, const Release& b) { return std::tie(a.atMs, a.job) < std::tie(b.atMs, b.job); });
    int have = s.have;
    QSet<QString> ending;
    for (const Release& rel : std::as_const(known)) {
        have += rel.amount;
        ending.insert(rel.job);
        if (have >= need + s.queuedUnits) {
            w.state = FitState::Later;
            w.atMs = rel.atMs;
            w.waitMs = rel.atMs - nowMs;
            // Every job ending by then, not only those whose release was counted (a node waits for its last).
            w.jobsEnding
                = int(std::count_if(s.jobEnds.cbegin(), s.jobEnds.cend(), [&](qint64 end) { return end <= rel.atMs; }));
            return w;
        }
    }
    w.state = FitState::Unknown; // the known ends are not enough; the rest nobody can date
    w.jobsEnding = int(ending.size());
    return w;
}

LatencyFactor latencyOf(const PoolView& p, const PlacementRequest& r, const PlannerInputs& in)
{
    LatencyFactor l;
    l.asked = !r.anchorSite.isEmpty();
    l.anchor = r.anchorSite;
    l.boundP99Ms = r.maxP99Ms;
    const LatencyTopology& t = in.latency.topology();
    const int pool = t.poolIndex.value(p.pool, -1);
    const int site = pool >= 0 ? t.poolSite.value(pool, -1) : -1;
    if (site >= 0)
        l.site = t.sites[site].id;
    if (!l.asked)
        return l;
    const int anchor = t.siteIndex.value(r.anchorSite, -1);
    if (site < 0 || anchor < 0)
        return l;
    const PairStats s = in.latency.stats(LatencyLevel::Site, site, anchor);
    if (!s.hasData())
        return l;
    l.known = true;
    l.p50Ms = s.p50Ms;
    l.p99Ms = s.p99Ms;
    l.loss = s.loss;
    if (!r.pairClass.isEmpty()) {
        for (int c = 0; c < PairClassCount; ++c) {
            if (pairClassKey(PairClass(c)) != r.pairClass)
                continue;
            l.classTarget = in.targets.target(PairClass(c));
            l.violates = in.targets.violates(PairClass(c), s);
        }
    } else if (!std::isnan(r.maxP99Ms)) {
        l.violates = std::isnan(s.p99Ms) || s.p99Ms > r.maxP99Ms; // all probes lost: no RTT meets a bound
    }
    return l;
}

// Closed job recoveries per pool (Jobs::figures: interruption → running again), over jobs that had any.
QHash<QString, QList<qint64>> recoveriesByPool(const PlannerInputs& in)
{
    QHash<QString, QList<qint64>> out;
    for (const Protocol::JobRecord& j : in.jobs) {
        if (j.interruptionLog.isEmpty())
            continue;
        const Jobs::JobFigures f = Jobs::figures(j, in.nowMs);
        for (const Jobs::Recovery& rec : f.recoveries)
            if (!rec.open)
                out[poolKey(j.region, j.pool)].append(rec.durationMs);
    }
    return out;
}

// Fits first (by score), then those that break the latency bound, each group by score, then by name.
void sortCandidates(QList<Candidate>* candidates)
{
    std::stable_sort(candidates->begin(), candidates->end(), [](const Candidate& a, const Candidate& b) {
        if (a.latency.violates != b.latency.violates)
            return b.latency.violates;
        if (a.scores.total != b.scores.total)
            return a.scores.total > b.scores.total;
        return std::tie(a.region, a.pool) < std::tie(b.region, b.pool);
    });
    for (int i = 0; i < candidates->size(); ++i)
        (*candidates)[i].rank = i + 1;
}

QStringList freeNodesOf(const PoolView& p)
{
    QStringList whole, partly;
    for (const NodeView& n : p.nodes) {
        if (n.wholeFree)
            whole.append(n.id);
        else if (n.free > 0)
            partly.append(n.id);
    }
    return whole + partly;
}

// One pool assessed for the request on its own: a candidate unless it can never hold the job, and a possible
// member of a spanning set.
struct Assessed
{
    const PoolView* pool = nullptr;
    FitFactor fit;
    Supply supply;
    WaitFactor wait;
};

// Possible spanning sets (docs/planner.md, "Spanning the pools of one site"): pools of one site whose qualifying
// chips are one and the same model and, for whole nodes, whose nodes have as many chips, so that their units add.
QList<QList<const Assessed*>> spanningGroups(const QList<Assessed>& assessed, const PlacementRequest& r)
{
    QMap<QString, QList<const Assessed*>> groups; // ordered: a stable answer
    for (const Assessed& x : assessed) {
        if (x.pool->models.size() != 1 || x.fit.chipsPerNode <= 0)
            continue;
        const QString key = QStringList { x.pool->region, x.pool->site, *x.pool->models.cbegin(),
            QString::number(r.wholeNodes ? x.fit.chipsPerNode : 0) }
                                .join(u'|');
        groups[key].append(&x);
    }
    QList<QList<const Assessed*>> out;
    for (const QList<const Assessed*>& g : std::as_const(groups))
        if (g.size() >= 2)
            out.append(g);
    return out;
}

Supply combined(const QList<const Assessed*>& members)
{
    Supply s;
    for (const Assessed* m : members) {
        s.have += m->supply.have;
        s.capacity += m->supply.capacity;
        s.queuedUnits += m->supply.queuedUnits;
        s.queuedAhead += m->supply.queuedAhead;
        s.queuedAheadChips += m->supply.queuedAheadChips;
        s.known += m->supply.known;
        s.unknownJobs.unite(m->supply.unknownJobs);
        s.jobEnds.insert(m->supply.jobEnds);
    }
    return s;
}

// Units a member offers by `atMs`: free now and released by known ends until then.
int availableBy(const Supply& s, qint64 atMs)
{
    int have = s.have;
    for (const Release& rel : s.known)
        if (rel.atMs <= atMs)
            have += rel.amount;
    return have;
}

// Worst of two latencies to the anchor: a violation, then unknown, then the higher p99.
const LatencyFactor& worse(const LatencyFactor& a, const LatencyFactor& b)
{
    if (a.violates != b.violates)
        return a.violates ? a : b;
    if (a.known != b.known)
        return a.known ? b : a;
    return !(b.p99Ms > a.p99Ms) ? a : b;
}

// Risk over the nodes each member actually gives: expected interruptions and their intervals add up; the history
// is enough only when every member's is for its own share.
RiskFactor spanningRisk(const QList<const Assessed*>& used, const QList<int>& nodes, const PlacementRequest& r,
    const PlannerInputs& in, const QHash<QString, QList<qint64>>& recoveries, double share)
{
    RiskFactor k;
    k.lostWorkShare = share;
    QList<qint64> allRecoveries;
    bool anyHistory = false, allEnough = true;
    double expected = 0, low = 0, high = 0, perHour = 0;
    int totalNodes = 0;
    for (int i = 0; i < used.size(); ++i) {
        const QString key = poolKey(used[i]->pool->region, used[i]->pool->pool);
        const auto history = in.risk.constFind(key);
        const RiskFactor m = riskOf(
            history == in.risk.constEnd() ? nullptr : &*history, nodes[i], r.durationMs, recoveries.value(key), share);
        allRecoveries += recoveries.value(key);
        totalNodes += nodes[i];
        if (m.history != RiskHistory::None) {
            k.observedFaults = std::max(0, k.observedFaults) + m.observedFaults;
            k.observedNodeHours = (anyHistory ? k.observedNodeHours : 0) + m.observedNodeHours;
            anyHistory = true;
        }
        if (m.history != RiskHistory::Enough) {
            allEnough = false;
            continue;
        }
        expected += m.expectedInterruptions;
        low += m.expectedInterruptionsLow;
        high += m.expectedInterruptionsHigh;
        perHour += m.faultsPerNodeHour * nodes[i];
    }
    k.recoveries = int(allRecoveries.size());
    k.medianRecoveryMs = medianMs(allRecoveries);
    k.recoveryOverTarget = !std::isnan(k.medianRecoveryMs) && k.medianRecoveryMs > double(Jobs::RecoveryTargetMs);
    k.history = allEnough ? RiskHistory::Enough : anyHistory ? RiskHistory::TooShort : RiskHistory::None;
    if (k.history != RiskHistory::Enough)
        return k;
    const double jobNodeHours = double(totalNodes) * (double(r.durationMs) / HourMs);
    k.expectedInterruptions = expected;
    k.expectedInterruptionsLow = low;
    k.expectedInterruptionsHigh = high;
    k.faultsPerNodeHour = expected / jobNodeHours;
    k.faultsPerNodeHourLow = low / jobNodeHours;
    k.faultsPerNodeHourHigh = high / jobNodeHours;
    k.checkpointIntervalHours = perHour > 0 ? 2 * share / perHour : std::numeric_limits<double>::infinity();
    return k;
}

// A spanning candidate for one group, when it does better than every member alone: it fits now while none does,
// or it fits sooner than each. Members are filled in order of what they offer at that time, most first; a member
// that is not needed is not part of the set.
std::optional<Candidate> spanningOf(const QList<const Assessed*>& group, const PlacementRequest& r,
    const PlannerInputs& in, const QHash<QString, QList<qint64>>& recoveries, double share)
{
    const int perNode = group.first()->fit.chipsPerNode; // the same for every member of a whole-node group
    const int need = r.wholeNodes ? (r.count + perNode - 1) / perNode : r.count;
    const Supply all = combined(group);
    const bool fitsNow = all.have >= need;
    const WaitFactor w = waitFrom(all, need, fitsNow, in.nowMs);
    if (w.state != FitState::Now && w.state != FitState::Later)
        return std::nullopt;
    for (const Assessed* m : group)
        if (m->fit.fitsNow || (m->wait.state == FitState::Later && m->wait.atMs <= w.atMs))
            return std::nullopt;
    QList<std::pair<int, const Assessed*>> offers;
    for (const Assessed* m : group)
        offers.append({ std::max(0, availableBy(m->supply, w.atMs) - (fitsNow ? 0 : m->supply.queuedUnits)), m });
    std::sort(offers.begin(), offers.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second->pool->pool < b.second->pool->pool;
    });
    QList<const Assessed*> used;
    QList<int> shares, nodes;
    int remaining = need;
    for (const auto& [offer, m] : std::as_const(offers)) {
        if (remaining <= 0 || offer <= 0)
            continue;
        const int take = std::min(offer, remaining);
        used.append(m);
        shares.append(take);
        nodes.append(r.wholeNodes ? take : (take + m->fit.chipsPerNode - 1) / m->fit.chipsPerNode);
        remaining -= take;
    }
    if (remaining > 0 || used.size() < 2)
        return std::nullopt;

    Candidate c;
    c.region = group.first()->pool->region;
    c.models = { *group.first()->pool->models.cbegin() };
    for (int i = 0; i < used.size(); ++i) {
        const Assessed& m = *used[i];
        c.spans.append(m.pool->pool);
        c.fit.chips += m.fit.chips;
        c.fit.freeChips += m.fit.freeChips;
        c.fit.freeWholeNodes += m.fit.freeWholeNodes;
        c.fit.unknownChips += m.fit.unknownChips;
        c.fit.chipsPerNode = std::max(c.fit.chipsPerNode, m.fit.chipsPerNode);
        c.fit.nodesNeeded += nodes[i];
        c.latency = i == 0 ? latencyOf(*m.pool, r, in) : worse(c.latency, latencyOf(*m.pool, r, in));
        c.freeNodes += freeNodesOf(*m.pool);
    }
    c.pool = c.spans.join(QStringLiteral(" + "));
    c.spanShares = shares;
    c.fit.fitsNow = fitsNow;
    c.fit.fragmented = !fitsNow && c.fit.freeChips >= r.count;
    c.wait = waitFrom(combined(used), need, fitsNow, in.nowMs);
    c.risk = spanningRisk(used, nodes, r, in, recoveries, share);
    return c;
}

} // namespace

double medianMs(QList<qint64> values)
{
    if (values.isEmpty())
        return Protocol::Missing;
    std::sort(values.begin(), values.end());
    // Nearest rank: the ⌈n/2⌉-th smallest.
    return double(values[(values.size() + 1) / 2 - 1]);
}

namespace {

// P(X ≤ n) for X ~ Poisson(mean), summed in log space (no underflow for large means).
double poissonCdf(int n, double mean)
{
    if (mean <= 0)
        return 1;
    const double logMean = std::log(mean);
    double maxLog = -std::numeric_limits<double>::infinity();
    QVarLengthArray<double, 256> logs;
    for (int i = 0; i <= n; ++i) {
        logs.append(-mean + i * logMean - std::lgamma(i + 1.0));
        maxLog = std::max(maxLog, logs.back());
    }
    double sum = 0;
    for (double l : logs)
        sum += std::exp(l - maxLog);
    return std::min(1.0, std::exp(maxLog + std::log(sum)));
}

// The mean at which P(X ≤ n) falls to `p` (P(X ≤ n) decreases with the mean), by bisection.
double meanWhereCdfIs(int n, double p)
{
    double lo = 0, hi = n + 20 * std::sqrt(n + 1.0) + 20;
    for (int i = 0; i < 100 && hi - lo > 1e-12 * hi; ++i) {
        const double mid = (lo + hi) / 2;
        (poissonCdf(n, mid) > p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

// The standard normal quantile of p (0.5 < p < 1), by bisection on erfc.
double normalQuantile(double p)
{
    double lo = 0, hi = 10;
    for (int i = 0; i < 100; ++i) {
        const double mid = (lo + hi) / 2;
        (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

// Above this many events the exact sums get long; Wilson–Hilferty's approximation is within 0.1 % there.
constexpr int ExactIntervalUpTo = 200;

} // namespace

std::pair<double, double> poissonInterval(int count, double confidence)
{
    const double tail = (1 - confidence) / 2;
    if (count <= 0)
        return { 0, meanWhereCdfIs(0, tail) };
    if (count > ExactIntervalUpTo) {
        const double z = normalQuantile(1 - tail);
        auto wh
            = [z](double k, double sign) { return k * std::pow(1 - 1 / (9 * k) + sign * z / (3 * std::sqrt(k)), 3); };
        return { wh(count, -1), wh(count + 1.0, +1) };
    }
    // Garwood: low is the mean at which seeing ≥ count has probability tail, high that at which ≤ count has.
    return { meanWhereCdfIs(count - 1, 1 - tail), meanWhereCdfIs(count, tail) };
}

RiskFactor riskOf(
    const PoolRisk* history, int nodes, qint64 durationMs, const QList<qint64>& recoveriesMs, double lostWorkShare)
{
    RiskFactor k;
    k.lostWorkShare = lostWorkShare;
    k.recoveries = int(recoveriesMs.size());
    k.medianRecoveryMs = medianMs(recoveriesMs);
    k.recoveryOverTarget = !std::isnan(k.medianRecoveryMs) && k.medianRecoveryMs > double(Jobs::RecoveryTargetMs);
    if (!history || history->faults < 0)
        return k;
    // The observation: faults over up node-hours (MTBF × faults is the same figure when the column is absent).
    double observed = history->upNodeHours;
    if (std::isnan(observed) && history->faults > 0)
        observed = history->mtbfHours * history->faults;
    if (std::isnan(observed) || observed <= 0)
        return k;
    k.observedFaults = history->faults;
    k.observedNodeHours = observed;
    const double jobNodeHours = double(nodes) * (double(durationMs) / HourMs);
    if (observed < MinObservedNodeHours || (k.observedFaults < MinFaultsForRate && observed < jobNodeHours)) {
        k.history = RiskHistory::TooShort; // a rate from so little would be a guess: unknown, not a number
        return k;
    }
    k.history = RiskHistory::Enough;
    k.faultsPerNodeHour = k.observedFaults / observed;
    const auto [low, high] = poissonInterval(k.observedFaults);
    k.faultsPerNodeHourLow = low / observed;
    k.faultsPerNodeHourHigh = high / observed;
    k.expectedInterruptions = k.faultsPerNodeHour * jobNodeHours;
    k.expectedInterruptionsLow = k.faultsPerNodeHourLow * jobNodeHours;
    k.expectedInterruptionsHigh = k.faultsPerNodeHourHigh * jobNodeHours;
    // Each interruption loses on average half a checkpoint interval T: lost = N·T/2 ≤ share·D, so
    // T = 2·share·D / N = 2·share / (rate·nodes), whatever the duration.
    const double perHour = k.faultsPerNodeHour * nodes;
    k.checkpointIntervalHours = perHour > 0 ? 2 * lostWorkShare / perHour : std::numeric_limits<double>::infinity();
    return k;
}

FactorScores score(const Candidate& c, const PlannerWeights& w)
{
    FactorScores s;
    s.fit = c.fit.fitsNow ? 1 : 0;
    switch (c.wait.state) {
    case FitState::Now:
        s.wait = 1;
        break;
    case FitState::Later:
        s.wait = 1 / (1 + double(c.wait.waitMs) / (24 * HourMs)); // a day's wait halves it
        break;
    default:
        s.wait = 0;
    }
    if (!c.latency.asked)
        s.latency = 1;
    else if (!c.latency.known || c.latency.violates)
        s.latency = 0;
    else if (!std::isnan(c.latency.boundP99Ms))
        s.latency = 1 - 0.5 * c.latency.p99Ms / c.latency.boundP99Ms;
    else if (!std::isnan(c.latency.classTarget.p50Ms) && c.latency.classTarget.p50Ms > 0)
        s.latency = 1 - 0.5 * std::min(1.0, c.latency.p50Ms / c.latency.classTarget.p50Ms);
    else
        s.latency = std::isnan(c.latency.p99Ms) ? 0 : 1 / (1 + c.latency.p99Ms / 10);
    // Unknown risk (no or too short history) is neither best nor worst: the score of one expected interruption.
    s.risk = (std::isnan(c.risk.expectedInterruptions) ? UnknownRiskScore : 1 / (1 + c.risk.expectedInterruptions))
        * (c.risk.recoveryOverTarget ? 0.5 : 1);
    const double sum = w.fit + w.wait + w.latency + w.risk;
    s.total = sum > 0 ? (w.fit * s.fit + w.wait * s.wait + w.latency * s.latency + w.risk * s.risk) / sum : 0;
    return s;
}

void rerank(PlanAnswer* answer, const PlannerWeights& weights)
{
    answer->weights = weights;
    for (Candidate& c : answer->candidates)
        c.scores = score(c, weights);
    sortCandidates(&answer->candidates);
}

PlanAnswer plan(const PlannerInputs& in, const PlacementRequest& r, const PlannerWeights& weights, double share)
{
    PlanAnswer a;
    a.request = r;
    a.weights = weights;
    a.nowMs = in.nowMs;
    for (const QString& problem : validate(r))
        a.problems.append({ PlanProblem::Kind::Invalid, problem, 0 });
    if (!a.problems.isEmpty())
        return a;
    a.models = acceptedModels(r.model, r.family, in.families);
    if (a.models.isEmpty()) {
        a.problems.append({ PlanProblem::Kind::UnknownFamily, r.family, 0 });
        return a;
    }
    const QList<PoolView> pools = poolViews(in, r, a.models, &a.poolsExcluded);
    const QHash<QString, QList<qint64>> recoveries = recoveriesByPool(in);
    const QHash<QString, Queue> queues = queuesByPool(in);
    QList<Assessed> assessed;
    assessed.reserve(pools.size()); // spanning groups point into it
    int largest = 0;
    for (const PoolView& p : pools) {
        Assessed x { &p, fitOf(p, r), {}, {} };
        x.supply = supplyOf(p, x.fit, r, in, queues.value(poolKey(p.region, p.pool)));
        x.wait = waitFrom(x.supply, unitsNeeded(x.fit, r), x.fit.fitsNow, in.nowMs);
        largest = std::max(largest,
            r.wholeNodes ? int(
                std::count_if(p.nodes.cbegin(), p.nodes.cend(), [](const NodeView& n) { return n.eligibleWhole; }))
                         : x.fit.chips);
        assessed.append(std::move(x));
    }
    for (const Assessed& x : std::as_const(assessed)) {
        if (x.wait.state == FitState::Never)
            continue;
        const PoolView& p = *x.pool;
        Candidate c;
        c.region = p.region;
        c.pool = p.pool;
        c.models = QStringList(p.models.cbegin(), p.models.cend());
        c.models.sort();
        c.fit = x.fit;
        c.wait = x.wait;
        c.latency = latencyOf(p, r, in);
        const auto history = in.risk.constFind(poolKey(p.region, p.pool));
        c.risk = riskOf(history == in.risk.constEnd() ? nullptr : &*history, c.fit.nodesNeeded, r.durationMs,
            recoveries.value(poolKey(p.region, p.pool)), share);
        c.freeNodes = freeNodesOf(p);
        a.candidates.append(std::move(c));
    }
    for (const QList<const Assessed*>& group : spanningGroups(assessed, r))
        if (std::optional<Candidate> c = spanningOf(group, r, in, recoveries, share))
            a.candidates.append(std::move(*c));
    rerank(&a, weights);
    if (pools.isEmpty())
        a.problems.append({ a.poolsExcluded > 0 ? PlanProblem::Kind::AllExcluded : PlanProblem::Kind::NoQualifyingChips,
            a.models.join(QStringLiteral(", ")), 0 });
    else if (a.candidates.isEmpty())
        a.problems.append({ PlanProblem::Kind::TooSmall,
            r.wholeNodes ? QStringLiteral("whole nodes") : QStringLiteral("chips"), largest });
    return a;
}

} // namespace Meridian::Planner
