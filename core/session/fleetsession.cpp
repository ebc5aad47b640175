// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/fleetsession.h"

#include "core/cache/auditstore.h"
#include "core/cache/cachereader.h"
#include "core/cache/cacherepair.h"
#include "core/cache/cachewriter.h"
#include "core/capacity/idletracker.h"
#include "core/faults/faultacks.h"
#include "core/faults/faulttracker.h"
#include "core/session/actionservice.h"
#include "core/session/credentialstore.h"
#include "core/session/fleethistory.h"
#include "core/session/jobdetails.h"
#include "core/sources/agentsource.h"
#include "core/sources/fleetsource.h"
#include "core/sources/prometheussource.h"
#include "core/sources/slurmsource.h"
#include "core/store/fleetstore.h"
#include "core/util/backgroundpriority.h"
#include "core/util/whenready.h"

#include <QDateTime>
#include <QDir>
#include <QFuture>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>
#include <QTimer>

namespace Meridian {
namespace {

// How long sources wait for the cache's history cursors before they start
// anyway (then history is fetched from the agents' ring buffers afresh).
constexpr int CursorWaitMs = 3000;

} // namespace

struct FleetSession::Private
{
    struct Running
    {
        QThread* thread = nullptr;
        QPointer<Source> source;
    };

    FleetStore* store = nullptr;
    std::unique_ptr<CacheWriter> writer;
    CacheReader* reader = nullptr;
    AuditStore* audit = nullptr;
    FleetHistory* history = nullptr;
    Faults::FaultTracker* faults = nullptr;
    Faults::AcknowledgementLog* acknowledgements = nullptr;
    IdleTracker* idle = nullptr;
    ActionService* actions = nullptr;
    JobDetails* jobDetails = nullptr;
    QList<SourceConfig> configs;
    QList<Running> running;
    quint64 generation = 0; ///< updates from sources of an older generation are dropped
    SampleCursors cursors;
    HistorySpans historySpans;
    bool waitingForCursors = false;
    QString cachePath;
    CredentialStore* credentials = nullptr; ///< created on first use (keyring), or set by tests
    bool keyringChecked = false; ///< credentials resolved for the current configs
    int pendingCredentials = 0;
    quint64 credentialRound = 0; ///< answers from an older round (sources changed since) are dropped
};

QString FleetSession::cachePath() const
{
    return d->cachePath;
}

FleetSession::FleetSession(QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    registerCoreMetaTypes();
    d->store = new FleetStore(this);
    d->history = new FleetHistory(nullptr, this);
    d->faults = new Faults::FaultTracker(d->store, this);
    d->acknowledgements = new Faults::AcknowledgementLog(d->faults, this);
    d->idle = new IdleTracker(this);
    d->idle->attach(d->store);
    d->actions = new ActionService(d->store, this);
    d->jobDetails = new JobDetails(d->store, this);
    connect(d->store, &FleetStore::restoreApplied, this, [this] {
        // state.db may have been migrating until the cache's state was read: read the acknowledgements again,
        // now that the incidents they name are open.
        d->acknowledgements->restore();
        Q_EMIT restored();
    });
}

FleetSession::~FleetSession()
{
    stopSources();
    // The services ask the reader; the reader asks the writer for recent samples: they go first, in that order.
    delete d->idle;
    d->idle = nullptr;
    d->history->setReader(nullptr);
    delete d->reader;
    d->reader = nullptr;
    // The writer's destructor commits what is queued and joins its thread.
    d->writer.reset();
}

FleetStore* FleetSession::store() const
{
    return d->store;
}
CacheReader* FleetSession::cache() const
{
    return d->reader;
}
FleetHistory* FleetSession::history() const
{
    return d->history;
}
Faults::FaultTracker* FleetSession::faults() const
{
    return d->faults;
}
Faults::AcknowledgementLog* FleetSession::acknowledgements() const
{
    return d->acknowledgements;
}
IdleTracker* FleetSession::idle() const
{
    return d->idle;
}
ActionService* FleetSession::actions() const
{
    return d->actions;
}
JobDetails* FleetSession::jobDetails() const
{
    return d->jobDetails;
}
QList<SourceConfig> FleetSession::sources() const
{
    return d->configs;
}

bool FleetSession::open(const QString& cachePath, QString* error)
{
    if (d->writer) {
        if (error)
            *error = tr("the cache is already open");
        return false;
    }
    if (!QDir().mkpath(cachePath)) {
        if (error)
            *error = tr("cannot create the cache directory %1").arg(cachePath);
        return false;
    }
    d->cachePath = cachePath;
    d->reader = new CacheReader(cachePath, this);
    startWriter();

    d->history->setReader(d->reader);
    d->idle->attach(d->store, d->reader);
    d->audit = new AuditStore(cachePath, this);
    d->acknowledgements->setAuditStore(d->audit);
    d->actions->setAuditStore(d->audit);

    whenReady(this, d->reader->lastState(), [this](const CacheReader::State& state) {
        // In slices: a 25,000-node cache applied at once held the UI thread for 200 ms. restored() follows when
        // the last slice is in (the constructor's connection).
        d->store->enqueueRestore(state.nodes, state.jobs);
    });

    // Sources resume history where the cache left off, so they wait (briefly) for the cursors and the history
    // spans (asked second, answered second: the reader runs its queries in order).
    d->waitingForCursors = true;
    whenReady(this, d->reader->cursors(), [this](const SampleCursors& c) { d->cursors = c; });
    whenReady(this, d->reader->historySpans(), [this](const HistorySpans& spans) {
        d->historySpans = spans;
        if (std::exchange(d->waitingForCursors, false))
            startSources();
    });
    QTimer::singleShot(CursorWaitMs, this, [this] {
        if (std::exchange(d->waitingForCursors, false))
            startSources();
    });
    return true;
}

void FleetSession::startWriter()
{
    d->writer = std::make_unique<CacheWriter>(d->cachePath);
    connect(d->writer.get(), &CacheWriter::failed, this, &FleetSession::cacheFailed);
    connect(d->writer.get(), &CacheWriter::damaged, this, [this](const QString& detail) {
        // The audit writes into state.db too: not into a damaged one.
        if (d->audit)
            d->audit->suspend(detail);
        Q_EMIT cacheDamaged(detail);
    });
    d->writer->start();
    d->reader->setRecentHistory([writer = d->writer.get()](const QString& nodeId, int accelerator, int metric) {
        return writer->recentPoints(nodeId, accelerator, metric);
    });
}

void FleetSession::startFreshCache()
{
    if (!d->reader || !d->writer)
        return;
    // Sources and the reader hold the writer: they let go of it before it goes.
    stopSources();
    d->reader->setRecentHistory({});
    d->writer.reset();
    whenReady(this, d->reader->closeFiles(), [this](bool) {
        QStringList moved;
        QString error;
        const bool ok = CacheRepair::moveAside(d->cachePath, QDateTime::currentDateTimeUtc(), &moved, &error);
        d->cursors = {}; // a new cache has no history yet: sources fetch the agents' whole rings
        d->historySpans = {};
        startWriter();
        if (ok && d->audit)
            d->audit->resume(); // into the new state.db, once the writer has made it
        startSources();
        if (ok)
            Q_EMIT cacheMovedAside(moved);
        else
            Q_EMIT cacheFailed(error);
    });
}

void FleetSession::setCredentialBackend(std::unique_ptr<CredentialBackend> backend)
{
    delete d->credentials;
    d->credentials = new CredentialStore(std::move(backend), this);
}

bool FleetSession::resolveCredentials()
{
    if (d->pendingCredentials > 0)
        return true;
    if (d->keyringChecked)
        return false;
    d->keyringChecked = true;
    const quint64 round = ++d->credentialRound;
    for (int i = 0; i < d->configs.size(); ++i) {
        SourceConfig& config = d->configs[i];
        config.token.clear();
        config.credentialError.clear();
        if (config.credential.isEmpty())
            continue;
        if (!d->credentials) {
            std::unique_ptr<CredentialBackend> keychain = makeKeychainBackend();
            if (!keychain) {
                config.credentialError = tr("credential %1: this build has no keyring support").arg(config.credential);
                continue;
            }
            d->credentials = new CredentialStore(std::move(keychain), this);
        }
        ++d->pendingCredentials;
        d->credentials->read(config.credential, [this, round, i](QByteArray secret, QString error) {
            if (round != d->credentialRound)
                return;
            SourceConfig& target = d->configs[i];
            if (error.isEmpty())
                target.token = std::move(secret);
            else
                target.credentialError = tr("keyring: %1").arg(error);
            if (--d->pendingCredentials == 0)
                startSources();
        });
    }
    return d->pendingCredentials > 0;
}

void FleetSession::setSources(const QList<SourceConfig>& sources)
{
    stopSources();
    d->keyringChecked = false;
    d->pendingCredentials = 0;
    ++d->credentialRound;
    QSet<QString> keep;
    for (const SourceConfig& s : sources)
        keep.insert(s.name);
    for (const SourceConfig& s : std::as_const(d->configs)) {
        if (!keep.contains(s.name))
            d->store->removeSource(s.name);
    }
    d->configs = sources;
    if (!d->waitingForCursors)
        startSources();
}

void FleetSession::startSources()
{
    if (!d->running.isEmpty())
        return;
    // Tokens named by "credential" come from the keyring, asynchronously: the
    // sources start once every answer is in (an error is shown per source).
    if (resolveCredentials())
        return;
    const quint64 generation = ++d->generation;
    // Actions go to the same sources, with the credentials just resolved.
    d->actions->setSources(d->configs);
    d->jobDetails->setSources(d->configs);
    QList<SourceConfig> agents;
    QList<Source*> created;
    for (const SourceConfig& config : std::as_const(d->configs)) {
        if (config.kind == SourceConfig::Kind::Fleet)
            created.append(new FleetSource(config));
        else if (config.kind == SourceConfig::Kind::Prometheus)
            created.append(new PrometheusSource(config));
        else if (config.kind == SourceConfig::Kind::Slurm)
            created.append(new SlurmSource(config));
        else
            agents.append(config);
    }
    // All directly polled agents share one worker: its request queue bounds their concurrency.
    if (!agents.isEmpty())
        created.append(new AgentSource(agents));

    for (Source* source : std::as_const(created)) {
        auto* thread = new QThread(this);
        thread->setObjectName(QStringLiteral("meridian-source"));
        setBackgroundPriority(thread);
        source->moveToThread(thread);
        // Destroyed on its own thread once the loop ends, together with its network objects.
        connect(thread, &QThread::finished, source, &QObject::deleteLater);
        connect(
            source, &Source::updateReady, this,
            [this, generation](const SourceUpdate& update) {
                if (generation == d->generation)
                    d->store->enqueueUpdate(update);
            },
            Qt::QueuedConnection);
        if (CacheWriter* writer = d->writer.get()) {
            // write() is thread-safe and never blocks: call it straight from the worker.
            connect(
                source, &Source::updateReady, source, [writer](const SourceUpdate& update) { writer->write(update); },
                Qt::DirectConnection);
        }
        thread->start();
        const SampleCursors cursors = d->cursors;
        const HistorySpans spans = d->historySpans;
        QMetaObject::invokeMethod(
            source,
            [source, cursors, spans] {
                source->setCursors(cursors);
                source->setHistorySpans(spans);
                source->start();
            },
            Qt::QueuedConnection);
        d->running.append(Private::Running { thread, source });
    }
}

void FleetSession::stopSources()
{
    ++d->generation;
    for (const Private::Running& r : std::as_const(d->running)) {
        r.thread->quit();
        r.thread->wait();
        delete r.thread;
    }
    d->running.clear();
}

} // namespace Meridian
