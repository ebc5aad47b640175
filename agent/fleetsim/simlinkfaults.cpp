// SPDX-License-Identifier: GPL-3.0-or-later
// Injected link faults between two sites (/sim/faults kind link-degrade or
// link-cut). They live until cleared, like the other injected faults; their ids
// are event ids, so DELETE /sim/faults/ID and /sim/faults/clear work for them too.
#include "agent/fleetsim/simulation.h"

namespace Meridian::Sim {
namespace {

int siteIndex(const Topology& topology, const QString& id)
{
    const auto& sites = topology.scenario().sites;
    for (int s = 0; s < int(sites.size()); ++s)
        if (sites[s].id == id)
            return s;
    return -1;
}

} // namespace

ApiResult Simulation::injectLink(const QString& siteA, const QString& siteB, const QString& kind, double factor)
{
    std::unique_lock lock(m_mutex);
    const int a = siteIndex(*m_topology, siteA), b = siteIndex(*m_topology, siteB);
    if (a < 0 || b < 0)
        return { 404, QStringLiteral("no site \"%1\"").arg((a < 0 ? siteA : siteB).left(64)) };
    if (a == b)
        return { 400, QStringLiteral("a link joins two different sites") };
    const bool cut = kind == QLatin1String("link-cut");
    if (!cut && kind != QLatin1String("link-degrade"))
        return { 400, QStringLiteral("kind must be link-degrade or link-cut") };
    if (!(factor >= 1.0 && factor <= 100.0))
        return { 400, QStringLiteral("factor must be in 1…100") };
    advanceTo(simNowLocked());
    if (m_links)
        for (const LinkFault& f : *m_links)
            if (f.joins(a, b) && f.cut == cut)
                return { 409, QStringLiteral("a %1 between %2 and %3 is already open").arg(kind, siteA, siteB) };
    // The event belongs to a gateway of the first site: events are per node.
    const int node = m_topology->siteGateways(a).empty() ? 0 : m_topology->siteGateways(a).front();
    LinkFault f;
    f.siteA = a;
    f.siteB = b;
    f.cut = cut;
    f.factor = factor;
    f.openedMs = m_now;
    f.id = logEvent(node, kind, cut ? Protocol::Severity::Critical : Protocol::Severity::Warning, -1,
        cut ? QStringLiteral("fibre cut between %1 and %2 [injected]").arg(siteA, siteB)
            : QStringLiteral("link between %1 and %2 degraded (RTT ×%3) [injected]").arg(siteA, siteB).arg(factor));
    auto links = std::make_shared<LinkFaults>(m_links ? *m_links : LinkFaults {});
    links->push_back(f);
    m_links = std::move(links);
    publish(false);
    return { 200, {}, f.id, 0 };
}

bool Simulation::clearLinkLocked(qint64 id)
{
    if (!m_links)
        return false;
    auto links = std::make_shared<LinkFaults>(*m_links);
    const auto it = std::find_if(links->begin(), links->end(), [id](const LinkFault& f) { return f.id == id; });
    if (it == links->end())
        return false;
    LinkFault f = *it;
    links->erase(it);
    f.clearedMs = m_now;
    auto history = std::make_shared<LinkFaults>(m_linkHistory ? *m_linkHistory : LinkFaults {});
    history->push_back(f);
    m_linkHistory = std::move(history);
    m_links = links->empty() ? nullptr : std::shared_ptr<const LinkFaults>(std::move(links));
    const int node = m_topology->siteGateways(f.siteA).empty() ? 0 : m_topology->siteGateways(f.siteA).front();
    const auto& sites = m_topology->scenario().sites;
    logEvent(node, f.cut ? QStringLiteral("link-cut") : QStringLiteral("link-degrade"), Protocol::Severity::Info, -1,
        QStringLiteral("link between %1 and %2 restored (fault %3)").arg(sites[f.siteA].id, sites[f.siteB].id).arg(id),
        {}, true);
    return true;
}

} // namespace Meridian::Sim
