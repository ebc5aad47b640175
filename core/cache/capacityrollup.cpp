// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/capacityrollup.h"

#include "core/model/fleettypes.h"

#include <QMap>

#include <algorithm>

namespace Meridian {

void CapacityRollup::reset(QHash<RollupKey, qint64> keys)
{
    m_keys = std::move(keys);
    m_nextKey = 1;
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it)
        m_nextKey = std::max(m_nextKey, it.value() + 1);
    m_newKeys.clear();
    m_pending.clear();
}

qint64 CapacityRollup::idOf(const RollupKey& key)
{
    auto it = m_keys.constFind(key);
    if (it != m_keys.cend())
        return it.value();
    const qint64 id = m_nextKey++;
    m_keys.insert(key, id);
    m_newKeys.append({ id, key });
    return id;
}

void CapacityRollup::addTo(const RollupKey& key, qint64 minuteMs, const CapacityCounts& c)
{
    CapacityCounts& sum = m_pending[{ idOf(key), minuteMs }];
    sum.total += c.total;
    sum.allocated += c.allocated;
    sum.free += c.free;
    sum.faulty += c.faulty;
    sum.nodes += c.nodes;
}

void CapacityRollup::add(qint64 minuteMs, const NodePlacement& placement, const Protocol::Sample& sample)
{
    // Models in a stable order so keys are created deterministically.
    QMap<QString, CapacityCounts> byModel;
    CapacityCounts all;
    all.nodes = 1;
    for (const Protocol::AcceleratorSample& a : sample.accelerators) {
        const QString model = placement.modelByIndex.value(a.index, QStringLiteral("unknown"));
        CapacityCounts& c = byModel[model];
        c.nodes = 1;
        ++c.total;
        ++all.total;
        switch (classify(a, sample.state)) {
        case CapacityClass::Faulty:
            ++c.faulty;
            ++all.faulty;
            break;
        case CapacityClass::Allocated:
            ++c.allocated;
            ++all.allocated;
            break;
        case CapacityClass::Free:
            ++c.free;
            ++all.free;
            break;
        }
    }
    for (auto it = byModel.cbegin(); it != byModel.cend(); ++it) {
        addTo({ placement.region, placement.pool, it.key() }, minuteMs, it.value());
        addTo({ placement.region, RollupAll, it.key() }, minuteMs, it.value());
        addTo({ RollupAll, RollupAll, it.key() }, minuteMs, it.value());
    }
    addTo({ placement.region, placement.pool, RollupAll }, minuteMs, all);
    addTo({ placement.region, RollupAll, RollupAll }, minuteMs, all);
    addTo({ RollupAll, RollupAll, RollupAll }, minuteMs, all);
}

QList<CapacityRollup::Row> CapacityRollup::takeRows()
{
    QList<Row> rows;
    rows.reserve(m_pending.size());
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        rows.append({ it.key().first, it.key().second, it.value() });
    m_pending.clear();
    std::sort(rows.begin(), rows.end(),
        [](const Row& a, const Row& b) { return a.key != b.key ? a.key < b.key : a.minuteMs < b.minuteMs; });
    return rows;
}

QList<std::pair<qint64, RollupKey>> CapacityRollup::takeNewKeys()
{
    return std::exchange(m_newKeys, {});
}

} // namespace Meridian
