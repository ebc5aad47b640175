// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/consoleconfig.h"

#include <QObject>

#include <memory>

namespace Meridian {

class FleetStore;
class CacheReader;
class CredentialBackend;
class FleetHistory;
class ActionService;
class JobDetails;
class IdleTracker;
namespace Faults {
class FaultTracker;
class AcknowledgementLog;
} // namespace Faults

// Everything the console's pages need, wired once: the store on the UI thread,
// one worker thread per source, the cache writer thread and the cache reader,
// and the domain services. Data flows agent → source → store (+ cache writer)
// → services → pages; pages query the past through history() and act through
// actions(), never through the cache or the network themselves.
class FleetSession : public QObject
{
    Q_OBJECT
public:
    explicit FleetSession(QObject* parent = nullptr);
    ~FleetSession() override;

    // Opens (or creates) the cache and starts restoring the last known state
    // into the store; returns false only if the cache cannot be used at all.
    bool open(const QString& cachePath, QString* error);

    void setSources(const QList<SourceConfig>& sources);
    QList<SourceConfig> sources() const;

    FleetStore* store() const;
    CacheReader* cache() const; ///< for reports and the command line; pages use history()

    // The session's domain services: one of each, fed by the store and alive as long as the session,
    // whatever pages are open, so that every page, report and command reads the same figures.
    FleetHistory* history() const;
    Faults::FaultTracker* faults() const;
    Faults::AcknowledgementLog* acknowledgements() const;
    IdleTracker* idle() const;
    ActionService* actions() const;
    JobDetails* jobDetails() const;
    QString cachePath() const; ///< the cache directory given to open(); empty before

    // After cacheDamaged(): moves the damaged files aside (kept, renamed with the time: cacherepair.h) and
    // starts a new, empty cache; sources restart and fill it. cacheMovedAside() or cacheFailed() says how it
    // went. No SQL on the caller's thread: the reader closes its files on its own thread first.
    void startFreshCache();

    // Where sources' "credential" tokens come from; default: the system keyring
    // (none in a build without QtKeychain). Tests pass a MemoryCredentialBackend.
    void setCredentialBackend(std::unique_ptr<CredentialBackend> backend);

Q_SIGNALS:
    void restored(); ///< the cached state is in the store (possibly empty)
    void cacheFailed(const QString& message); ///< e.g. disk full; the console keeps running on live data
    // The cache was refused as damaged (another schema, a failed quick_check): nothing is read from it or
    // written to it. The console asks whether to startFreshCache(); until then it shows live data only.
    void cacheDamaged(const QString& detail);
    void cacheMovedAside(const QStringList& movedTo); ///< the new names of the damaged files

private:
    void startWriter();
    void startSources();
    bool resolveCredentials(); ///< true while keyring reads are pending (startSources() runs again after)
    void stopSources(); ///< quits and joins every source thread; their queued updates are dropped

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian
