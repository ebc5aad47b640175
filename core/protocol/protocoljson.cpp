// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/protocol/protocoljson.h"

#include "core/protocol/jsonreader_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Meridian::Protocol {

using namespace Detail;

namespace {
// A message key ("node.heartbeat-lost") and its arguments (peermessages.h): optional, for translation.
constexpr int MaxMessageKeyLength = 64;
constexpr int MaxMessageArgs = 8;

// --- node metrics and samples ------------------------------------------------

QJsonObject metricsToJson(const NodeMetrics& m)
{
    return QJsonObject {
        { QStringLiteral("cpu"), number(m.cpuUtilization) },
        { QStringLiteral("memUsed"), number(m.memoryUsedBytes) },
        { QStringLiteral("memTotal"), number(m.memoryTotalBytes) },
        { QStringLiteral("load1"), number(m.load1) },
        { QStringLiteral("netRx"), number(m.netRxBytesPerSecond) },
        { QStringLiteral("netTx"), number(m.netTxBytesPerSecond) },
        { QStringLiteral("diskRead"), number(m.diskReadBytesPerSecond) },
        { QStringLiteral("diskWrite"), number(m.diskWriteBytesPerSecond) },
        { QStringLiteral("uptime"), number(m.uptimeSeconds) },
    };
}

NodeMetrics metricsFromJson(Reader& r)
{
    NodeMetrics m;
    m.cpuUtilization = r.measurement(QStringLiteral("cpu"), 0, 100);
    m.memoryUsedBytes = r.measurement(QStringLiteral("memUsed"), 0, MaxBytes);
    m.memoryTotalBytes = r.measurement(QStringLiteral("memTotal"), 0, MaxBytes);
    m.load1 = r.measurement(QStringLiteral("load1"), 0, 1e6);
    m.netRxBytesPerSecond = r.measurement(QStringLiteral("netRx"), 0, 1e13);
    m.netTxBytesPerSecond = r.measurement(QStringLiteral("netTx"), 0, 1e13);
    m.diskReadBytesPerSecond = r.measurement(QStringLiteral("diskRead"), 0, 1e13);
    m.diskWriteBytesPerSecond = r.measurement(QStringLiteral("diskWrite"), 0, 1e13);
    m.uptimeSeconds = r.measurement(QStringLiteral("uptime"), 0, 1e10);
    if (r.ok() && !isMissing(m.memoryUsedBytes) && !isMissing(m.memoryTotalBytes)
        && m.memoryUsedBytes > m.memoryTotalBytes)
        r.fail(QStringLiteral("memUsed"), QStringLiteral("used memory exceeds the total"));
    return m;
}

// An accelerator sample is a positional array (see docs/protocol.md): the
// batched fleet answer carries hundreds of thousands of them.
enum AcceleratorColumn { AccIndex, AccHealth, AccUtil, AccMem, AccTemp, AccPower, AccSbe, AccDbe, AccJob, AccColumns };

QJsonArray acceleratorToJson(const AcceleratorSample& a)
{
    return QJsonArray { a.index, toString(a.health), number(a.utilization), number(a.memoryUsedBytes),
        number(a.temperatureC), number(a.powerW), number(a.eccSingleBitTotal), number(a.eccDoubleBitTotal),
        a.jobId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.jobId) };
}

AcceleratorSample acceleratorFromJson(Reader& r, const QString& key, const QJsonValue& value)
{
    AcceleratorSample a;
    if (!value.isArray() || value.toArray().size() != AccColumns) {
        r.fail(key, QStringLiteral("expected an array of %1 values").arg(int(AccColumns)));
        return a;
    }
    const QJsonArray v = value.toArray();
    a.index = int(r.checkInteger(key + QStringLiteral(".index"), v[AccIndex], 0, r.limits().maxAccelerators - 1));
    if (!v[AccHealth].isString() || !fromString(v[AccHealth].toString(), &a.health))
        r.fail(key + QStringLiteral(".health"), QStringLiteral("expected ok, warning, faulty or unknown"));
    a.utilization = r.checkMeasurement(key + QStringLiteral(".utilization"), v[AccUtil], 0, 100);
    a.memoryUsedBytes = r.checkMeasurement(key + QStringLiteral(".memUsed"), v[AccMem], 0, MaxBytes);
    a.temperatureC = r.checkMeasurement(key + QStringLiteral(".temperature"), v[AccTemp], -50, 150);
    a.powerW = r.checkMeasurement(key + QStringLiteral(".power"), v[AccPower], 0, 5000);
    a.eccSingleBitTotal = r.checkMeasurement(key + QStringLiteral(".eccSbe"), v[AccSbe], 0, 1e15);
    a.eccDoubleBitTotal = r.checkMeasurement(key + QStringLiteral(".eccDbe"), v[AccDbe], 0, 1e15);
    if (v[AccJob].isString()) {
        a.jobId = v[AccJob].toString();
        if (a.jobId.size() > r.limits().maxStringLength)
            r.fail(key + QStringLiteral(".job"), QStringLiteral("job id too long"));
    } else if (!v[AccJob].isNull()) {
        r.fail(key + QStringLiteral(".job"), QStringLiteral("expected a string or null"));
    }
    return a;
}

Sample sampleFromJson(Reader& r)
{
    Sample s;
    s.seq = r.integer(QStringLiteral("seq"), 0, MaxSeq);
    s.timestampMs = r.timestamp(QStringLiteral("ts"));
    s.state = r.enumeration(QStringLiteral("state"), NodeState::Up);
    {
        Reader node(r.object(QStringLiteral("node")), r.path(QStringLiteral("node")), r.result(), r.limits());
        s.node = metricsFromJson(node);
    }
    const QJsonArray acc = r.array(QStringLiteral("acc"), r.limits().maxAccelerators);
    s.accelerators.reserve(acc.size());
    for (qsizetype i = 0; i < acc.size() && r.ok(); ++i)
        s.accelerators.append(acceleratorFromJson(r, r.path(indexed(QStringLiteral("acc"), i)), acc.at(i)));
    return s;
}

// --- the rest of the types -----------------------------------------------------

JobPlacement jobFromJson(Reader& r)
{
    JobPlacement j;
    j.jobId = r.string(QStringLiteral("id"));
    j.name = r.string(QStringLiteral("name"), false);
    j.tenant = r.string(QStringLiteral("tenant"), false);
    j.user = r.string(QStringLiteral("user"), false);
    j.kind = r.string(QStringLiteral("kind"), false);
    j.state = r.string(QStringLiteral("state"), false);
    const QJsonArray acc = r.array(QStringLiteral("accelerators"), r.limits().maxAccelerators);
    for (qsizetype i = 0; i < acc.size() && r.ok(); ++i)
        j.accelerators.append(int(
            r.checkInteger(indexed(QStringLiteral("accelerators"), i), acc.at(i), 0, r.limits().maxAccelerators - 1)));
    j.startedMs = r.integer(QStringLiteral("startedMs"), 0, MaxTimestampMs, false);
    j.lastCheckpointMs = r.integer(QStringLiteral("lastCheckpointMs"), 0, MaxTimestampMs, false);
    return j;
}

ProbeResult probeFromJson(Reader& r)
{
    ProbeResult p;
    p.peer = r.string(QStringLiteral("peer"));
    p.windowEndMs = r.timestamp(QStringLiteral("windowEndMs"));
    p.p50Ms = r.measurement(QStringLiteral("p50Ms"), 0, 60000);
    p.p90Ms = r.measurement(QStringLiteral("p90Ms"), 0, 60000);
    p.p99Ms = r.measurement(QStringLiteral("p99Ms"), 0, 60000);
    p.maxMs = r.measurement(QStringLiteral("maxMs"), 0, 60000);
    p.loss = r.measurement(QStringLiteral("loss"), 0, 1);
    p.count = int(r.integer(QStringLiteral("count"), 0, 1000000));
    return p;
}

Event eventFromJson(Reader& r)
{
    Event e;
    e.id = r.integer(QStringLiteral("id"), 1, MaxSeq);
    e.timestampMs = r.timestamp(QStringLiteral("ts"));
    e.kind = r.string(QStringLiteral("kind"));
    e.severity = r.enumeration(QStringLiteral("severity"), Severity::Info);
    e.nodeId = r.string(QStringLiteral("node"), false);
    e.accelerator = int(r.integer(QStringLiteral("accelerator"), -1, r.limits().maxAccelerators - 1, false, -1));
    e.message = r.string(QStringLiteral("message"), false, r.limits().maxMessageLength);
    e.messageKey = r.string(QStringLiteral("messageKey"), false, MaxMessageKeyLength);
    e.messageArgs = r.strings(QStringLiteral("messageArgs"), MaxMessageArgs, r.limits().maxMessageLength);
    e.code = r.string(QStringLiteral("code"), false);
    e.cleared = r.boolean(QStringLiteral("cleared"));
    return e;
}

void snapshotFromJson(Reader& r, Snapshot* s)
{
    s->instanceId = r.string(QStringLiteral("instance"));
    {
        Reader sample(r.object(QStringLiteral("sample")), r.path(QStringLiteral("sample")), r.result(), r.limits());
        if (r.ok())
            s->sample = sampleFromJson(sample);
    }
    s->stateReason = r.string(QStringLiteral("stateReason"), false, r.limits().maxMessageLength);
    s->stateReasonKey = r.string(QStringLiteral("stateReasonKey"), false, MaxMessageKeyLength);
    s->stateReasonArgs = r.strings(QStringLiteral("stateReasonArgs"), MaxMessageArgs, r.limits().maxMessageLength);
    const QJsonArray faults = r.array(QStringLiteral("faults"), r.limits().maxFaultsPerNode, false);
    forEachObject(r, QStringLiteral("faults"), faults, [&](Reader& c) { s->faults.append(eventFromJson(c)); });
    const QJsonArray jobs = r.array(QStringLiteral("jobs"), r.limits().maxJobsPerNode, false);
    forEachObject(r, QStringLiteral("jobs"), jobs, [&](Reader& c) { s->jobs.append(jobFromJson(c)); });
    const QJsonArray probes = r.array(QStringLiteral("probes"), r.limits().maxProbesPerNode, false);
    forEachObject(r, QStringLiteral("probes"), probes, [&](Reader& c) { s->probes.append(probeFromJson(c)); });
    s->newestEventId = r.integer(QStringLiteral("newestEventId"), 0, MaxSeq);
    s->oldestSeq = r.integer(QStringLiteral("oldestSeq"), 0, MaxSeq);
    if (r.ok() && s->oldestSeq > s->sample.seq)
        r.fail(QStringLiteral("oldestSeq"), QStringLiteral("is newer than the sample"));
}

void inventoryFromJson(Reader& r, NodeInventory* n)
{
    n->nodeId = r.string(QStringLiteral("id"));
    if (r.ok() && n->nodeId.isEmpty())
        r.fail(QStringLiteral("id"), QStringLiteral("empty"));
    n->hostname = r.string(QStringLiteral("hostname"));
    n->region = r.string(QStringLiteral("region"));
    n->pool = r.string(QStringLiteral("pool"));
    n->rack = r.string(QStringLiteral("rack"));
    const QJsonObject labels = r.object(QStringLiteral("labels"), false);
    if (labels.size() > r.limits().maxLabels)
        r.fail(QStringLiteral("labels"), QStringLiteral("more than %1 labels").arg(r.limits().maxLabels));
    for (auto it = labels.begin(); it != labels.end() && r.ok(); ++it) {
        if (!it->isString() || it.key().size() > r.limits().maxStringLength
            || it->toString().size() > r.limits().maxStringLength)
            r.fail(QStringLiteral("labels.") + it.key().left(40), QStringLiteral("expected a short string"));
        else
            n->labels.insert(it.key(), it->toString());
    }
    n->cpuCount = int(r.integer(QStringLiteral("cpus"), 0, 65536));
    n->memoryBytes = r.integer(QStringLiteral("memoryBytes"), 0, qint64(MaxBytes));
    const QJsonArray acc = r.array(QStringLiteral("accelerators"), r.limits().maxAccelerators);
    forEachObject(r, QStringLiteral("accelerators"), acc, [&](Reader& c) {
        AcceleratorInfo a;
        a.index = int(c.integer(QStringLiteral("index"), 0, c.limits().maxAccelerators - 1));
        a.vendor = c.string(QStringLiteral("vendor"));
        a.model = c.string(QStringLiteral("model"));
        a.uuid = c.string(QStringLiteral("uuid"), false);
        a.memoryBytes = c.integer(QStringLiteral("memoryBytes"), 0, qint64(MaxBytes));
        n->accelerators.append(a);
    });
    for (qsizetype i = 0; i < n->accelerators.size() && r.ok(); ++i) {
        if (n->accelerators[i].index != i)
            r.fail(indexed(QStringLiteral("accelerators"), i), QStringLiteral("indexes must be 0…n-1 in order"));
    }
    n->agentVersion = r.string(QStringLiteral("agentVersion"));
    n->bootId = r.string(QStringLiteral("bootId"), false);
}

} // namespace

namespace Json {

QJsonObject toJson(const NodeInventory& n)
{
    QJsonObject labels;
    for (auto it = n.labels.cbegin(); it != n.labels.cend(); ++it)
        labels.insert(it.key(), it.value());
    QJsonArray acc;
    for (const AcceleratorInfo& a : n.accelerators)
        acc.append(QJsonObject { { QStringLiteral("index"), a.index }, { QStringLiteral("vendor"), a.vendor },
            { QStringLiteral("model"), a.model }, { QStringLiteral("uuid"), a.uuid },
            { QStringLiteral("memoryBytes"), a.memoryBytes } });
    return QJsonObject { { QStringLiteral("id"), n.nodeId }, { QStringLiteral("hostname"), n.hostname },
        { QStringLiteral("region"), n.region }, { QStringLiteral("pool"), n.pool }, { QStringLiteral("rack"), n.rack },
        { QStringLiteral("labels"), labels }, { QStringLiteral("cpus"), n.cpuCount },
        { QStringLiteral("memoryBytes"), n.memoryBytes }, { QStringLiteral("accelerators"), acc },
        { QStringLiteral("agentVersion"), n.agentVersion }, { QStringLiteral("bootId"), n.bootId } };
}

QJsonObject toJson(const Sample& s)
{
    QJsonArray acc;
    for (const AcceleratorSample& a : s.accelerators)
        acc.append(acceleratorToJson(a));
    return QJsonObject { { QStringLiteral("seq"), s.seq }, { QStringLiteral("ts"), s.timestampMs },
        { QStringLiteral("state"), toString(s.state) }, { QStringLiteral("node"), metricsToJson(s.node) },
        { QStringLiteral("acc"), acc } };
}

QJsonObject toJson(const Snapshot& s)
{
    QJsonArray jobs;
    for (const JobPlacement& j : s.jobs) {
        QJsonArray acc;
        for (int i : j.accelerators)
            acc.append(i);
        jobs.append(QJsonObject { { QStringLiteral("id"), j.jobId }, { QStringLiteral("name"), j.name },
            { QStringLiteral("tenant"), j.tenant }, { QStringLiteral("user"), j.user },
            { QStringLiteral("kind"), j.kind }, { QStringLiteral("state"), j.state },
            { QStringLiteral("accelerators"), acc }, { QStringLiteral("startedMs"), j.startedMs },
            { QStringLiteral("lastCheckpointMs"), j.lastCheckpointMs } });
    }
    QJsonArray probes;
    for (const ProbeResult& p : s.probes)
        probes.append(
            QJsonObject { { QStringLiteral("peer"), p.peer }, { QStringLiteral("windowEndMs"), p.windowEndMs },
                { QStringLiteral("p50Ms"), number(p.p50Ms) }, { QStringLiteral("p90Ms"), number(p.p90Ms) },
                { QStringLiteral("p99Ms"), number(p.p99Ms) }, { QStringLiteral("maxMs"), number(p.maxMs) },
                { QStringLiteral("loss"), number(p.loss) }, { QStringLiteral("count"), p.count } });
    QJsonArray faults;
    for (const Event& e : s.faults)
        faults.append(toJson(e));
    QJsonObject o { { QStringLiteral("instance"), s.instanceId }, { QStringLiteral("sample"), toJson(s.sample) },
        { QStringLiteral("stateReason"), s.stateReason }, { QStringLiteral("faults"), faults },
        { QStringLiteral("jobs"), jobs }, { QStringLiteral("probes"), probes },
        { QStringLiteral("newestEventId"), s.newestEventId }, { QStringLiteral("oldestSeq"), s.oldestSeq } };
    if (!s.stateReasonKey.isEmpty()) {
        o.insert(QStringLiteral("stateReasonKey"), s.stateReasonKey);
        o.insert(QStringLiteral("stateReasonArgs"), QJsonArray::fromStringList(s.stateReasonArgs));
    }
    return o;
}

QJsonObject toJson(const SamplesPage& page)
{
    QJsonArray samples;
    for (const Sample& s : page.samples)
        samples.append(toJson(s));
    return QJsonObject { { QStringLiteral("instance"), page.instanceId },
        { QStringLiteral("oldestSeq"), page.oldestSeq }, { QStringLiteral("newestSeq"), page.newestSeq },
        { QStringLiteral("more"), page.more }, { QStringLiteral("samples"), samples } };
}

QJsonObject toJson(const Event& e)
{
    QJsonObject o { { QStringLiteral("id"), e.id }, { QStringLiteral("ts"), e.timestampMs },
        { QStringLiteral("kind"), e.kind }, { QStringLiteral("severity"), toString(e.severity) },
        { QStringLiteral("node"), e.nodeId }, { QStringLiteral("message"), e.message } };
    if (e.accelerator >= 0)
        o.insert(QStringLiteral("accelerator"), e.accelerator);
    if (!e.messageKey.isEmpty()) {
        o.insert(QStringLiteral("messageKey"), e.messageKey);
        o.insert(QStringLiteral("messageArgs"), QJsonArray::fromStringList(e.messageArgs));
    }
    if (!e.code.isEmpty())
        o.insert(QStringLiteral("code"), e.code);
    if (e.cleared)
        o.insert(QStringLiteral("cleared"), true);
    return o;
}

QJsonObject toJson(const EventsPage& page)
{
    QJsonArray events;
    for (const Event& e : page.events)
        events.append(toJson(e));
    return QJsonObject { { QStringLiteral("newestId"), page.newestId }, { QStringLiteral("more"), page.more },
        { QStringLiteral("events"), events } };
}

QJsonObject toJson(const NodesPage& page)
{
    QJsonArray nodes;
    for (const NodeRecord& r : page.nodes) {
        // The id is always sent: later polls omit unchanged inventories, and the
        // snapshot alone does not name its node.
        QJsonObject o { { QStringLiteral("id"), r.nodeId.isEmpty() ? r.inventory.nodeId : r.nodeId },
            { QStringLiteral("snapshot"), toJson(r.snapshot) } };
        if (r.inventoryIncluded)
            o.insert(QStringLiteral("inventory"), toJson(r.inventory));
        nodes.append(o);
    }
    return QJsonObject { { QStringLiteral("cursor"), page.cursor }, { QStringLiteral("more"), page.more },
        { QStringLiteral("ts"), page.timestampMs }, { QStringLiteral("nodes"), nodes } };
}

QJsonObject fleetToJson(const QList<FleetEntry>& fleet)
{
    QJsonArray nodes;
    for (const FleetEntry& f : fleet)
        nodes.append(QJsonObject { { QStringLiteral("id"), f.nodeId }, { QStringLiteral("path"), f.basePath },
            { QStringLiteral("region"), f.region }, { QStringLiteral("pool"), f.pool },
            { QStringLiteral("rack"), f.rack } });
    return QJsonObject { { QStringLiteral("nodes"), nodes } };
}

QByteArray document(QJsonObject object)
{
    object.insert(QStringLiteral("schema"), Version);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

DecodeResult parseDocument(const QByteArray& body, QJsonObject* out, const Limits& limits)
{
    if (body.size() > limits.maxBodyBytes)
        return { false,
            QStringLiteral("body of %1 bytes exceeds the limit of %2").arg(body.size()).arg(limits.maxBodyBytes) };
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return { false, QStringLiteral("malformed JSON at byte %1: %2").arg(error.offset).arg(error.errorString()) };
    if (!doc.isObject())
        return { false, QStringLiteral("expected a JSON object at the top") };
    *out = doc.object();
    const QJsonValue schema = out->value(QStringLiteral("schema"));
    if (!schema.isDouble())
        return { false, QStringLiteral("schema: missing (not a Meridian agent?)") };
    if (schema.toDouble() != Version)
        return { false,
            QStringLiteral("schema: version %1 is not supported (this console speaks %2)")
                .arg(schema.toDouble())
                .arg(Version) };
    return {};
}

DecodeResult decode(const QJsonObject& json, NodeInventory* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("node"), &result, limits);
    NodeInventory n;
    inventoryFromJson(r, &n);
    if (result)
        *out = std::move(n);
    return result;
}

DecodeResult decode(const QJsonObject& json, Snapshot* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("snapshot"), &result, limits);
    Snapshot s;
    snapshotFromJson(r, &s);
    if (result)
        *out = std::move(s);
    return result;
}

DecodeResult decode(const QJsonObject& json, SamplesPage* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("samples"), &result, limits);
    SamplesPage page;
    page.instanceId = r.string(QStringLiteral("instance"));
    page.oldestSeq = r.integer(QStringLiteral("oldestSeq"), 0, MaxSeq);
    page.newestSeq = r.integer(QStringLiteral("newestSeq"), 0, MaxSeq);
    page.more = r.boolean(QStringLiteral("more"));
    const QJsonArray samples = r.array(QStringLiteral("samples"), limits.maxSamplesPerPage);
    forEachObject(r, QStringLiteral("samples"), samples, [&](Reader& c) { page.samples.append(sampleFromJson(c)); });
    for (qsizetype i = 1; i < page.samples.size() && result; ++i) {
        if (page.samples[i].seq <= page.samples[i - 1].seq)
            r.fail(indexed(QStringLiteral("samples"), i), QStringLiteral("seq must increase"));
    }
    if (result)
        *out = std::move(page);
    return result;
}

DecodeResult decode(const QJsonObject& json, EventsPage* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("events"), &result, limits);
    EventsPage page;
    page.newestId = r.integer(QStringLiteral("newestId"), 0, MaxSeq);
    page.more = r.boolean(QStringLiteral("more"));
    const QJsonArray events = r.array(QStringLiteral("events"), limits.maxEventsPerPage);
    forEachObject(r, QStringLiteral("events"), events, [&](Reader& c) { page.events.append(eventFromJson(c)); });
    for (qsizetype i = 1; i < page.events.size() && result; ++i) {
        if (page.events[i].id <= page.events[i - 1].id)
            r.fail(indexed(QStringLiteral("events"), i), QStringLiteral("ids must increase"));
    }
    if (result)
        *out = std::move(page);
    return result;
}

DecodeResult decode(const QJsonObject& json, NodesPage* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("nodes"), &result, limits);
    NodesPage page;
    page.cursor = r.string(QStringLiteral("cursor"));
    page.more = r.boolean(QStringLiteral("more"));
    page.timestampMs = r.timestamp(QStringLiteral("ts"));
    const QJsonArray nodes = r.array(QStringLiteral("nodes"), limits.maxNodesPerPage);
    page.nodes.reserve(nodes.size());
    forEachObject(r, QStringLiteral("nodes"), nodes, [&](Reader& c) {
        NodeRecord record;
        record.nodeId = c.string(QStringLiteral("id"), false);
        const QJsonObject inventory = c.object(QStringLiteral("inventory"), false);
        if (!inventory.isEmpty()) {
            Reader inv(inventory, c.path(QStringLiteral("inventory")), c.result(), c.limits());
            inventoryFromJson(inv, &record.inventory);
            record.inventoryIncluded = true;
            if (record.nodeId.isEmpty())
                record.nodeId = record.inventory.nodeId;
            else if (c.ok() && record.nodeId != record.inventory.nodeId)
                c.fail(QStringLiteral("id"), QStringLiteral("differs from inventory.id"));
        }
        if (c.ok() && record.nodeId.isEmpty())
            c.fail(QStringLiteral("id"), QStringLiteral("missing"));
        Reader snap(c.object(QStringLiteral("snapshot")), c.path(QStringLiteral("snapshot")), c.result(), c.limits());
        if (c.ok())
            snapshotFromJson(snap, &record.snapshot);
        page.nodes.append(std::move(record));
    });
    if (result)
        *out = std::move(page);
    return result;
}

DecodeResult decode(const QJsonObject& json, QList<FleetEntry>* out, const Limits& limits)
{
    DecodeResult result;
    Reader r(json, QStringLiteral("fleet"), &result, limits);
    QList<FleetEntry> fleet;
    const QJsonArray nodes = r.array(QStringLiteral("nodes"), limits.maxFleetEntries);
    fleet.reserve(nodes.size());
    forEachObject(r, QStringLiteral("nodes"), nodes, [&](Reader& c) {
        FleetEntry f;
        f.nodeId = c.string(QStringLiteral("id"));
        f.basePath = c.string(QStringLiteral("path"), true, 1024);
        f.region = c.string(QStringLiteral("region"));
        f.pool = c.string(QStringLiteral("pool"));
        f.rack = c.string(QStringLiteral("rack"));
        // A base path is joined to the fleet's URL: it must stay on that server.
        if (c.ok()
            && (!f.basePath.startsWith(u'/') || f.basePath.contains(QStringLiteral("..")) || f.basePath.contains(u'?')
                || f.basePath.contains(u'#') || f.basePath.startsWith(QStringLiteral("//"))))
            c.fail(QStringLiteral("path"), QStringLiteral("must be an absolute path on the same server"));
        fleet.append(std::move(f));
    });
    if (result)
        *out = std::move(fleet);
    return result;
}

} // namespace Json
} // namespace Meridian::Protocol
