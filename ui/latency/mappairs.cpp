// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/latency/mappairs.h"

#include <QMap>

#include <cmath>

namespace Meridian {
namespace {

struct Direction
{
    int from = -1, to = -1;
    TargetVerdict verdict = TargetVerdict::NoData;
    double ratio = -1;
    bool violates = false;
};

bool worseThan(const Direction& a, const Direction& b)
{
    if (a.verdict != b.verdict)
        return int(a.verdict) > int(b.verdict); // NoData < Within < Near < Over < Lost
    return a.ratio > b.ratio;
}

} // namespace

QList<MapPair> mapPairs(const LatencyMatrix& matrix, const LatencyTargets& targets, const QList<int>& mapIndex)
{
    const LatencyTopology& t = matrix.topology();
    QMap<std::pair<int, int>, QList<Direction>> byPair; // ordered: a stable edge order between recomputes
    const auto& pairs = matrix.pairs(LatencyLevel::Site);
    for (auto it = pairs.cbegin(); it != pairs.cend(); ++it) {
        const int a = int(it.key() >> 32), b = int(it.key() & 0xffffffffu);
        if (a == b || mapIndex.value(a, -1) < 0 || mapIndex.value(b, -1) < 0)
            continue;
        const PairClass c = t.classify(LatencyLevel::Site, a, b);
        const LatencyTarget& target = targets.target(c);
        const double ratio = targetRatio(*it, target);
        byPair[{ std::min(a, b), std::max(a, b) }].append(
            { a, b, verdict(*it, target), std::isnan(ratio) ? -1 : ratio, targets.violates(c, *it) });
    }
    QList<MapPair> out;
    out.reserve(byPair.size());
    for (auto it = byPair.cbegin(); it != byPair.cend(); ++it) {
        const QList<Direction>& dirs = *it;
        const Direction* worst = &dirs.first();
        int violations = 0;
        for (const Direction& d : dirs) {
            if (worseThan(d, *worst))
                worst = &d;
            violations += d.violates ? 1 : 0;
        }
        out.append({ { worst->from, worst->to }, worst->verdict, violations });
    }
    return out;
}

} // namespace Meridian
