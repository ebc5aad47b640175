// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Fetches one job's full detail (GET /api/v1/jobs/ID: every segment,
// interruption and checkpoint) from the source that reported the job. The
// request, the body cap and the strict decoding run on the client's own
// worker thread, so a job with 100,000 checkpoints never blocks the UI; the
// decoded record (or the reason it failed) comes back through finished() on
// the caller's thread.

#include "core/net/httpclient.h"
#include "core/protocol/protocoltypes.h"

#include <QObject>

class QThread;

namespace Meridian {

class JobDetailClient : public QObject
{
    Q_OBJECT
public:
    // 10,000 interruptions with 4 KiB causes, 100,000 checkpoints and 10,000 segments fit.
    static constexpr qsizetype MaxBodyBytes = qsizetype(64) * 1024 * 1024;

    explicit JobDetailClient(QObject* parent = nullptr);
    ~JobDetailClient() override; ///< stops the worker; pending answers are dropped

    // `base` is the source's URL (ending in '/'); `options` carry its token and TLS settings
    // (the body cap is lowered to MaxBodyBytes). Returns the request's id for finished().
    quint64 fetch(const QUrl& base, HttpRequestOptions options, const QString& jobId);

Q_SIGNALS:
    // `error` is empty on success; then `job` is the source's full record of `jobId`.
    void finished(
        quint64 requestId, const QString& jobId, const Meridian::Protocol::JobRecord& job, const QString& error);

private:
    class Worker;
    QThread* m_thread;
    Worker* m_worker;
    quint64 m_nextId = 0;
};

} // namespace Meridian
