// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/quickjumpindex.h"

#include "core/store/fleetstore.h"

#include <QSet>

#include <algorithm>

namespace Meridian {

namespace {

// 0 exact, 1 prefix, 2 substring, -1 no match. Both sides case-folded.
int matchScore(const QString& candidate, const QString& needle)
{
    const QString folded = candidate.toCaseFolded();
    if (folded == needle)
        return 0;
    if (folded.startsWith(needle))
        return 1;
    return folded.contains(needle) ? 2 : -1;
}

// The better of two scores, where -1 (no match) is worst.
int bestOf(int a, int b)
{
    return a < 0 ? b : (b < 0 ? a : std::min(a, b));
}

QString where(const QString& a, const QString& b = {}, const QString& c = {})
{
    QStringList parts;
    for (const QString* s : { &a, &b, &c }) {
        if (!s->isEmpty())
            parts.append(*s);
    }
    return parts.join(QStringLiteral(" / "));
}

} // namespace

QList<JumpTarget> searchJumpTargets(const FleetStore& store, const QString& query, int limit)
{
    const QString needle = query.trimmed().toCaseFolded();
    if (needle.isEmpty())
        return {};
    struct Scored
    {
        int score;
        JumpTarget target;
    };
    QList<Scored> found;
    QSet<QString> seen; // regions, pools and racks appear on many nodes
    auto offer = [&found](int score, JumpTarget t) {
        if (score >= 0)
            found.append({ score, std::move(t) });
    };
    // "host#3": accelerator 3 of a node whose id or host name matches the part before '#'.
    const qsizetype hash = needle.lastIndexOf(QLatin1Char('#'));
    const QString hostPart = hash >= 0 ? needle.left(hash) : QString();
    const QString indexPart = hash >= 0 ? needle.mid(hash + 1) : QString();
    const bool uuidSearch = needle.size() >= 4 && hash < 0;

    for (const FleetNode& node : store.nodes()) {
        const Protocol::NodeInventory& inv = node.inventory;
        const QString region = inv.region, pool = inv.pool, rack = inv.rack;
        if (!seen.contains(region)) {
            seen.insert(region);
            offer(matchScore(region, needle), { JumpTarget::Region, region, {}, {}, {}, -1, region, {} });
        }
        const QString poolKey = region + QLatin1Char('\n') + pool;
        if (!seen.contains(poolKey)) {
            seen.insert(poolKey);
            offer(matchScore(pool, needle), { JumpTarget::Pool, region, pool, {}, {}, -1, pool, where(region) });
        }
        const QString rackKey = poolKey + QLatin1Char('\n') + rack;
        if (!seen.contains(rackKey)) {
            seen.insert(rackKey);
            offer(
                matchScore(rack, needle), { JumpTarget::Rack, region, pool, rack, {}, -1, rack, where(region, pool) });
        }
        const QString host = inv.hostname.isEmpty() ? inv.nodeId : inv.hostname;
        if (hash < 0) {
            const int score = bestOf(matchScore(inv.nodeId, needle), matchScore(host, needle));
            offer(score, { JumpTarget::Node, region, pool, rack, inv.nodeId, -1, host, where(region, pool, rack) });
        } else {
            const int nodeScore = bestOf(matchScore(inv.nodeId, hostPart), matchScore(host, hostPart));
            if (nodeScore >= 0) {
                for (const Protocol::AcceleratorInfo& info : inv.accelerators) {
                    const QString index = QString::number(info.index);
                    if (!index.startsWith(indexPart))
                        continue;
                    offer(std::max(nodeScore, index == indexPart ? 0 : 1),
                        { JumpTarget::Accelerator, region, pool, rack, inv.nodeId, info.index,
                            host + QLatin1Char('#') + index, where(region, pool, rack) });
                }
            }
        }
        if (uuidSearch) {
            for (const Protocol::AcceleratorInfo& info : inv.accelerators) {
                if (info.uuid.isEmpty() || !info.uuid.contains(needle, Qt::CaseInsensitive))
                    continue;
                offer(matchScore(info.uuid, needle),
                    { JumpTarget::Accelerator, region, pool, rack, inv.nodeId, info.index,
                        host + QLatin1Char('#') + QString::number(info.index) + QStringLiteral(" (") + info.uuid
                            + QLatin1Char(')'),
                        where(region, pool, rack) });
            }
        }
    }
    auto before = [](const Scored& a, const Scored& b) {
        if (a.score != b.score)
            return a.score < b.score;
        if (a.target.kind != b.target.kind)
            return a.target.kind < b.target.kind;
        if (a.target.label.size() != b.target.label.size())
            return a.target.label.size() < b.target.label.size();
        return a.target.label < b.target.label;
    };
    const qsizetype n = std::min<qsizetype>(found.size(), limit);
    std::partial_sort(found.begin(), found.begin() + n, found.end(), before);
    QList<JumpTarget> result;
    result.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        result.append(found[i].target);
    return result;
}

} // namespace Meridian
