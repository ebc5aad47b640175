// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs one report on the worker as the Reports page does and measures, on the
// UI thread, the longest gap between the ticks of a 5 ms timer: the stall a
// user would feel while the report computes. Shared by the report benchmarks.

#include "core/reports/reportrunner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>

namespace Meridian::Reports::Bench {

struct Timing
{
    double seconds = 0;
    double maxStallMs = 0;
    ReportData data;
};

inline Timing runReport(CacheReader* reader, const QString& type, qint64 spanMs)
{
    ReportParameters p;
    p.type = type;
    p.relativeSpanMs = spanMs;
    ReportRunner runner(reader);
    Timing t;
    QEventLoop loop;
    QObject::connect(&runner, &ReportRunner::finished, &loop, [&](const ReportData& d) {
        t.data = d;
        loop.quit();
    });
    QObject::connect(&runner, &ReportRunner::cancelled, &loop, &QEventLoop::quit);
    QElapsedTimer tick;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        t.maxStallMs = std::max(t.maxStallMs, double(tick.nsecsElapsed()) / 1e6 - 5);
        tick.restart();
    });
    QElapsedTimer wall;
    wall.start();
    tick.start();
    probe.start(5);
    runner.start(p);
    loop.exec();
    t.seconds = double(wall.nsecsElapsed()) / 1e9;
    return t;
}

} // namespace Meridian::Reports::Bench
