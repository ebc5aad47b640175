// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/agentcheck.h"

#include "core/net/httpclient.h"
#include "core/protocol/prometheustext.h"
#include "core/protocol/protocoljson.h"

#include <QDateTime>

namespace Meridian {

using Severity = AgentCheckFinding::Severity;

bool AgentCheckReport::healthy() const
{
    return !findings.isEmpty() && std::none_of(findings.cbegin(), findings.cend(), [](const AgentCheckFinding& f) {
        return f.severity == Severity::Error;
    });
}

AgentCheck::AgentCheck(QObject* parent)
    : QObject(parent)
    , m_http(new HttpClient(this))
{ }

AgentCheck::~AgentCheck() = default;

void AgentCheck::add(Severity severity, const QString& what, const QString& detail)
{
    m_report.findings.append(AgentCheckFinding { severity, what, detail });
}

void AgentCheck::get(
    const QUrl& base, const QString& path, std::function<void(const HttpResult&)> handler, bool withToken)
{
    HttpRequestOptions options;
    options.token = withToken ? m_token : QByteArray();
    options.tls = m_tls;
    options.timeoutMs = m_timeoutMs;
    options.deadlineMs = 3 * m_timeoutMs;
    options.maxBodyBytes
        = path.startsWith(QLatin1String("api/v1/fleet")) || path.startsWith(QLatin1String("api/v1/nodes"))
        ? qsizetype(512) * 1024 * 1024
        : 16 * 1024 * 1024;
    m_http->get(base.resolved(QUrl(path)), options, [this, handler = std::move(handler)](HttpResult r) {
        handler(r);
        next();
    });
}

bool AgentCheck::transportOk(const HttpResult& r, const QString& what)
{
    if (r.ok())
        return true;
    add(Severity::Error, what, r.error);
    return false;
}

void AgentCheck::start(const QUrl& url, const QString& tokenFile)
{
    m_report = AgentCheckReport {};
    m_steps.clear();
    m_done = false;
    QUrl base = url;
    if (!base.path().endsWith(u'/'))
        base.setPath(base.path() + u'/');
    m_report.url = base;
    if (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https")) {
        add(Severity::Error, tr("URL"), tr("expected an http:// or https:// URL"));
        QMetaObject::invokeMethod(this, &AgentCheck::finish, Qt::QueuedConnection);
        return;
    }
    if (!m_tlsFiles.isEmpty()) {
        QString error;
        m_tls = makeTlsConfiguration(m_tlsFiles, &error);
        if (!m_tls) {
            add(Severity::Error, tr("TLS"), error);
            QMetaObject::invokeMethod(this, &AgentCheck::finish, Qt::QueuedConnection);
            return;
        }
    }
    if (!tokenFile.isEmpty()) {
        QString error;
        m_token = readBearerToken(tokenFile, &error);
        if (m_token.isEmpty()) {
            add(Severity::Error, tr("token"), error);
            QMetaObject::invokeMethod(this, &AgentCheck::finish, Qt::QueuedConnection);
            return;
        }
    }
    // First probe: an agent answers /api/v1/node, a fleet front /api/v1/fleet.
    get(base, QStringLiteral("api/v1/node"), [this, base](const HttpResult& r) {
        if (r.outcome == HttpResult::Outcome::ConnectionFailed || r.outcome == HttpResult::Outcome::TimedOut) {
            add(Severity::Error, tr("reachable"), r.error);
            return m_steps.clear();
        }
        add(Severity::Ok, tr("reachable"), base.toString());
        if (r.httpStatus == 401 || r.httpStatus == 403) {
            add(Severity::Error, tr("authorization"),
                m_token.isEmpty() ? tr("the agent requires a token (--token-file)")
                                  : tr("the token was refused (%1)").arg(r.error));
            return m_steps.clear();
        }
        if (r.httpStatus == 404) {
            m_steps.append([this, base] {
                get(base, QStringLiteral("api/v1/fleet"), [this, base](const HttpResult& f) {
                    if (!transportOk(f, QStringLiteral("GET /api/v1/fleet"))) {
                        add(Severity::Error, tr("protocol"), tr("neither /api/v1/node nor /api/v1/fleet answered"));
                        return;
                    }
                    QList<Protocol::FleetEntry> fleet;
                    if (auto d = Protocol::Json::decodeBody(f.body, &fleet, Protocol::Limits { 512 * 1024 * 1024 }); !d)
                        return add(Severity::Error, QStringLiteral("GET /api/v1/fleet"), d.error);
                    m_report.isFleet = true;
                    m_report.fleetNodes = int(fleet.size());
                    for (const Protocol::FleetEntry& e : std::as_const(fleet))
                        m_report.nodeIds.append(e.nodeId);
                    add(Severity::Ok, tr("authorization"),
                        m_token.isEmpty() ? tr("no token needed") : tr("token accepted"));
                    add(Severity::Ok, QStringLiteral("GET /api/v1/fleet"),
                        tr("%n node(s)", nullptr, int(fleet.size())));
                    m_steps.append([this, base] {
                        get(base, QStringLiteral("api/v1/nodes?limit=1"), [this](const HttpResult& n) {
                            if (!transportOk(n, QStringLiteral("GET /api/v1/nodes")))
                                return;
                            Protocol::NodesPage page;
                            Protocol::Limits limits;
                            limits.maxBodyBytes = 512 * 1024 * 1024;
                            auto d = Protocol::Json::decodeBody(n.body, &page, limits);
                            add(d ? Severity::Ok : Severity::Error, QStringLiteral("GET /api/v1/nodes"),
                                d ? tr("%n node record(s)", nullptr, int(page.nodes.size())) : d.error);
                        });
                    });
                    m_steps.append([this, base] {
                        get(base, QStringLiteral("api/v1/jobs"), [this](const HttpResult& j) {
                            if (!transportOk(j, QStringLiteral("GET /api/v1/jobs")))
                                return;
                            Protocol::JobsPage page;
                            Protocol::Limits limits;
                            limits.maxBodyBytes = 512 * 1024 * 1024;
                            auto d = Protocol::Json::decodeBody(j.body, &page, limits);
                            add(d ? Severity::Ok : Severity::Error, QStringLiteral("GET /api/v1/jobs"),
                                d ? tr("%n job(s)", nullptr, int(page.jobs.size())) : d.error);
                        });
                    });
                    if (!fleet.isEmpty()) {
                        m_report.checkedNode = fleet.first().nodeId;
                        QString path = fleet.first().basePath;
                        while (path.startsWith(u'/'))
                            path.remove(0, 1);
                        if (!path.endsWith(u'/'))
                            path.append(u'/');
                        checkAgentEndpoints(base.resolved(QUrl(path)));
                    }
                });
            });
            return;
        }
        if (!transportOk(r, QStringLiteral("GET /api/v1/node")))
            return;
        add(Severity::Ok, tr("authorization"), m_token.isEmpty() ? tr("no token needed") : tr("token accepted"));
        Protocol::NodeInventory inventory;
        if (auto d = Protocol::Json::decodeBody(r.body, &inventory); !d) {
            add(Severity::Error, QStringLiteral("GET /api/v1/node"), d.error);
        } else {
            m_report.inventory = inventory;
            m_report.hasInventory = true;
            m_report.nodeIds = { inventory.nodeId };
            add(Severity::Ok, QStringLiteral("GET /api/v1/node"),
                tr("%1, %n accelerator(s)", nullptr, int(inventory.accelerators.size())).arg(inventory.nodeId));
        }
        checkAgentEndpoints(base);
    });
}

void AgentCheck::checkAgentEndpoints(const QUrl& base)
{
    if (!m_report.hasInventory && m_report.isFleet) {
        m_steps.append([this, base] {
            get(base, QStringLiteral("api/v1/node"), [this](const HttpResult& r) {
                if (!transportOk(r, QStringLiteral("GET /n/…/api/v1/node")))
                    return;
                Protocol::NodeInventory inventory;
                if (auto d = Protocol::Json::decodeBody(r.body, &inventory); !d)
                    return add(Severity::Error, QStringLiteral("GET /n/…/api/v1/node"), d.error);
                m_report.inventory = inventory;
                m_report.hasInventory = true;
                add(Severity::Ok, QStringLiteral("GET /n/…/api/v1/node"), inventory.nodeId);
            });
        });
    }
    m_steps.append([this, base] {
        get(base, QStringLiteral("api/v1/snapshot"), [this](const HttpResult& r) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (!transportOk(r, QStringLiteral("GET /api/v1/snapshot")))
                return;
            Protocol::Snapshot snapshot;
            if (auto d = Protocol::Json::decodeBody(r.body, &snapshot); !d)
                return add(Severity::Error, QStringLiteral("GET /api/v1/snapshot"), d.error);
            m_report.snapshot = snapshot;
            m_report.hasSnapshot = true;
            add(Severity::Ok, QStringLiteral("GET /api/v1/snapshot"),
                tr("state %1, %n open fault(s)", nullptr, int(snapshot.faults.size()))
                    .arg(Protocol::toString(snapshot.sample.state)));
            // The newest tick is at most one interval old; ahead of us means the agent's clock is.
            const qint64 skew = snapshot.sample.timestampMs - now;
            if (skew > MaxClockSkewMs)
                add(Severity::Warning, tr("clock"),
                    tr("the agent's clock is %1 s ahead of this machine's").arg(skew / 1000.0, 0, 'f', 1));
            else if (-skew > 120000)
                add(Severity::Warning, tr("clock"),
                    tr("the newest sample is %1 s old: the agent's clock is behind or collection stalled")
                        .arg(-skew / 1000));
            else
                add(Severity::Ok, tr("clock"), tr("newest sample %1 s old").arg(-skew / 1000.0, 0, 'f', 1));
        });
    });
    m_steps.append([this, base] {
        get(base, QStringLiteral("api/v1/samples?since=0&limit=1"), [this](const HttpResult& r) {
            if (!transportOk(r, QStringLiteral("GET /api/v1/samples")))
                return;
            Protocol::SamplesPage page;
            if (auto d = Protocol::Json::decodeBody(r.body, &page); !d)
                return add(Severity::Error, QStringLiteral("GET /api/v1/samples"), d.error);
            add(Severity::Ok, QStringLiteral("GET /api/v1/samples"),
                tr("seq %1…%2").arg(page.oldestSeq).arg(page.newestSeq));
            if (m_report.hasSnapshot && !page.samples.isEmpty()) {
                m_report.historyMs = m_report.snapshot.sample.timestampMs - page.samples.first().timestampMs;
                const qint64 minutes = m_report.historyMs / 60000;
                if (m_report.historyMs < MinHistoryMs)
                    add(Severity::Warning, tr("history"),
                        tr("the ring buffer holds %1 min (at least 60 min expected once the agent has run that long)")
                            .arg(minutes));
                else
                    add(Severity::Ok, tr("history"), tr("the ring buffer holds %1 min").arg(minutes));
            }
        });
    });
    m_steps.append([this, base] {
        get(base, QStringLiteral("api/v1/events?since=0"), [this](const HttpResult& r) {
            if (!transportOk(r, QStringLiteral("GET /api/v1/events")))
                return;
            Protocol::EventsPage page;
            auto d = Protocol::Json::decodeBody(r.body, &page);
            add(d ? Severity::Ok : Severity::Error, QStringLiteral("GET /api/v1/events"),
                d ? tr("%n event(s), newest id %1", nullptr, int(page.events.size())).arg(page.newestId) : d.error);
        });
    });
    m_steps.append([this, base] {
        get(
            base, QStringLiteral("metrics"),
            [this](const HttpResult& r) {
                if (!transportOk(r, QStringLiteral("GET /metrics")))
                    return;
                const auto parsed = Protocol::Prometheus::parse(r.body);
                if (!parsed.ok)
                    return add(Severity::Error, QStringLiteral("GET /metrics"), parsed.error);
                m_report.metricsSamples = int(parsed.samples.size());
                add(Severity::Ok, QStringLiteral("GET /metrics"), tr("%n series", nullptr, int(parsed.samples.size())));
            },
            false);
    });
}

void AgentCheck::next()
{
    if (m_steps.isEmpty())
        return finish();
    const Step step = m_steps.takeFirst();
    step();
}

void AgentCheck::finish()
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(m_report);
}

} // namespace Meridian
