// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/cachewriter.h"

#include "core/cache/cachewriterworker.h"
#include "core/util/backgroundpriority.h"

#include <QThread>

namespace Meridian {

struct CacheWriter::Private
{
    CacheWriteQueue queue;
    QThread thread;
    CacheWriterWorker* worker = nullptr;
    bool started = false;

    template <typename Fn> void blocking(Fn fn)
    {
        Q_ASSERT_X(QThread::currentThread() != &thread, "CacheWriter", "blocking call from the writer thread");
        QMetaObject::invokeMethod(worker, fn, Qt::BlockingQueuedConnection);
    }
};

CacheWriter::CacheWriter(const QString& directory, QObject* parent)
    : CacheWriter(directory, CacheOptions {}, parent)
{ }

CacheWriter::CacheWriter(const QString& directory, const CacheOptions& options, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->thread.setObjectName(QStringLiteral("meridian-cache-writer"));
    setBackgroundPriority(&d->thread);
    d->worker = new CacheWriterWorker(directory, options, &d->queue);
    d->worker->moveToThread(&d->thread);
    connect(d->worker, &CacheWriterWorker::opened, this, &CacheWriter::opened);
    connect(d->worker, &CacheWriterWorker::failed, this, &CacheWriter::failed);
    connect(d->worker, &CacheWriterWorker::damaged, this, &CacheWriter::damaged);
    connect(d->worker, &CacheWriterWorker::integrityChecked, this, &CacheWriter::integrityChecked);
    d->thread.start();
}

CacheWriter::~CacheWriter()
{
    d->blocking([w = d->worker] { w->shutdown(); });
    d->thread.quit();
    d->thread.wait();
    delete d->worker; // its timers were destroyed on its own thread by shutdown()
}

void CacheWriter::start()
{
    if (d->started)
        return;
    d->started = true;
    QMetaObject::invokeMethod(
        d->worker, [w = d->worker] { w->open(); }, Qt::QueuedConnection);
}

void CacheWriter::write(const SourceUpdate& update)
{
    QMutexLocker lock(&d->queue.mutex);
    d->queue.updates.append(update);
    if (!d->queue.wakePosted) {
        d->queue.wakePosted = true;
        QMetaObject::invokeMethod(
            d->worker, [w = d->worker] { w->drain(); }, Qt::QueuedConnection);
    }
}

void CacheWriter::flush()
{
    d->blocking([w = d->worker] { w->flush(); });
}

void CacheWriter::enforceRetention()
{
    d->blocking([w = d->worker] { w->enforceRetention(); });
}

void CacheWriter::waitForQueueBelow(int updates)
{
    QMutexLocker lock(&d->queue.mutex);
    while (d->queue.updates.size() >= updates)
        d->queue.drained.wait(&d->queue.mutex);
}

int CacheWriter::queuedUpdates() const
{
    QMutexLocker lock(&d->queue.mutex);
    return int(d->queue.updates.size());
}

QList<std::pair<qint64, float>> CacheWriter::recentPoints(const QString& nodeId, int accelerator, int metric) const
{
    return d->worker->openWindowPoints(nodeId, accelerator, metric);
}

CacheStatistics CacheWriter::statistics() const
{
    CacheStatistics stats;
    d->blocking([&stats, w = d->worker] { stats = w->statistics(); });
    return stats;
}

} // namespace Meridian
