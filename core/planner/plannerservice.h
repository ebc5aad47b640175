// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The planner for a session: snapshots the store's nodes and jobs on the UI thread (implicitly shared copies),
// keeps the pools' fault figures from the availability report over the last week (its own report runner on the
// session's cache reader), and computes answers on a worker thread. The page and the command ask it; neither
// reaches the cache. One answer at a time: a question asked while one is computed replaces any waiting one.

#include "core/planner/planner.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace Meridian {
class FleetStore;
class CacheReader;
namespace Reports {
class ReportRunner;
struct ReportData;
} // namespace Reports

namespace Planner {

class PlannerService : public QObject
{
    Q_OBJECT
public:
    // `cache` may be null: risk then stays unknown.
    PlannerService(FleetStore* store, CacheReader* cache, QObject* parent = nullptr);
    ~PlannerService() override;

    const QList<ModelFamily>& families() const { return m_families; }
    void setFamilies(const QList<ModelFamily>& families) { m_families = families; }
    QString familiesWarning() const { return m_familiesWarning; } ///< a broken override file, else empty
    void setTargets(const LatencyTargets& targets) { m_targets = targets; }
    QStringList sites() const; ///< site ids of the fleet, for the anchor choice

    // Reads the availability report's fault figures (a week); riskReady() when in (or failed: unknown risk).
    void refreshRisk();
    bool riskLoaded() const { return m_riskLoaded; }
    bool hasRisk() const { return !m_risk.isEmpty(); } ///< some pool has fault figures

    // Computes the answer on the worker; answered() brings it. The answer is for the store as it is now.
    void ask(const PlacementRequest& request, const PlannerWeights& weights = {},
        double lostWorkShare = DefaultLostWorkShare);
    bool isBusy() const { return m_thread != nullptr; }

Q_SIGNALS:
    void riskReady();
    void answered(const Meridian::Planner::PlanAnswer& answer);

private:
    struct Question
    {
        PlacementRequest request;
        PlannerWeights weights;
        double share = DefaultLostWorkShare;
    };
    void startWorker(const Question& question);
    void workerDone(const PlanAnswer& answer);
    void riskDone(const Reports::ReportData& data);

    FleetStore* m_store;
    std::unique_ptr<Reports::ReportRunner> m_runner;
    QList<ModelFamily> m_families;
    QString m_familiesWarning;
    LatencyTargets m_targets;
    QHash<QString, PoolRisk> m_risk;
    bool m_riskLoaded = false;
    QThread* m_thread = nullptr;
    std::optional<Question> m_waiting;
};

} // namespace Planner
} // namespace Meridian
