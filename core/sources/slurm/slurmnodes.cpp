// SPDX-License-Identifier: GPL-3.0-or-later
// GET /slurm/vX/nodes and /slurm/vX/partitions.

#include "core/sources/slurm/hostlist.h"
#include "core/sources/slurm/slurmanswer_p.h"
#include "core/sources/slurm/slurmstates_p.h"
#include "core/sources/slurm/slurmtext_p.h"

namespace Meridian::Slurm {

using namespace Detail;

namespace {

constexpr qint64 MaxCpus = 1 << 24;

GresList gresField(Reader& r, const QString& key)
{
    const GresParse parsed = parseGres(r.string(key));
    if (!parsed.ok())
        r.fail(key, parsed.error);
    return parsed.gres;
}

Node readNode(ApiVersion version, Reader& r)
{
    Node n;
    n.name = r.string(QStringLiteral("name"));
    if (n.name.isEmpty())
        r.fail(QStringLiteral("name"), Text::tr("missing"));
    n.hostname = r.string(QStringLiteral("hostname"));
    n.address = r.string(QStringLiteral("address"));
    // v0.0.38: "state": "mixed", "state_flags": ["DRAIN"]; v0.0.39+: "state": ["MIXED", "DRAIN"].
    const QStringList words = version == ApiVersion::V0038
        ? QStringList { r.string(QStringLiteral("state")) } + r.strings(QStringLiteral("state_flags"))
        : r.strings(QStringLiteral("state"));
    applyNodeStateWords(words, &n.state, &n.flags, &n.otherFlags);
    n.reason = r.string(QStringLiteral("reason"));
    n.reasonSetBy = r.string(QStringLiteral("reason_set_by_user"));
    n.reasonTime = r.time(QStringLiteral("reason_changed_at"));
    n.partitions = r.strings(QStringLiteral("partitions"));
    n.cpus = int(r.integer(QStringLiteral("cpus"), 0, MaxCpus));
    n.allocCpus = int(r.integer(QStringLiteral("alloc_cpus"), 0, MaxCpus));
    n.features = r.stringOrStrings(QStringLiteral("features"));
    n.gres = gresField(r, QStringLiteral("gres"));
    n.gresUsed = gresField(r, QStringLiteral("gres_used"));
    return n;
}

// v0.0.38 keeps a partition flat ("nodes", "total_cpus", "min nodes per job" with spaces, -1 for
// INFINITE); v0.0.39+ nests it ("nodes": {"configured", "total"}, "maximums": {"time": {…}}).
void readPartitionV38(Reader& r, Partition* p)
{
    p->nodesExpression = r.string(QStringLiteral("nodes"));
    p->state = partitionStateFromWords({ r.string(QStringLiteral("state")) });
    p->totalNodes = int(r.integer(QStringLiteral("total_nodes"), 0, MaxCpus));
    p->totalCpus = int(r.integer(QStringLiteral("total_cpus"), 0, qint64(1) << 40));
    const auto minutes = [&r](const QString& key) {
        const qint64 v = r.integer(key, -1, qint64(1) << 32, Unlimited);
        return v < 0 ? Unlimited : v;
    };
    p->maxTimeMinutes = minutes(QStringLiteral("max_time_limit"));
    p->defaultTimeMinutes = minutes(QStringLiteral("default_time_limit"));
    p->maxNodesPerJob = minutes(QStringLiteral("maximum_nodes_per_job"));
    p->minNodesPerJob = r.integer(QStringLiteral("min nodes per job"), 0, qint64(1) << 32);
    const GresParse gres = parseTresGres(r.string(QStringLiteral("tres")));
    if (!gres.ok())
        r.fail(QStringLiteral("tres"), gres.error);
    p->gres = gres.gres;
}

qint64 limitOf(const Reader& r, const QString& key)
{
    const Number n = r.number(key, 0, qint64(1) << 32);
    return n.kind == Number::Set ? n.value : Unlimited;
}

void readPartitionNested(Reader& r, Partition* p)
{
    Reader nodes = r.object(QStringLiteral("nodes"));
    p->nodesExpression = nodes.string(QStringLiteral("configured"));
    p->totalNodes = int(nodes.integer(QStringLiteral("total"), 0, MaxCpus));
    // v0.0.39 does not dump the state (data_parser v0.0.39: "add_skip(state_up) //FIXME").
    p->state = partitionStateFromWords(r.object(QStringLiteral("partition")).strings(QStringLiteral("state")));
    p->totalCpus = int(r.object(QStringLiteral("cpus")).integer(QStringLiteral("total"), 0, qint64(1) << 40));
    Reader maximums = r.object(QStringLiteral("maximums"));
    p->maxTimeMinutes = limitOf(maximums, QStringLiteral("time"));
    p->maxNodesPerJob = limitOf(maximums, QStringLiteral("nodes"));
    p->defaultTimeMinutes = limitOf(r.object(QStringLiteral("defaults")), QStringLiteral("time"));
    p->minNodesPerJob = r.object(QStringLiteral("minimums")).integer(QStringLiteral("nodes"), 0, qint64(1) << 32);
    Reader tres = r.object(QStringLiteral("tres"));
    const GresParse gres = parseTresGres(tres.string(QStringLiteral("configured")));
    if (!gres.ok())
        tres.fail(QStringLiteral("configured"), gres.error);
    p->gres = gres.gres;
}

Partition readPartition(ApiVersion version, Reader& r)
{
    Partition p;
    p.name = r.string(QStringLiteral("name"));
    if (p.name.isEmpty())
        r.fail(QStringLiteral("name"), Text::tr("missing"));
    if (version == ApiVersion::V0038)
        readPartitionV38(r, &p);
    else
        readPartitionNested(r, &p);
    const HostlistExpansion nodes = expandHostlist(p.nodesExpression, r.limits().maxHostlistNames);
    if (!nodes.ok())
        r.fail(QStringLiteral("nodes"), nodes.error);
    p.nodes = nodes.names;
    return p;
}

} // namespace

Decoded<QList<Node>> decodeNodes(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    return decodeList<Node>(version, httpStatus, body, limits, QStringLiteral("nodes"), readNode);
}

Decoded<QList<Partition>> decodePartitions(
    ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    return decodeList<Partition>(version, httpStatus, body, limits, QStringLiteral("partitions"), readPartition);
}

} // namespace Meridian::Slurm
