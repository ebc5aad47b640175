// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading one history series back out of metrics.db, on the reader thread.

#include "core/cache/cachetypes.h"

#include <QSqlDatabase>

namespace Meridian::History {

// Reads the chunks of (nodeId, accelerator, metric) that overlap [fromMs, toMs]
// by point lookups on the time-major key, one per window.
// `recent` (ascending) are samples not on disk yet (the writer's open window):
// those newer than the last persisted point are appended before decimation.
MetricSeries readSeries(const QSqlDatabase& db, const QString& nodeId, int accelerator, int metric, qint64 fromMs,
    qint64 toMs, int maxPoints, const QList<std::pair<qint64, float>>& recent = {});

// Min/max per bucket; at most maxPoints points. Input ascending, no NaN.
void decimate(const QList<std::pair<qint64, float>>& raw, MetricSeries* out, int maxPoints);

} // namespace Meridian::History
