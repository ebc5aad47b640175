// SPDX-License-Identifier: GPL-3.0-or-later
// Protocol v1 JSON: every type survives a round trip, every documented example
// in tests/fixtures/protocol decodes, and hostile documents are rejected with
// an error that names the offending field.

#include "core/protocol/protocoljson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian::Protocol;

namespace {

constexpr qint64 T0 = 1767225600000LL; // 2026-01-01T00:00:00Z

Sample makeSample(qint64 seq)
{
    Sample s;
    s.seq = seq;
    s.timestampMs = T0 + seq * 5000;
    s.state = NodeState::Degraded;
    s.node.cpuUtilization = 37.5;
    s.node.memoryUsedBytes = 8e9;
    s.node.memoryTotalBytes = 16e9;
    s.node.load1 = 1.25;
    s.node.netRxBytesPerSecond = 1.5e6;
    s.node.netTxBytesPerSecond = Missing; // missing must survive as null
    s.node.diskReadBytesPerSecond = 0;
    s.node.diskWriteBytesPerSecond = 4096;
    s.node.uptimeSeconds = 86400;
    AcceleratorSample a;
    a.index = 0;
    a.health = AcceleratorHealth::Warning;
    a.utilization = 97;
    a.memoryUsedBytes = 6.0e10;
    a.temperatureC = 61;
    a.powerW = 380.5;
    a.eccSingleBitTotal = 12;
    a.eccDoubleBitTotal = Missing;
    a.jobId = QStringLiteral("train-42");
    s.accelerators = { a };
    a.index = 1;
    a.health = AcceleratorHealth::Unknown;
    a.utilization = Missing;
    a.jobId.clear();
    s.accelerators.append(a);
    return s;
}

NodeInventory makeInventory()
{
    NodeInventory n;
    n.nodeId = QStringLiteral("wuhu-a2-r07-n03");
    n.hostname = QStringLiteral("wuhu-a2-r07-n03.example");
    n.region = QStringLiteral("east-china");
    n.pool = QStringLiteral("wuhu-training-a");
    n.rack = QStringLiteral("r07");
    n.labels
        = { { QStringLiteral("site"), QStringLiteral("wuhu") }, { QStringLiteral("tier"), QStringLiteral("hub") } };
    n.cpuCount = 192;
    n.memoryBytes = 1649267441664LL;
    n.accelerators = { { 0, QStringLiteral("huawei"), QStringLiteral("Ascend 910B3"), QStringLiteral("0000:C1:00.0/0"),
                           68719476736LL },
        { 1, QStringLiteral("huawei"), QStringLiteral("Ascend 910B3"), QStringLiteral("0000:C2:00.0/0"),
            68719476736LL } };
    n.agentVersion = QStringLiteral("0.1.0");
    n.bootId = QStringLiteral("0f9b1cc2-3e5c-4b6a-8d7e-2a1f4c6b8d90");
    return n;
}

Event makeEvent(qint64 id)
{
    Event e;
    e.id = id;
    e.timestampMs = T0 + id;
    e.kind = QStringLiteral("hbm-ecc");
    e.severity = Severity::Critical;
    e.nodeId = QStringLiteral("wuhu-a2-r07-n03");
    e.accelerator = 3;
    e.message = QStringLiteral("uncorrected ECC errors rose from 0 to 1");
    e.code = QStringLiteral("DBE");
    return e;
}

Snapshot makeSnapshot()
{
    Snapshot s;
    s.instanceId = QStringLiteral("7582485d0313fc738fcac2b20e45af80");
    s.sample = makeSample(9);
    s.stateReason = QStringLiteral("1 of 2 accelerators faulty");
    s.faults = { makeEvent(4) };
    JobPlacement j;
    j.jobId = QStringLiteral("train-42");
    j.name = QStringLiteral("llm-pretrain");
    j.tenant = QStringLiteral("lab-a");
    j.user = QStringLiteral("zhang.wei");
    j.kind = QStringLiteral("training");
    j.state = QStringLiteral("running");
    j.accelerators = { 0 };
    j.startedMs = T0 - 3600000;
    j.lastCheckpointMs = T0 - 600000;
    s.jobs = { j };
    ProbeResult p;
    p.peer = QStringLiteral("shanghai-e1-r01-n01");
    p.windowEndMs = T0;
    p.p50Ms = 4.2;
    p.p90Ms = 4.9;
    p.p99Ms = 6.1;
    p.maxMs = Missing;
    p.loss = 0;
    p.count = 60;
    s.probes = { p };
    s.newestEventId = 7;
    s.oldestSeq = 2;
    return s;
}

template <typename T> QByteArray encode(const T& value)
{
    return Json::document(Json::toJson(value));
}

// Decodes a body as the named document kind, as a client would.
DecodeResult decodeAs(const QString& kind, const QByteArray& body, const Limits& limits = {})
{
    if (kind == QLatin1String("node")) {
        NodeInventory v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("snapshot")) {
        Snapshot v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("samples")) {
        SamplesPage v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("events")) {
        EventsPage v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("nodes")) {
        NodesPage v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("jobs")) {
        JobsPage v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("job")) { // job-detail.json: GET /api/v1/jobs/ID
        JobDetail v;
        return Json::decodeBody(body, &v, limits);
    }
    if (kind == QLatin1String("fleet")) {
        QList<FleetEntry> v;
        return Json::decodeBody(body, &v, limits);
    }
    return { false, QStringLiteral("test: unknown kind") };
}

// A valid document of a kind with one top-level key replaced (or removed with an undefined value).
QByteArray with(const QByteArray& valid, const QString& path, const QJsonValue& value)
{
    QJsonObject root = QJsonDocument::fromJson(valid).object();
    const QStringList parts = path.split(u'.');
    std::function<void(QJsonObject&, int)> set = [&](QJsonObject& o, int i) {
        if (i == parts.size() - 1) {
            if (value.isUndefined())
                o.remove(parts[i]);
            else
                o.insert(parts[i], value);
            return;
        }
        QJsonValue child = o.value(parts[i]);
        if (child.isArray()) {
            QJsonArray a = child.toArray();
            QJsonObject first = a.at(0).toObject();
            set(first, i + 1);
            a.replace(0, first);
            o.insert(parts[i], a);
        } else {
            QJsonObject c = child.toObject();
            set(c, i + 1);
            o.insert(parts[i], c);
        }
    };
    set(root, 0);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray validDocument(const QString& kind)
{
    if (kind == QLatin1String("node"))
        return encode(makeInventory());
    if (kind == QLatin1String("snapshot"))
        return encode(makeSnapshot());
    if (kind == QLatin1String("samples")) {
        SamplesPage p;
        p.instanceId = QStringLiteral("abc");
        p.oldestSeq = 1;
        p.newestSeq = 3;
        p.samples = { makeSample(2), makeSample(3) };
        return encode(p);
    }
    if (kind == QLatin1String("events")) {
        EventsPage p;
        p.newestId = 6;
        p.events = { makeEvent(5), makeEvent(6) };
        return encode(p);
    }
    if (kind == QLatin1String("jobs")) {
        JobsPage p;
        p.cursor = QStringLiteral("j1");
        p.timestampMs = T0;
        JobRecord j;
        j.jobId = QStringLiteral("train-42");
        j.kind = QStringLiteral("training");
        j.state = QStringLiteral("queued");
        j.acceleratorsRequested = 1024;
        j.submitMs = T0;
        p.jobs = { j };
        return encode(p);
    }
    if (kind == QLatin1String("fleet"))
        return Json::document(Json::fleetToJson({ { QStringLiteral("n1"), QStringLiteral("/n/n1/"), QStringLiteral("r"),
            QStringLiteral("p"), QStringLiteral("k") } }));
    NodesPage p;
    p.cursor = QStringLiteral("c1");
    p.timestampMs = T0;
    NodeRecord r;
    r.inventory = makeInventory();
    r.inventoryIncluded = true;
    r.snapshot = makeSnapshot();
    p.nodes = { r };
    return encode(p);
}

} // namespace

class TestProtocolJson : public QObject
{
    Q_OBJECT
private slots:
    void roundTripInventory()
    {
        const NodeInventory n = makeInventory();
        NodeInventory back;
        QVERIFY2(Json::decodeBody(encode(n), &back), "decode");
        QCOMPARE(back, n);
    }

    void roundTripSnapshot()
    {
        const Snapshot s = makeSnapshot();
        Snapshot back;
        const DecodeResult r = Json::decodeBody(encode(s), &back);
        QVERIFY2(r, qPrintable(r.error));
        QCOMPARE(encode(back), encode(s));
        QCOMPARE(back.sample.accelerators.size(), 2);
        QVERIFY(isMissing(back.sample.node.netTxBytesPerSecond));
        QVERIFY(isMissing(back.sample.accelerators[0].eccDoubleBitTotal));
        QCOMPARE(back.sample.accelerators[0].jobId, QStringLiteral("train-42"));
        QVERIFY(back.sample.accelerators[1].jobId.isEmpty());
        QVERIFY(back.sample.accelerators[0].health == AcceleratorHealth::Warning);
        QCOMPARE(back.jobs.value(0).lastCheckpointMs, T0 - 600000);
        QCOMPARE(back.jobs.value(0).user, QStringLiteral("zhang.wei"));
        QCOMPARE(back.probes.value(0).p99Ms, 6.1);
        QCOMPARE(back.faults.value(0).code, QStringLiteral("DBE"));
    }

    void roundTripPagesAndFleet_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* k : { "samples", "events", "nodes", "jobs", "fleet" })
            QTest::addRow("%s", k) << QString::fromLatin1(k);
    }

    void roundTripPagesAndFleet()
    {
        QFETCH(QString, kind);
        const QByteArray body = validDocument(kind);
        const DecodeResult r = decodeAs(kind, body);
        QVERIFY2(r, qPrintable(r.error));
        // Re-encoding the decoded value gives the same bytes: nothing was lost or invented.
        QByteArray again;
        if (kind == QLatin1String("samples")) {
            SamplesPage v;
            Json::decodeBody(body, &v);
            again = encode(v);
        } else if (kind == QLatin1String("events")) {
            EventsPage v;
            Json::decodeBody(body, &v);
            again = encode(v);
        } else if (kind == QLatin1String("nodes")) {
            NodesPage v;
            Json::decodeBody(body, &v);
            again = encode(v);
        } else if (kind == QLatin1String("jobs")) {
            JobsPage v;
            Json::decodeBody(body, &v);
            again = encode(v);
        } else {
            QList<FleetEntry> v;
            Json::decodeBody(body, &v);
            again = Json::document(Json::fleetToJson(v));
        }
        QCOMPARE(again, body);
    }

    void documentedExamples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        const QDir dir(QStringLiteral(MERIDIAN_FIXTURES_DIR "/protocol"));
        const QStringList files = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 7);
        for (const QString& f : files) {
            // File names start with the document kind: snapshot.json, nodes-first-poll.json, error-401.json.
            const QString kind = f.section(u'-', 0, 0).section(u'.', 0, 0);
            QTest::addRow("%s", qPrintable(f)) << dir.filePath(f) << kind;
        }
    }

    void documentedExamples()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        // docs/protocol.md includes every example verbatim.
        QFile doc(QStringLiteral(MERIDIAN_SOURCE_DIR "/docs/protocol.md"));
        QVERIFY(doc.open(QIODevice::ReadOnly));
        QVERIFY2(doc.readAll().contains(body), qPrintable(file + QStringLiteral(" is not quoted in docs/protocol.md")));
        if (kind == QLatin1String("error")) {
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            QVERIFY(o.value(QStringLiteral("error")).isString());
            return;
        }
        const DecodeResult r = decodeAs(kind, body);
        QVERIFY2(r, qPrintable(file + QStringLiteral(": ") + r.error));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const QByteArray node = validDocument(QStringLiteral("node"));
        const QByteArray snap = validDocument(QStringLiteral("snapshot"));
        const QByteArray samples = validDocument(QStringLiteral("samples"));
        const QByteArray events = validDocument(QStringLiteral("events"));
        const QByteArray fleet = validDocument(QStringLiteral("fleet"));
        const QByteArray nodes = validDocument(QStringLiteral("nodes"));
        const QByteArray jobs = validDocument(QStringLiteral("jobs"));
        const QString longString(300, u'x');
        auto row = [](const char* name, const char* kind, const QByteArray& body, const char* expected) {
            QTest::addRow("%s", name) << QString::fromLatin1(kind) << body << QString::fromUtf8(expected);
        };
        row("garbage", "node", "\x00\xff\xfe garbage", "malformed JSON");
        row("bad utf-8", "node", "{\"schema\":1,\"id\":\"\xc3\x28\"}", "malformed JSON");
        row("array at top", "node", "[1,2]", "expected a JSON object");
        row("no schema", "node", with(node, QStringLiteral("schema"), QJsonValue::Undefined), "schema: missing");
        row("wrong schema", "node", with(node, QStringLiteral("schema"), 2), "schema: version 2");
        row("missing id", "node", with(node, QStringLiteral("id"), QJsonValue::Undefined), "node.id: missing");
        row("empty id", "node", with(node, QStringLiteral("id"), QString()), "node.id: empty");
        row("id wrong type", "node", with(node, QStringLiteral("id"), 5), "node.id: expected a string");
        row("oversized string", "node", with(node, QStringLiteral("hostname"), longString),
            "node.hostname: string of 300");
        row("cpus negative", "node", with(node, QStringLiteral("cpus"), -1), "node.cpus");
        row("cpus fractional", "node", with(node, QStringLiteral("cpus"), 1.5), "node.cpus");
        row("accelerator index gap", "node", with(node, QStringLiteral("accelerators.index"), 5),
            "node.accelerators[0]");
        row("label not string", "node", with(node, QStringLiteral("labels.site"), 3), "node.labels.site");
        row("utilization 140", "snapshot", with(snap, QStringLiteral("sample.node.cpu"), 140),
            "snapshot.sample.node.cpu: 140 is outside");
        row("memory used > total", "snapshot", with(snap, QStringLiteral("sample.node.memUsed"), 9e10),
            "snapshot.sample.node.memUsed");
        row("seconds as ms", "snapshot", with(snap, QStringLiteral("sample.ts"), 1767225600), "snapshot.sample.ts");
        row("ts as string", "snapshot", with(snap, QStringLiteral("sample.ts"), QStringLiteral("2026")),
            "snapshot.sample.ts: expected a number");
        row("unknown state", "snapshot", with(snap, QStringLiteral("sample.state"), QStringLiteral("on-fire")),
            "snapshot.sample.state: unknown value");
        row("acc not array", "snapshot", with(snap, QStringLiteral("sample.acc"), QJsonObject()),
            "snapshot.sample.acc: expected an array");
        row("oldestSeq after sample", "snapshot", with(snap, QStringLiteral("oldestSeq"), 100), "snapshot.oldestSeq");
        row("missing instance", "snapshot", with(snap, QStringLiteral("instance"), QJsonValue::Undefined),
            "snapshot.instance: missing");
        row("probe loss 2", "snapshot", with(snap, QStringLiteral("probes.loss"), 2), "snapshot.probes[0].loss");
        row("job accelerator 99", "snapshot", with(snap, QStringLiteral("jobs.accelerators"), QJsonArray { 99 }),
            "snapshot.jobs[0].accelerators[0]");
        row("fault severity", "snapshot", with(snap, QStringLiteral("faults.severity"), QStringLiteral("apocalyptic")),
            "snapshot.faults[0].severity");
        {
            QJsonObject o = QJsonDocument::fromJson(snap).object();
            QJsonObject sample = o.value(QStringLiteral("sample")).toObject();
            QJsonArray acc = sample.value(QStringLiteral("acc")).toArray();
            QJsonArray a0 = acc.at(0).toArray();
            QJsonArray shortRow = a0;
            shortRow.removeLast();
            acc.replace(0, shortRow);
            sample.insert(QStringLiteral("acc"), acc);
            o.insert(QStringLiteral("sample"), sample);
            row("accelerator row short", "snapshot", QJsonDocument(o).toJson(),
                "snapshot.sample.acc[0]: expected an array of 9");
            QJsonArray hot = a0;
            hot.replace(4, 400);
            acc.replace(0, hot);
            sample.insert(QStringLiteral("acc"), acc);
            o.insert(QStringLiteral("sample"), sample);
            row("accelerator 400 C", "snapshot", QJsonDocument(o).toJson(), "snapshot.sample.acc[0].temperature");
            QJsonArray health = a0;
            health.replace(1, QStringLiteral("great"));
            acc.replace(0, health);
            sample.insert(QStringLiteral("acc"), acc);
            o.insert(QStringLiteral("sample"), sample);
            row("accelerator health", "snapshot", QJsonDocument(o).toJson(), "snapshot.sample.acc[0].health");
        }
        {
            QJsonObject o = QJsonDocument::fromJson(samples).object();
            QJsonArray list = o.value(QStringLiteral("samples")).toArray();
            list.append(list.at(0));
            o.insert(QStringLiteral("samples"), list);
            row("seq not increasing", "samples", QJsonDocument(o).toJson(), "samples.samples[2]: seq must increase");
        }
        {
            QJsonObject o = QJsonDocument::fromJson(events).object();
            QJsonArray list = o.value(QStringLiteral("events")).toArray();
            list.append(list.at(0));
            o.insert(QStringLiteral("events"), list);
            row("ids not increasing", "events", QJsonDocument(o).toJson(), "events.events[2]: ids must increase");
        }
        row("event id zero", "events", with(events, QStringLiteral("events.id"), 0), "events.events[0].id");
        row("message oversized", "events", with(events, QStringLiteral("events.message"), QString(5000, u'm')),
            "events.events[0].message");
        row("more not bool", "samples", with(samples, QStringLiteral("more"), QStringLiteral("yes")),
            "samples.more: expected true or false");
        row("fleet path absolute url", "fleet",
            with(fleet, QStringLiteral("nodes.path"), QStringLiteral("http://evil.example/")), "fleet.nodes[0].path");
        row("fleet path traversal", "fleet", with(fleet, QStringLiteral("nodes.path"), QStringLiteral("/n/../../etc/")),
            "fleet.nodes[0].path");
        row("fleet path protocol-relative", "fleet",
            with(fleet, QStringLiteral("nodes.path"), QStringLiteral("//evil.example/")), "fleet.nodes[0].path");
        row("fleet path query", "fleet", with(fleet, QStringLiteral("nodes.path"), QStringLiteral("/n/a?x=1")),
            "fleet.nodes[0].path");
        row("nodes missing cursor", "nodes", with(nodes, QStringLiteral("cursor"), QJsonValue::Undefined),
            "nodes.cursor: missing");
        row("nodes id mismatch", "nodes", with(nodes, QStringLiteral("nodes.id"), QStringLiteral("other")),
            "nodes.nodes[0].id");
        row("jobs requested negative", "jobs", with(jobs, QStringLiteral("jobs.requested"), -4),
            "jobs.jobs[0].requested");
        row("jobs missing state", "jobs", with(jobs, QStringLiteral("jobs.state"), QJsonValue::Undefined),
            "jobs.jobs[0].state: missing");
    }

    void malformed()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const DecodeResult r = decodeAs(kind, body);
        QVERIFY2(!r.ok, "hostile document accepted");
        QVERIFY2(r.error.contains(expected),
            qPrintable(QStringLiteral("error \"%1\" does not name \"%2\"").arg(r.error, expected)));
    }

    void oversizedBodyAndArrays()
    {
        Limits small;
        small.maxBodyBytes = 100;
        QVERIFY(decodeAs(QStringLiteral("node"), validDocument(QStringLiteral("node")), small)
                    .error.contains(QStringLiteral("exceeds the limit")));
        Limits fewSamples;
        fewSamples.maxSamplesPerPage = 1;
        const DecodeResult r
            = decodeAs(QStringLiteral("samples"), validDocument(QStringLiteral("samples")), fewSamples);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("samples.samples")), qPrintable(r.error));
        // Nesting far beyond QJsonDocument's own limit must fail cleanly, not crash.
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        QVERIFY(!decodeAs(QStringLiteral("node"), deep).ok);
    }
};

QTEST_GUILESS_MAIN(TestProtocolJson)
#include "tst_protocoljson.moc"
