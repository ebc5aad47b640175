// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmactionclient.h"

#include "core/net/httpclient.h"
#include "core/sources/slurm/slurmdecode.h"
#include "core/sources/slurmmapping.h"
#include "core/sources/slurmrest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Meridian {
namespace {

constexpr qsizetype MaxBodyBytes = qsizetype(256) * 1024 * 1024; ///< a whole cluster's jobs, for a node's preview
constexpr int TimeoutMs = 30000;
constexpr qsizetype MaxReason = 256;

bool validJobId(const QString& id)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    return digits.match(id).hasMatch();
}

bool validNodeName(const QString& name)
{
    // Slurm node names: letters, digits, '-', '_', '.'; anything else is not a node of a cluster.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,128}$"));
    return pattern.match(name).hasMatch();
}

// A word for a POSIX shell: as is when it is plain, else in single quotes.
QString shellQuoted(const QString& text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._,:/@%+=-]+$"));
    if (plain.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + quoted + u'\'';
}

Slurm::Limits previewLimits()
{
    Slurm::Limits l;
    l.maxBodyBytes = MaxBodyBytes;
    return l;
}

QString percent(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

SlurmActionClient::SlurmActionClient(QObject* parent)
    : ActionClient(parent)
    , m_client(new HttpClient(this))
    , m_probe(new SlurmRest::VersionProbe(m_client, this))
{ }

QString SlurmActionClient::scontrolCommand(const ActionRequest& request, const QString& user)
{
    const QString reason = request.reason.isEmpty()
        ? QStringLiteral("drained from Meridian by %1").arg(user.isEmpty() ? QStringLiteral("console") : user)
        : request.reason.left(MaxReason);
    switch (request.kind) {
    case ActionKind::DrainNode:
        return QStringLiteral("scontrol update nodename=%1 state=drain reason=%2")
            .arg(shellQuoted(request.target), shellQuoted(reason));
    case ActionKind::ResumeNode:
        return QStringLiteral("scontrol update nodename=%1 state=resume").arg(shellQuoted(request.target));
    case ActionKind::RequeueJob:
        return QStringLiteral("scontrol requeue %1").arg(shellQuoted(request.target));
    case ActionKind::CancelJob:
        break;
    }
    return {};
}

bool SlurmActionClient::send(const SourceEndpoint& to, const ActionRequest& request)
{
    if (m_busy)
        return false;
    if (isNodeAction(request.kind) ? !validNodeName(request.target) : !validJobId(request.target))
        return false;
    m_busy = true;
    m_to = to;
    m_request = request;
    withVersion([this] { m_request.dryRun ? preview() : act(); });
    return true;
}

HttpRequestOptions SlurmActionClient::options() const
{
    HttpRequestOptions o;
    o.headers = SlurmRest::headers(m_to.user, m_to.token);
    o.tls = m_to.tls;
    o.maxBodyBytes = MaxBodyBytes;
    o.timeoutMs = TimeoutMs;
    return o;
}

ActionReply SlurmActionClient::reply(int status) const
{
    ActionReply r;
    r.request = m_request;
    r.source = m_to.source;
    r.status = status;
    return r;
}

void SlurmActionClient::finish(ActionReply r)
{
    // A path slurmrestd no longer serves (it was upgraded): find its version again next time.
    if (r.status == 404)
        m_version = Slurm::ApiVersion::Unknown;
    // Always from the event loop, never from inside send(): a caller connects and records its request after
    // send() returns, and an answer known at once (no REST call for it) must not overtake that.
    QMetaObject::invokeMethod(
        this,
        [this, r] {
            m_busy = false;
            Q_EMIT finished(r);
        },
        Qt::QueuedConnection);
}

void SlurmActionClient::withVersion(std::function<void()> next)
{
    if (m_version != Slurm::ApiVersion::Unknown && m_versionOf == m_to.base)
        return next();
    m_probe->run(m_to.base, options(), [this, next](const SlurmRest::VersionProbe::Result& found) {
        if (!found.ok()) {
            ActionReply r = reply();
            r.error = found.error;
            return finish(r);
        }
        m_version = found.version;
        m_nodeUpdate = found.nodeUpdate;
        m_versionOf = m_to.base;
        next();
    });
}

void SlurmActionClient::manual(const QString& why)
{
    ActionReply r = reply();
    r.manualCommand = scontrolCommand(m_request, m_to.user);
    r.error = tr("%1 — run on a Slurm host: %2").arg(why, r.manualCommand);
    finish(r);
}

void SlurmActionClient::preview()
{
    if (isNodeAction(m_request.kind))
        previewNode();
    else
        previewJob();
}

void SlurmActionClient::previewJob()
{
    const QUrl url = endpointUrl(m_to.base, SlurmRest::path(m_version, QStringLiteral("job/") + m_request.target));
    m_client->get(url, options(), [this](HttpResult http) {
        ActionReply r = reply(http.httpStatus);
        if (!SlurmRest::answered(http)) {
            r.error = http.error;
            return finish(r);
        }
        const Slurm::Decoded<Slurm::Job> d
            = Slurm::decodeJob(m_version, m_request.target.toLongLong(), http.httpStatus, http.body);
        if (!d.ok()) {
            r.status = http.httpStatus == 200 ? 0 : http.httpStatus;
            r.error = d.error;
            return finish(r);
        }
        const Slurm::Job& job = d.value;
        QString effect = m_request.kind == ActionKind::CancelJob
            ? tr("Slurm ends job %1 (%2) and frees its nodes.").arg(m_request.target, job.name)
            : tr("Slurm stops job %1 (%2) and queues it again; slurmrestd has no requeue call, so the console "
                 "gives the command to run: %3")
                  .arg(m_request.target, job.name, scontrolCommand(m_request, m_to.user));
        QJsonArray nodes;
        for (const QString& n : job.nodes.mid(0, JobActionPreview::MaxNodes))
            nodes.append(n);
        r.status = 200;
        r.body
            = QJsonObject { { QStringLiteral("stateBefore"), slurmJobState(job) }, { QStringLiteral("effect"), effect },
                  { QStringLiteral("accelerators"), double(slurmJobGpus(job)) }, { QStringLiteral("nodes"), nodes } };
        if (m_request.kind == ActionKind::RequeueJob)
            r.manualCommand = scontrolCommand(m_request, m_to.user);
        finish(r);
    });
}

void SlurmActionClient::previewNode()
{
    // The jobs on the node and the GPUs each holds, as the source maps them: nodes, then jobs.
    auto failed = [this](const HttpResult& http, const QString& decodeError) {
        ActionReply r = reply(http.httpStatus == 200 ? 0 : http.httpStatus);
        r.error = decodeError.isEmpty() ? http.error : decodeError;
        finish(r);
    };
    const QUrl nodesUrl = endpointUrl(m_to.base, SlurmRest::path(m_version, QStringLiteral("nodes")));
    m_client->get(nodesUrl, options(), [this, failed](HttpResult nodesHttp) {
        if (!SlurmRest::answered(nodesHttp))
            return failed(nodesHttp, {});
        auto nodes = Slurm::decodeNodes(m_version, nodesHttp.httpStatus, nodesHttp.body, previewLimits());
        if (!nodes.ok())
            return failed(nodesHttp, nodes.error);
        const QUrl jobsUrl = endpointUrl(m_to.base, SlurmRest::path(m_version, QStringLiteral("jobs")));
        m_client->get(jobsUrl, options(),
            [this, failed, view = SlurmView { nodes.value, {}, {}, m_version, {} }](HttpResult jobsHttp) mutable {
                if (!SlurmRest::answered(jobsHttp))
                    return failed(jobsHttp, {});
                auto jobs = Slurm::decodeJobs(m_version, jobsHttp.httpStatus, jobsHttp.body, previewLimits());
                if (!jobs.ok())
                    return failed(jobsHttp, jobs.error);
                view.jobs = std::move(jobs.value);
                SlurmMapping mapping;
                mapping.source = m_to.source;
                mapping.nowMs = QDateTime::currentMSecsSinceEpoch();
                const SourceUpdate u = slurmUpdate(view, mapping);
                const NodeUpdate* node = nullptr;
                for (const NodeUpdate& n : u.nodes)
                    node = n.nodeId == m_request.target ? &n : node;
                if (!node) {
                    ActionReply r = reply(404);
                    r.error = tr("Slurm has no node %1").arg(m_request.target);
                    return finish(r);
                }
                QJsonArray list;
                for (const Protocol::JobPlacement& p : node->snapshot.jobs) {
                    QJsonArray accelerators;
                    for (int a : p.accelerators)
                        accelerators.append(a);
                    list.append(QJsonObject { { QStringLiteral("id"), p.jobId }, { QStringLiteral("name"), p.name },
                        { QStringLiteral("state"), p.state }, { QStringLiteral("accelerators"), accelerators } });
                }
                const bool drain = m_request.kind == ActionKind::DrainNode;
                ActionReply r = reply(200);
                QJsonObject body { { QStringLiteral("effect"),
                                       drain
                                           ? tr("Slurm places no new jobs on %1; running jobs go on.").arg(node->nodeId)
                                           : tr("Slurm places jobs on %1 again.").arg(node->nodeId) },
                    { QStringLiteral("jobs"), list }, { QStringLiteral("capacity"), QJsonArray() } };
                if (!m_nodeUpdate) {
                    r.manualCommand = scontrolCommand(m_request, m_to.user);
                    body.insert(QStringLiteral("effect"),
                        tr("slurmrestd %1 has no node update: the console cannot do this itself. Run on a Slurm host: "
                           "%2")
                            .arg(Slurm::apiVersionName(m_version), r.manualCommand));
                }
                r.body = body;
                finish(r);
            });
    });
}

void SlurmActionClient::act()
{
    QByteArray verb;
    QString what;
    QJsonObject body;
    switch (m_request.kind) {
    case ActionKind::CancelJob:
        verb = QByteArrayLiteral("DELETE");
        what = QStringLiteral("job/") + m_request.target;
        break;
    case ActionKind::RequeueJob:
        return manual(tr("slurmrestd has no requeue call"));
    case ActionKind::DrainNode:
    case ActionKind::ResumeNode: {
        if (!m_nodeUpdate)
            return manual(tr("slurmrestd %1 has no node update").arg(Slurm::apiVersionName(m_version)));
        verb = QByteArrayLiteral("POST");
        what = QStringLiteral("node/") + percent(m_request.target);
        const bool drain = m_request.kind == ActionKind::DrainNode;
        body.insert(QStringLiteral("state"), QJsonArray { drain ? QStringLiteral("DRAIN") : QStringLiteral("RESUME") });
        if (drain) {
            // Slurm refuses a drain without a reason.
            body.insert(QStringLiteral("reason"),
                m_request.reason.isEmpty() ? QStringLiteral("drained from Meridian")
                                           : m_request.reason.left(MaxReason));
            if (!m_to.user.isEmpty())
                body.insert(QStringLiteral("reason_uid"), m_to.user);
        }
        break;
    }
    }
    const QUrl url = endpointUrl(m_to.base, SlurmRest::path(m_version, what));
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    m_client->send(verb, url, options(), payload, [this](HttpResult http) {
        ActionReply r = reply(http.httpStatus);
        if (!SlurmRest::answered(http)) {
            r.error = http.error;
            return finish(r);
        }
        const Slurm::Decoded<bool> d = Slurm::decodeActionReply(m_version, http.httpStatus, http.body);
        if (!d.ok()) {
            r.status = http.httpStatus == 200 ? 0 : http.httpStatus;
            r.error = d.error;
            return finish(r);
        }
        QJsonObject outcome;
        switch (m_request.kind) {
        case ActionKind::CancelJob:
            outcome = { { QStringLiteral("stateAfter"), QStringLiteral("cancelled") },
                { QStringLiteral("effect"), tr("Slurm cancelled job %1").arg(m_request.target) } };
            break;
        case ActionKind::DrainNode:
            outcome = { { QStringLiteral("effect"), tr("Slurm drains %1").arg(m_request.target) } };
            break;
        case ActionKind::ResumeNode:
            outcome = { { QStringLiteral("effect"), tr("Slurm resumed %1").arg(m_request.target) } };
            break;
        case ActionKind::RequeueJob:
            break;
        }
        r.status = 200;
        r.body = outcome;
        finish(r);
    });
}

} // namespace Meridian
