// SPDX-License-Identifier: GPL-3.0-or-later
// Job history on the wire: the detail fixture decodes, records round-trip,
// and hostile history is rejected with the offending field named.
#include "core/protocol/protocoljson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Meridian::Protocol;

namespace {
QByteArray fixture()
{
    QFile f(QStringLiteral(MERIDIAN_FIXTURES_DIR "/protocol/job-detail.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestJobProtocol : public QObject
{
    Q_OBJECT
private slots:
    void fixtureDecodes()
    {
        JobDetail d;
        const DecodeResult r = Json::decodeBody(fixture(), &d);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(d.job.segments.size(), 2);
        QCOMPARE(d.job.segments[0].endReason, QStringLiteral("interrupted"));
        QCOMPARE(d.job.interruptionLog.size(), 1);
        QCOMPARE(d.job.interruptionLog[0].faultEventId, 917);
        QCOMPARE(d.job.interruptionLog[0].recoveredMs, 1767213480000LL);
        QCOMPARE(d.job.checkpoints.size(), 5);
    }

    void roundTrip()
    {
        JobDetail d;
        QVERIFY(Json::decodeBody(fixture(), &d).ok);
        JobDetail back;
        const DecodeResult r = Json::decodeBody(Json::document(Json::toJson(d)), &back);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(back.job.segments, d.job.segments);
        QCOMPARE(back.job.interruptionLog, d.job.interruptionLog);
        QCOMPARE(back.job.checkpoints, d.job.checkpoints);
        // A list without history keeps the old encoding: no history keys at all.
        JobsPage page;
        page.timestampMs = d.timestampMs;
        JobRecord plain = d.job;
        plain.segments.clear();
        plain.interruptionLog.clear();
        plain.checkpoints.clear();
        page.jobs = { plain };
        const QJsonObject o = Json::toJson(page).value(QStringLiteral("jobs")).toArray().at(0).toObject();
        QVERIFY(!o.contains(QStringLiteral("segments")));
        QVERIFY(!o.contains(QStringLiteral("interrupts")));
    }

    void hostile_data()
    {
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::addRow("segment reason") << "segments"
                                        << "reason" << QJsonValue(QStringLiteral("exploded"))
                                        << "job.segments[0].reason";
        QTest::addRow("segment backwards") << "segments"
                                           << "end" << QJsonValue(1000000000000.0) << "job.segments[0].end";
        QTest::addRow("segment start text") << "segments"
                                            << "start" << QJsonValue(QStringLiteral("x")) << "job.segments[0].start";
        QTest::addRow("recovered before")
            << "interrupts"
            << "recovered" << QJsonValue(1767212000000.0) << "job.interrupts[0].recovered";
        QTest::addRow("fault negative") << "interrupts"
                                        << "fault" << QJsonValue(-1) << "job.interrupts[0].fault";
        QTest::addRow("cause huge") << "interrupts"
                                    << "cause" << QJsonValue(QString(5000, u'x')) << "job.interrupts[0].cause";
    }

    void hostile()
    {
        QFETCH(QString, array);
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject doc = QJsonDocument::fromJson(fixture()).object();
        QJsonObject job = doc.value(QStringLiteral("job")).toObject();
        QJsonArray a = job.value(array).toArray();
        QJsonObject first = a.at(0).toObject();
        first.insert(key, value);
        a[0] = first;
        job.insert(array, a);
        doc.insert(QStringLiteral("job"), job);
        JobDetail d;
        const DecodeResult r = Json::decodeBody(QJsonDocument(doc).toJson(), &d);
        QVERIFY(!r.ok);
        QFETCH(QString, error);
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
    }

    void tooManySegments()
    {
        QJsonObject doc = QJsonDocument::fromJson(fixture()).object();
        QJsonObject job = doc.value(QStringLiteral("job")).toObject();
        QJsonArray many;
        for (int i = 0; i < 11; ++i)
            many.append(QJsonObject { { QStringLiteral("start"), 1767204000000.0 }, { QStringLiteral("end"), 0 } });
        job.insert(QStringLiteral("segments"), many);
        doc.insert(QStringLiteral("job"), job);
        Limits limits;
        limits.maxJobSegments = 10;
        JobDetail d;
        const DecodeResult r = Json::decodeBody(QJsonDocument(doc).toJson(), &d, limits);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("job.segments")), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestJobProtocol)
#include "tst_jobprotocol.moc"
