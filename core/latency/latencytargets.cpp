// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/latency/latencytargets.h"

#include "core/protocol/protocoljson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace Meridian {

LatencyTargets::LatencyTargets()
{
    // Defaults from the network's own promises ("Wuhu reaches East and Central
    // China within 10 ms") and fabric figures; sites override them in settings.
    m_targets[size_t(PairClass::SameRack)] = { 0.2, 0.001 };
    m_targets[size_t(PairClass::SamePool)] = { 0.5, 0.001 };
    m_targets[size_t(PairClass::SameSite)] = { 1.0, 0.005 };
    m_targets[size_t(PairClass::SameRegion)] = { 10.0, 0.01 };
    m_targets[size_t(PairClass::HubCity)] = { 35.0, 0.01 };
    m_targets[size_t(PairClass::CrossRegion)] = { 40.0, 0.01 };
}

bool violates(const PairPoint& p, const LatencyTarget& target)
{
    const bool slow = !std::isnan(target.p50Ms) && !std::isnan(p.p50Ms) && p.p50Ms > target.p50Ms;
    const bool lossy = !std::isnan(target.loss) && !std::isnan(p.loss) && p.loss > target.loss;
    return slow || lossy;
}

bool LatencyTargets::violates(PairClass c, const PairStats& s) const
{
    return Meridian::violates(PairPoint { s.windowEndMs, s.p50Ms, s.p99Ms, s.loss }, target(c));
}

double targetRatio(const PairStats& s, const LatencyTarget& target)
{
    if (std::isnan(s.p50Ms) || std::isnan(target.p50Ms) || target.p50Ms <= 0)
        return Protocol::Missing;
    return s.p50Ms / target.p50Ms;
}

TargetVerdict verdict(const PairStats& s, const LatencyTarget& target)
{
    if (!s.hasData())
        return TargetVerdict::NoData;
    if (!std::isnan(s.loss) && s.loss >= LostLoss)
        return TargetVerdict::Lost;
    if (violates(PairPoint { s.windowEndMs, s.p50Ms, s.p99Ms, s.loss }, target))
        return TargetVerdict::Over;
    const double ratio = targetRatio(s, target);
    return !std::isnan(ratio) && ratio >= NearTargetRatio ? TargetVerdict::Near : TargetVerdict::Within;
}

int countViolations(const QList<PairPoint>& points, const LatencyTarget& target)
{
    int n = 0;
    for (const PairPoint& p : points)
        n += violates(p, target) ? 1 : 0;
    return n;
}

LatencyTargets LatencyTargets::fromJson(const QByteArray& json, QString* error)
{
    LatencyTargets t;
    if (json.size() > 64 * 1024) {
        *error = QStringLiteral("latency targets: larger than 64 KiB");
        return t;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("latency targets: not a JSON object (%1)").arg(parseError.errorString());
        return t;
    }
    const QJsonObject targets = doc.object().value(QStringLiteral("targets")).toObject();
    for (int c = 0; c < PairClassCount; ++c) {
        const QJsonValue v = targets.value(pairClassKey(PairClass(c)));
        if (v.isUndefined())
            continue;
        LatencyTarget target = t.m_targets[size_t(c)];
        const QJsonValue p50 = v.toObject().value(QStringLiteral("p50Ms"));
        const QJsonValue loss = v.toObject().value(QStringLiteral("loss"));
        if (!p50.isUndefined()) {
            if (!p50.isDouble() || p50.toDouble() <= 0 || p50.toDouble() > 10000) {
                *error
                    = QStringLiteral("latency targets: %1.p50Ms must be in (0, 10000]").arg(pairClassKey(PairClass(c)));
                return LatencyTargets();
            }
            target.p50Ms = p50.toDouble();
        }
        if (!loss.isUndefined()) {
            if (!loss.isDouble() || loss.toDouble() < 0 || loss.toDouble() > 1) {
                *error = QStringLiteral("latency targets: %1.loss must be in [0, 1]").arg(pairClassKey(PairClass(c)));
                return LatencyTargets();
            }
            target.loss = loss.toDouble();
        }
        t.m_targets[size_t(c)] = target;
    }
    return t;
}

QByteArray LatencyTargets::toJson() const
{
    QJsonObject targets;
    for (int c = 0; c < PairClassCount; ++c) {
        QJsonObject o;
        if (!std::isnan(m_targets[size_t(c)].p50Ms))
            o.insert(QStringLiteral("p50Ms"), m_targets[size_t(c)].p50Ms);
        if (!std::isnan(m_targets[size_t(c)].loss))
            o.insert(QStringLiteral("loss"), m_targets[size_t(c)].loss);
        targets.insert(pairClassKey(PairClass(c)), o);
    }
    return Protocol::Json::document(QJsonObject { { QStringLiteral("targets"), targets } });
}

} // namespace Meridian
