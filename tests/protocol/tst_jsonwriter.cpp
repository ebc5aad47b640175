// SPDX-License-Identifier: GPL-3.0-or-later
// The streaming writer against Qt's own encoder: every document must be
// byte-identical to Json::document(Json::toJson(value)), on hand-picked edge
// cases and on randomly generated pages (fixed seed), and decode strictly.
#include "core/protocol/jsonwriter.h"
#include "core/protocol/protocoljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Meridian::Protocol;

Q_DECLARE_METATYPE(Meridian::Protocol::NodesPage)

namespace {

constexpr qint64 Now = 1750000000000LL;

// What Qt writes for one value: the array "[v]" without its brackets.
QByteArray qtEncoding(const QJsonValue& value)
{
    const QByteArray doc = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return doc.mid(1, doc.size() - 2);
}

QByteArray written(double value)
{
    QByteArray out;
    JsonWriter::appendNumber(out, value);
    return out;
}

QByteArray written(const QString& value)
{
    QByteArray out;
    JsonWriter::appendString(out, value);
    return out;
}

// Strings that exercise every escaping path; `strict` leaves out lone
// surrogates, which no decoder hands back unchanged.
QString randomString(QRandomGenerator& rng, int maxLength, bool strict)
{
    static const char16_t pool[] = { u'a', u'Z', u'0', u'-', u' ', u'"', u'\\', u'/', u'\b', u'\f', u'\n', u'\r', u'\t',
        0x01, 0x1f, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0x4e2d, 0xfffd, 0xe000, 0xffff };
    QString s;
    const int length = int(rng.bounded(maxLength + 1));
    for (int i = 0; i < length; ++i) {
        const quint32 pick = rng.bounded(100);
        if (pick < 55) {
            s.append(QChar(char16_t(u'a' + rng.bounded(26))));
        } else if (pick < 90) {
            s.append(QChar(pool[rng.bounded(quint32(std::size(pool)))]));
        } else if (pick < 96 || strict) {
            s.append(QStringLiteral("\U0001F600")); // a surrogate pair
        } else {
            s.append(QChar(char16_t(0xd800 + rng.bounded(0x800)))); // a lone surrogate
        }
    }
    return s;
}

// Values in [min, max] shaped like the simulator's and agents' (rounded to
// 0.1 or 0.001, integral, or arbitrary), missing 15 % of the time.
double randomMeasurement(QRandomGenerator& rng, double min, double max)
{
    if (rng.bounded(100) < 15)
        return Missing;
    const double v = min + (max - min) * rng.generateDouble();
    switch (rng.bounded(4)) {
    case 0:
        return std::clamp(std::round(v * 10) / 10, min, max);
    case 1:
        return std::clamp(std::round(v * 1000) / 1000, min, max);
    case 2:
        return std::clamp(std::round(v), min, max);
    default:
        return v;
    }
}

Sample randomSample(QRandomGenerator& rng, qint64 seq, int accelerators)
{
    Sample s;
    s.seq = seq;
    s.timestampMs = Now + seq * 5000;
    s.state = NodeState(rng.bounded(4));
    s.node.cpuUtilization = randomMeasurement(rng, 0, 100);
    s.node.memoryTotalBytes = randomMeasurement(rng, 1e9, 4e12);
    s.node.memoryUsedBytes
        = isMissing(s.node.memoryTotalBytes) ? Missing : randomMeasurement(rng, 0, s.node.memoryTotalBytes);
    s.node.load1 = randomMeasurement(rng, 0, 1e6);
    s.node.netRxBytesPerSecond = randomMeasurement(rng, 0, 1e13);
    s.node.netTxBytesPerSecond = randomMeasurement(rng, 0, 1e13);
    s.node.diskReadBytesPerSecond = randomMeasurement(rng, 0, 1e13);
    s.node.diskWriteBytesPerSecond = randomMeasurement(rng, 0, 1e13);
    s.node.uptimeSeconds = randomMeasurement(rng, 0, 1e10);
    for (int i = 0; i < accelerators; ++i) {
        AcceleratorSample a;
        a.index = i;
        a.health = AcceleratorHealth(rng.bounded(4));
        a.utilization = randomMeasurement(rng, 0, 100);
        a.memoryUsedBytes = randomMeasurement(rng, 0, 2e11);
        a.temperatureC = randomMeasurement(rng, -50, 150);
        a.powerW = randomMeasurement(rng, 0, 5000);
        a.eccSingleBitTotal = randomMeasurement(rng, 0, 1e15);
        a.eccDoubleBitTotal = randomMeasurement(rng, 0, 1e15);
        if (rng.bounded(2))
            a.jobId = randomString(rng, 20, true) + u'j';
        s.accelerators.append(a);
    }
    return s;
}

Event randomEvent(QRandomGenerator& rng, bool strict)
{
    Event e;
    e.id = 1 + rng.bounded(1000000);
    e.timestampMs = Now - rng.bounded(86400000);
    e.kind = QStringLiteral("hbm-ecc");
    e.severity = Severity(rng.bounded(3));
    e.nodeId = randomString(rng, 30, strict);
    e.accelerator = int(rng.bounded(17)) - 1;
    e.message = randomString(rng, 80, strict);
    e.code = rng.bounded(2) ? randomString(rng, 10, strict) : QString();
    e.cleared = rng.bounded(4) == 0;
    return e;
}

NodeRecord randomRecord(QRandomGenerator& rng, int index, bool strict)
{
    NodeRecord r;
    const int accelerators = int(rng.bounded(17));
    r.nodeId = QStringLiteral("node-%1").arg(index) + randomString(rng, 8, strict);
    r.inventoryIncluded = rng.bounded(3) != 0;
    if (r.inventoryIncluded) {
        NodeInventory& n = r.inventory;
        n.nodeId = r.nodeId;
        if (rng.bounded(4) == 0)
            r.nodeId.clear(); // the encoder takes the id from the inventory
        n.hostname = randomString(rng, 40, strict);
        n.region = randomString(rng, 20, strict);
        n.pool = randomString(rng, 20, strict);
        n.rack = randomString(rng, 20, strict);
        for (int i = int(rng.bounded(6)); i > 0; --i)
            n.labels.insert(randomString(rng, 12, strict), randomString(rng, 30, strict));
        n.cpuCount = int(rng.bounded(65537));
        n.memoryBytes = qint64(rng.bounded(1LL << 50));
        for (int i = 0; i < accelerators; ++i)
            n.accelerators.append({ i, QStringLiteral("huawei"), randomString(rng, 16, strict),
                randomString(rng, 44, strict), qint64(rng.bounded(1LL << 40)) });
        n.agentVersion = randomString(rng, 20, strict);
        n.bootId = randomString(rng, 36, strict);
    }
    Snapshot& s = r.snapshot;
    s.instanceId = randomString(rng, 20, strict);
    s.sample = randomSample(rng, 1 + rng.bounded(1000000), accelerators);
    s.stateReason = randomString(rng, 40, strict);
    for (int i = int(rng.bounded(3)); i > 0; --i)
        s.faults.append(randomEvent(rng, strict));
    for (int i = int(rng.bounded(3)); i > 0; --i) {
        JobPlacement j;
        j.jobId = randomString(rng, 20, strict) + u'j';
        j.name = randomString(rng, 40, strict);
        j.tenant = randomString(rng, 12, strict);
        j.kind = QStringLiteral("training");
        j.state = QStringLiteral("running");
        for (int a = 0; a < accelerators; ++a)
            if (rng.bounded(2))
                j.accelerators.append(a);
        j.startedMs = Now - rng.bounded(1000000000);
        j.lastCheckpointMs = rng.bounded(2) ? 0 : Now - rng.bounded(1000000);
        s.jobs.append(j);
    }
    for (int i = int(rng.bounded(14)); i > 0; --i) {
        ProbeResult p;
        p.peer = randomString(rng, 30, strict) + u'p';
        p.windowEndMs = Now / 60000 * 60000;
        p.p50Ms = randomMeasurement(rng, 0, 60000);
        p.p90Ms = randomMeasurement(rng, 0, 60000);
        p.p99Ms = randomMeasurement(rng, 0, 60000);
        p.maxMs = randomMeasurement(rng, 0, 60000);
        p.loss = randomMeasurement(rng, 0, 1);
        p.count = int(rng.bounded(1000001));
        s.probes.append(p);
    }
    s.newestEventId = rng.bounded(1LL << 40);
    s.oldestSeq = s.sample.seq - qint64(rng.bounded(quint32(s.sample.seq)));
    return r;
}

NodesPage randomPage(QRandomGenerator& rng, int nodes, bool strict)
{
    NodesPage page;
    page.cursor = randomString(rng, 30, strict);
    page.more = rng.bounded(2);
    page.timestampMs = Now + rng.bounded(1000000);
    for (int i = 0; i < nodes; ++i)
        page.nodes.append(randomRecord(rng, i, strict));
    return page;
}

// A fully populated record with fixed values, for the hand-picked cases.
NodeRecord fixedRecord()
{
    QRandomGenerator rng(17);
    NodeRecord r = randomRecord(rng, 1, true);
    r.inventoryIncluded = true;
    r.inventory.nodeId = r.nodeId = QStringLiteral("wuhu-trn1-r01-n01");
    return r;
}

} // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void numbers_data()
    {
        QTest::addColumn<double>("value");
        const double inf = std::numeric_limits<double>::infinity();
        const double exact = 9007199254740992.0; // 2^53
        QTest::addRow("zero") << 0.0;
        QTest::addRow("negative zero") << -0.0;
        QTest::addRow("ms timestamp") << 1.7e12;
        QTest::addRow("ms timestamp odd") << 1750000012345.0;
        QTest::addRow("2^53") << exact;
        QTest::addRow("-2^53") << -exact;
        QTest::addRow("2^53 + 2") << exact + 2;
        QTest::addRow("-2^53 - 2") << -exact - 2;
        QTest::addRow("2^54") << exact * 2;
        QTest::addRow("1e16") << 1e16;
        QTest::addRow("1e17") << 1e17;
        QTest::addRow("1.5e20") << 1.5e20;
        QTest::addRow("2^63") << 9223372036854775808.0;
        QTest::addRow("1.2345678901234567e22") << 1.2345678901234567e22;
        QTest::addRow("max") << std::numeric_limits<double>::max();
        QTest::addRow("lowest") << std::numeric_limits<double>::lowest();
        QTest::addRow("denormal min") << std::numeric_limits<double>::denorm_min();
        QTest::addRow("normal min") << std::numeric_limits<double>::min();
        QTest::addRow("0.1") << 0.1;
        QTest::addRow("-0.5") << -0.5;
        QTest::addRow("1/3") << 1.0 / 3;
        QTest::addRow("0.001") << 0.001;
        QTest::addRow("0.0001") << 0.0001;
        QTest::addRow("0.00012") << 0.00012;
        QTest::addRow("0.000123") << 0.000123;
        QTest::addRow("0.0000125") << 0.0000125;
        QTest::addRow("loss 1/60") << std::round(1.0 / 60 * 10000) / 10000;
        QTest::addRow("1e-7") << 1e-7;
        QTest::addRow("1e-100") << 1e-100;
        QTest::addRow("fraction above 1e15") << 1e15 + 0.5;
        QTest::addRow("1234567.5") << 1234567.5;
        QTest::addRow("100000.5") << 100000.5;
        QTest::addRow("temperature") << 71.3;
        QTest::addRow("power") << 402.7;
        QTest::addRow("rtt") << 27.431;
        QTest::addRow("nan") << Missing;
        QTest::addRow("inf") << inf;
        QTest::addRow("-inf") << -inf;
    }
    void numbers()
    {
        QFETCH(double, value);
        QCOMPARE(written(value), qtEncoding(QJsonValue(value)));
    }

    // Every magnitude and digit count, including raw bit patterns.
    void numbersRandom()
    {
        QRandomGenerator rng(20250611);
        int checked = 0;
        for (int i = 0; i < 300000; ++i) {
            double v = 0;
            switch (i % 5) {
            case 0: { // any finite double
                const quint64 bits = rng.generate64();
                std::memcpy(&v, &bits, sizeof v);
                if (!std::isfinite(v))
                    continue;
                break;
            }
            case 1: // k significant digits at any decimal exponent near the switch points
                v = std::round(rng.generateDouble() * std::pow(10.0, 1 + rng.bounded(17)))
                    * std::pow(10.0, int(rng.bounded(50)) - 30);
                break;
            case 2: // integers around 2^53 and beyond
                v = double(qint64(rng.generate64() >> rng.bounded(20))) * (rng.bounded(2) ? 1 : -1);
                break;
            case 3: // rounded measurements
                v = std::round(rng.generateDouble() * 1e6) / std::pow(10.0, rng.bounded(7));
                break;
            default:
                v = (rng.generateDouble() - 0.5) * std::pow(10.0, int(rng.bounded(40)) - 20);
            }
            const QByteArray ours = written(v);
            const QByteArray qt = qtEncoding(QJsonValue(v));
            if (ours != qt)
                QFAIL(qPrintable(QStringLiteral("%1: wrote %2, Qt writes %3")
                                     .arg(v, 0, 'g', 17)
                                     .arg(QString::fromLatin1(ours), QString::fromLatin1(qt))));
            ++checked;
        }
        QVERIFY(checked > 290000);
    }

    void integers_data()
    {
        QTest::addColumn<qint64>("value");
        QTest::addRow("zero") << qint64(0);
        QTest::addRow("minus one") << qint64(-1);
        QTest::addRow("max") << std::numeric_limits<qint64>::max();
        QTest::addRow("min") << std::numeric_limits<qint64>::min();
        QTest::addRow("ms") << Now;
    }
    void integers()
    {
        QFETCH(qint64, value);
        QByteArray out;
        JsonWriter::appendInteger(out, value);
        QCOMPARE(out, qtEncoding(QJsonValue(value)));
    }

    void strings_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addRow("empty") << QString();
        QTest::addRow("plain") << QStringLiteral("guian-trn1-r03-n07");
        QTest::addRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ C:\\path\\ /slash/");
        QTest::addRow("short escapes") << QStringLiteral("\b\f\n\r\t");
        QTest::addRow("control characters") << QStringLiteral("\x01\x02\x1e\x1f\x7f");
        QTest::addRow("embedded nul") << QString(QChar(0)) + u'x';
        QTest::addRow("latin1") << QStringLiteral("Gui'an · café");
        QTest::addRow("cjk") << QStringLiteral("贵安 乌兰察布 芜湖");
        QTest::addRow("emoji") << QStringLiteral("rack 🔥 down 😀");
        QTest::addRow("bmp edges") << QString(QChar(0x7ff)) + QChar(0x800) + QChar(0xfffd) + QChar(0xffff);
        QTest::addRow("lone high surrogate") << QString(QChar(0xd800)) + u'x';
        QTest::addRow("lone low surrogate") << QString(QChar(0xdc00));
        QTest::addRow("high at the end") << QStringLiteral("x") + QChar(0xdbff);
        QTest::addRow("two highs then low") << QString(QChar(0xd83d)) + QChar(0xd83d) + QChar(0xde00);
        QTest::addRow("long") << QString(5000, u'é') + QString(5000, u'"');
    }
    void strings()
    {
        QFETCH(QString, value);
        QCOMPARE(written(value), qtEncoding(QJsonValue(value)));
    }

    void documents_data()
    {
        QTest::addColumn<NodesPage>("page");
        NodesPage empty;
        empty.cursor = QStringLiteral("sim-1:v1");
        empty.timestampMs = Now;
        QTest::addRow("no nodes") << empty;

        NodesPage full = empty;
        full.more = true;
        full.nodes.append(fixedRecord());
        QTest::addRow("one full record") << full;

        NodesPage missing = empty;
        NodeRecord m;
        m.nodeId = QStringLiteral("n1");
        m.snapshot.sample.timestampMs = Now;
        m.snapshot.sample.state = NodeState::Down;
        m.snapshot.sample.accelerators.append(AcceleratorSample {}); // every value missing
        missing.nodes.append(m);
        QTest::addRow("missing values") << missing;

        NodesPage emptyLists = empty;
        NodeRecord e = fixedRecord();
        e.inventory.labels.clear();
        e.inventory.accelerators.clear();
        e.snapshot.sample.accelerators.clear();
        e.snapshot.faults.clear();
        e.snapshot.jobs = { JobPlacement {} };
        e.snapshot.probes.clear();
        emptyLists.nodes.append(e);
        QTest::addRow("empty lists") << emptyLists;

        NodesPage escapes = empty;
        NodeRecord x = fixedRecord();
        x.nodeId.clear(); // taken from the inventory
        x.inventory.hostname = QStringLiteral("host\"\\\n\t\x01中😀");
        x.inventory.labels
            = { { QStringLiteral("B"), QStringLiteral("1") }, { QStringLiteral("a"), QStringLiteral("é") },
                  { QStringLiteral("é"), QStringLiteral("\x1f") }, { QStringLiteral("😀"), QStringLiteral("\"") },
                  { QString(QChar(0xe000)), QString(QChar(0xd800)) }, { QString(), QStringLiteral("empty key") } };
        x.snapshot.stateReason = QStringLiteral("2 accelerator(s) faulty — \"ECC\" \\ 贵安");
        Event ev;
        ev.id = 9;
        ev.timestampMs = Now;
        ev.kind = QStringLiteral("hbm-ecc");
        ev.severity = Severity::Critical;
        ev.message = QStringLiteral("double-bit\r\nerror");
        ev.code = QStringLiteral("0x80E01801");
        ev.accelerator = 0;
        ev.cleared = true;
        x.snapshot.faults = { ev, Event {} };
        escapes.nodes.append(x);
        QTest::addRow("escape-heavy strings") << escapes;

        NodesPage numbers = empty;
        NodeRecord n = fixedRecord();
        n.snapshot.sample.node.memoryTotalBytes = 4e15;
        n.snapshot.sample.node.memoryUsedBytes = 1.5e15 + 0.25;
        n.snapshot.sample.node.netRxBytesPerSecond = 1e13;
        n.snapshot.sample.node.load1 = 0.0001;
        n.snapshot.sample.node.cpuUtilization = 1e-7;
        n.snapshot.sample.node.uptimeSeconds = 9007199254740994.0;
        n.snapshot.sample.accelerators[0].eccSingleBitTotal = 1e15;
        n.snapshot.sample.accelerators[0].utilization = 33.333333333333336;
        n.snapshot.probes = { n.snapshot.probes.value(0) };
        n.snapshot.probes[0].p50Ms = 0.035;
        n.snapshot.probes[0].loss = 1.0 / 60;
        n.snapshot.newestEventId = qint64(1) << 53;
        n.inventory.memoryBytes = std::numeric_limits<qint64>::max();
        numbers.timestampMs = std::numeric_limits<qint64>::max();
        numbers.nodes.append(n);
        QTest::addRow("large and fractional numbers") << numbers;
    }
    void documents()
    {
        QFETCH(NodesPage, page);
        QCOMPARE(Json::writeNodesPage(page), Json::document(Json::toJson(page)));
        for (const NodeRecord& r : page.nodes) {
            QCOMPARE(Json::writeSnapshot(r.snapshot), Json::document(Json::toJson(r.snapshot)));
            QCOMPARE(Json::writeInventory(r.inventory), Json::document(Json::toJson(r.inventory)));
            QByteArray out;
            Json::appendSample(out, r.snapshot.sample);
            QCOMPARE(out, QJsonDocument(Json::toJson(r.snapshot.sample)).toJson(QJsonDocument::Compact));
            for (const Event& e : r.snapshot.faults) {
                out.clear();
                Json::appendEvent(out, e);
                QCOMPARE(out, QJsonDocument(Json::toJson(e)).toJson(QJsonDocument::Compact));
            }
        }
    }

    void appendKeepsWhatIsThere()
    {
        QByteArray out("prefix,");
        const NodeRecord r = fixedRecord();
        Json::appendNodeRecord(out, r);
        NodesPage page;
        page.nodes = { r };
        const QByteArray reference = Json::document(Json::toJson(page));
        const QByteArray record = reference.mid(reference.indexOf('[') + 1);
        QVERIFY(out.startsWith("prefix,{\"id\":"));
        QVERIFY(record.startsWith(out.mid(7)));
    }

    // Random pages, escape-heavy strings included, byte for byte.
    void randomPagesMatchQt()
    {
        QRandomGenerator rng(424242);
        for (int round = 0; round < 40; ++round) {
            const NodesPage page = randomPage(rng, int(rng.bounded(30)), false);
            const QByteArray expected = Json::document(Json::toJson(page));
            QCOMPARE(Json::writeNodesPage(page), expected);
        }
    }

    // Valid random pages decode strictly, and encode back to the same bytes.
    void randomPagesRoundTrip()
    {
        QRandomGenerator rng(777);
        for (int round = 0; round < 40; ++round) {
            const NodesPage page = randomPage(rng, 1 + int(rng.bounded(30)), true);
            const QByteArray body = Json::writeNodesPage(page);
            NodesPage decoded;
            const DecodeResult result = Json::decodeBody(body, &decoded);
            QVERIFY2(result.ok, qPrintable(result.error));
            QCOMPARE(decoded.nodes.size(), page.nodes.size());
            QCOMPARE(Json::writeNodesPage(decoded), body);

            SamplesPage samples;
            samples.instanceId = page.cursor;
            samples.oldestSeq = 5;
            samples.newestSeq = 5 + 40;
            samples.more = round % 2;
            for (qint64 seq = 5; seq < 5 + 40; ++seq)
                samples.samples.append(randomSample(rng, seq, int(rng.bounded(17))));
            const QByteArray samplesBody = Json::writeSamplesPage(samples);
            QCOMPARE(samplesBody, Json::document(Json::toJson(samples)));
            SamplesPage samplesDecoded;
            const DecodeResult samplesResult = Json::decodeBody(samplesBody, &samplesDecoded);
            QVERIFY2(samplesResult.ok, qPrintable(samplesResult.error));
            QCOMPARE(Json::writeSamplesPage(samplesDecoded), samplesBody);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
