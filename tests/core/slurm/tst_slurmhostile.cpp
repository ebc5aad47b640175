// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile slurmrestd answers: malformed, wrongly typed, oversized, absurd. Each is rejected whole with the
// offending field named, nothing crashes, and the caps hold.

#include "core/sources/slurm/slurmdecode.h"
#include "tests/core/slurm/slurmfixtures.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Meridian::Slurm;
using namespace Meridian::Slurm::Test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject fixtureObject(ApiVersion version, const QString& name)
{
    return QJsonDocument::fromJson(fixture(version, name)).object();
}

QByteArray withFirst(QJsonObject doc, const QString& list, const QString& key, const QJsonValue& value)
{
    QJsonArray items = doc.value(list).toArray();
    QJsonObject first = items.at(0).toObject();
    first.insert(key, value);
    items.replace(0, first);
    doc.insert(list, items);
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

// A v0.0.38 jobs answer of copies of the recorded job 1 (ids 1, 2, …), just over BYTES long.
QByteArray manyJobs(qsizetype bytes, int* count)
{
    const QJsonObject doc = fixtureObject(ApiVersion::V0038, u"jobs"_s);
    QJsonObject job = doc.value(u"jobs"_s).toArray().at(0).toObject();
    QByteArray head = QJsonDocument(QJsonObject { { u"meta"_s, doc.value(u"meta"_s) }, { u"errors"_s, QJsonArray() } })
                          .toJson(QJsonDocument::Compact);
    head.chop(1);
    QByteArray out = head + R"(,"jobs":[)";
    for (*count = 1;; ++*count) {
        job.insert(u"job_id"_s, *count);
        out += QJsonDocument(job).toJson(QJsonDocument::Compact);
        if (out.size() >= bytes)
            return out + "]}";
        out += ',';
    }
}

} // namespace

class TestSlurmHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("Authentication failure");
        QTest::newRow("truncated") << fixture(ApiVersion::V0038, u"nodes"_s).left(500);
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("nul bytes") << QByteArray("{\"nodes\":[\0\0]}", 14);
        QTest::newRow("deep nesting") << QByteArray(100000, '[');
    }
    void malformed()
    {
        QFETCH(QByteArray, body);
        for (ApiVersion v : supportedVersions()) {
            const auto d = decodeNodes(v, 200, body);
            QCOMPARE(d.failure, Failure::Malformed);
            QVERIFY(d.error.contains(u"not usable"_s));
            QVERIFY(d.value.isEmpty());
        }
    }

    void wrongTypes_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("path");
        const auto v38 = ApiVersion::V0038, v41 = ApiVersion::V0041;
        QTest::newRow("cpus as text") << v38 << u"nodes"_s << u"cpus"_s << QJsonValue(u"8"_s) << u"nodes[0].cpus"_s;
        QTest::newRow("cpus fractional") << v38 << u"nodes"_s << u"cpus"_s << QJsonValue(8.5) << u"nodes[0].cpus"_s;
        QTest::newRow("cpus negative") << v38 << u"nodes"_s << u"cpus"_s << QJsonValue(-8) << u"nodes[0].cpus"_s;
        QTest::newRow("name as number") << v38 << u"nodes"_s << u"name"_s << QJsonValue(1) << u"nodes[0].name"_s;
        QTest::newRow("name missing") << v38 << u"nodes"_s << u"name"_s << QJsonValue(u""_s) << u"nodes[0].name"_s;
        QTest::newRow("v0.0.38 state as array")
            << v38 << u"nodes"_s << u"state"_s << QJsonValue(QJsonArray { u"IDLE"_s }) << u"nodes[0].state"_s;
        QTest::newRow("v0.0.41 state as text")
            << v41 << u"nodes"_s << u"state"_s << QJsonValue(u"IDLE"_s) << u"nodes[0].state"_s;
        QTest::newRow("state flag not text")
            << v41 << u"nodes"_s << u"state"_s << QJsonValue(QJsonArray { 1 }) << u"nodes[0].state[0]"_s;
        QTest::newRow("bad gres") << v38 << u"nodes"_s << u"gres"_s << QJsonValue(u"gpu:h100:4:9"_s)
                                  << u"nodes[0].gres"_s;
        QTest::newRow("partitions not a list")
            << v38 << u"nodes"_s << u"partitions"_s << QJsonValue(u"gpu"_s) << u"nodes[0].partitions"_s;
        QTest::newRow("time as text") << v41 << u"nodes"_s << u"reason_changed_at"_s << QJsonValue(u"yesterday"_s)
                                      << u"nodes[0].reason_changed_at"_s;
        QTest::newRow("no_val number as text")
            << v41 << u"nodes"_s << u"reason_changed_at"_s
            << QJsonValue(QJsonObject { { u"set"_s, true }, { u"number"_s, u"5"_s } })
            << u"nodes[0].reason_changed_at.number"_s;
        QTest::newRow("no_val set as text")
            << v41 << u"nodes"_s << u"reason_changed_at"_s << QJsonValue(QJsonObject { { u"set"_s, u"yes"_s } })
            << u"nodes[0].reason_changed_at.set"_s;
        QTest::newRow("absurd hostlist") << v38 << u"partitions"_s << u"nodes"_s << QJsonValue(u"n[1-999999999]"_s)
                                         << u"partitions[0].nodes"_s;
        QTest::newRow("job id zero") << v38 << u"jobs"_s << u"job_id"_s << QJsonValue(0) << u"jobs[0].job_id"_s;
        QTest::newRow("job id too large") << v38 << u"jobs"_s << u"job_id"_s << QJsonValue(1e12) << u"jobs[0].job_id"_s;
        QTest::newRow("time limit as text")
            << v41 << u"jobs"_s << u"time_limit"_s << QJsonValue(u"1:00:00"_s) << u"jobs[0].time_limit"_s;
        QTest::newRow("job nodes absurd")
            << v41 << u"jobs"_s << u"nodes"_s << QJsonValue(u"a[1-100000]"_s) << u"jobs[0].nodes"_s;
        QTest::newRow("gres_detail not a list")
            << v38 << u"jobs"_s << u"gres_detail"_s << QJsonValue(u"gpu:1"_s) << u"jobs[0].gres_detail"_s;
        QTest::newRow("exit code not an object")
            << v41 << u"jobs"_s << u"exit_code"_s << QJsonValue(3) << u"jobs[0].exit_code"_s;
        QTest::newRow("requeue as number") << v38 << u"jobs"_s << u"requeue"_s << QJsonValue(1) << u"jobs[0].requeue"_s;
        QTest::newRow("huge string") << v38 << u"jobs"_s << u"name"_s << QJsonValue(QString(70000, u'x'))
                                     << u"jobs[0].name"_s;
    }
    void wrongTypes()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, list);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, path);
        const QByteArray body = withFirst(fixtureObject(version, list), list, key, value);
        Failure failure = Failure::None;
        QString error;
        if (list == u"nodes") {
            const auto d = decodeNodes(version, 200, body);
            failure = d.failure, error = d.error;
            QVERIFY(d.value.isEmpty());
        } else if (list == u"partitions") {
            const auto d = decodePartitions(version, 200, body);
            failure = d.failure, error = d.error;
        } else {
            const auto d = decodeJobs(version, 200, body);
            failure = d.failure, error = d.error;
        }
        QCOMPARE(failure, Failure::Malformed);
        QVERIFY2(error.contains(path + u':'), qPrintable(error));
    }

    void listNotAList()
    {
        QJsonObject doc = fixtureObject(ApiVersion::V0038, u"nodes"_s);
        doc.insert(u"nodes"_s, QJsonObject());
        const auto d = decodeNodes(ApiVersion::V0038, 200, QJsonDocument(doc).toJson());
        QCOMPARE(d.failure, Failure::Malformed);
        QVERIFY(d.error.contains(u"nodes:"_s));
        doc.remove(u"nodes"_s);
        QCOMPARE(decodeNodes(ApiVersion::V0038, 200, QJsonDocument(doc).toJson()).failure, Failure::Malformed);
        doc.insert(u"nodes"_s, QJsonArray { 1 });
        QVERIFY(decodeNodes(ApiVersion::V0038, 200, QJsonDocument(doc).toJson()).error.contains(u"nodes[0]:"_s));
        doc.insert(u"errors"_s, u"none"_s);
        QVERIFY(decodeNodes(ApiVersion::V0038, 200, QJsonDocument(doc).toJson()).error.contains(u"errors:"_s));
    }

    // Only the fields the decoder uses are checked for UTF-8 (and built at all): bad bytes in a used string
    // reject the answer, in a skipped one ("comment") they never reach the console.
    void invalidUtf8()
    {
        const QByteArray body = fixture(ApiVersion::V0038, u"nodes"_s);
        QByteArray usedBad = body;
        usedBad.replace(QByteArray(R"("name": "n1")"), QByteArray("\"name\": \"n\xff\""));
        QVERIFY(usedBad != body);
        const auto rejected = decodeNodes(ApiVersion::V0038, 200, usedBad);
        QCOMPARE(rejected.failure, Failure::Malformed);
        QVERIFY2(rejected.error.contains(u"UTF-8"_s), qPrintable(rejected.error));
        QByteArray skippedBad = body;
        skippedBad.replace(QByteArray(R"("comment": "")"), QByteArray("\"comment\": \"\xff\xfe\""));
        QVERIFY(skippedBad != body);
        const auto decoded = decodeNodes(ApiVersion::V0038, 200, skippedBad);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.value, decodeNodes(ApiVersion::V0038, 200, body).value);
    }

    void itemCap()
    {
        Limits limits;
        limits.maxItems = 3;
        const auto d = decodeNodes(ApiVersion::V0038, 200, fixture(ApiVersion::V0038, u"nodes"_s), limits);
        QCOMPARE(d.failure, Failure::Malformed);
        QVERIFY(d.error.contains(u"4 entries exceed the limit of 3"_s));
    }

    // A 50 MB answer against a 32 MiB cap is refused before it is parsed; under the default cap it decodes.
    void fiftyMegabytes()
    {
        int count = 0;
        const QByteArray body = manyJobs(50'000'000, &count);
        Limits tight;
        tight.maxBodyBytes = 32 * 1024 * 1024;
        QElapsedTimer timer;
        timer.start();
        const auto refused = decodeJobs(ApiVersion::V0038, 200, body, tight);
        QCOMPARE(refused.failure, Failure::TooLarge);
        QVERIFY(timer.elapsed() < 100);
        QVERIFY(refused.error.contains(QString::number(body.size())));
        timer.restart();
        const auto decoded = decodeJobs(ApiVersion::V0038, 200, body);
        QVERIFY2(decoded.ok(), qPrintable(decoded.error));
        QCOMPARE(decoded.value.size(), count);
        qInfo("%lld bytes, %d jobs (v0.0.38): decoded in %lld ms", qlonglong(body.size()), count, timer.elapsed());
    }

    // Random damage to every fixture of every version: never a crash, never a half answer.
    void mutations()
    {
        QRandomGenerator rng(20261207);
        const QStringList names { u"nodes"_s, u"partitions"_s, u"jobs"_s, u"slurmdb-jobs"_s };
        int rejected = 0;
        for (ApiVersion v : supportedVersions()) {
            for (const QString& name : names) {
                const QByteArray original = fixture(v, name);
                for (int round = 0; round < 150; ++round) {
                    QByteArray body = original;
                    const int edits = 1 + int(rng.bounded(4));
                    for (int e = 0; e < edits; ++e) {
                        const qsizetype at = qsizetype(rng.bounded(quint32(body.size())));
                        static const char bytes[] = "0123456789[]{}\",:-+eE.ntfalsu \\";
                        body[at] = bytes[rng.bounded(quint32(sizeof(bytes) - 1))];
                    }
                    if (rng.bounded(10) == 0)
                        body.truncate(qsizetype(rng.bounded(quint32(body.size()))));
                    bool ok = false;
                    if (name == u"nodes")
                        ok = decodeNodes(v, 200, body).ok();
                    else if (name == u"partitions")
                        ok = decodePartitions(v, 200, body).ok();
                    else if (name == u"jobs")
                        ok = decodeJobs(v, 200, body).ok();
                    else
                        ok = decodeSlurmdbJobs(v, 200, body).ok();
                    rejected += ok ? 0 : 1;
                }
            }
        }
        QVERIFY(rejected > 0);
        qInfo("%d of %d damaged answers rejected", rejected, 4 * 4 * 150);
    }
};

QTEST_GUILESS_MAIN(TestSlurmHostile)
#include "tst_slurmhostile.moc"
