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

struct SourceCheckReport
{
    QString name;
    QString kind; ///< "agent", "fleet", "prometheus"
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
    bool usable() const { return status == QLatin1String("up"); }
};

struct AgentCheckReport;

// An agent's or fleet front's check (AgentCheck) in the terms of every source.
SourceCheckReport sourceCheckOf(const QString& name, const QString& kind, const AgentCheckReport& report);
// {"name","kind","status","serverVersion","nodes":{"total","up","down","unassigned"},
//  "accelerators":{"total","byModel":{MODEL:COUNT}},"problems":[…],"warnings":[…]}
QJsonObject toJson(const SourceCheckReport& report);

} // namespace Meridian

Q_DECLARE_METATYPE(Meridian::SourceCheckReport)
