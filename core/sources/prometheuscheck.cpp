// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/prometheuscheck.h"

#include "core/net/httpclient.h"
#include "core/sources/prometheussource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cmath>

namespace Meridian {
namespace {

constexpr qsizetype MaxTargetsBytes = qsizetype(64) * 1024 * 1024;
constexpr int MaxNamed = 20;

} // namespace

PrometheusCheck::PrometheusCheck(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<Meridian::SourceCheckReport>();
}

PrometheusCheck::~PrometheusCheck() = default;

void PrometheusCheck::start(const SourceConfig& config)
{
    m_config = config;
    m_report = SourceCheckReport();
    m_report.name = config.name;
    m_report.kind = QStringLiteral("prometheus");
    m_report.status = QStringLiteral("unknown");
    m_http = new HttpClient(this);
    QString ignored;
    m_token = !config.token.isEmpty() ? config.token
        : !config.tokenFile.isEmpty() ? readBearerToken(config.tokenFile, &ignored)
                                      : QByteArray();
    if (!config.basicAuthFile.isEmpty())
        m_basicAuth = PrometheusSource::readBasicAuth(config.basicAuthFile, &ignored);

    m_pending = 3; // the poll round, buildinfo, targets
    QTimer::singleShot(m_timeoutMs, this, [this] {
        m_report.problems.append(tr("no complete answer within %1 s").arg(m_timeoutMs / 1000));
        if (m_report.status == QLatin1String("unknown"))
            m_report.status = QStringLiteral("unreachable");
        finish();
    });
    m_source = new PrometheusSource(config, {}, this);
    connect(m_source, &Source::updateReady, this, &PrometheusCheck::onUpdate);
    connect(m_source, &PrometheusSource::roundFinished, this, [this](const PrometheusSource::RoundReport& r) {
        m_source->stop();
        m_report.status = QStringLiteral("up");
        m_report.warnings += r.warnings;
        for (const QString& q : r.failedQueries)
            m_report.warnings.append(tr("a query failed: %1").arg(q));
        if (m_report.nodesTotal == 0)
            m_report.problems.append(tr("Prometheus reports no scrape targets (\"up\" is empty)"));
        if (m_nodesWithoutAccelerators > 0)
            m_report.warnings.append(tr("%n node(s) have no accelerator exporter (no DCGM, npu-exporter or meridian "
                                        "accelerator series)",
                "", m_nodesWithoutAccelerators));
        if (m_nodesWithoutHostExporter > 0)
            m_report.warnings.append(tr("%n node(s) have an accelerator exporter but no node_exporter (no host CPU, "
                                        "memory or load): %1",
                "", m_nodesWithoutHostExporter)
                                         .arg(m_withoutHostExporter.join(QStringLiteral(", "))));
        if (m_report.nodesUnassigned > 0)
            m_report.warnings.append(
                tr("%n node(s) without a \"%1\" label are unassigned: %2", "", m_report.nodesUnassigned)
                    .arg(m_config.labels.region, m_report.unassignedNodes.join(QStringLiteral(", "))));
        if (--m_pending == 0)
            finish();
    });
    m_source->start();
    fetchBuildInfo();
    fetchTargets();
}

void PrometheusCheck::onUpdate(const SourceUpdate& update)
{
    for (const NodeUpdate& n : update.nodes) {
        if (n.nodeId == m_config.name && !n.hasInventory && n.status != AgentStatus::Up) {
            // The source's stand-in: Prometheus itself failed before any node was seen.
            m_source->stop();
            m_report.status = toString(n.status);
            m_report.problems.append(n.error);
            if (--m_pending == 0)
                finish();
            return;
        }
        if (!n.hasInventory)
            continue;
        ++m_report.nodesTotal;
        m_report.nodeIds.append(n.nodeId);
        const bool down = n.hasSnapshot && n.snapshot.sample.state == NodeState::Down;
        (down ? m_report.nodesDown : m_report.nodesUp) += 1;
        if (n.inventory.region.isEmpty()) {
            ++m_report.nodesUnassigned;
            if (m_report.unassignedNodes.size() < MaxNamed)
                m_report.unassignedNodes.append(n.nodeId);
        }
        if (!down && n.inventory.accelerators.isEmpty())
            ++m_nodesWithoutAccelerators;
        const Protocol::NodeMetrics& host = n.snapshot.sample.node;
        const bool hostSeries = !std::isnan(host.load1) || !std::isnan(host.memoryTotalBytes)
            || !std::isnan(host.cpuUtilization) || !std::isnan(host.uptimeSeconds);
        if (!down && n.hasSnapshot && !n.inventory.accelerators.isEmpty() && !hostSeries) {
            ++m_nodesWithoutHostExporter;
            if (m_withoutHostExporter.size() < MaxNamed)
                m_withoutHostExporter.append(n.nodeId);
        }
        for (const Protocol::AcceleratorInfo& a : n.inventory.accelerators) {
            ++m_report.acceleratorsTotal;
            ++m_report.acceleratorsByModel[a.model.isEmpty() ? tr("(no model label)") : a.model];
        }
    }
}

void PrometheusCheck::fetchBuildInfo()
{
    HttpRequestOptions options;
    options.token = m_token;
    options.basicAuth = m_basicAuth;
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.timeoutMs = m_timeoutMs;
    m_http->get(endpointUrl(m_config.url, QStringLiteral("api/v1/status/buildinfo")), options, [this](HttpResult r) {
        if (r.ok()) {
            const QJsonObject data = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toObject();
            m_report.serverVersion = data.value(QStringLiteral("version")).toString().left(64);
        }
        if (m_report.serverVersion.isEmpty())
            m_report.warnings.append(tr("no server version from /api/v1/status/buildinfo (%1)")
                                         .arg(r.ok() ? tr("not in the answer") : r.error));
        if (--m_pending == 0)
            finish();
    });
}

void PrometheusCheck::fetchTargets()
{
    HttpRequestOptions options;
    options.token = m_token;
    options.basicAuth = m_basicAuth;
    QString tlsError;
    options.tls = cachedTlsConfiguration(m_config.tls, &tlsError);
    options.timeoutMs = m_timeoutMs;
    options.maxBodyBytes = MaxTargetsBytes;
    const QUrl url = endpointUrl(
        m_config.url, QStringLiteral("api/v1/targets"), { { QStringLiteral("state"), QStringLiteral("active") } });
    m_http->get(url, options, [this](HttpResult r) {
        if (r.ok()) {
            const QJsonArray targets = QJsonDocument::fromJson(r.body)
                                           .object()
                                           .value(QStringLiteral("data"))
                                           .toObject()
                                           .value(QStringLiteral("activeTargets"))
                                           .toArray();
            QStringList failing;
            int count = 0;
            for (const QJsonValue& v : targets) {
                const QJsonObject t = v.toObject();
                if (t.value(QStringLiteral("health")).toString() == QLatin1String("up"))
                    continue;
                ++count;
                if (failing.size() < 10)
                    failing.append(
                        QStringLiteral("%1: %2").arg(t.value(QStringLiteral("scrapeUrl")).toString().left(200),
                            t.value(QStringLiteral("lastError")).toString().left(200)));
            }
            if (count > 0)
                m_report.warnings.append(tr("%n of %1 scrape target(s) failing: %2", "", count)
                                             .arg(targets.size())
                                             .arg(failing.join(QStringLiteral("; "))));
        } else {
            // Thanos Query and some fronts have no /api/v1/targets: a warning, not a failure.
            m_report.warnings.append(tr("no target list from /api/v1/targets (%1)").arg(r.error));
        }
        if (--m_pending == 0)
            finish();
    });
}

void PrometheusCheck::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_source)
        m_source->stop();
    if (m_http)
        m_http->abortAll();
    Q_EMIT finished(m_report);
}

} // namespace Meridian
