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

GresList gresField(Reader& r, Key key)
{
    const GresParse parsed = parseGres(r.string(key));
    if (!parsed.ok())
        r.fail(key, parsed.error);
    return parsed.gres;
}

Node readNode(ApiVersion version, Reader& r)
{
    Node n;
    n.name = r.string("name");
    if (n.name.isEmpty())
        r.fail("name", Text::tr("missing"));
    n.hostname = r.string("hostname");
    n.address = r.string("address");
    // v0.0.38: "state": "mixed", "state_flags": ["DRAIN"]; v0.0.39+: "state": ["MIXED", "DRAIN"].
    const QStringList words = version == ApiVersion::V0038
        ? QStringList { r.string("state") } + r.strings("state_flags")
        : r.strings("state");
    applyNodeStateWords(words, &n.state, &n.flags, &n.otherFlags);
    n.reason = r.string("reason");
    n.reasonSetBy = r.string("reason_set_by_user");
    n.reasonTime = r.time("reason_changed_at");
    n.partitions = r.strings("partitions");
    n.cpus = int(r.integer("cpus", 0, MaxCpus));
    n.allocCpus = int(r.integer("alloc_cpus", 0, MaxCpus));
    n.features = r.stringOrStrings("features");
    n.gres = gresField(r, "gres");
    n.gresUsed = gresField(r, "gres_used");
    return n;
}

// v0.0.38 keeps a partition flat ("nodes", "total_cpus", "min nodes per job" with spaces, -1 for
// INFINITE); v0.0.39+ nests it ("nodes": {"configured", "total"}, "maximums": {"time": {…}}).
void readPartitionV38(Reader& r, Partition* p)
{
    p->nodesExpression = r.string("nodes");
    p->state = partitionStateFromWords({ r.string("state") });
    p->totalNodes = int(r.integer("total_nodes", 0, MaxCpus));
    p->totalCpus = int(r.integer("total_cpus", 0, qint64(1) << 40));
    const auto minutes = [&r](Key key) {
        const qint64 v = r.integer(key, -1, qint64(1) << 32, Unlimited);
        return v < 0 ? Unlimited : v;
    };
    p->maxTimeMinutes = minutes("max_time_limit");
    p->defaultTimeMinutes = minutes("default_time_limit");
    p->maxNodesPerJob = minutes("maximum_nodes_per_job");
    p->minNodesPerJob = r.integer("min nodes per job", 0, qint64(1) << 32);
    const GresParse gres = parseTresGres(r.string("tres"));
    if (!gres.ok())
        r.fail("tres", gres.error);
    p->gres = gres.gres;
}

qint64 limitOf(const Reader& r, Key key)
{
    const Number n = r.number(key, 0, qint64(1) << 32);
    return n.kind == Number::Set ? n.value : Unlimited;
}

void readPartitionNested(Reader& r, Partition* p)
{
    Reader nodes = r.object("nodes");
    p->nodesExpression = nodes.string("configured");
    p->totalNodes = int(nodes.integer("total", 0, MaxCpus));
    // v0.0.39 does not dump the state (data_parser v0.0.39: "add_skip(state_up) //FIXME").
    p->state = partitionStateFromWords(r.object("partition").strings("state"));
    p->totalCpus = int(r.object("cpus").integer("total", 0, qint64(1) << 40));
    Reader maximums = r.object("maximums");
    p->maxTimeMinutes = limitOf(maximums, "time");
    p->maxNodesPerJob = limitOf(maximums, "nodes");
    p->defaultTimeMinutes = limitOf(r.object("defaults"), "time");
    p->minNodesPerJob = r.object("minimums").integer("nodes", 0, qint64(1) << 32);
    Reader tres = r.object("tres");
    const GresParse gres = parseTresGres(tres.string("configured"));
    if (!gres.ok())
        tres.fail("configured", gres.error);
    p->gres = gres.gres;
}

Partition readPartition(ApiVersion version, Reader& r)
{
    Partition p;
    p.name = r.string("name");
    if (p.name.isEmpty())
        r.fail("name", Text::tr("missing"));
    if (version == ApiVersion::V0038)
        readPartitionV38(r, &p);
    else
        readPartitionNested(r, &p);
    const HostlistExpansion nodes = expandHostlist(p.nodesExpression, r.limits().maxHostlistNames);
    if (!nodes.ok())
        r.fail("nodes", nodes.error);
    p.nodes = nodes.names;
    return p;
}

} // namespace

Decoded<QList<Node>> decodeNodes(ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    return decodeList<Node>(version, httpStatus, body, limits, "nodes", readNode);
}

Decoded<QList<Partition>> decodePartitions(
    ApiVersion version, int httpStatus, const QByteArray& body, const Limits& limits)
{
    return decodeList<Partition>(version, httpStatus, body, limits, "partitions", readPartition);
}

} // namespace Meridian::Slurm
