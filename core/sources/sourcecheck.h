// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What `meridian check-source` reports per source, whatever its kind: reachable, server version, nodes seen (up,
// down, unassigned), accelerators per model, and every problem found in plain words.

#include <QJsonObject>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Meridian {

// What a scheduler source (Slurm) adds to its check: the figures sinfo and squeue give.
struct SchedulerCheck
{
    struct Partition
    {
        QString name;
        int nodes = 0;
        qint64 gpus = 0;
        qint64 gpusAllocated = 0;
    };
    bool present = false; ///< the source is a scheduler and answered
    bool nodeUpdate = false; ///< drain and resume over the scheduler's API
    QMap<QString, int> nodesByState; ///< "idle", "mixed+DRAIN", …
    QList<Partition> partitions;
    QMap<QString, int> jobsByState; ///< "RUNNING", "PENDING", …
    int nodesWithoutMetrics = -1; ///< -1: the configuration has no metrics source to compare with
    QStringList nodesWithoutMetricsNamed; ///< the first 20
};

struct SourceCheckReport
{
    QString name;
    QString kind; ///< "agent", "fleet", "prometheus", "slurm"
    QString status; ///< "up", "unreachable", "unauthorized", "bad-payload" (AgentStatus keys)
    QString serverVersion; ///< Prometheus' buildinfo version, an agent's version; empty: unknown
    int nodesTotal = 0;
    int nodesUp = 0;
    int nodesDown = 0;
    int nodesUnassigned = 0; ///< without a region label
    QStringList unassignedNodes; ///< named, the first 20
    int acceleratorsTotal = 0;
    QMap<QString, int> acceleratorsByModel;
    QStringList problems;
    QStringList warnings;
    SchedulerCheck scheduler;
    // Every node id the source names (host names; a scheduler's after its hostNames mapping): what
    // check-source compares between a scheduler and the metrics sources. Not in the JSON.
    QStringList nodeIds;
    bool usable() const { return status == QLatin1String("up"); }
};

struct AgentCheckReport;

// An agent's or fleet front's check (AgentCheck) in the terms of every source.
SourceCheckReport sourceCheckOf(const QString& name, const QString& kind, const AgentCheckReport& report);
// {"name","kind","status","serverVersion","nodes":{"total","up","down","unassigned"},
//  "accelerators":{"total","byModel":{MODEL:COUNT}},"problems":[…],"warnings":[…]}, and for a scheduler
//  "scheduler":{"nodeUpdate","nodesByState":{STATE:N},"partitions":[{"name","nodes","gpus","gpusAllocated"}],
//  "jobsByState":{STATE:N},"nodesWithoutMetrics":N or null,"nodesWithoutMetricsNamed":[…]}
QJsonObject toJson(const SourceCheckReport& report);

// Metrics sources (agent, fleet, prometheus) as opposed to a scheduler (slurm).
bool isMetricsKind(const QString& kind);

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::SourceCheckReport)
