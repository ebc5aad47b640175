// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/fleetchangeset.h"
#include "core/protocol/protocoltypes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QVarLengthArray>

namespace Meridian {

class CacheReader;
class FleetStore;
struct MetricSeries;

// An accelerator allocated to a job but doing (almost) nothing.
struct IdleAccelerator
{
    QString nodeId;
    int accelerator = 0;
    QString model;
    QString jobId;
    QString jobName; ///< empty when unknown
    QString tenant; ///< empty when unknown
    qint64 idleSinceMs = 0; ///< agent clock: first sample of the current run under the threshold
    qint64 lastSampleMs = 0; ///< agent clock: newest sample seen
    double meanUtilization = Protocol::Missing; ///< over the run
    friend bool operator==(const IdleAccelerator&, const IdleAccelerator&) = default;
};

// Allocated-but-idle detection: an accelerator allocated to a job (and not
// faulty) whose utilization stays under `threshold` percent for longer than
// `minimumDuration`. Runs are measured on the agents' timestamps only. A
// missing utilization, a faulty chip, a down node, a job change or a gap in
// the data longer than `maxGap` ends a run: not knowing is never "idle".
//
// Fed per node with samples in agent time order (observe()), or attached to a
// FleetStore (its newest snapshot per change set). With a CacheReader, runs
// of the current job are extended back through the cache's utilization
// history (seed()), so the answer is right just after a restart. A run whose
// history is not in the cache yet (the console is still filling it from the
// agents' rings) asks again later, a bounded number of times.
class IdleTracker : public QObject
{
    Q_OBJECT
public:
    explicit IdleTracker(QObject* parent = nullptr);
    ~IdleTracker() override;

    static constexpr double DefaultThreshold = 5.0;
    static constexpr qint64 DefaultMinimumDurationMs = 15 * 60 * 1000;
    // The cache does not show the newest ≤ 5 minutes of a node (its open window): allow that between history and live.
    static constexpr qint64 DefaultMaxGapMs = 6 * 60 * 1000;

    // Changing a threshold drops the runs (they were measured against the old
    // one) and seeds them again from the cache when there is one.
    void setThreshold(double percent);
    double threshold() const { return m_threshold; }
    void setMinimumDuration(qint64 ms);
    qint64 minimumDuration() const { return m_minimumMs; }
    void setMaxGap(qint64 ms) { m_maxGapMs = ms; }
    static constexpr qint64 DefaultSeedRetryMs = 60 * 1000;
    static constexpr int MaxSeedAttempts = 5; ///< retries wait 1, 2, 4, 8 × the first delay
    // Agent time after which a run found without history asks the cache again.
    void setSeedRetry(qint64 firstDelayMs) { m_seedRetryMs = firstDelayMs; }

    void attach(const FleetStore* store, CacheReader* cache = nullptr);

    void observe(const QString& nodeId, const Protocol::Sample& sample, const QString& model = {});
    void observe(const QString& nodeId, const Protocol::Snapshot& snapshot, const Protocol::NodeInventory* inventory);
    void forget(const QString& nodeId);
    void clear();

    // Queries the cache for every allocated accelerator currently under the
    // threshold (all of them are candidates; the others cannot be idle now).
    void seed();
    int pendingSeeds() const { return m_pendingSeeds; }
    // What the cache is asked for to extend a run back in time. The one definition for the live tracker
    // (seed()) and for a replay over a cache (the capacity report): the same window, the same resolution.
    struct HistoryQuery
    {
        QString nodeId;
        int accelerator = 0;
        QString jobId;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int maxPoints = 0;
    };
    // The queries of every run under the threshold now, sorted by node and accelerator; answer each
    // with applyHistory(). A tracker without a cache (a replay) uses these instead of seed().
    QList<HistoryQuery> historyQueries() const;
    // Extends a run back through a utilization history (ascending points).
    void applyHistory(const QString& nodeId, int accelerator, const QString& jobId, const MetricSeries& series);

    QList<IdleAccelerator> idle() const; ///< sorted by node, accelerator
    int trackedAccelerators() const;

Q_SIGNALS:
    void changed();

private:
    struct Run
    {
        int index = 0;
        QString jobId;
        QString model;
        qint64 jobStartMs = 0; ///< from the node's job placements; 0 unknown
        qint64 runStartMs = 0; ///< 0: not under the threshold now
        qint64 liveStartMs = 0; ///< where the live run began: the seed's anchor
        qint64 nextSeedMs = 0; ///< agent time to ask the cache again; 0: no retry due
        int seedAttempts = 0;
        qint64 lastMs = 0;
        double sum = 0;
        int count = 0;
    };
    struct NodeRuns
    {
        qint64 lastMs = 0;
        // Allocated chips only; ≤ 16 per node: a scan beats a hash. On the heap, not inline: the table of 25,000
        // nodes stays small to rehash as it grows, and a node with nothing allocated costs nothing.
        QList<Run> accelerators;
        Run* find(int index);
    };

    void onStoreChanged(const FleetChangeSet& changes);
    void thresholdsChanged();
    static HistoryQuery historyQuery(const QString& nodeId, const Run& run, qint64 nowMs);
    void seedRun(const QString& nodeId, const Run& run, qint64 nowMs);
    void onSeedAnswer(
        const QString& nodeId, int index, const QString& jobId, qint64 anchorMs, const MetricSeries& series);
    QString jobName(const QString& nodeId, const QString& jobId, QString* tenant) const;

    double m_threshold = DefaultThreshold;
    qint64 m_minimumMs = DefaultMinimumDurationMs;
    qint64 m_maxGapMs = DefaultMaxGapMs;
    qint64 m_seedRetryMs = DefaultSeedRetryMs;
    QHash<QString, NodeRuns> m_nodes;
    const FleetStore* m_store = nullptr;
    QPointer<CacheReader> m_cache;
    int m_pendingSeeds = 0;
    quint64 m_generation = 0; ///< answers of an older seed() are dropped
    bool m_seeded = false;
};

} // namespace Meridian
