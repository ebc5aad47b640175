// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cache/auditstore.h"

#include "core/cache/cachedatabase.h"

#include <QFileInfo>
#include <QMutex>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

#include <atomic>
#include <utility>

namespace Meridian {

struct AuditStore::Private
{
    QString directory;
    QString connection;
    QThread thread;
    QObject* worker = nullptr; ///< lives on `thread`; work runs there
    bool opened = false; ///< touched on the worker thread only
    mutable QMutex errorMutex;
    QString error;
    QString suspended; ///< under errorMutex: why nothing may be opened; empty when it may

    void setError(const QString& e)
    {
        QMutexLocker lock(&errorMutex);
        error = e;
    }

    // Worker thread: the state.db connection, opened (and retried) on demand.
    bool ensureOpen()
    {
        {
            QMutexLocker lock(&errorMutex);
            if (!suspended.isEmpty()) {
                error = suspended;
                return false;
            }
        }
        if (opened)
            return true;
        QString why;
        // The writer creates and migrates the file; wait for it rather than race it.
        if (!QFileInfo::exists(directory + QStringLiteral("/") + CacheDb::fileName(CacheDb::File::State))) {
            setError(QStringLiteral("the cache is not open yet"));
            return false;
        }
        CacheDb::OpenOptions options;
        options.queryOnly = false;
        if (!CacheDb::open(connection, directory, CacheDb::File::State, options, &why)) {
            setError(why);
            return false;
        }
        QSqlQuery q(QSqlDatabase::database(connection));
        q.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        opened = true;
        return true;
    }

    template <typename T, typename Fn> QFuture<T> run(Fn fn)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(worker, [this, promise, fn = std::move(fn)]() mutable {
            promise->addResult(fn());
            promise->finish();
        });
        return future;
    }
};

AuditStore::AuditStore(const QString& cacheDirectory, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    static std::atomic<int> counter { 0 };
    d->directory = cacheDirectory;
    d->connection = QStringLiteral("meridian-audit-%1").arg(counter++);
    d->worker = new QObject;
    d->worker->moveToThread(&d->thread);
    connect(&d->thread, &QThread::finished, d->worker, &QObject::deleteLater);
    d->thread.setObjectName(QStringLiteral("meridian-audit"));
    d->thread.start();
}

AuditStore::~AuditStore()
{
    QMetaObject::invokeMethod(
        d->worker,
        [this] {
            if (d->opened)
                CacheDb::close(d->connection);
        },
        Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

QString AuditStore::lastError() const
{
    QMutexLocker lock(&d->errorMutex);
    return d->error;
}

void AuditStore::suspend(const QString& reason)
{
    {
        QMutexLocker lock(&d->errorMutex);
        d->suspended = reason.isEmpty() ? QStringLiteral("the cache is damaged") : reason;
    }
    QMetaObject::invokeMethod(d->worker, [this] {
        if (std::exchange(d->opened, false))
            CacheDb::close(d->connection);
    });
}

void AuditStore::resume()
{
    QMutexLocker lock(&d->errorMutex);
    d->suspended.clear();
}

QFuture<bool> AuditStore::append(const AuditEntry& e)
{
    return d->run<bool>([this, e] {
        if (!d->ensureOpen())
            return false;
        QSqlQuery q(QSqlDatabase::database(d->connection));
        q.prepare(QStringLiteral("INSERT INTO audit(ts_ms, principal, source, action, job_id, preview, result, status)"
                                 " VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
        // A null QString binds as SQL NULL, which the NOT NULL columns refuse:
        // an entry with nothing to say (a refusal has no preview) is still kept.
        const auto text = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; };
        const QVariant values[] = { e.timestampMs, text(e.principal), text(e.source), text(e.action), text(e.jobId),
            text(e.preview.left(8192)), text(e.result.left(8192)), e.status };
        for (int i = 0; i < 8; ++i)
            q.bindValue(i, values[i]);
        if (!q.exec()) {
            d->setError(q.lastError().text());
            return false;
        }
        return true;
    });
}

QFuture<QList<AuditEntry>> AuditStore::entries(int limit)
{
    return d->run<QList<AuditEntry>>([this, limit] {
        QList<AuditEntry> out;
        if (!d->ensureOpen())
            return out;
        QSqlQuery q(QSqlDatabase::database(d->connection));
        q.prepare(QStringLiteral("SELECT id, ts_ms, principal, source, action, job_id, preview, result, status"
                                 " FROM audit ORDER BY id DESC LIMIT ?"));
        q.bindValue(0, qBound(1, limit, 100000));
        if (!q.exec()) {
            d->setError(q.lastError().text());
            return out;
        }
        while (q.next()) {
            AuditEntry e;
            e.id = q.value(0).toLongLong();
            e.timestampMs = q.value(1).toLongLong();
            e.principal = q.value(2).toString();
            e.source = q.value(3).toString();
            e.action = q.value(4).toString();
            e.jobId = q.value(5).toString();
            e.preview = q.value(6).toString();
            e.result = q.value(7).toString();
            e.status = q.value(8).toInt();
            out.append(std::move(e));
        }
        return out;
    });
}

} // namespace Meridian
