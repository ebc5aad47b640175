// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/cache/cachetypes.h"
#include "core/model/sourceupdate.h"

#include <QObject>

#include <memory>

namespace Meridian {

// The only writer of the cache directory (state.db + metrics.db). Owns a
// thread with its own connections; write() only queues under a mutex, the
// thread drains the queue into batched transactions (one per
// CacheOptions::batchIntervalMs or batchRows). Errors (disk full, I/O) are
// reported through failed(); the console keeps running on live data.
// See docs/cache.md for the layout and the durability rules.
class CacheWriter : public QObject
{
    Q_OBJECT
public:
    explicit CacheWriter(const QString& directory, QObject* parent = nullptr);
    CacheWriter(const QString& directory, const CacheOptions& options, QObject* parent = nullptr);
    ~CacheWriter() override; ///< flushes what is queued, commits, closes, joins the thread

    void start(); ///< opens + migrates on the writer thread; emits opened() or failed()
    void write(const Meridian::SourceUpdate& update); ///< thread-safe, never blocks on SQL

    // Blocking; for tests, benchmarks and shutdown only (never the UI thread in normal operation).
    void flush(); ///< everything queued so far is committed, including open history windows
    void enforceRetention(); ///< runs retention steps until nothing is left to delete
    void waitForQueueBelow(int updates); ///< back-pressure for bulk loaders
    int queuedUpdates() const; ///< written, not yet taken by the writer thread (never blocks on it)
    CacheStatistics statistics() const;
    // Thread-safe, never waits for SQL: one series' samples still in RAM (the
    // node's open window, up to 5 minutes). CacheReader appends them to history
    // reads so that plots reach the newest sample (see setRecentHistory there).
    QList<std::pair<qint64, float>> recentPoints(const QString& nodeId, int accelerator, int metric) const;

Q_SIGNALS:
    void opened();
    void failed(const QString& message); ///< "disk full …", "… created by a newer Meridian …"
    // The files were refused as damaged (not SQLite, another schema, a failed quick_check): nothing was
    // opened and nothing is written. Moving them aside (cacherepair.h) and a new writer start afresh.
    void damaged(const QString& detail);
    // Only after an unclean shutdown: the result of PRAGMA quick_check on both
    // files. A damaged file is then refused (damaged()), never repaired silently.
    void integrityChecked(bool ok, const QString& detail);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian
