// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmcheck.h"

#include "core/net/httpclient.h"
#include "core/sources/slurmrest.h"

#include <QHash>

namespace Meridian {
namespace {

// As the source reads a cluster (SlurmSourceOptions): 50,000 jobs are ~110 MiB in v0.0.38.
Slurm::Limits limits()
{
    Slurm::Limits l;
    l.maxBodyBytes = qsizetype(256) * 1024 * 1024;
    return l;
}

} // namespace

SlurmCheckReport slurmCheckReport(const SlurmView& view)
{
    SlurmCheckReport r;
    r.version = slurmVersionText(view.version, view.release);
    QHash<QString, const Slurm::Node*> byName;
    for (const Slurm::Node& n : view.nodes) {
        byName.insert(n.name, &n);
        ++r.nodesByState[slurmNodeStateText(n)];
        const bool down = n.state == Slurm::NodeState::Down || n.flags.testFlag(Slurm::NodeFlag::NotResponding);
        if (down || n.flags.testFlag(Slurm::NodeFlag::Drain)) {
            const QString reason = n.reason.isEmpty() ? SlurmCheck::tr("no reason given") : n.reason;
            r.problems.append(SlurmCheck::tr("node %1 is %2: %3").arg(n.name, slurmNodeStateText(n), reason));
        }
    }
    for (const Slurm::Partition& p : view.partitions) {
        SlurmCheckReport::PartitionRow row { p.name, int(p.nodes.size()), 0, 0 };
        for (const QString& name : p.nodes) {
            if (const Slurm::Node* n = byName.value(name)) {
                row.gpus += Slurm::gresCount(n->gres);
                row.gpusAllocated += Slurm::gresCount(n->gresUsed);
            }
        }
        r.partitions.append(row);
    }
    for (const Slurm::Job& j : view.jobs) {
        const QString state = j.state == Slurm::JobState::Unknown && !j.stateFlags.isEmpty()
            ? j.stateFlags.constFirst()
            : Slurm::jobStateName(j.state);
        ++r.jobsByState[state];
    }
    if (view.nodes.isEmpty())
        r.problems.append(SlurmCheck::tr("slurmrestd lists no nodes"));
    return r;
}

SlurmCheck::SlurmCheck(QObject* parent)
    : QObject(parent)
    , m_client(new HttpClient(this))
    , m_probe(new SlurmRest::VersionProbe(m_client, this))
{
    qRegisterMetaType<SlurmCheckReport>();
}

SlurmCheck::~SlurmCheck() = default;

void SlurmCheck::start(const QUrl& url, const QString& user, const QString& tokenFile, const TlsClientFiles& tls)
{
    m_url = url;
    m_user = user;
    m_report = {};
    m_report.url = url;
    m_view = {};
    if (!tokenFile.isEmpty()) {
        QString error;
        m_token = readBearerToken(tokenFile, &error);
        if (m_token.isEmpty())
            return fail(error);
    }
    if (!tls.isEmpty()) {
        QString error;
        m_tls = cachedTlsConfiguration(tls, &error);
        if (!m_tls)
            return fail(error);
    }
    HttpRequestOptions options;
    options.headers = SlurmRest::headers(m_user, m_token);
    options.tls = m_tls;
    options.timeoutMs = m_timeoutMs;
    m_probe->run(m_url, options, [this](const SlurmRest::VersionProbe::Result& found) {
        if (!found.ok())
            return fail(found.error);
        m_view.version = found.version;
        m_report.nodeUpdate = found.nodeUpdate;
        fetch(0);
    });
}

void SlurmCheck::fetch(int step)
{
    static const char* const what[] = { "nodes", "partitions", "jobs" };
    if (step >= 3)
        return finish();
    HttpRequestOptions options;
    options.headers = SlurmRest::headers(m_user, m_token);
    options.tls = m_tls;
    options.timeoutMs = m_timeoutMs;
    options.maxBodyBytes = limits().maxBodyBytes;
    const QUrl url = endpointUrl(m_url, SlurmRest::path(m_view.version, QLatin1String(what[step])));
    m_client->get(url, options, [this, step](HttpResult r) {
        if (!SlurmRest::answered(r))
            return fail(r.error);
        const Slurm::ApiVersion v = m_view.version;
        QString error;
        if (step == 0) {
            auto d = Slurm::decodeNodes(v, r.httpStatus, r.body, limits());
            m_view.nodes = d.value;
            m_view.release = d.info.slurmRelease;
            error = d.error;
        } else if (step == 1) {
            auto d = Slurm::decodePartitions(v, r.httpStatus, r.body, limits());
            m_view.partitions = d.value;
            error = d.error;
        } else {
            auto d = Slurm::decodeJobs(v, r.httpStatus, r.body, limits());
            m_view.jobs = d.value;
            error = d.error;
        }
        if (!error.isEmpty())
            return fail(QStringLiteral("GET %1: %2").arg(QLatin1String(what[step]), error));
        fetch(step + 1);
    });
}

void SlurmCheck::fail(const QString& error)
{
    m_report.error = error;
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

void SlurmCheck::finish()
{
    const bool nodeUpdate = m_report.nodeUpdate;
    m_report = slurmCheckReport(m_view);
    m_report.url = m_url;
    m_report.nodeUpdate = nodeUpdate;
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(m_report); }, Qt::QueuedConnection);
}

} // namespace Meridian
