// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/jobdetails.h"

#include "core/net/httpclient.h"
#include "core/sources/jobdetailclient.h"
#include "core/sources/sourceendpoint.h"
#include "core/store/fleetstore.h"

#include <QTimer>

namespace Meridian {
namespace {
constexpr int TimeoutMs = 15000;
} // namespace

JobDetails::JobDetails(const FleetStore* store, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_client(new JobDetailClient(this))
{
    qRegisterMetaType<JobDetailAnswer>();
    connect(m_client, &JobDetailClient::finished, this,
        [this](quint64 clientId, const QString& jobId, const Protocol::JobRecord& job, const QString& error) {
            const Pending pending = m_pending.take(clientId);
            JobDetailAnswer a;
            a.requestId = pending.requestId;
            a.jobId = jobId;
            a.source = pending.source;
            a.kind = error.isEmpty() ? JobDetailAnswer::Full : JobDetailAnswer::Failed;
            a.job = job;
            a.error = error;
            Q_EMIT answered(a);
        });
}

void JobDetails::answerLater(JobDetailAnswer answer)
{
    // Always through the event loop, so that callers see one way of answering.
    QTimer::singleShot(0, this, [this, answer] { Q_EMIT answered(answer); });
}

quint64 JobDetails::request(const QString& jobId)
{
    JobDetailAnswer a;
    a.requestId = ++m_nextId;
    a.jobId = jobId;
    const QString wanted = m_store ? m_store->sourceForJob(jobId) : QString();
    const SourceConfig* source = nullptr;
    for (const SourceConfig& s : m_sources) {
        // A job nobody claims (restored from the cache) is asked of a fleet front, which lists every job.
        if ((!wanted.isEmpty() && s.name == wanted) || (wanted.isEmpty() && s.kind == SourceConfig::Kind::Fleet)) {
            source = &s;
            break;
        }
    }
    if (!source) {
        a.kind = JobDetailAnswer::NoSource;
        answerLater(a);
        return a.requestId;
    }
    a.source = source->name;
    if (source->kind != SourceConfig::Kind::Fleet) {
        a.kind = source->kind == SourceConfig::Kind::Slurm ? JobDetailAnswer::Watched : JobDetailAnswer::NoHistory;
        answerLater(a);
        return a.requestId;
    }
    SourceEndpoint endpoint;
    QString why;
    if (!SourceEndpoints::resolve(*source, &endpoint, &why)) {
        a.error = why;
        answerLater(a);
        return a.requestId;
    }
    HttpRequestOptions options;
    options.token = endpoint.token;
    options.timeoutMs = TimeoutMs;
    options.tls = endpoint.tls;
    m_pending.insert(m_client->fetch(source->url, options, jobId), { a.requestId, source->name });
    return a.requestId;
}

} // namespace Meridian
