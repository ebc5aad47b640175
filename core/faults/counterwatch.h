// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Counters become events only when they change meaningfully: a lifetime ECC
// counter that rose, a link that went down or came back, a temperature that
// crossed its threshold (with hysteresis), a new Xid. Pure functions, tested
// on sequences; the exporters' "no data" encodings (−1 on collection failure,
// DCGM's BLANK/NOT_FOUND/NOT_SUPPORTED sentinels) are missing, never values.

#include "core/faults/faultmap.h"

#include <QList>

namespace Meridian::Faults {

struct CounterReading
{
    qint64 timestampMs = 0;
    double value = Protocol::Missing;
};

struct CounterEvent
{
    qint64 timestampMs = 0;
    QString kind;
    QString code;
    Protocol::Severity severity = Protocol::Severity::Info;
    bool cleared = false;
    double value = Protocol::Missing;
    double delta = Protocol::Missing; ///< Rise: how much the counter rose since the last event
};

// What the watch remembers between readings of one series.
struct CounterState
{
    bool seen = false; ///< a real value arrived at least once
    bool missing = false; ///< the series went missing after having values (a visibility event is open)
    bool open = false; ///< Status/Above/Below: the condition is open
    double baseline = Protocol::Missing; ///< Rise: value at the last event; LastValue: last value
};

// True for the encodings of "no data": NaN, negative (npu-exporter's −1),
// DCGM int32/int64/fp64 sentinels.
bool isNoData(double value);

// Feeds one reading; appends 0–1 events to `out`.
void stepCounter(const CounterRule& rule, CounterState* state, const CounterReading& reading, QList<CounterEvent>* out);
QList<CounterEvent> counterEvents(const CounterRule& rule, const QList<CounterReading>& readings);

} // namespace Meridian::Faults
