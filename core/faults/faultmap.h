// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The fault model as data: resources/faults/faultmap.json (embedded in the
// core as :/faults/faultmap.json) maps (vendor, event kind, code, event
// severity) to a component, a severity and a rung of the action ladder, and
// lists the counters that become events (counterwatch.h). The loader is
// strict: an unknown key, a bad enum, a duplicate id or a table without a
// catch-all rule rejects the whole file with the offending place named.

#include "core/faults/faulttypes.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace Meridian::Faults {

struct FaultRule
{
    QString id;
    QString vendor; ///< "*" or a vendor key ("huawei", "nvidia", …)
    QString kind; ///< "*" or an event kind
    QString code; ///< "*", an exact code, or a prefix ending in '*'
    std::optional<Protocol::Severity> when; ///< matches only events of this severity
    FaultClass result;
};

struct CounterRule
{
    enum class Mode : quint8 {
        Rise, ///< a lifetime counter rose by at least minDelta since the last event
        Status, ///< 1 up/healthy, 0 down: opens on 1→0, clears on 0→1
        Above, ///< opens at ≥ threshold, clears below clearAt
        Below, ///< opens at ≤ threshold, clears above clearAt
        LastValue, ///< a gauge holding the last code (DCGM Xid): an event when it changes to non-zero
    };
    QString id;
    QString vendor;
    QString metric; ///< the exporter's metric name (documentation and lookup)
    Mode mode = Mode::Rise;
    double minDelta = 1;
    double threshold = 0;
    double clearAt = 0; ///< Above/Below: the hysteresis bound (defaults to threshold)
    QString kind; ///< event kind emitted
    QString code; ///< event code; "%1" is replaced by the value (LastValue)
    Protocol::Severity severity = Protocol::Severity::Warning;
};

class FaultMap
{
public:
    // Strict parse of a faultmap document (≤ 1 MiB, ≤ 2000 rules/counters).
    static std::optional<FaultMap> fromJson(const QByteArray& json, QString* error);
    // The table compiled into the core; aborts the program if it does not load,
    // which the unit tests rule out before any release.
    static const FaultMap& builtIn();

    FaultClass classify(const QString& vendor, const QString& kind, const QString& code,
        Protocol::Severity eventSeverity = Protocol::Severity::Warning) const;
    // A fault repeating within the window climbs one rung per repeat beyond the
    // allowed count (MindCluster-style frequency isolation), never above Isolate.
    Action escalate(Action action, int occurrencesInWindow) const;
    qint64 repeatWindowMs() const { return m_repeatWindowMs; }
    int repeatCount() const { return m_repeatCount; }

    const QList<FaultRule>& rules() const { return m_rules; }
    const QList<CounterRule>& counters() const { return m_counters; }
    const CounterRule* counter(const QString& vendor, const QString& metric) const;

private:
    QList<FaultRule> m_rules;
    QList<CounterRule> m_counters;
    qint64 m_repeatWindowMs = 3600000;
    int m_repeatCount = 3;
};

} // namespace Meridian::Faults
