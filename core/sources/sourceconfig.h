// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/tlsclient.h"
#include "core/sources/prometheus/topologylabels.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

namespace Meridian {

// How a scheduler source names the pool of a node (Slurm: default one pool per partition, the node's first).
// The first rule that matches a node wins.
struct PoolRule
{
    enum class Match : quint8 { NamePrefix, Feature };
    Match match = Match::NamePrefix;
    QString value; ///< the node name's prefix, or a feature the node has
    QString pool;
    friend bool operator==(const PoolRule&, const PoolRule&) = default;
};

// How a scheduler source tells a job's kind ("training", "inference", "other"): Slurm has no such field, so a
// site says where it writes it. The first rule that matches a job wins; without one, a job whose QOS is
// called "training" or "inference" is that, and any other job is "other".
struct JobKindRule
{
    enum class Match : quint8 { Qos, NamePrefix, Partition, Account };
    Match match = Match::Qos;
    QString value; ///< the QOS, partition or account (exact, any case), or the job name's prefix
    QString kind; ///< "training", "inference" or "other"
    friend bool operator==(const JobKindRule&, const JobKindRule&) = default;
};

// One place the console polls: a single agent, a fleet front (the simulator,
// later an agent in gateway mode) that serves /api/v1/fleet and /api/v1/nodes,
// or a Slurm cluster's slurmrestd.
struct SourceConfig
{
    enum class Kind { Agent, Fleet, Prometheus, Slurm };
    QString name;
    Kind kind = Kind::Agent;
    QUrl url; ///< base URL, ending in '/'
    QString tokenFile; ///< path; the token itself never goes into the config
    int intervalMs = 5000;
    TlsClientFiles tls; ///< "ca", "clientCert", "clientKey": https only
    QString basicAuthFile; ///< prometheus: "user:password" on the first line; never in the config itself
    Prometheus::TopologyLabels labels; ///< prometheus: the label names of node, region, pool and rack
    // Prometheus: how far back a new cache reads history ("historyHours"; -1: the default, 48 h, the cache's
    // raw retention) and at what step ("historyStepSeconds", dividing a minute; 0: the default, 60 s).
    int historyHours = -1;
    static constexpr int MaxHistoryHours = 400 * 24; ///< beyond any Prometheus retention in use
    int historyStepSeconds = 0;
    QString credential; ///< name of the token in the keyring (CredentialStore); never the token itself
    // Resolved from the keyring by FleetSession before the source starts; memory
    // only: save() never writes these, they are not part of the file format.
    QByteArray token;
    QString credentialError; ///< why the keyring gave no token; the source reports it as "unauthorized"
    // Slurm only.
    QString user; ///< X-SLURM-USER-NAME: whom the JWT was issued to
    QString region; ///< the region of the cluster's nodes; empty: the source's name
    QList<PoolRule> pools; ///< partition → pool mapping overrides; empty: one pool per partition
    // Slurm NodeName → the host name other sources know the node by, where they differ beyond short name vs
    // FQDN (which the store matches by itself: nodeidentity.h). A node not listed keeps its NodeName.
    QMap<QString, QString> hostNames;
    QList<JobKindRule> jobKinds; ///< rules for a job's kind; empty: by QOS name only
    friend bool operator==(const SourceConfig&, const SourceConfig&) = default;
};

// The kind's word in the configuration file, the support bundle and check-source: "agent", "fleet",
// "prometheus", "slurm".
inline QString sourceKindKey(SourceConfig::Kind kind)
{
    switch (kind) {
    case SourceConfig::Kind::Agent:
        break;
    case SourceConfig::Kind::Fleet:
        return QStringLiteral("fleet");
    case SourceConfig::Kind::Prometheus:
        return QStringLiteral("prometheus");
    case SourceConfig::Kind::Slurm:
        return QStringLiteral("slurm");
    }
    return QStringLiteral("agent");
}

} // namespace Meridian
