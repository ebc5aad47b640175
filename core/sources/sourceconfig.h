// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/net/tlsclient.h"
#include "core/sources/prometheus/topologylabels.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace Meridian {

// One place the console polls: a single agent, or a fleet front (the simulator,
// later an agent in gateway mode) that serves /api/v1/fleet and /api/v1/nodes.
struct SourceConfig
{
    enum class Kind { Agent, Fleet, Prometheus };
    QString name;
    Kind kind = Kind::Agent;
    QUrl url; ///< base URL, ending in '/'
    QString tokenFile; ///< path; the token itself never goes into the config
    int intervalMs = 5000;
    TlsClientFiles tls; ///< "ca", "clientCert", "clientKey": https only
    QString basicAuthFile; ///< prometheus: "user:password" on the first line; never in the config itself
    Prometheus::TopologyLabels labels; ///< prometheus: the label names of node, region, pool and rack
    QString credential; ///< name of the token in the keyring (CredentialStore); never the token itself
    // Resolved from the keyring by FleetSession before the source starts; memory
    // only: save() never writes these, they are not part of the file format.
    QByteArray token;
    QString credentialError; ///< why the keyring gave no token; the source reports it as "unauthorized"
    friend bool operator==(const SourceConfig&, const SourceConfig&) = default;
};

} // namespace Meridian
