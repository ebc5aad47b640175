// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal: the part of CacheWriter that lives on the writer thread. Ingest
// (cacheingest.cpp) turns updates into pending rows in RAM; commit and
// retention (cachewriterworker.cpp) write them in short transactions.

#include "core/cache/cachetypes.h"
#include "core/cache/capacityrollup.h"
#include "core/cache/historychunk.h"
#include "core/cache/probehistory.h"
#include "core/model/sourceupdate.h"

#include <QHash>
#include <QLockFile>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QWaitCondition>

#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace Meridian {

struct CacheWriteQueue
{
    QMutex mutex;
    QWaitCondition drained;
    QList<SourceUpdate> updates;
    bool wakePosted = false;
};

class CacheWriterWorker : public QObject
{
    Q_OBJECT
public:
    CacheWriterWorker(const QString& directory, const CacheOptions& options, CacheWriteQueue* queue);
    ~CacheWriterWorker() override;

    void open();
    void drain();
    void flush(); ///< drain, persist open windows, commit everything pending
    void enforceRetention();
    void shutdown();
    CacheStatistics statistics() const { return m_stats; }
    // Thread-safe: the samples of one series still in the node's open RAM
    // window (not yet on disk), ascending, NaN left out. Called by the reader thread.
    QList<std::pair<qint64, float>> openWindowPoints(const QString& nodeId, int accelerator, int metric) const;

Q_SIGNALS:
    void opened();
    void failed(const QString& message);
    void damaged(const QString& detail); ///< instead of failed(): refused, not opened (cacherepair.h)
    void integrityChecked(bool ok, const QString& detail);

private:
    struct NodeHistory
    {
        qint64 phase = 0;
        QString source; ///< of the newest sample accepted (RAM only): whose history span it holds back
        QString instance; ///< agent instance of the newest snapshot (samples carry none)
        QString seenInstance; ///< newest sample accepted (RAM), for de-duplication
        qint64 seenSeq = 0;
        QString persistedInstance; ///< what the cursor row says is on disk
        qint64 persistedSeq = 0;
        qint64 persistedT0 = -1; ///< window of the last chunk written (may be partial)
        qint64 rollupMinute = std::numeric_limits<qint64>::min();
        QString windowInstance; ///< instance/seq of the newest sample in the window
        qint64 windowSeq = 0;
        bool windowDirty = false; ///< holds samples not yet written
        History::WindowBuffer window;
        // The window closed last, while its rows wait for the next commit: still
        // served by openWindowPoints() so that a read never falls between RAM and disk.
        History::WindowBuffer closedWindow;
        std::vector<qint64> seriesIds; ///< by slot; 0 = no series yet
    };
    struct ChunkRow
    {
        qint64 t0 = 0;
        qint64 series = 0;
        int n = 0;
        QByteArray data;
    };
    struct NewSeries
    {
        qint64 id = 0;
        QString nodeId;
        int slot = 0;
    };
    struct PendingNode
    {
        QString source;
        bool hasInventory = false;
        QByteArray inventory;
        QString region;
        QString pool;
        bool hasSnapshot = false;
        Protocol::Snapshot snapshot;
        qint64 lastSeenMs = 0;
        AgentStatus status = AgentStatus::Unknown;
        QString error;
        qint64 polledAtMs = 0;
        qint64 dueMs = 0; ///< console clock: write no earlier than this
    };

    // ingest (cacheingest.cpp)
    void ingest(const SourceUpdate& update);
    void ingestNode(const QString& source, const NodeUpdate& node);
    void ingestSample(const QString& source, const QString& nodeId, const Protocol::Sample& sample);
    NodeHistory& history(const QString& nodeId);
    void restoreWindow(const QString& nodeId, NodeHistory& h, qint64 t0);
    void persistWindow(const QString& nodeId, NodeHistory& h); ///< queue its chunk rows + cursor
    qint64 seriesId(const QString& nodeId, NodeHistory& h, int slot);
    int pendingRows() const;
    HistorySpan durableSpan(const QString& source, const HistorySpan& wanted) const;

    // storage (cachewriterworker.cpp)
    bool openFiles(QString* error, bool* damaged);
    bool loadState(QString* error);
    // What only ingesting needs — the series' ids, and each node's region, pool and models for the capacity
    // rollup — read before the first ingest, not at open: at 25,000 nodes it took a core from the reader for a
    // second while the console waited for its numbers.
    void loadIngestTables();
    void loadSeries();
    void loadPlacement();
    bool checkAfterUncleanShutdown(QString* error);
    void scheduleCommit();
    void commit(bool force);
    bool commitMetrics(QString* error);
    bool commitState(bool force, QString* error);
    void reportFailure(const QString& error, bool diskFull);
    bool retentionStep();
    void closeFiles();

    QString m_directory;
    CacheOptions m_options;
    CacheWriteQueue* m_queue;
    QString m_stateConn;
    QString m_metricsConn;
    bool m_open = false;
    bool m_failing = false;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QTimer> m_batchTimer;
    std::unique_ptr<QTimer> m_idleTimer;
    qint64 m_batch = 0;
    CacheStatistics m_stats;

    QHash<QString, NodeHistory> m_history;

    // Guards m_history against openWindowPoints(): the writer thread locks it around

    // mutations only; its own reads need no lock, nobody else writes.

    mutable QMutex m_historyMutex;
    QSet<QString> m_closedUncommitted; ///< nodes whose closedWindow waits for a commit
    QHash<QString, NodePlacement> m_placement;
    bool m_ingestTablesLoaded = false;
    CapacityRollup m_rollup;
    ProbeHistoryWriter m_probes; ///< probe windows and site-pair minutes (metrics.db)
    qint64 m_nextSeriesId = 1;
    qint64 m_newestSampleMs = 0;
    QList<NewSeries> m_newSeries;
    QList<ChunkRow> m_chunks;
    QSet<QString> m_dirtyCursors;
    struct SpanState
    {
        HistorySpan wanted; ///< as the source said
        HistorySpan written; ///< on disk
    };
    QHash<QString, SpanState> m_spans; ///< per source (history_span)

    QHash<QString, PendingNode> m_pendingNodes;
    QHash<QString, std::pair<AgentStatus, qint64>> m_writtenNodes; ///< status and console time of the last write
    QHash<QString, Protocol::JobRecord> m_pendingJobs;
    std::optional<QSet<QString>> m_jobsReplace; ///< a complete job list arrived: drop unfinished jobs not in it
    QList<std::pair<QString, Protocol::Event>> m_pendingEvents; ///< (source, event)
};

} // namespace Meridian
