// SPDX-License-Identifier: GPL-3.0-or-later
// The main window wired as `meridian --demo` wires it, against the real
// meridian-fleetsim: once the simulator is paused, every number on the Overview
// (fleet summary and every region card, per accelerator model) equals /sim/truth.

#include "core/model/fleettypes.h"
#include "core/session/fleetsession.h"
#include "core/store/fleetstore.h"
#include "tests/support/simfixture.h"
#include "ui/overview/overviewpage.h"
#include "ui/overview/regioncard.h"
#include "ui/overview/summarybar.h"
#include "ui/shell/fleetstatuspanel.h"
#include "ui/shell/mainwindow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Meridian;

class TestOverviewTruth : public QObject
{
    Q_OBJECT
private:
    static QVariant valueOf(QWidget* root, const QString& name)
    {
        auto* label = root->findChild<QLabel*>(name);
        return label ? label->property("value") : QVariant(QStringLiteral("<no label %1>").arg(name));
    }

    // Every figure of one truth group (fleet or region) against the widget showing it.
    static void compareGroup(QWidget* root, const QJsonObject& truth, const QString& where)
    {
        const QJsonObject jobs = truth.value(QLatin1String("jobs")).toObject();
        const std::pair<const char*, int> figures[] = {
            { "nodesUp", truth.value(QLatin1String("nodesUp")).toInt() },
            { "nodesDown", truth.value(QLatin1String("nodesDown")).toInt() },
            { "openFaults", truth.value(QLatin1String("openFaults")).toInt() },
            { "jobsRunning", jobs.value(QLatin1String("running")).toInt() },
            { "jobsQueued", jobs.value(QLatin1String("queued")).toInt() },
            { "jobsRecovering", jobs.value(QLatin1String("recovering")).toInt() },
        };
        for (const auto& [name, expected] : figures) {
            const QString label = QLatin1String(name);
            QTRY_VERIFY2_WITH_TIMEOUT(valueOf(root, label) == QVariant(expected),
                qPrintable(QStringLiteral("%1 %2: shows %3, truth %4")
                               .arg(where, label, valueOf(root, label).toString())
                               .arg(expected)),
                20000);
        }
        const QJsonArray models = truth.value(QLatin1String("models")).toArray();
        QVERIFY2(!models.isEmpty(), qPrintable(where));
        for (const QJsonValue& m : models) {
            const QJsonObject model = m.toObject();
            const QString name = model.value(QLatin1String("model")).toString();
            for (const char* column : { "total", "allocated", "free", "faulty" }) {
                const QString label = QLatin1String(column) + QLatin1Char(':') + name;
                const int expected = model.value(QLatin1String(column)).toInt();
                QTRY_VERIFY2_WITH_TIMEOUT(valueOf(root, label) == QVariant(expected),
                    qPrintable(QStringLiteral("%1 %2: shows %3, truth %4")
                                   .arg(where, label, valueOf(root, label).toString())
                                   .arg(expected)),
                    20000);
            }
        }
    }

private Q_SLOTS:
    void initTestCase() { registerCoreMetaTypes(); }

    void overviewEqualsTruth()
    {
        Test::SimulatorFixture sim;
        QVERIFY2(sim.start({ QStringLiteral("--history"), QStringLiteral("30m"), QStringLiteral("--seed"),
                     QStringLiteral("7") }),
            qPrintable(sim.error()));

        QTemporaryDir cache;
        FleetSession session;
        QString error;
        QVERIFY2(sim.openSession(session, cache.path(), &error, QStringLiteral("Demo fleet")), qPrintable(error));
        MainWindow window(&session);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("overview")));
        auto* page = qobject_cast<OverviewPage*>(window.page(QStringLiteral("overview")));
        QVERIFY(page);

        // Every simulated node answers.
        FleetStore* store = session.store();
        QTRY_VERIFY_WITH_TIMEOUT(
            store->nodes().size() > 0 && store->agentStatusCounts().up == store->nodes().size(), 60000);

        // Freeze the simulation, then let the console catch up with the last changes.
        const Test::HttpResult paused
            = sim.post(QStringLiteral("sim/control"), QJsonObject { { QStringLiteral("paused"), true } }, 180000);
        QVERIFY2(paused.status == 200, qPrintable(paused.error + QString::fromUtf8(paused.body)));
        const Test::HttpResult truthAnswer = sim.get(QStringLiteral("sim/truth"), 180000);
        QVERIFY2(truthAnswer.status == 200, qPrintable(truthAnswer.error + QString::fromUtf8(truthAnswer.body)));
        const QJsonObject truth = QJsonDocument::fromJson(truthAnswer.body).object();
        QVERIFY(truth.value(QLatin1String("paused")).toBool());

        compareGroup(page->summaryBar(), truth.value(QLatin1String("fleet")).toObject(), QStringLiteral("fleet"));
        const QJsonArray regions = truth.value(QLatin1String("regions")).toArray();
        QVERIFY(regions.size() >= 3);
        QCOMPARE(page->findChildren<RegionCard*>().size(), regions.size());
        for (const QJsonValue& r : regions) {
            const QJsonObject region = r.toObject();
            const QString name = region.value(QLatin1String("region")).toString();
            RegionCard* card = page->card(name);
            QVERIFY2(card, qPrintable(name));
            compareGroup(card, region, name);
        }

        // Narrowing to a region shows that region's truth in the summary row.
        const QJsonObject first = regions.first().toObject();
        page->setScope(first.value(QLatin1String("region")).toString());
        compareGroup(page->summaryBar(), first, QStringLiteral("summary narrowed"));

        // The status bar counts every agent as up and the data as fresh (it redraws at most every 250 ms: a fast
        // fleet is all up before its first redraw).
        auto* up = window.fleetStatus()->findChild<QLabel*>(QStringLiteral("statusUp"));
        QTRY_COMPARE(up->property("value").toInt(), int(store->nodes().size()));
    }
};

QTEST_MAIN(TestOverviewTruth)
#include "tst_overviewtruth.moc"
