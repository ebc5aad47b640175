// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sources/sourcecheck.h"

#include "core/sources/agentcheck.h"

#include <QJsonArray>

namespace Meridian {

SourceCheckReport sourceCheckOf(const QString& name, const QString& kind, const AgentCheckReport& report)
{
    SourceCheckReport r;
    r.name = name;
    r.kind = kind;
    r.status = QStringLiteral("up");
    for (const AgentCheckFinding& f : report.findings) {
        const QString line = f.what + QStringLiteral(": ") + f.detail;
        if (f.severity == AgentCheckFinding::Severity::Error) {
            r.problems.append(line);
            if (r.status == QLatin1String("up"))
                r.status = f.what == QLatin1String("authorization") ? QStringLiteral("unauthorized")
                                                                    : QStringLiteral("unreachable");
        } else if (f.severity == AgentCheckFinding::Severity::Warning) {
            r.warnings.append(line);
        }
    }
    if (report.hasInventory) {
        r.serverVersion = report.inventory.agentVersion;
        for (const Protocol::AcceleratorInfo& a : report.inventory.accelerators) {
            ++r.acceleratorsTotal;
            ++r.acceleratorsByModel[a.model];
        }
    }
    r.nodeIds = report.nodeIds;
    r.nodesTotal = report.isFleet ? report.fleetNodes : (report.hasInventory ? 1 : 0);
    const bool down = report.hasSnapshot && report.snapshot.sample.state == Protocol::NodeState::Down;
    r.nodesUp = report.isFleet || !down ? r.nodesTotal : 0; // a front lists its nodes, not their states
    r.nodesDown = r.nodesTotal - r.nodesUp;
    if (!report.isFleet && report.hasInventory && report.inventory.region.isEmpty()) {
        r.nodesUnassigned = 1;
        r.unassignedNodes.append(report.inventory.nodeId);
    }
    return r;
}

namespace {

QJsonObject countsJson(const QMap<QString, int>& counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject schedulerJson(const SchedulerCheck& s)
{
    QJsonArray partitions;
    for (const SchedulerCheck::Partition& p : s.partitions)
        partitions.append(QJsonObject { { QStringLiteral("name"), p.name }, { QStringLiteral("nodes"), p.nodes },
            { QStringLiteral("gpus"), p.gpus }, { QStringLiteral("gpusAllocated"), p.gpusAllocated } });
    return QJsonObject { { QStringLiteral("nodeUpdate"), s.nodeUpdate },
        { QStringLiteral("nodesByState"), countsJson(s.nodesByState) }, { QStringLiteral("partitions"), partitions },
        { QStringLiteral("jobsByState"), countsJson(s.jobsByState) },
        { QStringLiteral("nodesWithoutMetrics"),
            s.nodesWithoutMetrics < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(s.nodesWithoutMetrics) },
        { QStringLiteral("nodesWithoutMetricsNamed"), QJsonArray::fromStringList(s.nodesWithoutMetricsNamed) } };
}

} // namespace

bool isMetricsKind(const QString& kind)
{
    return kind == QLatin1String("agent") || kind == QLatin1String("fleet") || kind == QLatin1String("prometheus");
}

QJsonObject toJson(const SourceCheckReport& r)
{
    QJsonObject models;
    for (auto it = r.acceleratorsByModel.cbegin(); it != r.acceleratorsByModel.cend(); ++it)
        models.insert(it.key(), it.value());
    QJsonObject o { { QStringLiteral("name"), r.name }, { QStringLiteral("kind"), r.kind },
        { QStringLiteral("status"), r.status }, { QStringLiteral("usable"), r.usable() },
        { QStringLiteral("serverVersion"), r.serverVersion },
        { QStringLiteral("nodes"),
            QJsonObject { { QStringLiteral("total"), r.nodesTotal }, { QStringLiteral("up"), r.nodesUp },
                { QStringLiteral("down"), r.nodesDown }, { QStringLiteral("unassigned"), r.nodesUnassigned },
                { QStringLiteral("unassignedNodes"), QJsonArray::fromStringList(r.unassignedNodes) } } },
        { QStringLiteral("accelerators"),
            QJsonObject { { QStringLiteral("total"), r.acceleratorsTotal }, { QStringLiteral("byModel"), models } } },
        { QStringLiteral("problems"), QJsonArray::fromStringList(r.problems) },
        { QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings) } };
    if (r.scheduler.present)
        o.insert(QStringLiteral("scheduler"), schedulerJson(r.scheduler));
    return o;
}

} // namespace Meridian
