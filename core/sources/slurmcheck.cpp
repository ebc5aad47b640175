// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/slurmcheck.h"

#include "core/net/httpclient.h"
#include "core/sources/slurmrest.h"

#include <QHash>

namespace Meridian {
namespace {

// As the source reads a cluster (SlurmSourceOptions): 50,000 jobs are ~110 MiB in v0.0.38.
Slurm::Limits checkLimits()
{
    Slurm::Limits l;
    l.maxBodyBytes = qsizetype(256) * 1024 * 1024;
    return l;
}

// What a failed answer means in the terms every source's check uses (SourceCheckReport::status).
AgentStatus statusOf(Slurm::Failure failure)
{
    switch (failure) {
    case Slurm::Failure::TokenRejected:
    case Slurm::Failure::Unauthenticated:
        return AgentStatus::Unauthorized;
    case Slurm::Failure::Malformed:
    case Slurm::Failure::TooLarge:
    case Slurm::Failure::WrongVersion:
        return AgentStatus::BadPayload;
    case Slurm::Failure::None:
    case Slurm::Failure::SlurmError:
    case Slurm::Failure::HttpError:
        break;
    }
    return AgentStatus::Unreachable;
}

} // namespace

SlurmCheckReport slurmCheckReport(const SlurmView& view)
{
    SlurmCheckReport r;
    r.version = slurmVersionText(view.version, view.release);
    QHash<QString, const Slurm::Node*> byName;
    for (const Slurm::Node& n : view.nodes) {
        byName.insert(n.name, &n);
        r.nodeNames.append(n.name);
        ++r.nodesByState[slurmNodeStateText(n)];
        const bool down = n.state == Slurm::NodeState::Down || n.flags.testFlag(Slurm::NodeFlag::NotResponding);
        r.nodesDown += down ? 1 : 0;
        for (const Slurm::Gres& g : n.gres) {
            if (g.name == u"gpu")
                r.gpusByModel[g.type.isEmpty() ? g.name : g.type] += int(g.count);
        }
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

SourceCheckReport sourceCheckOf(
    const QString& name, const SlurmCheckReport& report, const QMap<QString, QString>& hostNames)
{
    SourceCheckReport r;
    r.name = name;
    r.kind = sourceKindKey(SourceConfig::Kind::Slurm);
    r.status = toString(report.healthy() ? AgentStatus::Up : report.status);
    r.serverVersion = report.version;
    if (!report.healthy()) {
        r.problems.append(report.error);
        return r;
    }
    r.nodesTotal = int(report.nodeNames.size());
    r.nodesDown = report.nodesDown;
    r.nodesUp = r.nodesTotal - r.nodesDown;
    for (auto it = report.gpusByModel.cbegin(); it != report.gpusByModel.cend(); ++it) {
        r.acceleratorsTotal += it.value();
        r.acceleratorsByModel.insert(it.key(), it.value());
    }
    r.problems = report.problems;
    for (const QString& node : report.nodeNames)
        r.nodeIds.append(hostNames.value(node, node));
    SchedulerCheck& s = r.scheduler;
    s.present = true;
    s.nodeUpdate = report.nodeUpdate;
    s.nodesByState = report.nodesByState;
    s.jobsByState = report.jobsByState;
    for (const SlurmCheckReport::PartitionRow& p : report.partitions)
        s.partitions.append({ p.name, p.nodes, p.gpus, p.gpusAllocated });
    if (!report.nodeUpdate)
        r.warnings.append(SlurmCheck::tr("this REST API version has no node update: drain and resume are given as "
                                         "scontrol commands to copy"));
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
    reset(url, user);
    if (!tokenFile.isEmpty()) {
        QString error;
        m_token = readBearerToken(tokenFile, &error);
        if (m_token.isEmpty())
            return fail(error, AgentStatus::Unauthorized);
    }
    begin(tls);
}

void SlurmCheck::start(const SourceConfig& source)
{
    if (source.token.isEmpty())
        return start(source.url, source.user, source.tokenFile, source.tls);
    reset(source.url, source.user);
    m_token = source.token;
    begin(source.tls);
}

void SlurmCheck::reset(const QUrl& url, const QString& user)
{
    m_url = url;
    m_user = user;
    m_token.clear();
    m_tls.reset();
    m_report = {};
    m_report.url = url;
    m_view = {};
}

void SlurmCheck::begin(const TlsClientFiles& tls)
{
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
            return fail(found.error, found.status);
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
    options.maxBodyBytes = checkLimits().maxBodyBytes;
    const QUrl url = endpointUrl(m_url, SlurmRest::path(m_view.version, QLatin1String(what[step])));
    m_client->get(url, options, [this, step](HttpResult r) {
        if (!SlurmRest::answered(r))
            return fail(r.error);
        const Slurm::ApiVersion v = m_view.version;
        QString error;
        Slurm::Failure failure = Slurm::Failure::None;
        if (step == 0) {
            auto d = Slurm::decodeNodes(v, r.httpStatus, r.body, checkLimits());
            m_view.nodes = d.value;
            m_view.release = d.info.slurmRelease;
            error = d.error;
            failure = d.failure;
        } else if (step == 1) {
            auto d = Slurm::decodePartitions(v, r.httpStatus, r.body, checkLimits());
            m_view.partitions = d.value;
            error = d.error;
            failure = d.failure;
        } else {
            auto d = Slurm::decodeJobs(v, r.httpStatus, r.body, checkLimits());
            m_view.jobs = d.value;
            error = d.error;
            failure = d.failure;
        }
        if (!error.isEmpty())
            return fail(QStringLiteral("GET %1: %2").arg(QLatin1String(what[step]), error), statusOf(failure));
        fetch(step + 1);
    });
}

void SlurmCheck::fail(const QString& error, AgentStatus status)
{
    m_report.error = error;
    m_report.status = status;
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
