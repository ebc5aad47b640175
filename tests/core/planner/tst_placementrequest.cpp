// SPDX-License-Identifier: GPL-3.0-or-later
// Requests as saved files and their checks; model families, built in and overridden.
#include "core/planner/modelfamilies.h"
#include "core/planner/placementrequest.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Meridian::Planner;

class TestPlacementRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void durations()
    {
        QCOMPARE(parseDuration(QStringLiteral("7d")), 7LL * 24 * 3600 * 1000);
        QCOMPARE(parseDuration(QStringLiteral("36h")), 36LL * 3600 * 1000);
        QCOMPARE(parseDuration(QStringLiteral("90m")), 90LL * 60 * 1000);
        QCOMPARE(parseDuration(QStringLiteral("2w")), 14LL * 24 * 3600 * 1000);
        QCOMPARE(parseDuration(QStringLiteral("7 days")), 0);
        QCOMPARE(parseDuration(QStringLiteral("-1d")), 0);
        QCOMPARE(formatDuration(7LL * 24 * 3600 * 1000), QStringLiteral("7d"));
        QCOMPARE(formatDuration(36LL * 3600 * 1000), QStringLiteral("36h"));
        QCOMPARE(parseMilliseconds(QStringLiteral("10ms")), 10.0);
        QCOMPARE(parseMilliseconds(QStringLiteral("2.5")), 2.5);
        QVERIFY(std::isnan(parseMilliseconds(QStringLiteral("fast"))));
    }

    void validation()
    {
        PlacementRequest r;
        r.model = QStringLiteral("Ascend 910B");
        r.count = 256;
        r.durationMs = parseDuration(QStringLiteral("7d"));
        QVERIFY(validate(r).isEmpty());
        PlacementRequest both = r;
        both.family = QStringLiteral("Ascend 910-class");
        QCOMPARE(validate(both).size(), 1);
        PlacementRequest bound = r;
        bound.maxP99Ms = 10;
        QCOMPARE(validate(bound).size(), 1); // no anchor
        bound.anchorSite = QStringLiteral("shanghai");
        QVERIFY(validate(bound).isEmpty());
        bound.pairClass = QStringLiteral("hub-city");
        QCOMPARE(validate(bound).size(), 1); // a bound and a class
        PlacementRequest cls = r;
        cls.anchorSite = QStringLiteral("shanghai");
        cls.pairClass = QStringLiteral("nearby");
        QCOMPARE(validate(cls).size(), 1); // no such class
        PlacementRequest regions = r;
        regions.allowRegions = { QStringLiteral("East China") };
        regions.denyRegions = { QStringLiteral("East China") };
        QCOMPARE(validate(regions).size(), 1);
        QVERIFY(!regions.allowsRegion(QStringLiteral("East China")));
    }

    void savedRequestsRoundTrip()
    {
        PlacementRequest a;
        a.name = QStringLiteral("256 × 910B near Shanghai");
        a.family = QStringLiteral("Ascend 910-class");
        a.count = 256;
        a.wholeNodes = true;
        a.minMemoryGiB = 64;
        a.durationMs = parseDuration(QStringLiteral("7d"));
        a.anchorSite = QStringLiteral("shanghai");
        a.maxP99Ms = 10;
        a.tenant = QStringLiteral("llm-team");
        a.denyRegions = { QStringLiteral("Northwest") };
        PlacementRequest b;
        b.model = QStringLiteral("H20");
        b.count = 16;
        b.durationMs = parseDuration(QStringLiteral("12h"));
        b.anchorSite = QStringLiteral("beijing");
        b.pairClass = QStringLiteral("hub-city");
        QList<PlacementRequest> loaded;
        QString error;
        QVERIFY2(loadRequests(saveRequests({ a, b }), &loaded, &error), qPrintable(error));
        QCOMPARE(loaded.size(), 2);
        QVERIFY(loaded[0] == a);
        QVERIFY(loaded[1].model == b.model && loaded[1].pairClass == b.pairClass && std::isnan(loaded[1].maxP99Ms));
        // A broken entry names itself.
        QVERIFY(!loadRequests(
            R"({"schema":1,"requests":[{"model":"H20","count":"many","duration":"1d"}]})", &loaded, &error));
        QVERIFY2(error.contains(QStringLiteral("requests[0]")) && error.contains(QStringLiteral("count")),
            qPrintable(error));
        QVERIFY(!loadRequests(R"({"schema":2,"requests":[]})", &loaded, &error));
    }

    void familiesBuiltInAndOverridden()
    {
        const QList<ModelFamily> builtIn = builtInFamilies();
        QVERIFY(!builtIn.isEmpty());
        QCOMPARE(acceptedModels({}, QStringLiteral("Ascend 910-class"), builtIn),
            QStringList({ QStringLiteral("Ascend 910B"), QStringLiteral("Ascend 910C") }));
        QCOMPARE(acceptedModels({}, QStringLiteral("ascend 910-CLASS"), builtIn).size(), 2);
        QCOMPARE(acceptedModels(QStringLiteral("H20"), {}, builtIn), QStringList { QStringLiteral("H20") });
        QVERIFY(acceptedModels({}, QStringLiteral("nope"), builtIn).isEmpty());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("planner-families.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"schema":1,"families":[{"name":"Ascend 910-class","models":["Ascend 910B"]},
                   {"name":"Lab","models":["X1"]}]})");
        f.close();
        QString warning;
        const QList<ModelFamily> merged = loadFamilies(path, &warning);
        QVERIFY(warning.isEmpty());
        QCOMPARE(merged.size(), builtIn.size() + 1);
        QCOMPARE(acceptedModels({}, QStringLiteral("Ascend 910-class"), merged),
            QStringList { QStringLiteral("Ascend 910B") });
        QCOMPARE(acceptedModels({}, QStringLiteral("Lab"), merged), QStringList { QStringLiteral("X1") });
        // A broken override is ignored, with a warning: the built-in families stay.
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(R"({"schema":1,"families":[{"name":"","models":[]}]})");
        f.close();
        QCOMPARE(loadFamilies(path, &warning), builtIn);
        QVERIFY(warning.contains(QStringLiteral("families[0]")));
    }
};

QTEST_GUILESS_MAIN(TestPlacementRequest)
#include "tst_placementrequest.moc"
