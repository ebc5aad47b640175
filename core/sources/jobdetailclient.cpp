// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/jobdetailclient.h"

#include "core/protocol/protocoljson.h"

#include <QPointer>
#include <QThread>

#include <algorithm>

namespace Meridian {

// Lives on the worker thread: owns the network objects and decodes there.
class JobDetailClient::Worker : public QObject
{
public:
    Worker()
        : m_http(new HttpClient(this))
    { }

    void fetch(QPointer<JobDetailClient> front, quint64 id, const QUrl& url, const HttpRequestOptions& options,
        const QString& jobId)
    {
        m_http->get(url, options, [front, id, jobId](const HttpResult& result) {
            Protocol::JobRecord job;
            QString error;
            if (!result.ok()) {
                error = result.error.isEmpty() ? JobDetailClient::tr("no answer") : result.error;
            } else {
                Protocol::JobDetail detail;
                const Protocol::DecodeResult decoded = Protocol::Json::decodeBody(result.body, &detail);
                if (!decoded.ok)
                    error = JobDetailClient::tr("the answer is not a valid job detail: %1").arg(decoded.error);
                else if (detail.job.jobId != jobId)
                    error
                        = JobDetailClient::tr("the answer describes another job (%1)").arg(detail.job.jobId.left(128));
                else
                    job = std::move(detail.job);
            }
            // Queued to the front's thread; dropped if the front is gone by then.
            if (JobDetailClient* f = front.data())
                QMetaObject::invokeMethod(
                    f,
                    [front, id, jobId, job = std::move(job), error] {
                        if (front)
                            Q_EMIT front->finished(id, jobId, job, error);
                    },
                    Qt::QueuedConnection);
        });
    }

private:
    HttpClient* m_http;
};

JobDetailClient::JobDetailClient(QObject* parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new Worker)
{
    m_thread->setObjectName(QStringLiteral("job-detail"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

JobDetailClient::~JobDetailClient()
{
    m_thread->quit();
    m_thread->wait();
}

quint64 JobDetailClient::fetch(const QUrl& base, HttpRequestOptions options, const QString& jobId)
{
    const quint64 id = ++m_nextId;
    options.maxBodyBytes = std::min(options.maxBodyBytes, MaxBodyBytes);
    const QUrl url
        = endpointUrl(base, QStringLiteral("api/v1/jobs/") + QString::fromLatin1(QUrl::toPercentEncoding(jobId)));
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, front = QPointer<JobDetailClient>(this), id, url, options, jobId] {
            worker->fetch(front, id, url, options, jobId);
        },
        Qt::QueuedConnection);
    return id;
}

} // namespace Meridian
