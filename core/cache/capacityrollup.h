// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Per-minute capacity rollups. Each node contributes its FIRST sample of each
// minute (the writer keeps the last contributed minute per node, persisted with
// its cursor, so re-delivered samples never count twice). One contribution is
// added to six keys: (region, pool, model), (region, *, model), (*, *, model)
// and the same three with model * (all models; its `nodes` counts each node
// once). Counts follow the capacity definitions in fleettypes.h (classify()).

#include "core/protocol/protocoltypes.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Meridian {

inline const QString RollupAll = QStringLiteral("*");

struct RollupKey
{
    QString region;
    QString pool;
    QString model;
    friend bool operator==(const RollupKey&, const RollupKey&) = default;
};
inline size_t qHash(const RollupKey& k, size_t seed = 0)
{
    return qHashMulti(seed, k.region, k.pool, k.model);
}

struct CapacityCounts
{
    int total = 0;
    int allocated = 0;
    int free = 0;
    int faulty = 0;
    int nodes = 0;
};

// What the rollup needs to know about a node, from its inventory.
struct NodePlacement
{
    QString region;
    QString pool;
    QHash<int, QString> modelByIndex;
};

class CapacityRollup
{
public:
    struct Row
    {
        qint64 key = 0;
        qint64 minuteMs = 0;
        CapacityCounts counts;
    };

    void reset(QHash<RollupKey, qint64> keys);
    qint64 keyId(const RollupKey& key) const { return m_keys.value(key, 0); }
    QList<qint64> keyIds() const { return m_keys.values(); }

    void add(qint64 minuteMs, const NodePlacement& placement, const Protocol::Sample& sample);

    int pendingRows() const { return int(m_pending.size()); }
    QList<Row> takeRows(); ///< sorted by (key, minute): B-tree order
    QList<std::pair<qint64, RollupKey>> takeNewKeys();

private:
    qint64 idOf(const RollupKey& key);
    void addTo(const RollupKey& key, qint64 minuteMs, const CapacityCounts& counts);

    QHash<RollupKey, qint64> m_keys;
    qint64 m_nextKey = 1;
    QList<std::pair<qint64, RollupKey>> m_newKeys;
    QHash<std::pair<qint64, qint64>, CapacityCounts> m_pending;
};

} // namespace Meridian
