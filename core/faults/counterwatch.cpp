// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/counterwatch.h"

#include <cmath>

namespace Meridian::Faults {

bool isNoData(double value)
{
    if (std::isnan(value) || value < 0 || std::isinf(value))
        return true;
    // int64 sentinels from 0x7ffffffffffffff0 up (as a double they round to 2^63).
    if (value >= 9223372036854775792.0)
        return true;
    // int32 sentinels 0x7ffffff0…0x7ffffff3 and fp64 ones in [2^47, 2^47 + 16).
    if (value >= 2147483632.0 && value < 2147483648.0 && value == std::floor(value))
        return true;
    constexpr double fp64Blank = 140737488355328.0;
    return value >= fp64Blank && value < fp64Blank + 16;
}

void stepCounter(const CounterRule& rule, CounterState* state, const CounterReading& reading, QList<CounterEvent>* out)
{
    auto push = [&](const QString& kind, const QString& code, Protocol::Severity severity, bool cleared) {
        CounterEvent e;
        e.timestampMs = reading.timestampMs;
        e.kind = kind;
        e.code = code;
        e.severity = severity;
        e.cleared = cleared;
        e.value = reading.value;
        out->append(e);
        return &out->last();
    };
    if (isNoData(reading.value)) {
        // Present → missing is itself worth knowing (disabled counters, a dead exporter); once.
        if (state->seen && !state->missing) {
            state->missing = true;
            push(QStringLiteral("counter-missing"), rule.metric, Protocol::Severity::Warning, false)->value
                = Protocol::Missing;
        }
        return;
    }
    if (state->missing) {
        state->missing = false;
        push(QStringLiteral("counter-missing"), rule.metric, Protocol::Severity::Info, true);
    }
    const double v = reading.value;
    const bool first = !state->seen;
    state->seen = true;
    switch (rule.mode) {
    case CounterRule::Mode::Rise:
        // The first value is the baseline (a lifetime counter says nothing new by
        // itself); a fall is a reset (driver reload): re-baseline silently.
        if (first || v < state->baseline) {
            state->baseline = v;
        } else if (v - state->baseline >= rule.minDelta) {
            push(rule.kind, rule.code, rule.severity, false)->delta = v - state->baseline;
            state->baseline = v;
        }
        break;
    case CounterRule::Mode::Status: {
        const bool bad = v == 0;
        if (bad != state->open) {
            state->open = bad;
            push(rule.kind, rule.code, bad ? rule.severity : Protocol::Severity::Info, !bad);
        }
        break;
    }
    case CounterRule::Mode::Above:
    case CounterRule::Mode::Below: {
        const bool above = rule.mode == CounterRule::Mode::Above;
        const bool crosses = above ? v >= rule.threshold : v <= rule.threshold;
        // Hysteresis: back at clearAt (on the healthy side), or just past the threshold when they are equal.
        const bool recovers = above ? (rule.clearAt < rule.threshold ? v <= rule.clearAt : v < rule.threshold)
                                    : (rule.clearAt > rule.threshold ? v >= rule.clearAt : v > rule.threshold);
        if (!state->open && crosses) {
            state->open = true;
            push(rule.kind, rule.code, rule.severity, false);
        } else if (state->open && recovers) {
            state->open = false;
            push(rule.kind, rule.code, Protocol::Severity::Info, true);
        }
        break;
    }
    case CounterRule::Mode::LastValue:
        if (v != 0 && (first || v != state->baseline)) {
            QString code = rule.code;
            code.replace(QLatin1String("%1"), QString::number(qint64(v)));
            push(rule.kind, code, rule.severity, false);
        }
        state->baseline = v;
        break;
    }
}

QList<CounterEvent> counterEvents(const CounterRule& rule, const QList<CounterReading>& readings)
{
    QList<CounterEvent> out;
    CounterState state;
    for (const CounterReading& r : readings)
        stepCounter(rule, &state, r, &out);
    return out;
}

} // namespace Meridian::Faults
