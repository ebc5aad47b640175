// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Which node an id names, whichever source used it. Sources name the same host differently: Slurm by its
// NodeName ("gpu001"), a Prometheus by the host's FQDN ("gpu001.example.org"), an agent by whatever its
// configuration says. A bare host name and an FQDN whose first label it is are one node; two different FQDNs
// are two nodes even when their first labels match (two domains, two clusters), and a bare name joins at most
// one FQDN. Names compare without case,
// as DNS does. IP addresses and ids with a port or a path are never shortened.
//
// The node keeps the id it was first seen under: a node named by its agent as "gpu001.example.org" stays so
// when Slurm later reports "gpu001". Mappings a site configures (a Slurm node name that is not the host
// name at all) are the source's job (SlurmSourceOptions::hostNames): what reaches the store is a host name.

#include <QHash>
#include <QString>
#include <QStringList>

namespace Meridian {

class NodeIdentity
{
public:
    // The id the node that ID names is kept under; registers ID when it names no known node.
    QString resolve(const QString& id);
    // The same without registering: ID itself when it names no known node.
    QString lookup(const QString& id) const;
    // The node kept under CANONICAL is gone: its id and every alias of it are forgotten.
    void forget(const QString& canonical);
    // Room for TARGET nodes when there is none for WANTED; false when there was (FleetStore::growTables).
    bool reserve(qsizetype wanted, qsizetype target)
    {
        if (m_alias.capacity() >= wanted)
            return false;
        m_alias.reserve(target);
        m_byShort.reserve(target);
        return true;
    }

    // "gpu001" for "gpu001.example.org" and "GPU001"; empty when ID is not a host name that may be shortened.
    static QString shortName(const QString& id);
    // The ids of IDS that name none of the nodes KNOWN names, by the rules above (check-source: the nodes a
    // scheduler lists that no metrics source serves).
    static QStringList withoutMatch(const QStringList& ids, const QStringList& known);

private:
    QHash<QString, QString> m_alias; ///< an id sources use → the id the node is kept under
    QHash<QString, QString> m_byShort; ///< short name (lower case) → the node first seen under it
    QHash<QString, QString> m_fqdnOf; ///< a node kept under a bare name → the one FQDN that joined it
};

} // namespace Meridian
