// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/faults/supportbundle.h"

#include "core/protocol/protocoljson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace Meridian::Faults {
namespace {

void putOctal(char* field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

QByteArray json(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QJsonValue number(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

QString safeName(const QString& text)
{
    static const QRegularExpression bad(QStringLiteral("[^A-Za-z0-9._-]"));
    QString s = text.left(60);
    s.replace(bad, QStringLiteral("_"));
    return s.isEmpty() ? QStringLiteral("_") : s;
}

QJsonObject observationJson(const FaultObservation& o)
{
    return QJsonObject { { QStringLiteral("key"), o.key }, { QStringLiteral("event"), o.eventId },
        { QStringLiteral("node"), o.nodeId }, { QStringLiteral("region"), o.region },
        { QStringLiteral("pool"), o.pool }, { QStringLiteral("rack"), o.rack }, { QStringLiteral("vendor"), o.vendor },
        { QStringLiteral("model"), o.model }, { QStringLiteral("accelerator"), o.accelerator },
        { QStringLiteral("kind"), o.kind }, { QStringLiteral("code"), o.code },
        { QStringLiteral("message"), o.message }, { QStringLiteral("rule"), o.fault.ruleId },
        { QStringLiteral("component"), toKey(o.fault.component) },
        { QStringLiteral("severity"), Protocol::toString(o.fault.severity) },
        { QStringLiteral("action"), toKey(o.fault.action) }, { QStringLiteral("openedMs"), o.openedMs },
        { QStringLiteral("clearedMs"), o.clearedMs }, { QStringLiteral("fromSite"), o.fromSite },
        { QStringLiteral("toSite"), o.toSite } };
}

} // namespace

bool TarWriter::addFile(const QString& name, const QByteArray& content, qint64 mtimeSeconds)
{
    const QByteArray path = name.toUtf8();
    if (path.isEmpty() || path.size() > 99 || path.startsWith('/') || path.contains("..")
        || content.size() > MaxFileBytes)
        return false;
    char header[512] = {};
    memcpy(header, path.constData(), size_t(path.size()));
    putOctal(header + 100, 8, 0644);
    putOctal(header + 108, 8, 0);
    putOctal(header + 116, 8, 0);
    putOctal(header + 124, 12, content.size());
    putOctal(header + 136, 12, std::max<qint64>(0, mtimeSeconds));
    memset(header + 148, ' ', 8); // checksum field counts as spaces while summing
    header[156] = '0';
    memcpy(header + 257, "ustar", 6);
    memcpy(header + 263, "00", 2);
    unsigned sum = 0;
    for (unsigned char c : header)
        sum += c;
    putOctal(header + 148, 7, sum);
    header[155] = ' ';
    m_data.append(header, 512);
    m_data.append(content);
    m_data.append(QByteArray((512 - content.size() % 512) % 512, '\0'));
    return true;
}

QByteArray TarWriter::finish()
{
    m_data.append(QByteArray(1024, '\0'));
    return std::exchange(m_data, {});
}

QString supportBundleFileName(const Incident& incident)
{
    return QStringLiteral("meridian-incident-%1-%2.tar")
        .arg(incident.id)
        .arg(QDateTime::fromMSecsSinceEpoch(incident.firstSeenMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmmss")));
}

QByteArray buildSupportBundle(const SupportBundleInput& in)
{
    const Incident* incident = in.grouper ? in.grouper->incident(in.incidentId) : nullptr;
    if (!incident)
        return {};
    const qint64 mtime = in.createdMs / 1000;
    const QString dir = QStringLiteral("incident-%1/").arg(incident->id);
    TarWriter tar;

    QJsonObject agents;
    for (const Protocol::NodeInventory& inv : in.inventories)
        agents.insert(inv.nodeId, inv.agentVersion);
    tar.addFile(dir + QStringLiteral("manifest.json"),
        json({ { QStringLiteral("format"), QStringLiteral("meridian-support-bundle") }, { QStringLiteral("schema"), 1 },
            { QStringLiteral("createdMs"), in.createdMs }, { QStringLiteral("consoleVersion"), in.consoleVersion },
            { QStringLiteral("agentVersions"), agents },
            { QStringLiteral("files"),
                QJsonArray { QStringLiteral("incident.json"), QStringLiteral("timeline.json"),
                    QStringLiteral("blast-radius.json"), QStringLiteral("events.json"), QStringLiteral("settings.json"),
                    QStringLiteral("inventories/"), QStringLiteral("metrics/") } } }),
        mtime);

    QJsonArray members;
    for (int m : incident->members)
        members.append(observationJson(in.grouper->observations()[m]));
    tar.addFile(dir + QStringLiteral("incident.json"),
        json({ { QStringLiteral("id"), incident->id }, { QStringLiteral("key"), incident->key },
            { QStringLiteral("title"), incident->title }, { QStringLiteral("state"), toKey(incident->state) },
            { QStringLiteral("severity"), Protocol::toString(incident->severity) },
            { QStringLiteral("component"), toKey(incident->component) },
            { QStringLiteral("action"), toKey(incident->action) }, { QStringLiteral("region"), incident->region },
            { QStringLiteral("pool"), incident->pool }, { QStringLiteral("rack"), incident->rack },
            { QStringLiteral("firstSeenMs"), incident->firstSeenMs },
            { QStringLiteral("lastSeenMs"), incident->lastSeenMs },
            { QStringLiteral("resolvedMs"), incident->resolvedMs },
            { QStringLiteral("acknowledged"), incident->acknowledged }, { QStringLiteral("note"), incident->note },
            { QStringLiteral("members"), members } }),
        mtime);

    const RecoveryTimeline& t = in.timeline;
    tar.addFile(dir + QStringLiteral("timeline.json"),
        json({ { QStringLiteral("detectedMs"), t.detectedMs }, { QStringLiteral("isolatedMs"), t.isolatedMs },
            { QStringLiteral("jobsRestartedMs"), t.restartedMs }, { QStringLiteral("resumedMs"), t.resumedMs },
            { QStringLiteral("jobs"), t.jobs }, { QStringLiteral("jobsRestarted"), t.jobsRestarted },
            { QStringLiteral("totalMs"), t.totalMs() }, { QStringLiteral("targetMs"), RecoveryTargetMs },
            { QStringLiteral("withinTarget"), t.withinTarget() } }),
        mtime);

    QJsonArray jobs, capacity;
    for (const AffectedJob& j : in.radius.jobs)
        jobs.append(QJsonObject { { QStringLiteral("id"), j.jobId }, { QStringLiteral("name"), j.name },
            { QStringLiteral("state"), j.state }, { QStringLiteral("pool"), j.pool },
            { QStringLiteral("acceleratorsLost"), j.acceleratorsLost },
            { QStringLiteral("lastCheckpointMs"), j.lastCheckpointMs },
            { QStringLiteral("interruptedMs"), j.interruptedMs }, { QStringLiteral("recoveredMs"), j.recoveredMs } });
    for (const CapacityLoss& c : in.radius.capacity)
        capacity.append(QJsonObject { { QStringLiteral("region"), c.region }, { QStringLiteral("pool"), c.pool },
            { QStringLiteral("model"), c.model }, { QStringLiteral("accelerators"), c.accelerators },
            { QStringLiteral("nodes"), c.nodes } });
    tar.addFile(dir + QStringLiteral("blast-radius.json"),
        json({ { QStringLiteral("jobs"), jobs }, { QStringLiteral("capacity"), capacity },
            { QStringLiteral("siteLinks"), QJsonArray::fromStringList(in.radius.siteLinks) },
            { QStringLiteral("acceleratorsLost"), in.radius.acceleratorsLost },
            { QStringLiteral("nodesLost"), in.radius.nodesLost } }),
        mtime);

    QJsonArray events;
    for (const Protocol::Event& e : in.events)
        events.append(Protocol::Json::toJson(e));
    tar.addFile(dir + QStringLiteral("events.json"), json({ { QStringLiteral("events"), events } }), mtime);

    // Settings without secrets: where the console polls and how often, nothing that authenticates.
    QJsonArray sources;
    for (const SourceConfig& s : in.sources)
        sources.append(QJsonObject { { QStringLiteral("name"), s.name },
            { QStringLiteral("kind"),
                s.kind == SourceConfig::Kind::Fleet            ? QStringLiteral("fleet")
                    : s.kind == SourceConfig::Kind::Prometheus ? QStringLiteral("prometheus")
                                                               : QStringLiteral("agent") },
            { QStringLiteral("url"), s.url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString() },
            { QStringLiteral("intervalMs"), s.intervalMs },
            { QStringLiteral("tls"), s.url.scheme() == QLatin1String("https") } });
    tar.addFile(dir + QStringLiteral("settings.json"), json({ { QStringLiteral("sources"), sources } }), mtime);

    for (const Protocol::NodeInventory& inv : in.inventories)
        tar.addFile(dir + QStringLiteral("inventories/") + safeName(inv.nodeId) + QStringLiteral(".json"),
            json(Protocol::Json::toJson(inv)), mtime);
    for (const MetricSeries& m : in.metrics) {
        QJsonArray points;
        for (const MetricPoint& p : m.points)
            points.append(QJsonArray { p.timestampMs, number(p.min), number(p.max), number(p.last) });
        const QString name = safeName(m.nodeId)
            + (m.accelerator >= 0 ? QStringLiteral("-acc%1").arg(m.accelerator) : QStringLiteral("-node"))
            + QStringLiteral("-m%1.json").arg(m.metric);
        tar.addFile(dir + QStringLiteral("metrics/") + name,
            json({ { QStringLiteral("node"), m.nodeId }, { QStringLiteral("accelerator"), m.accelerator },
                { QStringLiteral("metric"), m.metric }, { QStringLiteral("fromMs"), m.fromMs },
                { QStringLiteral("toMs"), m.toMs },
                { QStringLiteral("columns"),
                    QJsonArray {
                        QStringLiteral("ts"), QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("last") } },
                { QStringLiteral("points"), points } }),
            mtime);
    }
    return tar.finish();
}

} // namespace Meridian::Faults
