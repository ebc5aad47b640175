// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Counts over region → pool → rack, kept incrementally: what a node adds to its rack, pool, region and the
// fleet is remembered, taken away before the node changes and added again after, so an update costs what
// changed, never the fleet. The one place where nodes become figures per scope: the store's summaries, the
// capacity per pool and model, and the Pools page's tree all read it.

#include "core/model/fleettypes.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <map>

namespace Meridian {

// A scope of the fleet. The level says which of the names count: a node with no rack still has a rack scope
// (of empty name), distinct from its pool's.
struct ScopeKey
{
    enum Level : quint8 { Fleet, Region, Pool, Rack };
    Level level = Fleet;
    QString region;
    QString pool;
    QString rack;

    static ScopeKey fleet() { return {}; }
    static ScopeKey ofRegion(const QString& region) { return { Region, region, {}, {} }; }
    static ScopeKey ofPool(const QString& region, const QString& pool) { return { Pool, region, pool, {} }; }
    static ScopeKey ofRack(const QString& region, const QString& pool, const QString& rack)
    {
        return { Rack, region, pool, rack };
    }
    friend bool operator==(const ScopeKey&, const ScopeKey&) = default;
    friend size_t qHash(const ScopeKey& k, size_t seed = 0)
    {
        return qHashMulti(seed, int(k.level), k.region, k.pool, k.rack);
    }
};

// The chips of one model a scope's capacity history must hold, minute by minute, to count as complete
// (loadedCapacity): those of nodes that report now and of nodes down now (counted faulty; their source sends
// nothing), without chips never reported.
struct ExpectedChips
{
    QString model;
    int installed = 0;
    int down = 0; ///< of those, on nodes down now
};

// The figures of one scope.
struct ScopeCounts
{
    int nodesTotal = 0;
    int nodesUp = 0; ///< with a snapshot that is not down
    int nodesDown = 0;
    int nodesReporting = 0; ///< status Up: its source answers for it now
    int openFaults = 0;
    QVarLengthArray<ModelCapacity, 4> models; ///< per accelerator model, in the order first seen
    QVarLengthArray<ExpectedChips, 4> expected; ///< per accelerator model, in the order first seen

    ModelCapacity allModels() const; ///< the sum over models (model and vendor empty)
};

// The age of what a scope's nodes last reported: the agent time of its stalest and of its freshest snapshot
// (0, 0: no node in it has one).
struct DataSpan
{
    qint64 oldestMs = 0;
    qint64 newestMs = 0;
};

class FleetAggregate
{
public:
    // Adds, replaces or (node == nullptr) takes away a node's share.
    void put(const QString& nodeId, const FleetNode* node);
    void clear();
    // Room for TARGET nodes when there is none for WANTED; false when there was (FleetStore::growTables).
    bool reserve(qsizetype wanted, qsizetype target)
    {
        if (m_shares.capacity() >= wanted)
            return false;
        m_shares.reserve(target);
        return true;
    }

    const ScopeCounts* counts(const ScopeKey& scope) const; ///< nullptr: no node in it
    QStringList regions() const; ///< sorted, without the empty region of unplaced nodes
    QStringList pools(const QString& region) const; ///< sorted
    QStringList racks(const QString& region, const QString& pool) const; ///< sorted
    // The region a pool belongs to (the first seen, when a pool name repeats across regions).
    QString regionOfPool(const QString& pool) const { return m_poolRegion.value(pool); }
    int nodeCount() const { return int(m_shares.size()); }
    // Of the fleet (an empty region) or of one region; kept per update, as the counts are: a scan of every node
    // per change set cost the UI thread a third of its time at 25,000 nodes (docs/performance.md, Issue 21).
    DataSpan dataSpan(const QString& region = {}) const;

private:
    // What one node adds to each scope it belongs to.
    struct Share
    {
        ScopeKey rack;
        QVarLengthArray<ModelCapacity, 2> models;
        bool up = false;
        bool down = false;
        bool reporting = false;
        int faults = 0;
        qint64 dataMs = 0; ///< the snapshot's agent time; 0: no snapshot
    };
    // How many nodes reported at each agent time: the first key is the oldest, the last the newest.
    using DataTimes = std::map<qint64, int>;
    static void count(DataTimes* times, qint64 ms, int sign);
    static DataSpan spanOf(const DataTimes& times);
    static Share shareOf(const FleetNode& node);
    void add(const Share& share, int sign);
    void addTo(const ScopeKey& scope, const Share& share, int sign);

    QHash<QString, Share> m_shares; ///< node id → its share
    QHash<ScopeKey, ScopeCounts> m_scopes;
    QHash<QString, QString> m_poolRegion;
    DataTimes m_fleetDataTimes;
    QHash<QString, DataTimes> m_regionDataTimes;
};

} // namespace Meridian
