// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/planner/plannerservice.h"

#include "core/planner/plannerinputs.h"
#include "core/reports/reportrunner.h"
#include "core/store/fleetstore.h"
#include "core/util/backgroundpriority.h"

#include <QSet>
#include <QThread>

namespace Meridian::Planner {

PlannerService::PlannerService(FleetStore* store, CacheReader* cache, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<PlanAnswer>();
    m_families = loadFamilies(userFamiliesPath(), &m_familiesWarning);
    if (cache) {
        m_runner = std::make_unique<Reports::ReportRunner>(cache);
        connect(m_runner.get(), &Reports::ReportRunner::finished, this, &PlannerService::riskDone);
        auto unknown = [this] {
            m_riskLoaded = true; // loaded, and unknown: the factor says so per pool
            Q_EMIT riskReady();
        };
        connect(m_runner.get(), &Reports::ReportRunner::failed, this, unknown);
        connect(m_runner.get(), &Reports::ReportRunner::damaged, this, unknown);
        connect(m_runner.get(), &Reports::ReportRunner::cancelled, this, unknown);
    }
}

PlannerService::~PlannerService()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

QStringList PlannerService::sites() const
{
    // The latency view's site rule (LatencyMatrix's topology), so that an anchor names a site the matrix knows.
    QHash<QString, FleetNode> one;
    QSet<QString> pools;
    for (auto it = m_store->nodes().cbegin(); it != m_store->nodes().cend(); ++it)
        if (!pools.contains(it->inventory.pool)) {
            pools.insert(it->inventory.pool);
            FleetNode n;
            n.inventory = it->inventory;
            one.insert(it.key(), n);
        }
    const LatencyMatrix matrix = LatencyMatrix::buildSites(one);
    QStringList out;
    for (const SiteInfo& s : matrix.topology().sites)
        out.append(s.id);
    out.sort();
    return out;
}

void PlannerService::refreshRisk()
{
    if (!m_runner || m_runner->isRunning()) {
        if (!m_runner) {
            m_riskLoaded = true;
            Q_EMIT riskReady();
        }
        return;
    }
    Reports::ReportParameters p;
    p.type = QStringLiteral("availability");
    Reports::parseRange(QStringLiteral("7d"), &p);
    m_runner->start(p);
}

void PlannerService::riskDone(const Reports::ReportData& data)
{
    m_risk = riskFrom(data);
    m_riskLoaded = true;
    Q_EMIT riskReady();
}

void PlannerService::ask(const PlacementRequest& request, const PlannerWeights& weights, double lostWorkShare)
{
    const Question q { request, weights, lostWorkShare };
    if (m_thread)
        m_waiting = q;
    else
        startWorker(q);
}

void PlannerService::startWorker(const Question& q)
{
    PlannerInputs in = inputsFrom(*m_store); // implicitly shared copies: the store detaches on its next change
    in.risk = m_risk;
    in.families = m_families;
    in.targets = m_targets;
    m_thread = QThread::create([this, in = std::move(in), q]() mutable {
        // Only when latency is asked, and only site pairs: the planner reads site-level figures, and the node-level
        // matrix was most of an anchored answer's cost at 25,000 nodes (docs/performance.md).
        if (!q.request.anchorSite.isEmpty())
            in.latency = LatencyMatrix::buildSites(in.nodes);
        PlanAnswer answer = plan(in, q.request, q.weights, q.share);
        // Posted to the service: if it is being destroyed, its destructor waits for this thread first, and
        // the posted call is dropped with the object.
        QMetaObject::invokeMethod(
            this, [this, answer = std::move(answer)] { workerDone(answer); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("meridian-planner"));
    setBackgroundPriority(m_thread);
    m_thread->start();
}

void PlannerService::workerDone(const PlanAnswer& answer)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_waiting) {
        const Question next = *m_waiting;
        m_waiting.reset();
        startWorker(next);
        return; // the newer question's answer replaces this one
    }
    Q_EMIT answered(answer);
}

} // namespace Meridian::Planner
