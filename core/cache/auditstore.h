// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The console's audit of job actions, in state.db's append-only `audit` table
// (see jobhistory.h). Its own thread and connection: appends and reads never
// run SQL on the caller's thread, and never wait for the cache writer's batches.
// The class offers no way to change or remove an entry; the table's triggers
// refuse it anyway.

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Meridian {

struct AuditEntry
{
    qint64 id = 0; ///< assigned by the table
    qint64 timestampMs = 0; ///< the console's clock when the action was sent
    QString principal; ///< who: the console user and the token's name
    QString source; ///< where the action went (source name)
    QString action; ///< "cancel", "requeue"
    QString jobId;
    QString preview; ///< what the operator confirmed
    QString result; ///< the answer, or why it failed
    int status = 0; ///< HTTP status; 0: no answer
};

class AuditStore : public QObject
{
    Q_OBJECT
public:
    explicit AuditStore(const QString& cacheDirectory, QObject* parent = nullptr);
    ~AuditStore() override;

    QFuture<bool> append(const AuditEntry& entry); ///< false: not written (see lastError)
    QFuture<QList<AuditEntry>> entries(int limit = 1000); ///< newest first
    QString lastError() const;

    // While the cache is refused as damaged (CacheWriter::damaged): the connection is closed and nothing is
    // read or written, every call failing with `reason`, until resume() (after the files were moved aside,
    // the audit goes on in the new cache). Returns at once; the close runs on the store's thread.
    void suspend(const QString& reason);
    void resume();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meridian
