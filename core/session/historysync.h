// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/model/sourceupdate.h"
#include "core/sources/sourceconfig.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Meridian {

// Brings a cache's history up to date from the sources whose engines keep history themselves (Prometheus'
// range queries) before something reads the cache without a console running: `meridian report --config`.
// It runs a FleetSession with only those sources until each has read its history up to now, or has failed for
// long enough that waiting longer would not help, then closes the session so that everything read is
// committed. What it reads is what a console would have read: the same sources, spans and cache.
class HistorySync : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // A new cache reads back at least to here (a source's configured horizon may reach further); 0: the
        // configured horizon only. History older than a cache's newest span is never read again.
        qint64 fromMs = 0;
        qint64 timeoutMs = 30 * 60 * 1000; ///< the whole run
        // A source whose rounds or history requests keep failing, with no progress for this long, is given up.
        qint64 giveUpMs = 30 * 1000;
    };
    struct Outcome
    {
        QString source;
        bool caughtUp = false; ///< its history is in the cache up to the end of the run
        QString problem; ///< why not (empty when caught up)
        SourceProgress last; ///< its last progress
    };

    explicit HistorySync(QObject* parent = nullptr);

    // The configured sources that read history from their engine, with their horizon reaching `fromMs`.
    static QList<SourceConfig> sourcesToSync(const QList<SourceConfig>& configured, qint64 fromMs, qint64 nowMs);

    // Runs to the end on its own event loop (headless use); progress() is emitted meanwhile. False with *error
    // when the cache cannot be opened; true otherwise, with one outcome per source synced (none: nothing to do).
    bool run(const QList<SourceConfig>& configured, const QString& cachePath, const Options& options,
        QList<Outcome>* outcomes, QString* error);

Q_SIGNALS:
    void progress(const QString& source, const Meridian::SourceProgress& progress);
};

} // namespace Meridian
