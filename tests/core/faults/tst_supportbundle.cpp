// SPDX-License-Identifier: GPL-3.0-or-later
// The support bundle: a valid tar (read back by the system's tar), the files
// the manifest lists, their contents, and no secrets.
#include "core/faults/incidentgrouper.h"
#include "core/faults/supportbundle.h"
#include "tests/core/faults/faultfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;
using namespace Meridian::Faults;
using namespace Meridian::FaultFixture;

class TestSupportBundle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contents();
    void tarRejectsBadNames_data();
    void tarRejectsBadNames();
};

namespace {

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

} // namespace

void TestSupportBundle::contents()
{
    IncidentGrouper g(&FaultMap::builtIn());
    FaultObservation o = observation(
        QStringLiteral("sim|n1|5"), QStringLiteral("n1"), QStringLiteral("r1"), QStringLiteral("chip-fault"), 3, T0);
    o.eventId = 5;
    o.code = QStringLiteral("80CB8002");
    const int id = g.add(o);
    g.acknowledge(id, QStringLiteral("ticket 7"));

    SupportBundleInput in;
    in.grouper = &g;
    in.incidentId = id;
    in.radius.jobs.append({ QStringLiteral("job-1"), QStringLiteral("train"), QStringLiteral("running"),
        QStringLiteral("p1"), 1, T0 - 60000, T0, T0 + 300000 });
    in.radius.capacity.append({ QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("Ascend 910B"), 1, 0 });
    in.radius.acceleratorsLost = 1;
    in.timeline.detectedMs = T0;
    in.timeline.isolatedMs = T0;
    in.timeline.restartedMs = T0 + 300000;
    in.timeline.jobs = in.timeline.jobsRestarted = 1;
    in.events.append(fault(5, QStringLiteral("n1"), QStringLiteral("chip-fault"), 3, T0, QStringLiteral("80CB8002")));
    MetricSeries m;
    m.nodeId = QStringLiteral("n1");
    m.accelerator = 3;
    m.metric = int(AcceleratorMetric::TemperatureC);
    m.fromMs = T0 - 600000;
    m.toMs = T0 + 600000;
    m.points.append({ T0 - 5000, 40, 41, 41 });
    m.points.append({ T0, 88, 92, 90 });
    in.metrics.append(m);
    in.inventories.append(
        node(QStringLiteral("n1"), QStringLiteral("East"), QStringLiteral("p1"), QStringLiteral("r1")).inventory);
    SourceConfig s;
    s.name = QStringLiteral("east-front");
    s.kind = SourceConfig::Kind::Fleet;
    s.url = QUrl(QStringLiteral("https://user:hunter2@front.example:8443/?token=abc"));
    s.tokenFile = QStringLiteral("/etc/meridian/SECRET-token-file");
    s.credential = QStringLiteral("SECRET-keyring-name");
    in.sources.append(s);
    in.consoleVersion = QStringLiteral("9.9.9");
    in.createdMs = T0 + 900000;

    const QByteArray tar = buildSupportBundle(in);
    QVERIFY(tar.size() % 512 == 0);
    QVERIFY(!tar.contains("SECRET"));
    QVERIFY(!tar.contains("hunter2"));
    QVERIFY(!tar.contains("token=abc"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(supportBundleFileName(*g.incident(id))));
    QVERIFY(file.fileName().endsWith(QStringLiteral(".tar")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(tar);
    file.close();
    QProcess p;
    p.setWorkingDirectory(dir.path());
    p.start(QStringLiteral("tar"), { QStringLiteral("-xf"), file.fileName() });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);

    const QString root = dir.filePath(QStringLiteral("incident-%1/").arg(id));
    QStringList files = QDir(root).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files,
        (QStringList { QStringLiteral("blast-radius.json"), QStringLiteral("events.json"),
            QStringLiteral("incident.json"), QStringLiteral("manifest.json"), QStringLiteral("settings.json"),
            QStringLiteral("timeline.json") }));
    const QJsonObject manifest = readJson(root + QStringLiteral("manifest.json"));
    QCOMPARE(manifest.value(QLatin1String("consoleVersion")).toString(), QStringLiteral("9.9.9"));
    QCOMPARE(manifest.value(QLatin1String("agentVersions")).toObject().value(QLatin1String("n1")).toString(),
        QStringLiteral("0.1.0-test"));
    const QJsonObject incident = readJson(root + QStringLiteral("incident.json"));
    QCOMPARE(incident.value(QLatin1String("note")).toString(), QStringLiteral("ticket 7"));
    QCOMPARE(incident.value(QLatin1String("state")).toString(), QStringLiteral("acknowledged"));
    const QJsonObject member = incident.value(QLatin1String("members")).toArray().first().toObject();
    QCOMPARE(member.value(QLatin1String("code")).toString(), QStringLiteral("80CB8002"));
    QCOMPARE(member.value(QLatin1String("rule")).toString(), QStringLiteral("ascend-chip-other"));
    QCOMPARE(member.value(QLatin1String("action")).toString(), QStringLiteral("drain"));
    const QJsonObject timeline = readJson(root + QStringLiteral("timeline.json"));
    QCOMPARE(timeline.value(QLatin1String("totalMs")).toInteger(), 300000);
    QCOMPARE(timeline.value(QLatin1String("withinTarget")).toBool(), true);
    const QJsonObject radius = readJson(root + QStringLiteral("blast-radius.json"));
    QCOMPARE(radius.value(QLatin1String("jobs")).toArray().first().toObject().value(QLatin1String("id")).toString(),
        QStringLiteral("job-1"));
    QCOMPARE(readJson(root + QStringLiteral("events.json")).value(QLatin1String("events")).toArray().size(), 1);
    const QJsonObject source
        = readJson(root + QStringLiteral("settings.json")).value(QLatin1String("sources")).toArray().first().toObject();
    QCOMPARE(source.value(QLatin1String("url")).toString(), QStringLiteral("https://front.example:8443/"));
    QCOMPARE(source.value(QLatin1String("tls")).toBool(), true);
    QVERIFY(!source.contains(QLatin1String("tokenFile")));
    const QJsonObject inv = readJson(root + QStringLiteral("inventories/n1.json"));
    QCOMPARE(inv.value(QLatin1String("id")).toString(), QStringLiteral("n1"));
    const QJsonObject metric = readJson(root + QStringLiteral("metrics/n1-acc3-m3.json"));
    QCOMPARE(metric.value(QLatin1String("points")).toArray().size(), 2);
    QCOMPARE(metric.value(QLatin1String("points")).toArray().at(1).toArray().at(2).toDouble(), 92.0);
}

void TestSupportBundle::tarRejectsBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addRow("plain") << QStringLiteral("a/b.json") << true;
    QTest::addRow("absolute") << QStringLiteral("/etc/passwd") << false;
    QTest::addRow("parent") << QStringLiteral("a/../../x") << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("too long") << QString(120, QLatin1Char('a')) << false;
}

void TestSupportBundle::tarRejectsBadNames()
{
    QFETCH(QString, name);
    TarWriter w;
    QTEST(w.addFile(name, "x", 0), "ok");
}

QTEST_GUILESS_MAIN(TestSupportBundle)
#include "tst_supportbundle.moc"
